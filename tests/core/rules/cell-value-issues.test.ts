import rule from '../../../src/core/rules/checks/cell-value-issues';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const model = seedWorkbook({
  set: [
    ['expenditure', '2010301', 'basic', '#REF!'],
    ['income', '201', 'fiscal', '1,256.53'],
    ['income', '20103', 'fiscal', '1,252.01'],
    ['income', '229', 'other', '见附表'],
  ],
});
const c = cellsIn(model);

new RuleTester().run(rule, {
  valid: [{ name: 'the seed figures (clean numbers, blanks)', model: seedWorkbook() }],
  invalid: [
    {
      name: 'an error value, two numbers stored as text (one finding), a word',
      model,
      findings: [
        {
          severity: 'warning',
          message: '02表有 1 个金额单元格填的是文字：' + c('income', '229', 'other').split('!')[1] + '“见附表”，请改为数字或留空',
          cells: [c('income', '229', 'other')],
        },
        {
          severity: 'warning',
          message: '02表有 2 个数字以文本形式存储',
          cells: [c('income', '201', 'fiscal'), c('income', '20103', 'fiscal')],
        },
        {
          severity: 'error',
          message: '03表有 1 个金额单元格是错误值：' + c('expenditure', '2010301', 'basic').split('!')[1] + '“#REF!”',
          cells: [c('expenditure', '2010301', 'basic')],
          table: 'expenditure',
        },
      ],
    },
  ],
});
