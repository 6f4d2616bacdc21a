import rule from '../../../src/core/rules/checks/read-problems';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const model = seedWorkbook();
model.problems.push({ table: 'gpbBasic', message: '06表第40行的科目编码“30A”无法识别', cells: [{ sheet: '公开06表', address: 'A40' }] });

new RuleTester().run(rule, {
  valid: [{ name: 'nothing the reader could not read', model: seedWorkbook() }],
  invalid: [
    { name: 'a reader problem becomes a warning', model, findings: [{ severity: 'warning', message: '无法识别', cells: ['公开06表!A40'], table: 'gpbBasic' }] },
  ],
});
void cellsIn;
