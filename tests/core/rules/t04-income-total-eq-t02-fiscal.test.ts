import rule from '../../../src/core/rules/checks/t04-income-total-eq-t02-fiscal';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['fiscalSummary', 'inc.total', 'amount', 1400]] });
const w = cellsIn(wrong);
const cells = [w('fiscalSummary', 'inc.total', 'amount'), w('income', 'total', 'fiscal')];

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '04 本年收入合计 mistyped',
      model: wrong,
      findings: [{ severity: 'error', message: '04表本年收入合计 1,400.00 ≠ 02表合计行财政拨款收入 1,406.53，差额 -6.53', cells }],
    },
    { name: 'tolerance 7: 尾数差异', model: wrong, options: { tolerance: 7 }, findings: [{ severity: 'rounding', message: '（尾数差异，容差 7）', cells }] },
  ],
});
