import rule from '../../../src/core/rules/checks/t06-le-t07-three-public-actuals';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['gpbBasic', '30231', 'amount', 100]] });
const purchase = seedWorkbook({ set: [['gpbBasic', '31013', 'amount', 20]] });
const w = cellsIn(wrong);
const p = cellsIn(purchase);

new RuleTester().run(rule, {
  valid: [
    { name: 'the seed figures (30231 13.65 ≤ 92.51)', model: seedWorkbook() },
    { name: 'equal is fine', model: seedWorkbook({ set: [['gpbBasic', '30231', 'amount', 92.51]] }) },
  ],
  invalid: [
    {
      name: '30231 above 07 公务用车运行费 (a warning: W item)',
      model: wrong,
      findings: [
        {
          severity: 'warning',
          message: '06表30231公务用车运行维护费 100.00 > 07表决算数公务用车运行费 92.51，差额 7.49',
          cells: [w('gpbBasic', '30231', 'amount'), w('threePublic', 'actual', 'carOperation')],
        },
      ],
    },
    {
      name: '31013 公务用车购置 with no 07 购置费',
      model: purchase,
      findings: [
        { severity: 'warning', message: '> 07表决算数公务用车购置费 0.00', cells: [p('gpbBasic', '31013', 'amount'), p('threePublic', 'actual', 'carPurchase')] },
      ],
    },
    {
      name: 'tolerance 0.01: 0.01 above is 尾数差异',
      model: seedWorkbook({ set: [['gpbBasic', '30231', 'amount', 92.52]] }),
      options: { tolerance: 0.01 },
      findings: [{ severity: 'rounding', message: '差额 0.01（尾数差异', cells: [w('gpbBasic', '30231', 'amount'), w('threePublic', 'actual', 'carOperation')] }],
    },
  ],
});
