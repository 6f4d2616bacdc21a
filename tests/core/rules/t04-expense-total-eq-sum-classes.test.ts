import rule from '../../../src/core/rules/checks/t04-expense-total-eq-sum-classes';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['fiscalSummary', 'exp.total', 'gpb', 1400]] });
const slip = seedWorkbook({ set: [['fiscalSummary', 'exp.total', 'total', 1406.54]] });
const w = cellsIn(wrong);
const s = cellsIn(slip);
const classes = (c: typeof w, col: string) => ['201', '210', '212'].map((id) => c('fiscalSummary', id, col));

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '一般公共预算 column total mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '04表本年支出合计（一般公共预算财政拨款） 1,400.00 ≠ 201、210、212类一般公共预算财政拨款之和 1,406.53',
          cells: [w('fiscalSummary', 'exp.total', 'gpb'), ...classes(w, 'gpb')],
        },
      ],
    },
    {
      name: '合计 column 0.01 over three classes: 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '差额 0.01（尾数差异，容差 0.015）',
          cells: [s('fiscalSummary', 'exp.total', 'total'), ...classes(s, 'total')],
        },
      ],
    },
  ],
});
