import { a1, columnLetter, isCellError, type CellRef, type CellValue } from '../cells';
import { snapshotExtent, valueAt, type SheetSnapshot } from '../model/snapshot';
import { matchKey, toHalfWidth } from '../text/normalize';

/**
 * A sheet snapshot seen by the reader: values by sheet coordinates, their text, their
 * comparison keys, and the header text a merged cell shows (its top-left's).
 */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly mergeOwner = new Map<string, { row: number; col: number }>();
  /** Comparison keys by snapshot row and column index, filled as asked for. */
  private readonly keys: Array<Array<string | undefined> | undefined> = [];
  private readonly texts: Array<Array<{ col: number; text: string; key: string }> | undefined> = [];
  /** Column letters by sheet column, for ref(). */
  private readonly letters: string[] = [];

  constructor(readonly snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    this.top = snapshot.top;
    this.left = snapshot.left;
    const ext = snapshotExtent(snapshot);
    this.bottom = ext.bottom;
    this.right = ext.right;
    for (const m of snapshot.merges ?? []) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r !== m.top || c !== m.left) this.mergeOwner.set(`${r},${c}`, { row: m.top, col: m.left });
        }
      }
    }
  }

  value(row: number, col: number): CellValue {
    return valueAt(this.snapshot, row, col);
  }

  /** The cell as text: strings trimmed, numbers as written by JS, '' for empty, booleans and errors. */
  str(row: number, col: number): string {
    const v = this.value(row, col);
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number') return String(v);
    if (isCellError(v)) return '';
    return '';
  }

  /** Comparison key of the cell's text (see matchKey). */
  key(row: number, col: number): string {
    const ri = row - this.top;
    const ci = col - this.left;
    if (ri < 0 || ci < 0 || ri >= this.snapshot.values.length) return '';
    let cache = this.keys[ri];
    if (cache === undefined) cache = this.keys[ri] = [];
    let k = cache[ci];
    if (k === undefined) {
      k = keyOf(this.value(row, col));
      cache[ci] = k;
    }
    return k;
  }

  /** The key a header cell shows: its own, or its merged area's top-left's. */
  headerKey(row: number, col: number): string {
    const own = this.key(row, col);
    if (own) return own;
    const o = this.mergeOwner.get(`${row},${col}`);
    return o ? this.key(o.row, o.col) : '';
  }

  isText(row: number, col: number): boolean {
    const v = this.value(row, col);
    return typeof v === 'string' && v.trim() !== '';
  }

  /** No value, blank text or a boolean (which str() shows as ''); numbers and error values are not empty. */
  isEmpty(row: number, col: number): boolean {
    const v = this.value(row, col);
    if (v === null || v === undefined) return true;
    if (typeof v === 'string') return v.trim() === '';
    if (typeof v === 'number') return false;
    if (typeof v === 'boolean') return true;
    return !isCellError(v);
  }

  rowEmpty(row: number, from = this.left, to = this.right): boolean {
    const whole = from === this.left && to === this.right;
    if (whole) {
      const known = this.empties[row - this.top];
      if (known !== undefined) return known;
    }
    let empty = true;
    for (let c = from; c <= to; c++) {
      if (!this.isEmpty(row, c)) {
        empty = false;
        break;
      }
    }
    if (whole && row >= this.top) this.empties[row - this.top] = empty;
    return empty;
  }

  /** Non-empty texts of a row, left to right. */
  rowTexts(row: number): Array<{ col: number; text: string; key: string }> {
    const ri = row - this.top;
    let out = ri >= 0 ? this.texts[ri] : undefined;
    if (out) return out;
    out = [];
    const r = this.snapshot.values[ri];
    if (r) {
      for (let i = 0; i < r.length; i++) {
        const v = r[i];
        if (typeof v !== 'string') continue;
        const text = v.trim();
        if (text !== '') out.push({ col: this.left + i, text, key: this.key(row, this.left + i) });
      }
    }
    if (ri >= 0) this.texts[ri] = out;
    return out;
  }

  /** Whether a row holds nothing (cached). */
  private readonly empties: boolean[] = [];

  ref(row: number, col: number): CellRef {
    if (col < 0) return { sheet: this.name, address: a1(row, col) };
    let letter = this.letters[col];
    if (letter === undefined) letter = this.letters[col] = columnLetter(col);
    return { sheet: this.name, address: `${letter}${row + 1}` };
  }

  where(row: number, col: number): string {
    return `“${this.name}”表 ${a1(row, col)} 单元格`;
  }
}

/** A whole number in a cell (number, or digits as text incl. full-width), as digits; else undefined. */
export function digitsOf(v: CellValue): string | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? String(v) : undefined;
  if (typeof v === 'string') {
    if (isAsciiDigits(v)) return v;
    if (hasIdeograph(v)) return undefined;
    const t = toHalfWidth(v)
      .replace(/[\s'’]/g, '')
      .replace(/\.0+$/, '');
    return /^\d+$/.test(t) ? t : undefined;
  }
  return undefined;
}

/** True when the text holds a CJK ideograph (never a digit, never removed): not a number. */
function hasIdeograph(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) return true;
  }
  return false;
}

/** True for a non-empty string of ASCII digits only (which every normalisation leaves as it is). */
function isAsciiDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** matchKey of a cell's text (see Grid.str), without building text for numbers and digit strings. */
function keyOf(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    const s = String(v);
    return Number.isFinite(v) ? s : matchKey(s);
  }
  if (typeof v === 'string') {
    const t = v.trim();
    return isPlainKey(t) ? t : matchKey(t);
  }
  return '';
}

/**
 * True when matchKey would return the text unchanged: every character is a CJK ideograph
 * (U+4E00–U+9FFF) or printable ASCII other than space, quotes and capitals. Most cell
 * texts (codes, 科目 names) are like this; the others go through matchKey.
 */
function isPlainKey(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x27 && (c < 0x41 || c > 0x5a)) continue;
    return false;
  }
  return true;
}
