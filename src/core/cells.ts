/**
 * Cells, addresses and values: the vocabulary every layer shares.
 * Rows and columns are 0-based in code; addresses are A1 strings for people.
 */

/** An error value read from a cell (#REF!, #DIV/0!, #VALUE! ...). */
export interface CellError {
  error: string;
}

/** What a cell holds after calculation, as a host reports it. */
export type CellValue = string | number | boolean | null | CellError;

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

/** A cell named for people and for findings: sheet name and A1 address. */
export interface CellRef {
  sheet: string;
  address: string;
}

/** A rectangle of cells, 0-based, inclusive. */
export interface RangeRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0, 0) -> "A1". */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "B7" -> { row: 6, col: 1 }; absolute markers ($) are ignored. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`不是有效的单元格地址：${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A rectangle as "A1:C3" (or "A1" for one cell). */
export function rangeAddress(r: RangeRect): string {
  const start = a1(r.top, r.left);
  const end = a1(r.bottom, r.right);
  return start === end ? start : `${start}:${end}`;
}

/** "A1:C3" -> rectangle. */
export function parseRange(address: string): RangeRect {
  const [s, e] = address.split(':');
  const a = parseA1(s);
  const b = e ? parseA1(e) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * A sheet name as it must appear inside a formula: quoted when it holds anything
 * but ASCII letters, digits and underscores (Chinese names always are).
 */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

export function cellRef(sheet: string, row: number, col: number): CellRef {
  return { sheet, address: a1(row, col) };
}

/**
 * Anything a host hands over, as text for a message or a label: "" for empty, a cell
 * error as its code, other objects as JSON (never "[object Object]").
 */
export function displayText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (isCellError(v)) return v.error;
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return typeof v;
  }
}
