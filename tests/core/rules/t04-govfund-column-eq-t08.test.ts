import rule from '../../../src/core/rules/checks/t04-govfund-column-eq-t08';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({
  set: [
    ['fiscalSummary', '212', 'govFund', 5],
    ['fiscalSummary', '212', 'total', 55],
  ],
});
const w = cellsIn(wrong);

new RuleTester().run(rule, {
  valid: [
    { name: 'the seed figures (no 政府性基金)', model: seedWorkbook() },
    {
      name: 'a fund in both tables',
      model: seedWorkbook({
        set: [
          ['fiscalSummary', '212', 'govFund', 5],
          ['fiscalSummary', 'exp.total', 'govFund', 5],
          ['govFund', 'total', 'total', 5],
          ['govFund', '212', 'total', 5],
        ],
      }),
    },
  ],
  invalid: [
    {
      name: '04 has 政府性基金 money in 212, 08 has no 212 line',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '04表212类政府性基金预算财政拨款 5.00 ≠ 08表212类本年支出小计（无此行） 0.00，差额 5.00',
          cells: [w('fiscalSummary', '212', 'govFund')],
        },
      ],
    },
    {
      name: 'tolerance 0.01: 尾数差异',
      model: seedWorkbook({ set: [['govFund', 'total', 'total', 0.01]] }),
      options: { tolerance: 0.01 },
      findings: [
        {
          severity: 'rounding',
          message: '04表本年支出合计政府性基金预算财政拨款 0.00 ≠ 08表合计行本年支出小计 0.01',
          cells: [w('fiscalSummary', 'exp.total', 'govFund'), w('govFund', 'total', 'total')],
        },
      ],
    },
  ],
});
