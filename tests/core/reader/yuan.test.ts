import { strict as assert } from 'assert';
import { isDiagnosed } from '../../../src/core/findings/finding';
import { readWorkbook } from '../../../src/core/reader';
import { CONVERTED_NOTE, runRules } from '../../../src/core/rules';
import { checkModel } from '../../../src/core/workflows/check-workbook';
import { gridToSnapshot, seedGrid, seedSnapshots, SEED_TABLES } from '../../fixtures/seed-2021';

/** The seed's 03 kept in 元 (金额单位：元): every amount × 10 000, written as the exports do. */
function in元(slip?: { code: string; col: number; add: number }): string[][] {
  return seedGrid('expenditure').map((r) => {
    if (r.some((c) => /金额单位/.test(c))) return r.map((c) => c.replace('万元', '元'));
    if (!/^\d{3,7}$/.test(r[0]) && r[1] !== '合计') return r;
    return r.map((c, i) => {
      if (i < 2 || !c.trim()) return c;
      const v = Math.round(Number(c.replace(/,/g, '')) * 10000) + (slip && slip.code === r[0] && slip.col === i ? slip.add : 0);
      return v.toLocaleString('en-US');
    });
  });
}

const snapshotsWith = (grid: string[][]) => seedSnapshots().map((s, i) => (SEED_TABLES[i].key === 'expenditure' ? gridToSnapshot(s.name, grid) : s));

describe('reader + rules: a table in 元 (issue #9)', () => {
  it('is compared in 万元: the same findings as the seed, each naming the unit', () => {
    const base = runRules(readWorkbook(seedSnapshots()));
    const yuan = readWorkbook(snapshotsWith(in元()));
    assert.equal(yuan.tables.expenditure!.moneyUnit, '元');
    assert.equal(yuan.tables.expenditure!.lines.find((l) => l.id === '2010301')!.values.basic!.value, 3355400, 'the model keeps what the sheet says');
    const found = runRules(yuan);
    assert.deepEqual(
      found.map((f) => `${f.rule} ${f.severity}`),
      base.map((f) => `${f.rule} ${f.severity}`),
    );
    const about03 = found.filter((f) => f.cells.some((c) => c.sheet === yuan.tables.expenditure!.sheet));
    assert.ok(about03.length > 0);
    for (const f of about03) assert.ok(f.message.endsWith(CONVERTED_NOTE), f.message);
    // 万元 figures in the message
    assert.ok(
      about03.some((f) => /1,138\.54/.test(f.message)),
      about03.map((f) => f.message).join('\n'),
    );
  });

  it('a slip in the 元 table is diagnosed in 万元', () => {
    // 2010302 项目支出 typed 1,000,000 元 (100.00 万元) too high.
    const model = readWorkbook(snapshotsWith(in元({ code: '2010302', col: 4, add: 1_000_000 })));
    const slip = checkModel(model).find(isDiagnosed);
    assert.ok(slip, 'diagnosed');
    assert.equal(slip.expected, 634.31);
    assert.match(slip.message, /734\.31 应为 634\.31/);
    assert.ok(slip.message.endsWith(CONVERTED_NOTE), slip.message);
  });
});
