import rule from '../../../src/core/rules/checks/t01-income-grand-total-eq-expense-grand-total';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['summary', 'exp.grandTotal', 'amount', 1474.08]] });
const w = cellsIn(wrong);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '收入总计 ≠ 支出总计 by 0.01',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '01表收入总计 1,474.07 ≠ 01表支出总计 1,474.08，差额 -0.01（超出尾数容差 0.005）',
          cells: [w('summary', 'inc.grandTotal', 'amount'), w('summary', 'exp.grandTotal', 'amount')],
        },
      ],
    },
    {
      name: 'with the user’s wider tolerance 0.01 the same gap is 尾数差异',
      model: wrong,
      options: { tolerance: 0.01 },
      findings: [
        {
          severity: 'rounding',
          message: '差额 -0.01（尾数差异，容差 0.01）',
          cells: [w('summary', 'inc.grandTotal', 'amount'), w('summary', 'exp.grandTotal', 'amount')],
        },
      ],
    },
  ],
});
