import rule from '../../../src/core/rules/checks/t06-public-total-eq-302-307-310-399';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['gpbBasic', 'publicTotal', 'amount', 50]] });
const slip = seedWorkbook({ set: [['gpbBasic', '310', 'amount', 0.01]] });
const w = cellsIn(wrong);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '公用经费合计 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '06表公用经费合计 50.00 ≠ 06表302类 56.70，差额 -6.70',
          cells: [w('gpbBasic', 'publicTotal', 'amount'), w('gpbBasic', '302', 'amount')],
        },
      ],
    },
    {
      name: '0.01 in 310 not carried into the total: 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '06表公用经费合计 56.70 ≠ 06表302类+310类之和 56.71，差额 -0.01（尾数差异',
          cells: [s('gpbBasic', 'publicTotal', 'amount'), s('gpbBasic', '302', 'amount'), s('gpbBasic', '310', 'amount')],
        },
      ],
    },
  ],
});
