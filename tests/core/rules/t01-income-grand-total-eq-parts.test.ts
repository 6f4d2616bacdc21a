import rule from '../../../src/core/rules/checks/t01-income-grand-total-eq-parts';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['summary', 'inc.opening', 'amount', 10]] });
const one = seedWorkbook({ set: [['summary', 'inc.grandTotal', 'amount', 1474.08]] });
const slip = seedWorkbook({
  set: [
    ['summary', 'inc.opening', 'amount', 10],
    ['summary', 'inc.grandTotal', 'amount', 1484.08],
  ],
});
const w = cellsIn(wrong);
const o = cellsIn(one);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '年初结转和结余 left out of 总计',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '01表收入总计 1,474.07 ≠ 01表本年收入合计+年初结转和结余之和 1,484.07，差额 -10.00',
          cells: [w('summary', 'inc.grandTotal', 'amount'), w('summary', 'inc.total', 'amount'), w('summary', 'inc.opening', 'amount')],
        },
      ],
    },
    {
      name: 'the same figure stated twice may not differ even by 0.01',
      model: one,
      findings: [
        {
          severity: 'error',
          message: '01表收入总计 1,474.08 ≠ 01表本年收入合计 1,474.07，差额 0.01（超出尾数容差 0.005）',
          cells: [o('summary', 'inc.grandTotal', 'amount'), o('summary', 'inc.total', 'amount')],
        },
      ],
    },
    {
      name: 'two rounded parts: 0.01 is 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '差额 0.01（尾数差异，容差 0.01）',
          cells: [s('summary', 'inc.grandTotal', 'amount'), s('summary', 'inc.total', 'amount'), s('summary', 'inc.opening', 'amount')],
        },
      ],
    },
  ],
});
