import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../../../src/core/findings/finding';
import { rules, runRule, runRules, sortFindings } from '../../../src/core/rules';
import type { Rule } from '../../../src/core/rules/types';
import { seedWorkbook } from './seed-workbook';

const CHECKS = path.join(__dirname, '../../../src/core/rules/checks');

describe('rules registry', () => {
  const files = fs
    .readdirSync(CHECKS)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
  it('registers every rule file, and each id is its file name', () => {
    assert.deepEqual(rules.map((r) => r.meta.id).sort(), files.sort());
  });
  it('covers docs/domain/rules.md items 1–20', () => {
    const items = new Set(rules.map((r) => r.meta.rulesMd));
    for (let i = 1; i <= 20; i++) assert.ok(items.has(i), `docs/domain/rules.md item ${i} has no rule`);
  });
  it('gives each rule its own test file', () => {
    for (const f of files) assert.ok(fs.existsSync(path.join(__dirname, `${f}.test.ts`)), `tests/core/rules/${f}.test.ts`);
  });
  it('lists each rule in the README with its description, severity and item', () => {
    const readme = fs.readFileSync(path.join(CHECKS, '../README.md'), 'utf8');
    for (const r of rules) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${r.meta.id}\` |`));
      assert.ok(row, `README lacks ${r.meta.id}`);
      assert.ok(row.includes(r.meta.description), `README description of ${r.meta.id}`);
      assert.ok(row.includes(r.meta.severity), `README severity of ${r.meta.id}`);
    }
  });
});

describe('runRules', () => {
  it('finds nothing on the consistent seed figures', () => {
    assert.deepEqual(runRules(seedWorkbook()), []);
  });

  it('sorts errors, warnings, 尾数差异, each by table order', () => {
    const model = seedWorkbook({
      omit: ['govFund'],
      set: [
        ['expenditure', 'total', 'project', 1138.54], // rounding, 03
        ['gpbBasic', 'personnelTotal', 'amount', 280], // error, 06 and 05
        ['summary', 'inc.other', 'amount', 60], // error, 01 (and 02 cross-checks)
      ],
    });
    const found = runRules(model);
    const rank = { error: 0, warning: 1, rounding: 2, unverified: 3 };
    for (let i = 1; i < found.length; i++) assert.ok(rank[found[i - 1].severity] <= rank[found[i].severity]);
    assert.equal(found[0].table, 'summary');
    assert.ok(found.some((f) => f.rule === 'table-missing' && f.table === 'govFund'));
    assert.deepEqual(
      found.filter((f) => f.severity === 'rounding').map((f) => f.rule),
      ['t03-row-total-eq-sum-parts', 'classified-total-eq-sum-classes'],
    );
  });

  it('uses the user’s tolerance', () => {
    const model = seedWorkbook({ set: [['summary', 'exp.grandTotal', 'amount', 1474.08]] });
    assert.equal(runRules(model).find((f) => f.rule === 't01-income-grand-total-eq-expense-grand-total')?.severity, 'error');
    assert.equal(runRules(model, { tolerance: 0.01 }).find((f) => f.rule === 't01-income-grand-total-eq-expense-grand-total')?.severity, 'rounding');
  });

  it('refuses a negative tolerance in Chinese', () => {
    assert.throws(() => runRules(seedWorkbook(), { tolerance: -1 }), /尾数容差/);
  });

  it('runs a given rule list only', () => {
    const model = seedWorkbook({ omit: ['govFund'] });
    const only = rules.filter((r) => r.meta.id !== 'table-missing');
    assert.deepEqual(runRules(model, { rules: only }), []);
  });

  it('turns a rule that throws into a warning and runs the others', () => {
    const broken: Rule = {
      meta: { id: 'broken', description: '坏规则', severity: 'error', tables: ['summary'], rulesMd: null },
      check() {
        throw new Error('boom');
      },
    };
    const found = runRules(seedWorkbook({ omit: ['income'] }), { rules: [broken, ...rules] });
    assert.ok(found.some((f) => f.rule === 'broken' && f.severity === 'warning' && /运行出错.*boom/.test(f.message)));
    assert.ok(found.some((f) => f.rule === 'table-missing'));
  });

  it('runRule does not sort; sortFindings is stable', () => {
    const f = (severity: Finding['severity'], table: Finding['table'], message: string): Finding => ({ rule: 'x', severity, table, message, cells: [] });
    const sorted = sortFindings([
      f('rounding', 'summary', 'a'),
      f('error', 'gpbBasic', 'b'),
      f('error', 'summary', 'c'),
      f('error', 'summary', 'd'),
      f('warning', undefined, 'e'),
    ]);
    assert.deepEqual(
      sorted.map((x) => x.message),
      ['c', 'd', 'b', 'e', 'a'],
    );
    assert.equal(runRule(rules[0], seedWorkbook()).length, 0);
  });
});
