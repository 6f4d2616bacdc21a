import rule from '../../../src/core/rules/checks/t02-sources-eq-t01-income-rows';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({
  set: [
    ['summary', 'inc.other', 'amount', null],
    ['summary', 'inc.business', 'amount', 67.54],
  ],
});
const w = cellsIn(wrong);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '01 puts 67.54 under 事业收入, 02 under 其他收入',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '02表合计行事业收入 0.00 ≠ 01表事业收入 67.54，差额 -67.54',
          cells: [w('income', 'total', 'business'), w('summary', 'inc.business', 'amount')],
        },
        {
          severity: 'error',
          message: '02表合计行其他收入 67.54 ≠ 01表其他收入 0.00，差额 67.54',
          cells: [w('income', 'total', 'other'), w('summary', 'inc.other', 'amount')],
        },
      ],
    },
    {
      name: 'tolerance 0.01: a 0.01 gap is 尾数差异',
      model: seedWorkbook({ set: [['summary', 'inc.other', 'amount', 67.55]] }),
      options: { tolerance: 0.01 },
      findings: [{ severity: 'rounding', message: '差额 -0.01（尾数差异，容差 0.01）', cells: [w('income', 'total', 'other'), w('summary', 'inc.other', 'amount')] }],
    },
  ],
});
