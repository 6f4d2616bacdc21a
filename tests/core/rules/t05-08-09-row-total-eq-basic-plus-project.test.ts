import rule from '../../../src/core/rules/checks/t05-08-09-row-total-eq-basic-plus-project';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const one = seedWorkbook({ set: [['gpbExpenditure', '2010302', 'total', 634.3]] });
const slip = seedWorkbook({ set: [['gpbExpenditure', 'total', 'total', 1406.54]] });
// 2023 order: 政府性基金 is 公开07表; a 合计 with no basic/project behind it.
const fund = seedWorkbook({ numbers: { govFund: '07' }, set: [['govFund', 'total', 'total', 5]] });
const o = cellsIn(one);
const s = cellsIn(slip);
const f = cellsIn(fund);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures (08/09 empty)', model: seedWorkbook() }],
  invalid: [
    {
      name: 'a one-part row may not differ even by 0.01',
      model: one,
      findings: [
        {
          severity: 'error',
          message: '05表2010302项小计 634.30 ≠ 项目支出 634.31，差额 -0.01（超出尾数容差 0.005）',
          cells: [o('gpbExpenditure', '2010302', 'total'), o('gpbExpenditure', '2010302', 'project')],
        },
      ],
    },
    {
      name: '05 合计行 0.01 over basic + project: 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '05表合计行小计 1,406.54 ≠ 基本支出+项目支出之和 1,406.53，差额 0.01（尾数差异，容差 0.01）',
          cells: [s('gpbExpenditure', 'total', 'total'), s('gpbExpenditure', 'total', 'basic'), s('gpbExpenditure', 'total', 'project')],
        },
      ],
    },
    {
      name: 'the 政府性基金 table, numbered 07 in this workbook',
      model: fund,
      findings: [
        {
          severity: 'error',
          message: '07表合计行本年支出小计 5.00 ≠ 基本支出+项目支出之和 0.00',
          cells: [f('govFund', 'total', 'total'), f('govFund', 'total', 'basic'), f('govFund', 'total', 'project')],
          table: 'govFund',
        },
      ],
    },
  ],
});
