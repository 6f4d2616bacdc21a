import rule from '../../../src/core/rules/checks/t04-fund-income-eq-t01-fund-income';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({
  set: [
    ['fiscalSummary', 'inc.gpb', 'amount', 1400],
    ['fiscalSummary', 'inc.govFund', 'amount', 6.53],
  ],
});
const w = cellsIn(wrong);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '04 splits 1,406.53 across two funds, 01 does not',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '04表一般公共预算财政拨款 1,400.00 ≠ 01表一般公共预算财政拨款收入 1,406.53',
          cells: [w('fiscalSummary', 'inc.gpb', 'amount'), w('summary', 'inc.gpb', 'amount')],
        },
        {
          severity: 'error',
          message: '04表政府性基金预算财政拨款 6.53 ≠ 01表政府性基金预算财政拨款收入 0.00',
          cells: [w('fiscalSummary', 'inc.govFund', 'amount'), w('summary', 'inc.govFund', 'amount')],
        },
      ],
    },
    {
      name: 'tolerance 0.01: 0.01 is 尾数差异',
      model: seedWorkbook({ set: [['fiscalSummary', 'inc.gpb', 'amount', 1406.52]] }),
      options: { tolerance: 0.01 },
      findings: [{ severity: 'rounding', message: '差额 -0.01（尾数差异', cells: [w('fiscalSummary', 'inc.gpb', 'amount'), w('summary', 'inc.gpb', 'amount')] }],
    },
  ],
});
