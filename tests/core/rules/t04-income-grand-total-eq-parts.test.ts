import rule from '../../../src/core/rules/checks/t04-income-grand-total-eq-parts';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['fiscalSummary', 'inc.grandTotal', 'amount', 1400]] });
const slip = seedWorkbook({
  set: [
    ['fiscalSummary', 'inc.opening', 'amount', 5],
    ['fiscalSummary', 'inc.grandTotal', 'amount', 1411.54],
  ],
});
const w = cellsIn(wrong);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '收入总计 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '04表收入总计 1,400.00 ≠ 04表本年收入合计 1,406.53',
          cells: [w('fiscalSummary', 'inc.grandTotal', 'amount'), w('fiscalSummary', 'inc.total', 'amount')],
        },
      ],
    },
    {
      name: '0.01 over two parts: 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '04表本年收入合计+年初财政拨款结转和结余之和 1,411.53，差额 0.01（尾数差异',
          cells: [s('fiscalSummary', 'inc.grandTotal', 'amount'), s('fiscalSummary', 'inc.total', 'amount'), s('fiscalSummary', 'inc.opening', 'amount')],
        },
      ],
    },
  ],
});
