import rule from '../../../src/core/rules/checks/t05-le-t03-by-code-and-column';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['gpbExpenditure', '2010302', 'project', 700]] });
const slip = seedWorkbook({ set: [['gpbExpenditure', '210', 'total', 100.01]] });
const extra = seedWorkbook({ set: [['gpbExpenditure', '2080501', 'total', 3]] });
const w = cellsIn(wrong);
const s = cellsIn(slip);
const e = cellsIn(extra);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures (03 has 229 other income spending beyond 05)', model: seedWorkbook() }],
  invalid: [
    {
      name: '05 项目支出 above 03 (a warning: W item)',
      model: wrong,
      findings: [
        {
          severity: 'warning',
          message: '05表2010302项项目支出 700.00 > 03表2010302项项目支出 634.31，差额 65.69',
          cells: [w('gpbExpenditure', '2010302', 'project'), w('expenditure', '2010302', 'project')],
        },
      ],
    },
    {
      name: 'a code 03 does not have',
      model: extra,
      findings: [{ severity: 'warning', message: '05表2080501项小计 3.00 > 03表2080501项本年支出合计（无此行） 0.00', cells: [e('gpbExpenditure', '2080501', 'total')] }],
    },
    {
      name: 'tolerance 0.01: 0.01 above is 尾数差异',
      model: slip,
      options: { tolerance: 0.01 },
      findings: [
        {
          severity: 'rounding',
          message: '05表210类小计 100.01 > 03表210类本年支出合计 100.00，差额 0.01（尾数差异',
          cells: [s('gpbExpenditure', '210', 'total'), s('expenditure', '210', 'total')],
        },
      ],
    },
  ],
});
