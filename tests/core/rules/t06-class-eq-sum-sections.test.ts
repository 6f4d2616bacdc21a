import rule from '../../../src/core/rules/checks/t06-class-eq-sum-sections';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

// As published: 30399 2.89, so 303 30.45 ≠ Σ款 30.44.
const published = seedWorkbook({ set: [['gpbBasic', '30399', 'amount', 2.89]] });
const wrong = seedWorkbook({ set: [['gpbBasic', '30101', 'amount', 70]] });
const p = cellsIn(published);
const w = cellsIn(wrong);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: 'the seed’s 303 (30.45 vs 30.44): 尾数差异',
      model: published,
      findings: [
        {
          severity: 'rounding',
          message: '06表303类决算数 30.45 ≠ 30305、30307、30309、30399款决算数之和 30.44，差额 0.01（尾数差异，容差 0.02）',
          cells: ['303', '30305', '30307', '30309', '30399'].map((id) => p('gpbBasic', id, 'amount')),
        },
      ],
    },
    {
      name: '30101 基本工资 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '06表301类决算数 248.39 ≠ 30101、30102、30103、30108等10个款决算数之和 244.89，差额 3.50',
          cells: ['301', '30101', '30102', '30103', '30108', '30109', '30110', '30111', '30113', '30114', '30199'].map((id) => w('gpbBasic', id, 'amount')),
        },
      ],
    },
  ],
});
