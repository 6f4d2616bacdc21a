import rule from '../../../src/core/rules/checks/t04-income-total-eq-sum-funds';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['fiscalSummary', 'inc.total', 'amount', 1400]] });
const slip = seedWorkbook({
  set: [
    ['fiscalSummary', 'inc.govFund', 'amount', 10],
    ['fiscalSummary', 'inc.total', 'amount', 1416.54],
  ],
});
const w = cellsIn(wrong);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '本年收入合计 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '04表本年收入合计 1,400.00 ≠ 04表一般公共预算财政拨款 1,406.53，差额 -6.53',
          cells: [w('fiscalSummary', 'inc.total', 'amount'), w('fiscalSummary', 'inc.gpb', 'amount')],
        },
      ],
    },
    {
      name: '0.01 over two funds: 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '04表一般公共预算财政拨款+政府性基金预算财政拨款之和 1,416.53，差额 0.01（尾数差异',
          cells: [s('fiscalSummary', 'inc.total', 'amount'), s('fiscalSummary', 'inc.gpb', 'amount'), s('fiscalSummary', 'inc.govFund', 'amount')],
        },
      ],
    },
  ],
});
