import { strict as assert } from 'assert';
import type { Finding, Severity } from '../../findings/finding';
import type { TableKey, WorkbookModel } from '../../model/tables';
import { runRule } from '../engine';
import type { CheckOptions, Rule } from '../types';

/**
 * RuleTester, after ESLint's: runs `valid` and `invalid` workbook models through one
 * rule under mocha. A valid case must produce no finding at all (not even 尾数差异);
 * an invalid case must produce exactly the findings it lists, in the rule's order,
 * each with its severity, its cells (as "sheet!A1", any order) and a message substring.
 *
 *   new RuleTester().run(rule, {
 *     valid: [{ name: 'seed figures', model: seedWorkbook() }],
 *     invalid: [{ name: '…', model, findings: [{ severity: 'error', cells: ['公开03表!E6'], message: '≠' }] }],
 *   });
 */
export interface ValidCase {
  name: string;
  model: WorkbookModel;
  options?: CheckOptions;
}

export interface ExpectedFinding {
  severity: Severity;
  /** Every cell the finding must point at, "sheet!A1". */
  cells: string[];
  /** A substring the message must contain (or a pattern it must match). */
  message: string | RegExp;
  table?: TableKey;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

export function cellKey(c: { sheet: string; address: string }): string {
  return `${c.sheet}!${c.address}`;
}

function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `  [${f.severity}] ${f.message} @ ${f.cells.map(cellKey).join(',')}`).join('\n');
}

/** Checks every rule must pass whatever its figures. */
export function assertWellFormed(rule: Rule): void {
  const m = rule.meta;
  assert.match(m.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, 'rule id must be kebab-case');
  assert.match(m.description, /[\u4e00-\u9fff]/, 'description must be in Chinese');
  assert.ok(m.severity === 'error' || m.severity === 'warning', 'severity must be error or warning');
  // Workbook-level rules (no-tables) list no table; every other rule names what it reads.
  assert.ok(Array.isArray(m.tables) && (m.tables.length > 0 || m.rulesMd === null), 'a table rule reads at least one table');
  assert.ok(m.rulesMd === null || (Number.isInteger(m.rulesMd) && m.rulesMd >= 1 && m.rulesMd <= 27), 'rulesMd item 1–27 or null');
}

function assertFindingShape(rule: Rule, f: Finding): void {
  assert.equal(f.rule, rule.meta.id);
  assert.doesNotMatch(f.message, /undefined|NaN|\[object/, `message has a hole: ${f.message}`);
  assert.match(f.message, /[\u4e00-\u9fff]/, 'message must be in Chinese');
}

export class RuleTester {
  run(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
    describe(rule.meta.id, () => {
      it('has well-formed meta', () => assertWellFormed(rule));
      assert.ok(cases.invalid.length > 0, `${rule.meta.id}: give at least one invalid case`);
      for (const c of cases.valid) {
        it(`valid: ${c.name}`, () => {
          const found = runRule(rule, c.model, c.options);
          assert.equal(found.length, 0, `expected no findings, got:\n${describeFindings(found)}`);
        });
      }
      for (const c of cases.invalid) {
        it(`invalid: ${c.name}`, () => {
          assert.ok(c.findings.length > 0, 'an invalid case states the findings it must produce');
          const found = runRule(rule, c.model, c.options);
          assert.equal(found.length, c.findings.length, `expected ${c.findings.length} finding(s), got ${found.length}:\n${describeFindings(found)}`);
          c.findings.forEach((want, i) => {
            const got = found[i];
            assertFindingShape(rule, got);
            const where = `finding ${i + 1} (${got.message})`;
            assert.equal(got.severity, want.severity, `${where}: severity`);
            if (typeof want.message === 'string') {
              assert.ok(got.message.includes(want.message), `${where}: message should contain “${want.message}”`);
            } else {
              assert.match(got.message, want.message, `${where}: message`);
            }
            assert.deepEqual(got.cells.map(cellKey).sort(), [...want.cells].sort(), `${where}: cells`);
            if (want.table) assert.equal(got.table, want.table, `${where}: table`);
          });
        });
      }
    });
  }
}
