import rule from '../../../src/core/rules/checks/t07-car-total-eq-purchase-plus-operation';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['threePublic', 'actual', 'carTotal', 90]] });
const slip = seedWorkbook({
  set: [
    ['threePublic', 'budget', 'carPurchase', 10],
    ['threePublic', 'budget', 'carTotal', 105.01],
  ],
});
const w = cellsIn(wrong);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '决算数小计 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '07表决算数公务用车购置及运行费小计 90.00 ≠ 公务用车运行费 92.51，差额 -2.51',
          cells: [w('threePublic', 'actual', 'carTotal'), w('threePublic', 'actual', 'carOperation')],
        },
      ],
    },
    {
      name: '预算数 0.01 over two parts: 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '公务用车购置费+公务用车运行费之和 105.00，差额 0.01（尾数差异',
          cells: [s('threePublic', 'budget', 'carTotal'), s('threePublic', 'budget', 'carPurchase'), s('threePublic', 'budget', 'carOperation')],
        },
      ],
    },
  ],
});
