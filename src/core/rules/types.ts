import type { CellRef } from '../cells';
import type { Finding, Severity } from '../findings/finding';
import type { Amount, TableKey, TableModel, WorkbookModel } from '../model/tables';

/**
 * The rule contract. A rule is a declarative file: `meta` says what it is and what it
 * reads, `check(context)` looks at the table model and reports through the context.
 * A rule knows nothing of the engine; the engine knows nothing of any single rule.
 */
export interface RuleMeta {
  /** The rule id, equal to its file name under checks/ (without .ts). */
  id: string;
  /** One line in Chinese for the user (and the README). */
  description: string;
  /** 'error' for docs/domain/rules.md "H" items, 'warning' for "W" items. */
  severity: 'error' | 'warning';
  /** The tables the rule reads. */
  tables: TableKey[];
  /** The item number in docs/domain/rules.md, or null for rules that check the cells themselves. */
  rulesMd: number | null;
}

/** Figures from outside the tables (the 补充信息 sheet / narrative inputs). */
export interface CheckInputs {
  /** 机关运行经费 (docs/domain/rules.md 19). */
  officeOperationCost?: Amount;
}

export interface CheckOptions {
  /** Rounding tolerance per part, in the tables' money unit (default 0.005). */
  tolerance?: number;
  /** Optional figures from the narrative inputs. */
  inputs?: CheckInputs;
}

/** One figure in a comparison: an amount, added (sign 1, default) or subtracted (-1). */
export interface Term {
  amount: Amount;
  sign?: 1 | -1;
}

/** One side of a comparison: a label in Chinese and the figures it adds up. */
export interface Side {
  /**
   * E.g. "03表合计行项目支出" or "201、210类项目支出之和". A function is called only when
   * the comparison fails (rules compare every line; most pass, so labels are built lazily).
   */
  label: string | (() => string);
  terms: Array<Amount | Term>;
}

/**
 * left = right ('eq'), left ≤ right ('le'), left ≥ right ('ge').
 * `table` is the table the finding is listed under.
 */
export interface Comparison {
  left: Side;
  right: Side;
  relation?: 'eq' | 'le' | 'ge';
  table?: TableKey;
}

export interface ReportDescriptor {
  /** Defaults to the rule's severity. */
  severity?: Severity;
  message: string;
  cells: CellRef[];
  table?: TableKey;
}

export interface RuleContext {
  readonly model: WorkbookModel;
  readonly inputs: CheckInputs;
  /** Tolerance per part (already defaulted). */
  readonly tolerance: number;
  /** The table, or undefined when the workbook lacks it (the engine reports that once). */
  table(key: TableKey): TableModel | undefined;
  /** "03表", with the number the table carries in this workbook. */
  tableLabel(key: TableKey): string;
  /** Compare two sides with the shared rounding policy and report any gap. */
  compare(comparison: Comparison): void;
  /** Report a finding directly (for checks that are not a comparison of sums). */
  report(descriptor: ReportDescriptor): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export type { Finding, Severity };
