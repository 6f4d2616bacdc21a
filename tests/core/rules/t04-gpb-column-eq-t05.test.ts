import rule from '../../../src/core/rules/checks/t04-gpb-column-eq-t05';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['gpbExpenditure', '210', 'total', 90]] });
const w = cellsIn(wrong);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '05 210 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '04表210类一般公共预算财政拨款 100.00 ≠ 05表210类小计 90.00，差额 10.00',
          cells: [w('fiscalSummary', '210', 'gpb'), w('gpbExpenditure', '210', 'total')],
          table: 'fiscalSummary',
        },
      ],
    },
    {
      name: 'tolerance 0.01: 尾数差异 in the total line',
      model: seedWorkbook({ set: [['gpbExpenditure', 'total', 'total', 1406.54]] }),
      options: { tolerance: 0.01 },
      findings: [
        {
          severity: 'rounding',
          message: '04表本年支出合计一般公共预算财政拨款 1,406.53 ≠ 05表合计行小计 1,406.54，差额 -0.01（尾数差异',
          cells: [w('fiscalSummary', 'exp.total', 'gpb'), w('gpbExpenditure', 'total', 'total')],
        },
      ],
    },
  ],
});
