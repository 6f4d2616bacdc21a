import rule from '../../../src/core/rules/checks/t01-expense-grand-total-eq-parts';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['summary', 'exp.closing', 'amount', 12.5]] });
const slip = seedWorkbook({
  set: [
    ['summary', 'exp.closing', 'amount', 12.5],
    ['summary', 'exp.grandTotal', 'amount', 1486.56],
  ],
});
const w = cellsIn(wrong);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '年末结转和结余 left out of 总计',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '01表支出总计 1,474.07 ≠ 01表本年支出合计+年末结转和结余之和 1,486.57，差额 -12.50',
          cells: [w('summary', 'exp.grandTotal', 'amount'), w('summary', 'exp.total', 'amount'), w('summary', 'exp.closing', 'amount')],
        },
      ],
    },
    {
      name: '0.01 over two parts: 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '差额 -0.01（尾数差异',
          cells: [s('summary', 'exp.grandTotal', 'amount'), s('summary', 'exp.total', 'amount'), s('summary', 'exp.closing', 'amount')],
        },
      ],
    },
  ],
});
