import rule from '../../../src/core/rules/checks/t07-total-eq-abroad-car-reception';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['threePublic', 'budget', 'total', 100]] });
const slip = seedWorkbook({
  set: [
    ['threePublic', 'actual', 'reception', 1],
    ['threePublic', 'actual', 'total', 93.52],
  ],
});
const w = cellsIn(wrong);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '预算数合计 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '07表预算数合计 100.00 ≠ 公务用车购置及运行费小计 95.00，差额 5.00',
          cells: [w('threePublic', 'budget', 'total'), w('threePublic', 'budget', 'carTotal')],
        },
      ],
    },
    {
      name: '决算数 0.01 over two items: 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '07表决算数合计 93.52 ≠ 公务用车购置及运行费小计+公务接待费之和 93.51，差额 0.01（尾数差异',
          cells: [s('threePublic', 'actual', 'total'), s('threePublic', 'actual', 'carTotal'), s('threePublic', 'actual', 'reception')],
        },
      ],
    },
  ],
});
