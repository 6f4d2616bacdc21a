import rule from '../../../src/core/rules/checks/t01-classes-eq-t03-classes';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['summary', '212', 'amount', 60]] });
const absent = seedWorkbook({ edit: (x) => (x.expenditure = x.expenditure.filter((l) => !l.id.startsWith('229'))) });
const slip = seedWorkbook({ set: [['summary', '210', 'amount', 100.01]] });
const w = cellsIn(wrong);
const a = cellsIn(absent);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '01 212 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '01表212类 60.00 ≠ 03表212类本年支出合计 50.00，差额 10.00',
          cells: [w('summary', '212', 'amount'), w('expenditure', '212', 'total')],
        },
      ],
    },
    {
      name: '03 lacks the 229 class 01 has',
      model: absent,
      findings: [{ severity: 'error', message: '01表229类 67.54 ≠ 03表229类本年支出合计（无此行） 0.00，差额 67.54', cells: [a('summary', '229', 'amount')] }],
    },
    {
      name: 'tolerance 0.01: 尾数差异',
      model: slip,
      options: { tolerance: 0.01 },
      findings: [
        {
          severity: 'rounding',
          message: '01表210类 100.01 ≠ 03表210类本年支出合计 100.00，差额 0.01（尾数差异',
          cells: [s('summary', '210', 'amount'), s('expenditure', '210', 'total')],
        },
      ],
    },
  ],
});
