import rule from '../../../src/core/rules/checks/t04-income-grand-total-eq-expense-grand-total';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['fiscalSummary', 'inc.grandTotal', 'amount', 1406.54]] });
const w = cellsIn(wrong);
const cells = [w('fiscalSummary', 'inc.grandTotal', 'amount'), w('fiscalSummary', 'exp.grandTotal', 'total')];

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '总计 differ by 0.01',
      model: wrong,
      findings: [{ severity: 'error', message: '04表收入总计 1,406.54 ≠ 04表支出总计 1,406.53，差额 0.01（超出尾数容差 0.005）', cells }],
    },
    { name: 'tolerance 0.01: 尾数差异', model: wrong, options: { tolerance: 0.01 }, findings: [{ severity: 'rounding', message: '（尾数差异，容差 0.01）', cells }] },
  ],
});
