import type { CellRef } from '../cells';
import type { TableKey } from '../model/tables';

/**
 * error    — the tables contradict each other (or the text contradicts the tables)
 *            beyond any rounding;
 * warning  — worth a look, can be legitimate (rules.md "W" items), or a figure
 *            the tool cannot verify;
 * rounding — 尾数差异: a gap within the rounding bound (n parts × tolerance).
 */
export type Severity = 'error' | 'warning' | 'rounding';

export const SEVERITY_NAMES: Record<Severity, string> = {
  error: '错误',
  warning: '提示',
  rounding: '尾数差异',
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
