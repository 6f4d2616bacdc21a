import rule from '../../../src/core/rules/checks/t04-expense-row-total-eq-sum-funds';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['fiscalSummary', '212', 'total', 60]] });
const slip = seedWorkbook({
  set: [
    ['fiscalSummary', '201', 'govFund', 10],
    ['fiscalSummary', '201', 'total', 1266.54],
  ],
});
const w = cellsIn(wrong);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '212 合计 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '04表212类合计 60.00 ≠ 一般公共预算财政拨款 50.00，差额 10.00',
          cells: [w('fiscalSummary', '212', 'total'), w('fiscalSummary', '212', 'gpb')],
        },
      ],
    },
    {
      name: 'two funds, 0.01 off: 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '04表201类合计 1,266.54 ≠ 一般公共预算财政拨款+政府性基金预算财政拨款之和 1,266.53，差额 0.01（尾数差异',
          cells: [s('fiscalSummary', '201', 'total'), s('fiscalSummary', '201', 'gpb'), s('fiscalSummary', '201', 'govFund')],
        },
      ],
    },
  ],
});
