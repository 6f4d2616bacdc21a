import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { inputsFromValues } from '../../../../src/core/inputs';
import { verifyText, type TextFinding } from '../../../../src/core/narrative/verify';
import { readWorkbook } from '../../../../src/core/reader';
import { SEED_2021_INPUTS } from '../../../../src/core/sample/seed-2021-inputs';
import { seedSnapshots } from '../../../fixtures/seed-2021';

/**
 * The seed report's own 情况说明 (copied verbatim) against the seed's own tables, read
 * from their real layouts by the reader. Expected findings recomputed by hand from the
 * seed's published tables (tests/fixtures/seed-2021/).
 */
const TEXT = fs.readFileSync(path.join(__dirname, '../../../fixtures/narratives/seed-2021.txt'), 'utf8');

function row(f: TextFinding): string {
  return [f.section, f.rule, f.severity, f.quote, f.expected ?? ''].join(' | ');
}

const FLAGGED_WITHOUT_INPUTS = [
  '三 | text-amount-matches-table | rounding | 1138.53万元 | 1138.54万元',
  '五（二） | text-amount-matches-table | error | 1406.53万元 | 1256.53万元',
  '五（二） | text-share-denominator | error | 100% | 89.34%',
  '五（三）2 | text-template-leftover | error | 大于（小于） | 大于',
  '五（三）3 | text-completion-rate | error | 100% | 不计算完成率',
  '五（三）4 | text-completion-rate | error | 100% | 不计算完成率',
  '五（三）5 | text-completion-rate | error | 100% | 不计算完成率',
  '五（三）6 | text-completion-rate | error | 100% | 不计算完成率',
  '七（一） | text-completion-rate | error | 124.13% | 97.38%',
  '七（一） | text-completion-rate | error | 0% | 不计算完成率',
  '七（一） | text-year-on-year | warning | 增加 | 持平',
  '七（一） | text-template-leftover | error | 减少（增长） | 持平',
  '七（一） | text-year-on-year | error | 0% | 不计算增减率',
  '七（一） | text-completion-rate | error | 0% | 不计算完成率',
  '七（一） | text-template-leftover | error | 减少（增加） | 持平',
  '七（一） | text-template-leftover | error | 减少（增长） | 持平',
  '七（一） | text-year-on-year | error | 0% | 不计算增减率',
  '七（一） | text-completion-rate | error | 124.13% | 97.38%',
  '七（一） | text-year-on-year | error | 大于 | 小于',
  '七（一） | text-year-on-year | error | 30.17% | 30.31%',
  '七（二） | text-share-denominator | error | 0% | 100.00%',
  '七（二）3 | text-amount-matches-table | error | 0万元 | 92.51万元',
  '七（二）3 | text-parts-add-up | error | 0万元 | 92.51万元',
  '七（二）3 | text-same-quantity | error | 0万元 | 92.51万元',
  '十一 | text-amount-matches-table | warning | 0万元 | 0.44万元',
  '十二 | text-parts-add-up | error | 532.13万元 | 533.82万元',
  '十三 | text-parts-add-up | error | 35辆 | 36辆',
  '十四（1） | text-share-denominator | error | 100% | 131.33%',
  '十四（1） | text-share-denominator | warning | 0% | 不计算占比',
  '十四（1） | text-share-denominator | warning | 0% | 不计算占比',
  '十四（1） | text-amount-matches-table | rounding | 1138.53 万元 | 1138.54万元',
];

describe('narrative verifier: the seed 情况说明 against the seed tables', () => {
  const model = readWorkbook(seedSnapshots());

  it('flags exactly the wrong statements (without the 补充信息 sheet)', () => {
    const findings = verifyText(model, undefined, TEXT);
    for (const f of findings) assert.equal(TEXT.slice(f.start, f.end), f.quote);
    assert.deepEqual(findings.filter((f) => !f.unverified).map(row), FLAGGED_WITHOUT_INPUTS);
  });

  it('names the cells and both values in each message', () => {
    const findings = verifyText(model, undefined, TEXT);
    const tp = findings.find((f) => f.quote === '124.13%')!;
    assert.match(tp.message, /124\.13%.*92\.51万元（公开07表 \w+\d+）÷预算95\.00万元（公开07表 \w+\d+）.*97\.38%/);
    assert.ok(tp.cells.every((c) => c.sheet === '公开07表'));
    const cls = findings.find((f) => f.section === '五（二）' && f.rule === 'text-amount-matches-table')!;
    assert.equal(cls.cells[0].sheet, '公开05表');
    assert.match(cls.message, /一般公共服务（类）为1406\.53万元，表中为1256\.53万元/);
  });

  it('passes the statements that are right', () => {
    const findings = verifyText(model, undefined, TEXT);
    const at = (quote: string, section: string) => findings.filter((f) => f.quote === quote && f.section === section);
    assert.deepEqual(at('1474.07万元', '二'), []); // 本年收入合计
    assert.deepEqual(at('1406.53万元', '二'), []); // 财政拨款收入
    assert.deepEqual(at('95.42%', '二'), []);
    assert.deepEqual(at('4.58%', '二'), []);
    assert.deepEqual(at('22.76%', '三'), []);
    assert.deepEqual(at('77.24%', '三'), []);
    assert.deepEqual(at('1406.53万元', '四'), []);
    assert.deepEqual(at('95.42%', '五（一）'), []);
    assert.deepEqual(at('278.84万元', '六'), []); // 人员经费
    assert.deepEqual(at('83.10%', '六'), []);
    assert.deepEqual(at('16.90%', '六'), []);
    assert.deepEqual(at('92.51万元', '七（一）'), []);
    assert.deepEqual(at('0万元', '八'), []);
    assert.deepEqual(at('248.39 万元', '十四（1）'), []); // 06 工资福利支出
  });

  it('lists what it cannot verify as 无法核对 warnings, never silently', () => {
    const findings = verifyText(model, undefined, TEXT);
    const unverified = findings.filter((f) => f.unverified);
    assert.ok(unverified.every((f) => f.severity === 'unverified' && /无法(完全)?核对/.test(f.message)));
    const quotes = (section: string) => unverified.filter((f) => f.section === section).map((f) => f.quote);
    assert.deepEqual(quotes('一'), ['290.92万元', '16.48%']); // needs last year
    assert.deepEqual(quotes('十'), ['56.70万元', '34.43\n\n万元', '37.78%']);
    assert.ok(quotes('十四（1）').includes('480.21 万元'));
    assert.ok(unverified.find((f) => f.quote === '153.30%')!.message.includes('文中的预算数'));
  });

  it('with the 补充信息 sheet: fewer 无法核对, and its inputs are checked too', () => {
    const inputs = inputsFromValues(SEED_2021_INPUTS);
    const without = verifyText(model, undefined, TEXT).filter((f) => f.unverified).length;
    const findings = verifyText(model, inputs, TEXT);
    assert.ok(findings.filter((f) => f.unverified).length < without);
    const flagged = findings.filter((f) => !f.unverified).map(row);
    assert.ok(flagged.includes('十二 | text-amount-matches-table | error | 532.13万元 | 533.82万元'));
    assert.ok(flagged.includes('十三 | text-amount-matches-table | error | 35辆 | 36辆'));
    assert.ok(flagged.includes('七（一） | text-year-on-year | error | 30.17% | 30.31%'));
    // last year's figures from the sheet agree with 一, 四 and 十
    assert.deepEqual(findings.filter((f) => ['一', '四', '十'].includes(f.section ?? '')).map(row), []);
  });
});
