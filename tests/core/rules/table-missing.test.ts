import rule from '../../../src/core/rules/checks/table-missing';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const newer = seedWorkbook({ omit: ['govFund', 'threePublic'] });
newer.edition = '2023';

new RuleTester().run(rule, {
  valid: [{ name: 'all nine tables', model: seedWorkbook() }],
  invalid: [
    {
      name: 'one missing table, once',
      model: seedWorkbook({ omit: ['govFund'] }),
      findings: [{ severity: 'warning', message: '未找到公开08表（政府性基金预算财政拨款收入支出决算表），与该表有关的校验已跳过', cells: [], table: 'govFund' }],
    },
    {
      name: 'numbers follow the workbook’s order (2023: 三公 is 09, 政府性基金 07)',
      model: newer,
      findings: [
        { severity: 'warning', message: '未找到公开09表（财政拨款"三公"经费支出决算表）', cells: [] },
        { severity: 'warning', message: '未找到公开07表（政府性基金预算财政拨款收入支出决算表）', cells: [] },
      ],
    },
  ],
});
void cellsIn;
