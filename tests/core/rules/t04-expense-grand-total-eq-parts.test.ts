import rule from '../../../src/core/rules/checks/t04-expense-grand-total-eq-parts';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['fiscalSummary', 'exp.grandTotal', 'total', 1400]] });
const slip = seedWorkbook({
  set: [
    ['fiscalSummary', 'exp.closing', 'total', 5],
    ['fiscalSummary', 'exp.closing', 'gpb', 5],
    ['fiscalSummary', 'exp.grandTotal', 'total', 1411.54],
    ['fiscalSummary', 'exp.grandTotal', 'gpb', 1411.53],
  ],
});
const w = cellsIn(wrong);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '支出总计 (合计 column) mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '04表支出总计（合计） 1,400.00 ≠ 本年支出合计+年末财政拨款结转和结余之和 1,406.53',
          cells: [w('fiscalSummary', 'exp.grandTotal', 'total'), w('fiscalSummary', 'exp.total', 'total')],
        },
      ],
    },
    {
      name: '合计 column 0.01 off with a carry-over: 尾数差异; the 一般公共预算 column balances',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '04表支出总计（合计） 1,411.54 ≠ 本年支出合计+年末财政拨款结转和结余之和 1,411.53，差额 0.01（尾数差异',
          cells: [s('fiscalSummary', 'exp.grandTotal', 'total'), s('fiscalSummary', 'exp.total', 'total'), s('fiscalSummary', 'exp.closing', 'total')],
        },
      ],
    },
  ],
});
