import rule from '../../../src/core/rules/checks/t01-expense-total-eq-sum-classes';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['summary', '212', 'amount', 40]] });
const slip = seedWorkbook({ set: [['summary', '229', 'amount', 67.55]] });
const cells = (m: typeof wrong) => {
  const c = cellsIn(m);
  return ['exp.total', '201', '210', '212', '229'].map((id) => c('summary', id, 'amount'));
};

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '212 typed as 40',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '01表本年支出合计 1,474.07 ≠ 201、210、212、229类支出之和 1,464.07，差额 10.00',
          cells: cells(wrong),
        },
      ],
    },
    {
      name: '229 off by 0.01: 尾数差异',
      model: slip,
      findings: [{ severity: 'rounding', message: '差额 -0.01（尾数差异，容差 0.02）', cells: cells(slip) }],
    },
  ],
});
