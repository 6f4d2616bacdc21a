import { readInputs } from '../inputs/read';
import { verifyText } from '../narrative/verify';
import type { TextFinding, VerifyOptions } from '../narrative/verify/types';
import { readWorkbook } from '../reader/read-workbook';
import type { WorkbookHost } from '../host';

export type { TextFinding, VerifyOptions } from '../narrative/verify/types';
export { verifyText } from '../narrative/verify';

/**
 * 核对情况说明: read every sheet once, model the tables, read the 补充信息 sheet if
 * there is one, and check the text against them (docs/domain/rules.md 21–27).
 * Returns findings in text order, each with the exact quote and its offsets.
 */
export async function verifyNarrative(host: WorkbookHost, text: string, options: VerifyOptions = {}): Promise<TextFinding[]> {
  const snapshots = await host.readSheets();
  const model = readWorkbook(snapshots);
  const inputs = readInputs(snapshots);
  return verifyText(model, inputs.found ? inputs : undefined, text, options);
}
