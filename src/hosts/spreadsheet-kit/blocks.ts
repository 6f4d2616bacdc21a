import { parseRange, type CellRef, type RangeRect } from '../../core/cells';
import type { CellStyle, CellWrite, SheetPlan } from '../../core/plan/sheet-plan';

/**
 * Turning a SheetPlan's cell list into few, whole-rectangle writes: shared by the
 * Office.js and WPS hosts, pure and tested without a host.
 */

export interface Block {
  rect: RangeRect;
  /** Cells of the plan inside the rectangle, indexed [row - top][col - left]; undefined = gap. */
  cells: (CellWrite | undefined)[][];
}

function bbox(cells: CellWrite[]): RangeRect {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return { top, left, bottom, right };
}

function area(r: RangeRect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function dense(cells: CellWrite[], r: RangeRect): boolean {
  const a = area(r);
  return a <= 256 || a <= 4 * cells.length;
}

function toBlock(cells: CellWrite[], rect: RangeRect): Block {
  const grid: (CellWrite | undefined)[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) grid.push(new Array<CellWrite | undefined>(rect.right - rect.left + 1).fill(undefined));
  for (const c of cells) grid[c.row - rect.top][c.col - rect.left] = c;
  return { rect, cells: grid };
}

/**
 * Rectangles covering every cell of the list: the bounding box when it is dense
 * (a freshly planned table is one block), else bands of adjacent rows, else runs
 * within a row. Gaps inside a block are left unchanged by the host (null).
 * When a cell is listed twice, the later one wins.
 */
export function planBlocks(list: CellWrite[]): Block[] {
  const byKey = new Map<string, CellWrite>();
  for (const c of list) byKey.set(`${c.row},${c.col}`, c);
  const cells = [...byKey.values()];
  if (!cells.length) return [];
  const box = bbox(cells);
  if (dense(cells, box)) return [toBlock(cells, box)];
  const rows = new Map<number, CellWrite[]>();
  for (const c of cells) {
    const r = rows.get(c.row);
    if (r) r.push(c);
    else rows.set(c.row, [c]);
  }
  const rowNums = [...rows.keys()].sort((a, b) => a - b);
  const out: Block[] = [];
  let band: number[] = [];
  const flush = () => {
    if (!band.length) return;
    const bandCells = band.flatMap((r) => rows.get(r)!);
    const b = bbox(bandCells);
    if (dense(bandCells, b)) out.push(toBlock(bandCells, b));
    else for (const r of band) out.push(...rowRuns(rows.get(r)!));
    band = [];
  };
  for (const r of rowNums) {
    if (band.length && r !== band[band.length - 1] + 1) flush();
    band.push(r);
  }
  flush();
  return out;
}

function rowRuns(cells: CellWrite[]): Block[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col);
  const out: Block[] = [];
  let run: CellWrite[] = [];
  for (const c of sorted) {
    if (run.length && c.col - run[run.length - 1].col > 3) {
      out.push(toBlock(run, bbox(run)));
      run = [];
    }
    run.push(c);
  }
  if (run.length) out.push(toBlock(run, bbox(run)));
  return out;
}

/**
 * Rectangles of cells sharing one style key: runs within rows, merged down when
 * consecutive rows have the same run. Returns style key -> rectangles.
 */
export function styleRects(cells: CellWrite[]): Map<string, RangeRect[]> {
  const byStyle = new Map<string, Map<number, number[]>>();
  for (const c of cells) {
    if (!c.style) continue;
    let rows = byStyle.get(c.style);
    if (!rows) byStyle.set(c.style, (rows = new Map<number, number[]>()));
    const cols = rows.get(c.row);
    if (cols) cols.push(c.col);
    else rows.set(c.row, [c.col]);
  }
  const out = new Map<string, RangeRect[]>();
  for (const [style, rows] of byStyle) {
    const rects: RangeRect[] = [];
    const open = new Map<string, RangeRect>();
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = [...new Set(rows.get(row))].sort((a, b) => a - b);
      const runs: [number, number][] = [];
      for (const col of cols) {
        const last = runs[runs.length - 1];
        if (last && col === last[1] + 1) last[1] = col;
        else runs.push([col, col]);
      }
      for (const [l, r] of runs) {
        const key = `${l}:${r}`;
        const prev = open.get(key);
        if (prev && prev.bottom === row - 1) prev.bottom = row;
        else {
          const rect = { top: row, left: l, bottom: row, right: r };
          rects.push(rect);
          open.set(key, rect);
        }
      }
    }
    out.set(style, rects);
  }
  return out;
}

/**
 * Whether Excel (or WPS) would turn this string into something else when it is
 * entered as it is: a formula, a number, a date, a boolean, an error, or a string
 * whose leading apostrophe would be eaten.
 */
export function wouldBeCoerced(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@']/.test(s)) return true;
  const t = s.trim();
  if (/^(true|false)$/i.test(t)) return true;
  if (/^#[A-Z0-9/]+[!?]?$/i.test(t)) return true;
  // Numbers, percentages, currency, fractions, dates and times: digits and punctuation only.
  if (/\d/.test(t) && /^[\d\s.,:/%$¥￥()eE\-+年月日]+$/.test(t)) return true;
  return false;
}

/**
 * The cell content to put into a formulas matrix: a formula as it is, a number as
 * a number, a string as text. Strings Excel would coerce get a leading apostrophe
 * (the quote prefix), which keeps them text without changing the cell's number
 * format — a "@" format would turn the cell into a text cell for good, so a
 * number the user types there later would stop adding up. Cells whose style is
 * already "@" take the string as it is.
 */
export function cellContent(c: CellWrite, style: CellStyle | undefined): string | number | boolean | null {
  if (c.formula !== undefined) return c.formula.startsWith('=') ? c.formula : `=${c.formula}`;
  if (c.value === undefined) return null;
  if (c.value === null) return '';
  if (typeof c.value === 'number') return c.value;
  if (style?.numberFormat === '@') return c.value;
  return wouldBeCoerced(c.value) ? `'${c.value}` : c.value;
}

/** Style of a cell in a plan. */
export function styleOf(plan: SheetPlan, c: CellWrite | undefined): CellStyle | undefined {
  return c?.style ? plan.styles[c.style] : undefined;
}

/** Column width in characters -> points (Excel: px = trunc(chars * 7 + 5), pt = px * 0.75). */
export function charsToPoints(chars: number): number {
  return Math.round(Math.trunc(chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Runs of equal widths: [firstCol, lastCol, width]. */
export function widthRuns(widths: number[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  widths.forEach((w, i) => {
    if (w === undefined || w === null || !(w > 0)) return;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === w) last[1] = i;
    else out.push([i, i, w]);
  });
  return out;
}

/**
 * The cells of a mark request by sheet, as few rectangles as adjacent cells allow
 * (one conditional format per rectangle, not per cell). Ranges in addresses
 * ("C8:E8") are taken whole.
 */
export function markRects(cells: CellRef[]): Map<string, RangeRect[]> {
  const bySheet = new Map<string, CellWrite[]>();
  const whole = new Map<string, RangeRect[]>();
  for (const c of cells) {
    const r = parseRange(c.address);
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 400) {
      whole.set(c.sheet, [...(whole.get(c.sheet) ?? []), r]);
      continue;
    }
    const list = bySheet.get(c.sheet) ?? [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) list.push({ row, col, style: 'm' });
    bySheet.set(c.sheet, list);
  }
  const out = new Map<string, RangeRect[]>();
  for (const [sheet, list] of bySheet) out.set(sheet, styleRects(list).get('m') ?? []);
  for (const [sheet, rects] of whole) out.set(sheet, [...(out.get(sheet) ?? []), ...rects]);
  return out;
}
