import rule from '../../../src/core/rules/checks/t01-carryover-ge-t04-carryover';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['fiscalSummary', 'inc.opening', 'amount', 10]] });
const split = seedWorkbook({
  set: [
    ['fiscalSummary', 'exp.closing.gpb', 'total', 4],
    ['summary', 'exp.closing', 'amount', 3],
  ],
});
const w = cellsIn(wrong);
const s = cellsIn(split);

new RuleTester().run(rule, {
  valid: [
    { name: 'the seed figures', model: seedWorkbook() },
    {
      name: '01 carries over more than 04 (non-fiscal money)',
      model: seedWorkbook({
        set: [
          ['summary', 'inc.opening', 'amount', 12],
          ['fiscalSummary', 'inc.opening', 'amount', 10],
        ],
      }),
    },
  ],
  invalid: [
    {
      name: '04 年初 above 01 年初 (a warning: W item)',
      model: wrong,
      findings: [
        {
          severity: 'warning',
          message: '01表年初结转和结余 0.00 < 04表年初财政拨款结转和结余 10.00，差额 -10.00',
          cells: [w('summary', 'inc.opening', 'amount'), w('fiscalSummary', 'inc.opening', 'amount')],
        },
      ],
    },
    {
      name: '04 年末 given only in its fund rows',
      model: split,
      findings: [
        {
          severity: 'warning',
          message: '01表年末结转和结余 3.00 < 04表年末一般公共预算财政拨款结转和结余 4.00',
          cells: [s('summary', 'exp.closing', 'amount'), s('fiscalSummary', 'exp.closing.gpb', 'total')],
        },
      ],
    },
    {
      name: 'tolerance 0.01: 0.01 short is 尾数差异',
      model: seedWorkbook({
        set: [
          ['summary', 'inc.opening', 'amount', 9.99],
          ['fiscalSummary', 'inc.opening', 'amount', 10],
        ],
      }),
      options: { tolerance: 0.01 },
      findings: [{ severity: 'rounding', message: '差额 -0.01（尾数差异', cells: [w('summary', 'inc.opening', 'amount'), w('fiscalSummary', 'inc.opening', 'amount')] }],
    },
  ],
});
