import rule from '../../../src/core/rules/checks/classified-total-eq-sum-classes';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const published = seedWorkbook({ set: [['expenditure', 'total', 'project', 1138.54]] });
const wrong = seedWorkbook({ set: [['income', 'total', 'other', 60]] });
const renumbered = seedWorkbook({ numbers: { gpbExpenditure: '06' }, set: [['gpbExpenditure', 'total', 'basic', 330]] });
const p = cellsIn(published);
const w = cellsIn(wrong);
const r = cellsIn(renumbered);

new RuleTester().run(rule, {
  valid: [
    { name: 'the seed figures', model: seedWorkbook() },
    { name: 'empty 08/09 tables (合计 blank, no class rows)', model: seedWorkbook({ omit: ['income', 'expenditure', 'gpbExpenditure'] }) },
  ],
  invalid: [
    {
      name: 'the seed’s 03 合计行项目支出 1,138.54 vs its classes 1,138.53: 尾数差异',
      model: published,
      findings: [
        {
          severity: 'rounding',
          message: '03表合计行项目支出 1,138.54 ≠ 201、210、212、229类项目支出之和 1,138.53，差额 0.01（尾数差异，容差 0.02）',
          cells: [
            p('expenditure', 'total', 'project'),
            p('expenditure', '201', 'project'),
            p('expenditure', '210', 'project'),
            p('expenditure', '212', 'project'),
            p('expenditure', '229', 'project'),
          ],
        },
      ],
    },
    {
      name: '02 合计行其他收入 mistyped (per column)',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '02表合计行其他收入 60.00 ≠ 229类其他收入之和 67.54，差额 -7.54',
          cells: [w('income', 'total', 'other'), w('income', '229', 'other')],
          table: 'income',
        },
      ],
    },
    {
      name: 'messages use the table number found in the workbook',
      model: renumbered,
      findings: [
        {
          severity: 'error',
          message: '06表合计行基本支出 330.00 ≠ 201类基本支出之和 335.54',
          cells: [r('gpbExpenditure', 'total', 'basic'), r('gpbExpenditure', '201', 'basic')],
        },
      ],
    },
  ],
});
