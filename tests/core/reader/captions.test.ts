import { strict as assert } from 'assert';
import type { TableKey } from '../../../src/core/model/tables';
import { readWorkbook } from '../../../src/core/reader';
import { checkModel } from '../../../src/core/workflows/check-workbook';
import { gridToSnapshot, seedGrid, seedSnapshots, SEED_TABLES } from '../../fixtures/seed-2021';

/**
 * Text is never a number (issue #9): some exports print the column captions in the amount
 * cells of an empty 08 / 09's 合计 row (`合计 | 基本支出 | 项目支出`). Read as captions, they
 * give at most one notice per table and never the error “填有 N 个非零数”.
 */
function withCaptions(key: TableKey): string[][] {
  const g = seedGrid(key).map((r) => [...r]);
  const header = g.findIndex((r) => r.includes('基本支出'));
  const total = g.findIndex((r) => r[0] === '合计');
  assert.ok(header > 0 && total > header);
  // The captions of the lowest header row, in the same columns.
  g[total] = g[total].map((c, i) => (i >= 2 ? g[header][i] || c : c));
  return g;
}

describe('reader: captions in amount cells (issue #9)', () => {
  it('an empty 08 and 09 with captions in their 合计 rows: no error, one notice per table', () => {
    const snaps = seedSnapshots().map((s, i) => {
      const key = SEED_TABLES[i].key;
      return key === 'govFund' || key === 'stateCapital' ? gridToSnapshot(s.name, withCaptions(key)) : s;
    });
    // the captions really sit in the amount cells
    const g09 = withCaptions('stateCapital');
    assert.deepEqual(g09.find((r) => r[0] === '合计')!.slice(2), ['合计', '基本支出', '项目支出']);
    const model = readWorkbook(snaps);
    for (const key of ['govFund', 'stateCapital'] as const) {
      const total = model.tables[key]!.lines.find((l) => l.id === 'total')!;
      assert.deepEqual(total.values, {}, `${key}: captions are not amounts`);
    }
    const found = checkModel(model);
    const about = (key: TableKey) => found.filter((f) => f.table === key);
    assert.ok(!found.some((f) => f.rule === 't04-fund-without-money-t08-t09-no-data'), found.map((f) => f.message).join('\n'));
    for (const key of ['govFund', 'stateCapital'] as const) {
      assert.equal(
        about(key).length,
        1,
        about(key)
          .map((f) => f.message)
          .join('\n'),
      );
      assert.equal(about(key)[0].severity, 'warning');
      assert.match(about(key)[0].message, /栏目名称/);
    }
  });

  it('words in amount cells that are not captions are still reported as text (and never counted as money)', () => {
    const snaps = seedSnapshots().map((s, i) => {
      if (SEED_TABLES[i].key !== 'stateCapital') return s;
      const g = seedGrid('stateCapital').map((r) => [...r]);
      const total = g.findIndex((r) => r[0] === '合计');
      g[total] = ['合计', '', '无', '无', '无'];
      return gridToSnapshot(s.name, g);
    });
    const found = checkModel(readWorkbook(snaps));
    assert.ok(!found.some((f) => f.rule === 't04-fund-without-money-t08-t09-no-data'), found.map((f) => f.message).join('\n'));
    assert.ok(found.some((f) => f.rule === 'cell-value-issues' && f.table === 'stateCapital' && f.severity === 'warning'));
  });
});
