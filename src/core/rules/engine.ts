import type { Finding, Severity } from '../findings/finding';
import { tableNumberIn } from '../editions';
import { TABLE_KEYS, type TableKey, type WorkbookModel } from '../model/tables';
import { compareSides, DEFAULT_TOLERANCE } from './compare';
import type { CheckInputs, CheckOptions, Rule, RuleContext } from './types';

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
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
        tableRank(a.f.table) - tableRank(b.f.table) ||
        a.i - b.i,
    )
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
  const context: RuleContext = {
    model,
    inputs,
    tolerance,
    table: (key) => model.tables[key],
    tableLabel: (key) => `${tableNumber(model, key)}表`,
    compare(c) {
      const outcome = compareSides(c, { tolerance, severity: rule.meta.severity });
      if (!outcome) return;
      findings.push({
        rule: rule.meta.id,
        severity: outcome.severity,
        message: outcome.message,
        cells: outcome.cells,
        table: c.table ?? rule.meta.tables[0],
      });
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

/** Run rules over a model: findings sorted by severity, then table. Pure. */
export function runRulesWith(model: WorkbookModel, options: RunRulesOptions): Finding[] {
  const all: Finding[] = [];
  for (const rule of options.rules) all.push(...runRule(rule, model, options));
  return sortFindings(all);
}
