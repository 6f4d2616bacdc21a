import rule from '../../../src/core/rules/checks/t05-basic-eq-t06-personnel-plus-public';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['gpbBasic', 'personnelTotal', 'amount', 270]] });
const slip = seedWorkbook({ set: [['gpbBasic', 'publicTotal', 'amount', 56.71]] });
const cells = (m: typeof wrong) => {
  const c = cellsIn(m);
  return [c('gpbExpenditure', 'total', 'basic'), c('gpbBasic', 'personnelTotal', 'amount'), c('gpbBasic', 'publicTotal', 'amount')];
};

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '06 人员经费合计 mistyped',
      model: wrong,
      findings: [{ severity: 'error', message: '05表合计行基本支出 335.54 ≠ 06表人员经费合计+公用经费合计之和 326.70，差额 8.84', cells: cells(wrong) }],
    },
    { name: '0.01 over two parts: 尾数差异', model: slip, findings: [{ severity: 'rounding', message: '差额 -0.01（尾数差异，容差 0.01）', cells: cells(slip) }] },
  ],
});
