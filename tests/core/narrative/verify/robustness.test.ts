import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { verifyText, type TextFinding } from '../../../../src/core/narrative/verify';
import { seedModel } from '../../figures/seed-model';

/**
 * The same seed 情况说明 written other ways must give the same findings: full-width
 * digits and punctuation, amounts in 元 with thousands separators, extra line breaks
 * inside sentences, 1. / （1） numbering.
 */
const TEXT = fs.readFileSync(path.join(__dirname, '../../../fixtures/narratives/seed-2021.txt'), 'utf8');

function key(f: TextFinding): string {
  return [f.section, f.rule, f.severity, f.expected ?? '', f.unverified ? 'u' : ''].join(' | ');
}

function run(text: string): string[] {
  const findings = verifyText(seedModel(), undefined, text);
  for (const f of findings) assert.equal(text.slice(f.start, f.end), f.quote);
  return findings.map(key);
}

const BASELINE = run(TEXT);

function fullWidth(s: string): string {
  return s
    .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    .replace(/([０-９])\.([０-９])/g, '$1．$2')
    .replace(/%/g, '％');
}

function inYuan(s: string): string {
  return s.replace(/(\d+(?:\.\d+)?)(\s*)万元(?!以上)/g, (_, n: string) => {
    const yuan = Math.round(Number(n) * 10000);
    return `${yuan.toLocaleString('en-US')}元`;
  });
}

describe('narrative verifier: robustness (the seed text written other ways)', () => {
  it('full-width digits, decimal points and ％', () => {
    const text = fullWidth(TEXT);
    assert.notEqual(text, TEXT);
    assert.deepEqual(run(text), BASELINE);
  });

  it('amounts in 元 with thousands separators (1,474,070元)', () => {
    const text = inYuan(TEXT);
    assert.match(text, /本年收入合计14,740,700元/);
    assert.deepEqual(run(text), BASELINE);
  });

  it('line breaks inside sentences (before units, after commas)', () => {
    const text = TEXT.replace(/万元，占/g, '\n万元，占').replace(/，其中：/g, '，\n其中：');
    assert.deepEqual(run(text), BASELINE);
  });

  it('1. and （1） numbering instead of 1、', () => {
    const text = TEXT.replace(/^(\d)、/gm, '$1. ');
    assert.deepEqual(run(text), BASELINE);
  });
});
