import type { RangeRect } from '../cells';

/**
 * What the core asks a host to write: host-free descriptions of sheets and cells.
 * Hosts turn a plan into their own calls (Office.js batches, WPS object model,
 * ExcelJS, the in-memory workbook), so every host writes the same thing.
 */

export interface CellStyle {
  bold?: boolean;
  /** Font size in points. */
  fontSize?: number;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Excel number format, e.g. "#,##0.00" or "@". */
  numberFormat?: string;
  /** Fill colour "#RRGGBB". */
  fill?: string;
}

export interface CellWrite {
  row: number;
  col: number;
  /** A constant; strings are always written as text, never parsed as formulas. */
  value?: string | number | null;
  /** A formula starting with "=". */
  formula?: string;
  /** Key into SheetPlan.styles. */
  style?: string;
}

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  paperSize: 'A4';
  fitToWidth: boolean;
  /** 0-based inclusive rows repeated on every printed page. */
  titleRows?: [number, number];
}

export interface SheetPlan {
  name: string;
  cells: CellWrite[];
  merges: RangeRect[];
  styles: Record<string, CellStyle>;
  /** Column widths in characters, from column 0. */
  columnWidths?: number[];
  /** Row heights in points by 0-based row. */
  rowHeights?: Record<number, number>;
  freeze?: { rows: number; cols: number };
  print?: PrintSetup;
}

/**
 * One write, applied as a whole: new sheets, and updates to cells of existing ones.
 * A host checks everything it can (names, protection) before writing anything, so
 * a refusal leaves the workbook as it was.
 */
export interface WriteBatch {
  /** Sheets to add, in order, after the last existing sheet (or after `after`). */
  create: SheetPlan[];
  /** Existing sheets: only the listed cells, merges and formats are written. */
  update: SheetPlan[];
  /** Sheet to activate when done. */
  activate?: string;
}

export function emptyPlan(name: string): SheetPlan {
  return { name, cells: [], merges: [], styles: {} };
}
