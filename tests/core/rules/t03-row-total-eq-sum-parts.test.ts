import rule from '../../../src/core/rules/checks/t03-row-total-eq-sum-parts';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

// The seed as published: 03 合计行项目支出 1,138.54, so 335.54 + 1,138.54 = 1,474.08 ≠ 1,474.07.
const published = seedWorkbook({ set: [['expenditure', 'total', 'project', 1138.54]] });
const wrong = seedWorkbook({ set: [['expenditure', '201', 'basic', 300]] });
const p = cellsIn(published);
const w = cellsIn(wrong);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: 'the seed’s published 合计行 (0.01): 尾数差异',
      model: published,
      findings: [
        {
          severity: 'rounding',
          message: '03表合计行本年支出合计 1,474.07 ≠ 基本支出+项目支出之和 1,474.08，差额 -0.01（尾数差异，容差 0.01）',
          cells: [p('expenditure', 'total', 'total'), p('expenditure', 'total', 'basic'), p('expenditure', 'total', 'project')],
        },
      ],
    },
    {
      name: '201 基本支出 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '03表201类本年支出合计 1,256.53 ≠ 基本支出+项目支出之和 1,220.99，差额 35.54（超出尾数容差 0.01）',
          cells: [w('expenditure', '201', 'total'), w('expenditure', '201', 'basic'), w('expenditure', '201', 'project')],
        },
      ],
    },
  ],
});
