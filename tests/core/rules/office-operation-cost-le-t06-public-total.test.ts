import rule from '../../../src/core/rules/checks/office-operation-cost-le-t06-public-total';
import { amountOf } from '../../../src/core/model/build';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const at = { sheet: '补充信息', address: 'C30' };
const cost = (v: number) => ({ inputs: { officeOperationCost: amountOf(v, at) } });
const model = seedWorkbook();
const c = cellsIn(model);

new RuleTester().run(rule, {
  valid: [
    { name: 'no 机关运行经费 given: skipped', model },
    { name: 'equal to 公用经费合计 (the usual case)', model, options: cost(56.7) },
    { name: 'below it', model, options: cost(40) },
  ],
  invalid: [
    {
      name: 'above 公用经费合计 (a warning: W item)',
      model,
      options: cost(60),
      findings: [
        {
          severity: 'warning',
          message: '补充信息机关运行经费 60.00 > 06表公用经费合计 56.70，差额 3.30',
          cells: ['补充信息!C30', c('gpbBasic', 'publicTotal', 'amount')],
        },
      ],
    },
    {
      name: 'tolerance 0.01: 0.01 above is 尾数差异',
      model,
      options: { ...cost(56.71), tolerance: 0.01 },
      findings: [{ severity: 'rounding', message: '差额 0.01（尾数差异', cells: ['补充信息!C30', c('gpbBasic', 'publicTotal', 'amount')] }],
    },
  ],
});
