import rule from '../../../src/core/rules/checks/t01-income-total-eq-sum-income-rows';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['summary', 'inc.other', 'amount', 60]] });
const slip = seedWorkbook({ set: [['summary', 'inc.other', 'amount', 67.55]] });
const w = cellsIn(wrong);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [
    { name: 'the seed figures', model: seedWorkbook() },
    { name: 'no 01 table: skipped', model: seedWorkbook({ omit: ['summary'] }) },
  ],
  invalid: [
    {
      name: '其他收入 off by 7.54',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '01表本年收入合计 1,474.07 ≠ 01表一般公共预算财政拨款收入+其他收入之和 1,466.53，差额 7.54（超出尾数容差 0.01）',
          cells: [w('summary', 'inc.total', 'amount'), w('summary', 'inc.gpb', 'amount'), w('summary', 'inc.other', 'amount')],
        },
      ],
    },
    {
      name: 'a 0.01 gap over two parts is 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '差额 -0.01（尾数差异，容差 0.01）',
          cells: [s('summary', 'inc.total', 'amount'), s('summary', 'inc.gpb', 'amount'), s('summary', 'inc.other', 'amount')],
        },
      ],
    },
  ],
});
