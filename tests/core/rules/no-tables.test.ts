import { strict as assert } from 'node:assert';
import { modelWorkbook } from '../../../src/core/model/build';
import { readWorkbook } from '../../../src/core/reader';
import { verifyText } from '../../../src/core/narrative/verify';
import { runRules } from '../../../src/core/rules';
import rule from '../../../src/core/rules/checks/no-tables';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { seedWorkbook } from './seed-workbook';

const none = { ...modelWorkbook(), sheets: ['工资表', 'Sheet2'] };

new RuleTester().run(rule, {
  valid: [
    { name: 'all nine tables', model: seedWorkbook() },
    {
      name: 'one table is enough',
      model: seedWorkbook({ omit: ['summary', 'income', 'fiscalSummary', 'gpbExpenditure', 'gpbBasic', 'threePublic', 'govFund', 'stateCapital'] }),
    },
  ],
  invalid: [
    {
      name: 'no table at all, naming the sheets',
      model: none,
      findings: [{ severity: 'error', message: '没有找到任何公开01–09表（工作表：工资表、Sheet2）', cells: [] }],
    },
  ],
});

describe('a workbook without any of the nine tables', () => {
  const payroll = readWorkbook([
    {
      name: '工资表',
      top: 0,
      left: 0,
      values: [
        ['姓名', '基本工资', '津贴补贴'],
        ['张三', 5200, 1800],
        ['李四', 4800, 1600],
      ],
    },
  ]);

  it('the check reports one error, not nine missing-table warnings', () => {
    const findings = runRules(payroll);
    assert.deepEqual(
      findings.map((f) => [f.rule, f.severity]),
      [['no-tables', 'error']],
    );
    assert.match(findings[0].message, /工作表：工资表/);
  });

  it('the text check says so once instead of calling every figure unverifiable', () => {
    const text = '一、收入支出决算总体情况说明\n2021年度收、支总计1474.07万元。';
    const findings = verifyText(payroll, undefined, text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].rule, 'no-tables');
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].quote, text.slice(findings[0].start, findings[0].end));
  });
});
