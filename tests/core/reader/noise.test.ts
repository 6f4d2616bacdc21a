import { strict as assert } from 'assert';
import { readWorkbook } from '../../../src/core/reader';
import { collapseProblems } from '../../../src/core/reader/read-workbook';
import { checkModel } from '../../../src/core/workflows/check-workbook';
import { gridToSnapshot, seedGrid } from '../../fixtures/seed-2021';

/** A reader problem repeating row after row is one finding per table and kind, listing its cells (issue #9). */
describe('reader: repeated problems collapse', () => {
  it('codes it cannot read in many rows: one problem naming every cell', () => {
    // An export that prefixes the codes with a letter on every 项 row.
    const g = seedGrid('expenditure').map((r) => (/^\d{7}$/.test(r[0]) ? [`X${r[0]}`, ...r.slice(1)] : r));
    const rows = g.filter((r) => /^X\d{7}$/.test(r[0])).length;
    assert.ok(rows >= 5);
    const wb = readWorkbook([gridToSnapshot('支出', g)]);
    const unread = wb.problems.filter((p) => /无法识别科目编码/.test(p.message));
    assert.equal(unread.length, 1, wb.problems.map((p) => p.message).join('\n'));
    assert.equal(unread[0].cells.length, rows);
    assert.match(unread[0].message, new RegExp(`同类问题共 ${rows} 处：A\\d+、`));
    const found = checkModel(wb).filter((f) => f.rule === 'read-problems');
    assert.equal(found.filter((f) => /无法识别科目编码/.test(f.message)).length, 1);
  });

  it('different kinds and different tables stay apart; a single problem is unchanged', () => {
    const p = (table: 'income' | 'expenditure', message: string, address: string) => ({ table, message, cells: [{ sheet: 'S', address }] });
    const out = collapseProblems([
      p('expenditure', '“S”表 A7 单元格：科目“301”重复出现（第 6 行已有），已按第一次出现读取。', 'A7'),
      p('expenditure', '“S”表 A8 单元格：科目“301”重复出现（第 6 行已有），已按第一次出现读取。', 'A8'),
      p('income', '“S”表 A9 单元格：科目“301”重复出现（第 6 行已有），已按第一次出现读取。', 'A9'),
      p('expenditure', '“S”表 B3 单元格：无法识别科目编码“X”，该行未读取。', 'B3'),
    ]);
    assert.equal(out.length, 3);
    assert.deepEqual(
      out[0].cells.map((c) => c.address),
      ['A7', 'A8'],
    );
    assert.match(out[0].message, /同类问题共 2 处：A7、A8。$/);
    assert.equal(out[1].message, '“S”表 A9 单元格：科目“301”重复出现（第 6 行已有），已按第一次出现读取。');
  });
});
