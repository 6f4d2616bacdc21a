import type { CellRef } from '../cells';
import type { TableKey } from '../model/tables';

/**
 * error    — the tables contradict each other (or the text contradicts the tables)
 *            beyond any rounding;
 * warning  — worth a look, can be legitimate (docs/domain/rules.md "W" items);
 * rounding — 尾数差异: a gap within the rounding bound (n parts × tolerance);
 * unverified — 无法核对: a statement the checker could not tie to any figure. Never an
 *            accusation: shown apart, collapsed, and never counted with 错误/提示.
 */
export type Severity = 'error' | 'warning' | 'rounding' | 'unverified';

export const SEVERITY_NAMES: Record<Severity, string> = {
  error: '错误',
  warning: '提示',
  rounding: '尾数差异',
  unverified: '无法核对',
};

/** One finding, as the task pane lists it and `juesuan check --json` prints it. */
export interface Finding {
  /** Rule id, e.g. "t05-basic-eq-t06-personnel-plus-public". */
  rule: string;
  severity: Severity;
  /** What differs, in Chinese, with both sides' values and the difference. */
  message: string;
  /** Every cell involved. */
  cells: CellRef[];
  /** The table the finding belongs to (for grouping). */
  table?: TableKey;
}

/**
 * A diagnosed slip (`rule: "likely-slip"`, severity error): one cell (cells[0], the
 * suspect; further cells are the equally likely candidates) whose change to `expected`
 * makes every finding in `explains` hold. Explained findings are not listed at top level.
 */
export interface DiagnosedFinding extends Finding {
  rule: 'likely-slip';
  /** The value of the suspect cell that makes the explained findings hold (万元). */
  expected: number;
  /** The findings this slip explains, in the usual shape. */
  explains: Finding[];
}

export function isDiagnosed(f: Finding): f is DiagnosedFinding {
  return f.rule === 'likely-slip' && Array.isArray((f as DiagnosedFinding).explains);
}
