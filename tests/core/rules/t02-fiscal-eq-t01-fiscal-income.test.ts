import rule from '../../../src/core/rules/checks/t02-fiscal-eq-t01-fiscal-income';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['summary', 'inc.gpb', 'amount', 1400]] });
const slip = seedWorkbook({
  set: [
    ['summary', 'inc.govFund', 'amount', 10],
    ['income', 'total', 'fiscal', 1416.54],
  ],
});
const w = cellsIn(wrong);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '01 一般公共预算财政拨款收入 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '02表合计行财政拨款收入 1,406.53 ≠ 01表一般公共预算财政拨款收入 1,400.00，差额 6.53',
          cells: [w('income', 'total', 'fiscal'), w('summary', 'inc.gpb', 'amount')],
          table: 'income',
        },
      ],
    },
    {
      name: '0.01 over two 01 rows: 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '01表一般公共预算财政拨款收入+政府性基金预算财政拨款收入之和 1,416.53，差额 0.01（尾数差异',
          cells: [s('income', 'total', 'fiscal'), s('summary', 'inc.gpb', 'amount'), s('summary', 'inc.govFund', 'amount')],
        },
      ],
    },
  ],
});
