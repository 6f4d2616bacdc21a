import { a1, isCellError, type CellRef, type CellValue } from '../cells';
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
  private readonly keys = new Map<string, string>();
  private readonly texts = new Map<number, Array<{ col: number; text: string; key: string }>>();

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
    const id = `${row},${col}`;
    let k = this.keys.get(id);
    if (k === undefined) {
      k = matchKey(this.str(row, col));
      this.keys.set(id, k);
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

  isEmpty(row: number, col: number): boolean {
    return this.str(row, col) === '' && !isCellError(this.value(row, col));
  }

  rowEmpty(row: number, from = this.left, to = this.right): boolean {
    const whole = from === this.left && to === this.right;
    if (whole) {
      const known = this.empties.get(row);
      if (known !== undefined) return known;
    }
    let empty = true;
    for (let c = from; c <= to; c++) {
      if (!this.isEmpty(row, c)) {
        empty = false;
        break;
      }
    }
    if (whole) this.empties.set(row, empty);
    return empty;
  }

  /** Non-empty texts of a row, left to right. */
  rowTexts(row: number): Array<{ col: number; text: string; key: string }> {
    let out = this.texts.get(row);
    if (out) return out;
    out = [];
    const r = this.snapshot.values[row - this.top];
    if (r) {
      for (let i = 0; i < r.length; i++) {
        const v = r[i];
        if (typeof v === 'string' && v.trim() !== '') out.push({ col: this.left + i, text: v.trim(), key: this.key(row, this.left + i) });
      }
    }
    this.texts.set(row, out);
    return out;
  }

  /** Whether a row holds nothing (cached). */
  private readonly empties = new Map<number, boolean>();

  ref(row: number, col: number): CellRef {
    return { sheet: this.name, address: a1(row, col) };
  }

  where(row: number, col: number): string {
    return `“${this.name}”表 ${a1(row, col)} 单元格`;
  }
}

/** A whole number in a cell (number, or digits as text incl. full-width), as digits; else undefined. */
export function digitsOf(v: CellValue): string | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? String(v) : undefined;
  if (typeof v === 'string') {
    const t = toHalfWidth(v).replace(/[\s'’]/g, '').replace(/\.0+$/, '');
    return /^\d+$/.test(t) ? t : undefined;
  }
  return undefined;
}
