import type { WorkbookModel } from '../../../src/core/model/tables';
import { readWorkbook } from '../../../src/core/reader';
import { seedSnapshots } from '../../fixtures/seed-2021';

/**
 * The seed report's tables (株洲市石峰区机关事务服务中心 2021, 公开01–09) as a
 * WorkbookModel: the published tables as laid out in the report
 * (tests/fixtures/seed-2021, copied verbatim), read by the product's own reader —
 * so the figure, draft and verify tests run on a real layout, and the seed's figures
 * live in one place.
 */
export function seedModel(): WorkbookModel {
  return readWorkbook(seedSnapshots());
}
