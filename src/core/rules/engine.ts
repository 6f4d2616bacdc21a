import type { Finding, Severity } from '../findings/finding';
import { tableNumberIn } from '../editions';
import { TABLE_KEYS, type TableKey, type WorkbookModel } from '../model/tables';
import { compareSides, DEFAULT_TOLERANCE, differenceOf, gapOf, termsDifference, ZERO_GAP } from './compare';
import type { CheckInputs, CheckOptions, Rule, RuleContext } from './types';
import { CONVERTED_NOTE, convertedSheets, inTenThousands } from './units';

/**
 * The check engine: runs rules over a WorkbookModel and collects their findings.
 * It knows the rule contract (types.ts) and nothing of any single rule; the default
 * rule list lives in index.ts.
 */

/** The 公开NN表 number of a table: as found on its sheet, else as the workbook's edition implies. */
export function tableNumber(model: WorkbookModel, key: TableKey): string {
  const found = model.tables[key]?.number;
  if (found) return found;
  return tableNumberIn(model.edition, key) ?? '';
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, rounding: 2, unverified: 3 };

/** Errors first, then warnings, then 尾数差异; within each, by table order (01 … 09), then as found. */
export function sortFindings(findings: Finding[]): Finding[] {
  const tableRank = (t?: TableKey) => (t === undefined ? TABLE_KEYS.length : TABLE_KEYS.indexOf(t));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || tableRank(a.f.table) - tableRank(b.f.table) || a.i - b.i)
    .map((x) => x.f);
}

/** Run one rule (no sorting): what RuleTester and runRules call. */
export function runRule(rule: Rule, model: WorkbookModel, options: CheckOptions = {}): Finding[] {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new RangeError(`尾数容差必须是不小于 0 的数，收到：${String(options.tolerance)}`);
  }
  const inputs: CheckInputs = options.inputs ?? {};
  const findings: Finding[] = [];
  const recorded = options.comparisons;
  const context: RuleContext = {
    model,
    inputs,
    tolerance,
    table: (key) => model.tables[key],
    tableLabel: (key) => `${tableNumber(model, key)}表`,
    compare(c) {
      const outcome = compareSides(c, { tolerance, severity: rule.meta.severity });
      if (!outcome) {
        if (recorded) {
          const difference = differenceOf(c);
          if (difference !== undefined) {
            recorded.add(rule.meta.id, c.relation ?? 'eq', c.left.terms, c.right.terms, difference, tolerance, c.derived);
          }
        }
        return;
      }
      const finding: Finding = {
        rule: rule.meta.id,
        severity: outcome.severity,
        message: outcome.message,
        cells: outcome.cells,
        table: c.table ?? rule.meta.tables[0],
      };
      findings.push(finding);
      if (recorded) {
        recorded.add(rule.meta.id, c.relation ?? 'eq', c.left.terms, c.right.terms, outcome.difference, tolerance, c.derived, finding);
      }
    },
    passes(left, right, opts = {}) {
      const relation = opts.relation ?? 'eq';
      const difference = termsDifference(left, right);
      if (difference === undefined) return true;
      if (gapOf(difference, relation) > ZERO_GAP) return false;
      if (recorded) recorded.add(rule.meta.id, relation, left, right, difference, tolerance, opts.derived);
      return true;
    },
    report(d) {
      findings.push({
        rule: rule.meta.id,
        severity: d.severity ?? rule.meta.severity,
        message: d.message,
        cells: d.cells,
        table: d.table ?? rule.meta.tables[0],
      });
    },
  };
  try {
    rule.check(context);
  } catch (e) {
    // A broken rule must not hide the other rules' findings.
    findings.push({
      rule: rule.meta.id,
      severity: 'warning',
      message: `校验规则“${rule.meta.description}”运行出错，已跳过：${e instanceof Error ? e.message : String(e)}`,
      cells: [],
      table: rule.meta.tables[0],
    });
  }
  return findings;
}

export interface RunRulesOptions extends CheckOptions {
  /** The rules to run; index.ts's `rules` (all of them) by default. */
  rules: readonly Rule[];
}

/**
 * Run rules over a model: findings sorted by severity, then table. Pure. Tables kept in 元
 * are compared in 万元 (units.ts), and their findings say so.
 */
export function runRulesWith(model: WorkbookModel, options: RunRulesOptions): Finding[] {
  const view = inTenThousands(model);
  const converted = convertedSheets(view);
  const all: Finding[] = [];
  for (const rule of options.rules) for (const f of runRule(rule, view, options)) all.push(f); // no spread: unbounded lists
  if (converted.size > 0) {
    for (const f of all) if (f.cells.some((c) => converted.has(c.sheet))) f.message += CONVERTED_NOTE;
  }
  return sortFindings(all);
}
