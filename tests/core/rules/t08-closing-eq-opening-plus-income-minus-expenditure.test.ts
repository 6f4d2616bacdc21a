import rule from '../../../src/core/rules/checks/t08-closing-eq-opening-plus-income-minus-expenditure';
import type { TableKey } from '../../../src/core/model/tables';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const fund = (closing: number): Array<[TableKey, string, string, number]> => [
  ['govFund', 'total', 'opening', 10],
  ['govFund', 'total', 'income', 20],
  ['govFund', 'total', 'total', 25],
  ['govFund', 'total', 'basic', 25],
  ['govFund', 'total', 'closing', closing],
];
const wrong = seedWorkbook({ set: fund(6) });
const slip = seedWorkbook({ set: fund(5.01) });
const cells = (m: typeof wrong) => ['closing', 'opening', 'income', 'total'].map((c) => cellsIn(m)('govFund', 'total', c));

new RuleTester().run(rule, {
  valid: [
    { name: 'the seed figures (empty 08)', model: seedWorkbook() },
    { name: 'a balanced fund', model: seedWorkbook({ set: fund(5) }) },
  ],
  invalid: [
    {
      name: '年末 ≠ 年初 + 收入 − 支出 (a warning: W item)',
      model: wrong,
      findings: [
        {
          severity: 'warning',
          message: '08表合计行年末结转和结余 6.00 ≠ 年初结转和结余+本年收入−本年支出 5.00，差额 1.00',
          cells: cells(wrong),
        },
      ],
    },
    { name: '0.01 off: 尾数差异', model: slip, findings: [{ severity: 'rounding', message: '差额 0.01（尾数差异，容差 0.015）', cells: cells(slip) }] },
  ],
});
