import { strict as assert } from 'assert';
import rule from '../../../src/core/rules/checks/cell-value-issues';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { parseAmount } from '../../../src/core/reader/amount';
import { cellsIn, seedWorkbook } from './seed-workbook';

/**
 * A date or time where an amount belongs (the xlsx host reads date cells as
 * "2021-12-31" / "08:30") is reported as a date; a formula nobody computed is 无法核对
 * (unverified), never 0 and never an error of the user's.
 */

const model = seedWorkbook({
  set: [
    ['income', '229', 'other', '2021-12-31'],
    ['income', '201', 'other', '08:30'],
  ],
});
const c = cellsIn(model);

new RuleTester().run(rule, {
  valid: [],
  invalid: [
    {
      name: 'dates and times in amount cells',
      model,
      findings: [
        {
          severity: 'warning',
          message: '02表有 2 个金额单元格填的是日期或时间',
          cells: [c('income', '201', 'other'), c('income', '229', 'other')],
        },
      ],
    },
  ],
});

describe('parseAmount: an uncomputed formula', () => {
  it('is unknown (NaN, issue uncomputed naming the formula cell), not 0', () => {
    const a = parseAmount({ error: '#N/A', uncomputed: '公开02表!E8 =FILTER(A1:A3,B1:B3)：不支持的函数 FILTER' }, { sheet: '公开01表', address: 'C11' });
    assert.ok(Number.isNaN(a.value));
    assert.deepEqual(a.issue, { kind: 'uncomputed', raw: '公开02表!E8 =FILTER(A1:A3,B1:B3)：不支持的函数 FILTER' });
  });
});
