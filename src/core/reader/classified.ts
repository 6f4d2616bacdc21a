import { codeLevel, type ColumnId, type Line, type TableModel } from '../model/tables';
import { tidyLabel } from '../text/normalize';
import {
  Problems,
  codeOf,
  codePartOf,
  headerPaths,
  isColumnNumberRow,
  isMetaKey,
  matchColumns,
  noteOfRow,
  readAmountCell,
  scanMeta,
  splitCodeLabel,
  tidy,
  type Block,
  tableModelOf,
} from './common';
import { digitsOf, type Grid } from './grid';
import { CLASSIFIED_COLUMNS, TOTAL_ROW_RE } from './vocabulary';

type CodeLayout = { kind: 'single'; col: number } | { kind: 'split'; cls: number; sec: number; item?: number } | { kind: 'combined'; col: number };

const FUNCTIONAL = /^2\d{2}(\d{2}){0,2}$/;

/** Headers of line or column numbers: such a column is never a 款 or 项 column. */
const NUMBER_HEADER = /^(行次|栏次|序号|行号|编号)$/;

/** A full functional code (20103, 2010301) printed in a 款 or 项 column: read as is. */
function fullCodeOf(grid: Grid, r: number, c: number): string | undefined {
  const d = codeOf(grid, r, c);
  return d !== undefined && d.length > 3 && FUNCTIONAL.test(d) ? d : undefined;
}

const isCodePart = (grid: Grid, r: number, c: number) => codePartOf(grid, r, c) !== undefined || fullCodeOf(grid, r, c) !== undefined;

/**
 * The 款 (and 项) columns right of a column of 类 codes (`201 | 03 | 一般公共服务支出`,
 * `201 | 03 | 01 | 行政运行`, `201 | 20103 | …`), or undefined. The 类 column holds three-digit
 * codes only; a 款 / 项 column holds one- or two-digit numbers or full codes on code rows and
 * nothing else there (a name column holds text); the column right of the code columns holds
 * the names. Never a 款 / 项: a column headed 行次 / 栏次 / 序号, one with a number in the 合计
 * row, or one whose numbers run on by one down every code row (line numbers).
 */
function splitColumns(grid: Grid, from: number, to: number, cls: number): { sec: number; item?: number } | undefined {
  const rows: number[] = [];
  let firstCode: number | undefined;
  for (let r = from; r <= to; r++) {
    const c = codeOf(grid, r, cls);
    if (c !== undefined) {
      if (c.length !== 3 || !FUNCTIONAL.test(c)) return undefined;
      firstCode ??= r;
      rows.push(r);
    } else if (firstCode !== undefined && grid.isEmpty(r, cls) && (isCodePart(grid, r, cls + 1) || isCodePart(grid, r, cls + 2)) && !isColumnNumberRow(grid, r)) {
      rows.push(r); // a 款 row that leaves its 类 to the row above
    }
  }
  if (firstCode === undefined) return undefined;
  const totalRows: number[] = [];
  for (let r = from; r <= to; r++) if ([cls, cls + 1, cls + 2, cls + 3].some((c) => TOTAL_ROW_RE.test(grid.key(r, c)))) totalRows.push(r);
  const isPartColumn = (col: number): boolean => {
    for (let r = from; r < firstCode; r++) if (NUMBER_HEADER.test(grid.key(r, col))) return false;
    if (totalRows.some((r) => digitsOf(grid.value(r, col)) !== undefined)) return false;
    const numbers: number[] = [];
    for (const r of rows) {
      if (isCodePart(grid, r, col)) numbers.push(Number(digitsOf(grid.value(r, col))));
      else if (!grid.isEmpty(r, col)) return false; // a name, an amount: not a code column
    }
    if (numbers.length === 0) return false;
    const lineNumbers = numbers.length === rows.length && numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
    return !lineNumbers;
  };
  if (!isPartColumn(cls + 1)) return undefined;
  const item = isPartColumn(cls + 2) ? cls + 2 : undefined;
  const nameCol = (item ?? cls + 1) + 1;
  if (!rows.some((r) => grid.isText(r, nameCol) && digitsOf(grid.value(r, nameCol)) === undefined)) return undefined;
  return { sec: cls + 1, item };
}

/** Find how codes are written: one column, 类·款(·项) columns, or code and name in one cell. */
function findCodeLayout(grid: Grid, from: number, to: number): { layout?: CodeLayout; labelCol?: number } {
  const maxCol = Math.min(grid.right, grid.left + 6);
  // 1. 类 / 款 (/ 项) headers side by side.
  // Only text cells can read 类 (numbers have digit keys), so look at the row's texts.
  for (let r = from; r <= to; r++) {
    for (const t of grid.rowTexts(r)) {
      const c = t.col;
      if (c > maxCol) break;
      if (t.key === '类' && grid.key(r, c + 1) === '款') {
        return { layout: { kind: 'split', cls: c, sec: c + 1, item: grid.key(r, c + 2) === '项' ? c + 2 : undefined } };
      }
    }
  }
  // 2. Columns with codes in data rows.
  const single = new Map<number, number>();
  const combined = new Map<number, number>();
  for (let r = from; r <= to; r++) {
    for (let c = grid.left; c <= maxCol; c++) {
      const code = codeOf(grid, r, c);
      if (code && FUNCTIONAL.test(code)) {
        single.set(c, (single.get(c) ?? 0) + 1);
        break;
      }
      if (grid.isText(r, c)) {
        const s = splitCodeLabel(grid.str(r, c));
        if (s && FUNCTIONAL.test(s.code)) {
          combined.set(c, (combined.get(c) ?? 0) + 1);
          break;
        }
      }
    }
  }
  // 3. 类 | 款 (| 项) without their headers: the leftmost code column that has them.
  for (const c of [...single.keys()].sort((a, b) => a - b)) {
    const split = splitColumns(grid, from, to, c);
    if (split) return { layout: { kind: 'split', cls: c, ...split } };
  }
  const best = (m: Map<number, number>): [number, number] | undefined => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  const s = best(single);
  const cb = best(combined);
  if (s && (!cb || s[1] >= cb[1])) return { layout: { kind: 'single', col: s[0] } };
  if (cb) return { layout: { kind: 'combined', col: cb[0] }, labelCol: cb[0] };
  return {};
}

/** The code a row carries, given the layout; `carry` keeps 类/款 for split rows that omit them. */
function rowCode(grid: Grid, r: number, layout: CodeLayout, carry: { cls?: string; sec?: string }): { code?: string; label?: string; raw?: string } {
  if (layout.kind === 'single') {
    const code = codeOf(grid, r, layout.col);
    return { code, raw: grid.str(r, layout.col) };
  }
  if (layout.kind === 'combined') {
    const s = splitCodeLabel(grid.str(r, layout.col));
    return s ? { code: s.code, label: s.label, raw: grid.str(r, layout.col) } : { raw: grid.str(r, layout.col) };
  }
  const cols = layout.item === undefined ? [layout.cls, layout.sec] : [layout.cls, layout.sec, layout.item];
  const raw = cols
    .map((c) => grid.str(r, c))
    .filter(Boolean)
    .join('·');
  if (!raw) return {};
  const c = digitsOf(grid.value(r, layout.cls));
  const k = digitsOf(grid.value(r, layout.sec));
  const x = layout.item === undefined ? undefined : digitsOf(grid.value(r, layout.item));
  // A full code in the 款 or 项 column (20103, 2010301) is read as is, when it agrees with the 类 beside it.
  let full = [x, k].find((d) => d !== undefined && d.length > 3);
  // 201 | 20103 | 01: the 项 beside a full 款 code.
  if (full !== undefined && full === k && full.length === 5 && x !== undefined && x.length <= 2) full += x.padStart(2, '0');
  if (full !== undefined) {
    if (!FUNCTIONAL.test(full) || (c !== undefined && !full.startsWith(c))) return { raw };
    carry.cls = full.slice(0, 3);
    carry.sec = full.length >= 5 ? full.slice(3, 5) : undefined;
    return { code: full, raw };
  }
  const pad = (d: string) => d.padStart(2, '0');
  if (c !== undefined && c.length !== 3) return { raw };
  if ((k !== undefined && k.length > 2) || (x !== undefined && x.length > 2)) return { raw };
  const cls = c ?? carry.cls;
  if (!cls) return { raw };
  if (c !== undefined) {
    carry.cls = c;
    carry.sec = undefined;
  }
  if (k === undefined && x === undefined) return { code: cls, raw };
  const sec = k !== undefined ? pad(k) : carry.sec;
  if (!sec) return { raw };
  if (k !== undefined) carry.sec = sec;
  if (x === undefined) return { code: cls + sec, raw };
  return { code: cls + sec + pad(x), raw };
}

/** Words of column headers: a row whose amount cells hold only such words is a caption row. */
const CAPTION_WORD = /合计|小计|总计|支出|收入|结转|结余|金额|决算|预算|栏次|资金|拨款/;

/**
 * A row whose amount cells hold captions, not figures (`合计 | 基本支出 | 项目支出` printed in
 * the amount columns of an empty 08 or 09 by some exports): every non-empty amount cell is
 * text (no number at all) and names a column.
 */
function isCaptionRow(grid: Grid, r: number, cols: number[]): boolean {
  let n = 0;
  for (const c of cols) {
    if (grid.isEmpty(r, c)) continue;
    const v = grid.value(r, c);
    if (typeof v !== 'string' || /\d/.test(v) || !CAPTION_WORD.test(grid.key(r, c))) return false;
    n++;
  }
  return n > 0;
}

/** 02 收入决算表, 03 支出决算表, 05, 08, 09: rows by code, 合计 as 'total'. */
export function readClassified(block: Block, problems: Problems): TableModel {
  const { grid, key } = block;
  const specs = CLASSIFIED_COLUMNS[key] ?? [];
  const from = block.titleRow + 1;
  const to = block.bottom;
  const found = findCodeLayout(grid, from, to);
  let layout = found.layout;

  // Header cells for code and name columns (used when there are no code rows).
  let nameHeaderCol: number | undefined;
  let codeHeaderCol: number | undefined;
  let projectHeaderCol: number | undefined;
  // Only text cells can match (numbers have digit keys): look at each row's texts.
  for (let r = from; r <= to; r++) {
    if (nameHeaderCol !== undefined && codeHeaderCol !== undefined && projectHeaderCol !== undefined) break;
    for (const { col: c, key: k } of grid.rowTexts(r)) {
      if (nameHeaderCol === undefined && /^(科目|项目)?名称$/.test(k)) nameHeaderCol = c;
      if (codeHeaderCol === undefined && /(科目)?编码$|^科目代码$/.test(k)) codeHeaderCol = c;
      if (projectHeaderCol === undefined && /^项目$/.test(k)) projectHeaderCol = c;
    }
  }
  if (!layout) {
    const c = codeHeaderCol ?? projectHeaderCol ?? grid.left;
    layout = { kind: 'single', col: c };
  }
  const codeCols = layout.kind === 'split' ? [layout.cls, layout.sec, ...(layout.item === undefined ? [] : [layout.item])] : [layout.col];
  const lastCodeCol = Math.max(...codeCols);
  let labelCol: number;
  if (layout.kind === 'combined') labelCol = layout.col;
  else if (nameHeaderCol !== undefined && nameHeaderCol > lastCodeCol) labelCol = nameHeaderCol;
  else labelCol = lastCodeCol + 1;
  const rowLabelCols = [...new Set([...codeCols, labelCol])];

  // Data rows: code rows and total rows.
  const carry: { cls?: string; sec?: string } = {};
  const isTotalRow = (r: number) => rowLabelCols.some((c) => TOTAL_ROW_RE.test(grid.key(r, c)));
  let firstData: number | undefined;
  for (let r = from; r <= to; r++) {
    const rc = rowCode(grid, r, layout, { ...carry });
    if (rc.code || isTotalRow(r)) {
      firstData = r;
      break;
    }
  }
  // Header rows: from the title to the first data row (or, without data, to the 栏次 row / end).
  const headerRows: number[] = [];
  for (let r = from; r <= (firstData ?? to + 1) - 1; r++) {
    if (isColumnNumberRow(grid, r)) {
      if (firstData === undefined) break;
      continue;
    }
    headerRows.push(r);
  }
  const amountCols: number[] = [];
  for (let c = labelCol + 1; c <= grid.right; c++) amountCols.push(c);
  const paths = headerPaths(grid, headerRows, amountCols);
  let columns = matchColumns(paths, specs);

  // Check the header against the data and the 栏次 row: a header printed one column off
  // (as in the seed's 02) is realigned onto the numbered columns when the data sit there.
  columns = realign(grid, block, columns, layout, labelCol, firstData, problems);

  const meta = scanMeta(grid, block.top, block.bottom);
  const columnList = Object.entries(columns).filter((e): e is [ColumnId, number] => e[1] !== undefined);
  const lines: Line[] = [];
  const notes: string[] = [];
  const seen = new Map<string, number>();
  let lastRow = block.titleRow;
  let inNotes = false;
  if (firstData !== undefined) {
    for (let r = firstData; r <= to; r++) {
      if (grid.rowEmpty(r)) continue;
      const note = noteOfRow(grid, r);
      if (note) {
        notes.push(note);
        inNotes = true;
        lastRow = r;
        continue;
      }
      const texts = grid.rowTexts(r);
      if (texts.length && texts.every((t) => isMetaKey(t.key))) continue;
      if (isColumnNumberRow(grid, r)) continue;
      const rc = rowCode(grid, r, layout, carry);
      let id: string | undefined;
      let code: string | undefined;
      let label = '';
      if (isTotalRow(r)) {
        id = 'total';
        label = tidyLabel(rowLabelCols.map((c) => grid.str(r, c)).find((s) => s) ?? '合计');
      } else if (rc.code) {
        id = code = rc.code;
        label = tidy(rc.label ?? grid.str(r, labelCol));
      }
      const hasValues = columnList.some(([, c]) => !grid.isEmpty(r, c));
      if (
        hasValues &&
        isCaptionRow(
          grid,
          r,
          columnList.map(([, c]) => c),
        )
      ) {
        // Captions are never amounts: a header line is skipped; a 合计 row keeps no figures.
        if (!id || seen.has(id)) continue;
        const cells = columnList.filter(([, c]) => !grid.isEmpty(r, c)).map(([, c]) => grid.ref(r, c));
        const words = columnList.filter(([, c]) => !grid.isEmpty(r, c)).map(([, c]) => tidyLabel(grid.str(r, c)));
        problems.add(key, `${grid.where(r, columnList[0][1])}：${label || '合计'}行的金额栏印的是栏目名称（${words.join('、')}），已按栏目名称读取，不作为金额。`, cells);
        seen.set(id, r);
        lines.push({ id, code, level: code ? codeLevel(code) : undefined, label, row: r, values: {} });
        lastRow = r;
        continue;
      }
      if (!id) {
        if (inNotes && !hasValues) {
          notes.push(texts.map((t) => tidyLabel(t.text)).join(' '));
          lastRow = r;
          continue;
        }
        if (!hasValues) continue; // a header line such as 功能分类科目编码 | 科目名称
        const where = codeCols[0];
        problems.add(key, `${grid.where(r, where)}：无法识别科目编码“${rc.raw ?? ''}”${grid.str(r, labelCol) ? `（${grid.str(r, labelCol)}）` : ''}，该行未读取。`, [
          grid.ref(r, where),
        ]);
        lastRow = r;
        continue;
      }
      if (seen.has(id)) {
        problems.add(key, `${grid.where(r, codeCols[0])}：科目“${id === 'total' ? '合计' : id}”重复出现（第 ${seen.get(id)! + 1} 行已有），已按第一次出现读取。`, [
          grid.ref(r, codeCols[0]),
        ]);
        lastRow = r;
        continue;
      }
      seen.set(id, r);
      const values: Line['values'] = {};
      for (const [cid, c] of columnList) values[cid] = readAmountCell(grid, r, c, key, problems);
      lines.push({ id, code, level: code ? codeLevel(code) : undefined, label, row: r, values });
      lastRow = r;
    }
  }
  return tableModelOf(block, meta, { columns, lines, notes, lastRow });
}

function realign(
  grid: Grid,
  block: Block,
  columns: Partial<Record<ColumnId, number>>,
  layout: CodeLayout,
  labelCol: number,
  firstData: number | undefined,
  problems: Problems,
): Partial<Record<ColumnId, number>> {
  void layout;
  void problems;
  if (firstData === undefined) return columns;
  // Column numbers 1..n under the header.
  let numbered: number[] | undefined;
  for (let r = block.titleRow + 1; r <= block.bottom; r++) {
    if (!isColumnNumberRow(grid, r)) continue;
    const cols: number[] = [];
    for (let c = labelCol + 1; c <= grid.right; c++) if (digitsOf(grid.value(r, c)) !== undefined) cols.push(c);
    if (cols.length) numbered = cols;
    break;
  }
  if (!numbered) return columns;
  const entries = Object.entries(columns).filter(([, c]) => c !== undefined) as Array<[ColumnId, number]>;
  entries.sort((a, b) => a[1] - b[1]);
  const headerCols = entries.map((e) => e[1]);
  if (headerCols.length !== numbered.length || headerCols.every((c, i) => c === numbered[i])) return columns;
  // Where do the data sit?
  const dataCols = new Set<number>();
  for (let r = firstData; r <= block.bottom; r++) {
    for (let c = labelCol + 1; c <= grid.right; c++) {
      const v = grid.value(r, c);
      if (typeof v === 'number' || (typeof v === 'string' && /\d/.test(v) && v.trim().length < 20)) dataCols.add(c);
    }
  }
  const covers = (cols: number[]) => [...dataCols].every((c) => cols.includes(c));
  if (!covers(headerCols) && covers(numbered)) {
    const out: Partial<Record<ColumnId, number>> = {};
    entries.forEach(([id], i) => (out[id] = numbered[i]));
    return out;
  }
  return columns;
}
