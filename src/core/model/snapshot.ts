import type { CellValue, RangeRect } from '../cells';

/**
 * What a host reads from one worksheet: the used range's calculated values and,
 * where the host knows them, the formulas. Everything the core learns about a
 * workbook comes through this shape, so the core never talks to Office, WPS or
 * ExcelJS itself.
 */
export interface SheetSnapshot {
  name: string;
  /** 0-based sheet row and column of values[0][0] (the used range's top-left). */
  top: number;
  left: number;
  /** Calculated values, row by row; ragged rows are allowed (missing = null). */
  values: CellValue[][];
  /** Formula text ("=SUM(C8:C10)") where the cell holds a formula, else null. Optional. */
  formulas?: (string | null)[][];
  /** Merged areas in sheet coordinates, where the host can tell. Optional. */
  merges?: RangeRect[];
  /** Whether the sheet is protected against edits. */
  protected?: boolean;
  /** Whether the sheet is hidden (or very hidden), where the host can tell. Optional. */
  hidden?: boolean;
}

/** The value at sheet coordinates (row, col), null outside the snapshot. */
export function valueAt(s: SheetSnapshot, row: number, col: number): CellValue {
  const r = s.values[row - s.top];
  if (!r) return null;
  const v = r[col - s.left];
  return v === undefined ? null : v;
}

/** The formula at sheet coordinates, null when none or unknown. */
export function formulaAt(s: SheetSnapshot, row: number, col: number): string | null {
  const r = s.formulas?.[row - s.top];
  if (!r) return null;
  return r[col - s.left] ?? null;
}

/** Last row and column (sheet coordinates) covered by the snapshot. */
export function snapshotExtent(s: SheetSnapshot): { bottom: number; right: number } {
  let right = s.left - 1;
  for (const r of s.values) right = Math.max(right, s.left + r.length - 1);
  return { bottom: s.top + s.values.length - 1, right };
}
