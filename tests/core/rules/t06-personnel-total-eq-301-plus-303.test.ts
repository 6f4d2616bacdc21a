import rule from '../../../src/core/rules/checks/t06-personnel-total-eq-301-plus-303';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const wrong = seedWorkbook({ set: [['gpbBasic', 'personnelTotal', 'amount', 280]] });
const slip = seedWorkbook({ set: [['gpbBasic', 'personnelTotal', 'amount', 278.85]] });
const cells = (m: typeof wrong) => ['personnelTotal', '301', '303'].map((id) => cellsIn(m)('gpbBasic', id, 'amount'));

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures', model: seedWorkbook() }],
  invalid: [
    {
      name: '人员经费合计 mistyped',
      model: wrong,
      findings: [{ severity: 'error', message: '06表人员经费合计 280.00 ≠ 06表301类+303类之和 278.84，差额 1.16', cells: cells(wrong) }],
    },
    { name: '0.01 over 301 + 303: 尾数差异', model: slip, findings: [{ severity: 'rounding', message: '差额 0.01（尾数差异', cells: cells(slip) }] },
  ],
});
