import { codeLevel, type ColumnId, type Line, type TableModel } from '../model/tables';
import { tidyLabel } from '../text/normalize';
import {
  Problems,
  codeOf,
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

type CodeLayout = { kind: 'single'; col: number } | { kind: 'split'; cls: number; sec: number; item: number } | { kind: 'combined'; col: number };

const FUNCTIONAL = /^2\d{2}(\d{2}){0,2}$/;

/** Find how codes are written: one column, 类·款·项 columns, or code and name in one cell. */
function findCodeLayout(grid: Grid, from: number, to: number): { layout?: CodeLayout; labelCol?: number } {
  const maxCol = Math.min(grid.right, grid.left + 6);
  // 1. 类 / 款 / 项 headers side by side.
  // Only text cells can read 类 (numbers have digit keys), so look at the row's texts.
  for (let r = from; r <= to; r++) {
    for (const t of grid.rowTexts(r)) {
      const c = t.col;
      if (c > maxCol) break;
      if (t.key === '类' && grid.key(r, c + 1) === '款' && grid.key(r, c + 2) === '项') {
        return { layout: { kind: 'split', cls: c, sec: c + 1, item: c + 2 } };
      }
    }
  }
  // 2. Columns with codes in data rows.
  const single = new Map<number, number>();
  const splitVotes = new Map<number, number>();
  const combined = new Map<number, number>();
  for (let r = from; r <= to; r++) {
    for (let c = grid.left; c <= maxCol; c++) {
      const code = codeOf(grid, r, c);
      if (code && FUNCTIONAL.test(code)) {
        single.set(c, (single.get(c) ?? 0) + 1);
        if (code.length === 3) {
          const next = digitsOf(grid.value(r, c + 1));
          if (next !== undefined && next.length <= 2) splitVotes.set(c, (splitVotes.get(c) ?? 0) + 1);
        }
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
  const best = (m: Map<number, number>): [number, number] | undefined => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  const s = best(single);
  const sv = best(splitVotes);
  const cb = best(combined);
  if (sv && s && sv[0] === s[0] && sv[1] >= 1) return { layout: { kind: 'split', cls: s[0], sec: s[0] + 1, item: s[0] + 2 } };
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
  const c = digitsOf(grid.value(r, layout.cls));
  const k = digitsOf(grid.value(r, layout.sec));
  const x = digitsOf(grid.value(r, layout.item));
  const raw = [grid.str(r, layout.cls), grid.str(r, layout.sec), grid.str(r, layout.item)].filter(Boolean).join('·');
  if (!raw) return {};
  const pad = (d: string) => (d.length === 1 ? `0${d}` : d);
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
  const codeCols = layout.kind === 'split' ? [layout.cls, layout.sec, layout.item] : [layout.col];
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
