import rule from '../../../src/core/rules/checks/t02-row-total-eq-sum-sources';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['income', '201', 'fiscal', 1250]] });
const slip = seedWorkbook({ set: [['income', 'total', 'other', 67.55]] });
const w = cellsIn(wrong);
const s = cellsIn(slip);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '201 财政拨款收入 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '02表201类本年收入合计 1,256.53 ≠ 财政拨款收入 1,250.00，差额 6.53',
          cells: [w('income', '201', 'total'), w('income', '201', 'fiscal')],
        },
      ],
    },
    {
      name: '合计行 off by 0.01 over two sources: 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '02表合计行本年收入合计 1,474.07 ≠ 财政拨款收入+其他收入之和 1,474.08，差额 -0.01（尾数差异，容差 0.01）',
          cells: [s('income', 'total', 'total'), s('income', 'total', 'fiscal'), s('income', 'total', 'other')],
        },
      ],
    },
  ],
});
