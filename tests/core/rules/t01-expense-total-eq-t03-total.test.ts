import rule from '../../../src/core/rules/checks/t01-expense-total-eq-t03-total';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['expenditure', 'total', 'total', 1474]] });
const w = cellsIn(wrong);
const cells = [w('summary', 'exp.total', 'amount'), w('expenditure', 'total', 'total')];

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '03 合计 mistyped',
      model: wrong,
      findings: [{ severity: 'error', message: '01表本年支出合计 1,474.07 ≠ 03表合计行本年支出合计 1,474.00，差额 0.07', cells }],
    },
    { name: 'tolerance 0.1: 尾数差异', model: wrong, options: { tolerance: 0.1 }, findings: [{ severity: 'rounding', message: '（尾数差异，容差 0.1）', cells }] },
  ],
});
