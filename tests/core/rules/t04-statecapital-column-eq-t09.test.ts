import rule from '../../../src/core/rules/checks/t04-statecapital-column-eq-t09';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['stateCapital', 'total', 'total', 3]] });
const w = cellsIn(wrong);
const cells = [w('fiscalSummary', 'exp.total', 'stateCapital'), w('stateCapital', 'total', 'total')];

new RuleTester().run(rule, {
  valid: [
    { name: 'the seed figures', model: seedWorkbook() },
    { name: 'no 09 table: skipped', model: seedWorkbook({ omit: ['stateCapital'] }) },
  ],
  invalid: [
    {
      name: '09 合计 filled, 04 column empty',
      model: wrong,
      findings: [{ severity: 'error', message: '04表本年支出合计国有资本经营预算财政拨款 0.00 ≠ 09表合计行本年支出合计 3.00，差额 -3.00', cells }],
    },
    { name: 'tolerance 3: 尾数差异', model: wrong, options: { tolerance: 3 }, findings: [{ severity: 'rounding', message: '尾数差异', cells }] },
  ],
});
