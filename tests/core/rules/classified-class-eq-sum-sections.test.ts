import rule from '../../../src/core/rules/checks/classified-class-eq-sum-sections';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const slip = seedWorkbook({ set: [['expenditure', '20199', 'total', 4.53]] });
const wrong = seedWorkbook({ set: [['gpbExpenditure', '201', 'basic', 300]] });
const s = cellsIn(slip);
const w = cellsIn(wrong);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '03 款 20199 off by 0.01: 尾数差异 at 类 201',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '03表201类本年支出合计 1,256.53 ≠ 20103、20199款本年支出合计之和 1,256.54，差额 -0.01（尾数差异，容差 0.01）',
          cells: [s('expenditure', '201', 'total'), s('expenditure', '20103', 'total'), s('expenditure', '20199', 'total')],
        },
      ],
    },
    {
      name: '05 类 201 基本支出 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '05表201类基本支出 300.00 ≠ 20103款基本支出之和 335.54，差额 -35.54',
          cells: [w('gpbExpenditure', '201', 'basic'), w('gpbExpenditure', '20103', 'basic')],
          table: 'gpbExpenditure',
        },
      ],
    },
  ],
});
