import rule from '../../../src/core/rules/checks/t01-income-total-eq-t02-total';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['income', 'total', 'total', 1474.08]] });
const w = cellsIn(wrong);
const cells = [w('summary', 'inc.total', 'amount'), w('income', 'total', 'total')];

new RuleTester().run(rule, {
  valid: [
    { name: 'the seed figures', model: seedWorkbook() },
    { name: 'no 02 table: skipped', model: seedWorkbook({ omit: ['income'] }) },
  ],
  invalid: [
    {
      name: '0.01 apart',
      model: wrong,
      findings: [{ severity: 'error', message: '01表本年收入合计 1,474.07 ≠ 02表合计行本年收入合计 1,474.08，差额 -0.01（超出尾数容差 0.005）', cells }],
    },
    { name: 'tolerance 0.01: 尾数差异', model: wrong, options: { tolerance: 0.01 }, findings: [{ severity: 'rounding', message: '（尾数差异，容差 0.01）', cells }] },
  ],
});
