import rule from '../../../src/core/rules/checks/t04-carryover-eq-sum-funds';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({
  set: [
    ['fiscalSummary', 'inc.opening', 'amount', 10],
    ['fiscalSummary', 'inc.opening.gpb', 'amount', 8],
  ],
});
const slip = seedWorkbook({
  set: [
    ['fiscalSummary', 'inc.opening', 'amount', 10.01],
    ['fiscalSummary', 'inc.opening.gpb', 'amount', 8],
    ['fiscalSummary', 'inc.opening.govFund', 'amount', 2],
  ],
});
const w = cellsIn(wrong);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '年初财政拨款结转和结余 ≠ its fund rows',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '04表年初财政拨款结转和结余 10.00 ≠ 04表年初一般公共预算财政拨款结转和结余 8.00，差额 2.00',
          cells: [w('fiscalSummary', 'inc.opening', 'amount'), w('fiscalSummary', 'inc.opening.gpb', 'amount')],
        },
      ],
    },
    {
      name: '0.01 over two fund rows: 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '差额 0.01（尾数差异',
          cells: [s('fiscalSummary', 'inc.opening', 'amount'), s('fiscalSummary', 'inc.opening.gpb', 'amount'), s('fiscalSummary', 'inc.opening.govFund', 'amount')],
        },
      ],
    },
  ],
});
