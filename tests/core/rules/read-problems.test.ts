import { strict as assert } from 'assert';
import { a1 } from '../../../src/core/cells';
import { readWorkbook } from '../../../src/core/reader';
import { runRules } from '../../../src/core/rules';
import cellValueIssues from '../../../src/core/rules/checks/cell-value-issues';
import rule from '../../../src/core/rules/checks/read-problems';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { seedSnapshots } from '../../fixtures/seed-2021';
import { cellsIn, seedWorkbook } from './seed-workbook';

const model = seedWorkbook();
model.problems.push({ table: 'gpbBasic', message: '06表第40行的科目编码“30A”无法识别', cells: [{ sheet: '公开06表', address: 'A40' }] });

// A word and an error value in amount cells, each with the problem the reader gives for it.
const withIssues = seedWorkbook({
  set: [
    ['income', '229', 'other', '见附表'],
    ['expenditure', '2010301', 'basic', '#REF!'],
    ['income', '201', 'fiscal', '1,256.53'],
  ],
});
const c = cellsIn(withIssues);
const ref = (at: string) => ({ sheet: at.split('!')[0], address: at.split('!')[1] });
const text = c('income', '229', 'other');
const error = c('expenditure', '2010301', 'basic');
withIssues.problems.push(
  { table: 'income', message: `收入决算表：${text} 应填金额，但填的是文字“见附表”，无法参与计算。`, cells: [ref(text)] },
  { table: 'expenditure', message: `支出决算表：${error} 是错误值 #REF!，无法参与计算。`, cells: [ref(error)] },
);
// The same cells in problems about something else as well: those are passed on.
const mixed = seedWorkbook({ set: [['income', '229', 'other', '见附表']] });
const m = cellsIn(mixed);
mixed.problems.push(
  { table: 'income', message: '收入决算表：第 20 行与第 21 行的科目重复', cells: [ref(m('income', '229', 'other')), { sheet: '公开02表', address: 'A21' }] },
  { table: 'income', message: '收入决算表：以文本存储的数字所在行无法识别', cells: [ref(m('income', '201', 'fiscal'))] },
  { table: undefined, message: '读取时出错（无单元格）', cells: [] },
);

new RuleTester().run(rule, {
  valid: [
    { name: 'nothing the reader could not read', model: seedWorkbook() },
    { name: 'text and error amount cells: left to cell-value-issues (which reports them from Amount.issue)', model: withIssues },
  ],
  invalid: [
    { name: 'a reader problem becomes a warning', model, findings: [{ severity: 'warning', message: '无法识别', cells: ['公开06表!A40'], table: 'gpbBasic' }] },
    {
      name: 'a problem that also names another cell, one on a clean amount cell, one with no cell: passed on',
      model: mixed,
      findings: [
        { severity: 'warning', message: '重复', cells: [m('income', '229', 'other'), '公开02表!A21'] },
        { severity: 'warning', message: '无法识别', cells: [m('income', '201', 'fiscal')] },
        { severity: 'warning', message: '无单元格', cells: [] },
      ],
    },
  ],
});

describe('read-problems with cell-value-issues on the reader’s model', () => {
  it('a text cell and an error cell in 03 each give exactly one finding (cell-value-issues), not a second from read-problems', () => {
    const snaps = seedSnapshots();
    const t03 = snaps.find((s) => s.name === '公开03表')!;
    const row = (code: number) => t03.values.findIndex((r) => r[0] === code);
    const r1 = row(2010301);
    const r2 = row(2010302);
    assert.ok(r1 > 0 && r2 > 0);
    t03.values[r1][3] = '待补';
    t03.values[r2][3] = { error: '#REF!' };
    const read = readWorkbook(snaps);
    const textCell = `公开03表!${a1(t03.top + r1, t03.left + 3)}`;
    const errorCell = `公开03表!${a1(t03.top + r2, t03.left + 3)}`;
    // The reader still lists both in model.problems (its own contract) …
    const problemCells = read.problems.flatMap((p) => p.cells.map((x) => `${x.sheet}!${x.address}`));
    assert.ok(problemCells.includes(textCell) && problemCells.includes(errorCell), problemCells.join(','));
    // … and the whole check reports each once.
    const findings = runRules(read);
    const citing = (cell: string) => findings.filter((f) => f.cells.some((x) => `${x.sheet}!${x.address}` === cell));
    assert.deepEqual(
      citing(textCell).map((f) => [f.rule, f.severity]),
      [[cellValueIssues.meta.id, 'warning']],
    );
    assert.match(citing(textCell)[0].message, /待补/);
    assert.deepEqual(
      citing(errorCell).map((f) => [f.rule, f.severity]),
      [[cellValueIssues.meta.id, 'error']],
    );
    // The seed's 04 misalignment (a problem about other cells) is still passed on.
    assert.ok(findings.some((f) => f.rule === 'read-problems' && /错位/.test(f.message)));
  });
});
