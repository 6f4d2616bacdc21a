import rule from '../../../src/core/rules/checks/t04-fund-without-money-t08-t09-no-data';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const filled = seedWorkbook({
  set: [
    ['govFund', 'total', 'total', 5],
    ['govFund', 'total', 'basic', 5],
  ],
});
const unfilled = seedWorkbook({
  set: [
    ['fiscalSummary', '212', 'govFund', 5],
    ['fiscalSummary', '212', 'total', 55],
  ],
});
const noNote = seedWorkbook({ notes: { stateCapital: ['注：本表反映部门本年度国有资本经营预算财政拨款支出情况。'] } });
const f = cellsIn(filled);
const u = cellsIn(unfilled);

new RuleTester().run(rule, {
  valid: [
    { name: 'the seed: no fund money, 08/09 empty with 无数据 notes', model: seedWorkbook() },
    {
      name: '国有资本经营 money in 04 and in 09',
      model: seedWorkbook({
        set: [
          ['fiscalSummary', '212', 'stateCapital', 5],
          ['stateCapital', 'total', 'total', 5],
          ['stateCapital', 'total', 'project', 5],
        ],
        notes: { stateCapital: ['注：本表反映部门本年度国有资本经营预算财政拨款支出情况。'] },
      }),
    },
    { name: 'no 04 table: skipped', model: seedWorkbook({ omit: ['fiscalSummary'] }) },
  ],
  invalid: [
    {
      name: '08 filled though 04 has no 政府性基金 money',
      model: filled,
      findings: [
        {
          severity: 'error',
          message: '04表政府性基金预算财政拨款各项均为零，但08表填有 2 个非零数，两表矛盾',
          cells: [f('govFund', 'total', 'total'), f('govFund', 'total', 'basic')],
          table: 'govFund',
        },
      ],
    },
    {
      name: '04 has 政府性基金 money, 08 is empty',
      model: unfilled,
      findings: [
        { severity: 'error', message: '04表政府性基金预算财政拨款有数（如 5.00），但08表没有数据', cells: [u('fiscalSummary', '212', 'govFund'), '公开08表!A1'] },
      ],
    },
    {
      name: 'empty 09 without the 无数据 note',
      model: noNote,
      findings: [{ severity: 'warning', message: '09表没有数据，但表下未注明“本表无数据”及原因', cells: ['公开09表!A1'], table: 'stateCapital' }],
    },
  ],
});
