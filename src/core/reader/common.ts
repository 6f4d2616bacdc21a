import { a1, isCellError, type CellRef } from '../cells';
import type { Amount, ColumnId, Line, ReadProblem, TableKey, TableModel } from '../model/tables';
import { TABLE_NAMES } from '../model/tables';
import { isNoteText, matchKey, parseMoneyUnit, parseTableNumber, parseUnitName, stripOrdinal, tidyLabel } from '../text/normalize';
import { parseAmount } from './amount';
import { Grid, digitsOf } from './grid';
import { CLASS_ALIASES, FUNCTIONAL_CLASSES, type ColumnSpec } from './vocabulary';

/** A table's area on a sheet, as found by its title. */
export interface Block {
  grid: Grid;
  key: TableKey;
  title: string;
  titleRow: number;
  titleCol: number;
  /** First and last sheet rows that belong to the table (title .. before the next title). */
  top: number;
  bottom: number;
}

/** The TableModel of a block, from what its reader found (shared by every table kind). */
export function tableModelOf(block: Block, meta: Meta, found: { columns: TableModel['columns']; lines: Line[]; notes: string[]; lastRow: number }): TableModel {
  const { grid } = block;
  return {
    key: block.key,
    number: meta.number?.value,
    title: block.title,
    sheet: grid.name,
    range: { top: block.titleRow, left: grid.left, bottom: Math.max(found.lastRow, block.titleRow), right: grid.right },
    columns: found.columns,
    lines: found.lines,
    notes: found.notes,
    unit: meta.unit,
    moneyUnit: meta.moneyUnit,
  };
}

/** Collects problems while a table is read. */
export class Problems {
  readonly list: ReadProblem[] = [];
  add(table: TableKey | undefined, message: string, cells: CellRef[] = []): void {
    this.list.push({ table, message, cells });
  }
}

export function tableLabel(key: TableKey, number?: string): string {
  return number ? `公开${number}表（${TABLE_NAMES[key]}）` : TABLE_NAMES[key];
}

/** Read one amount cell; text and error values are reported. */
export function readAmountCell(grid: Grid, row: number, col: number, key: TableKey, problems: Problems, what?: string): Amount {
  const a = parseAmount(grid.value(row, col), grid.ref(row, col));
  if (a.issue && a.issue.kind !== 'numericText') {
    const ctx = what ? `（${what}）` : '';
    const msg =
      a.issue.kind === 'text'
        ? `${TABLE_NAMES[key]}：${grid.where(row, col)}${ctx}应填金额，但填的是文字“${a.issue.raw}”，无法参与计算。`
        : a.issue.kind === 'uncomputed'
          ? `${TABLE_NAMES[key]}：${grid.where(row, col)}${ctx}的公式未能计算（${a.issue.raw}），无法参与核对。`
          : `${TABLE_NAMES[key]}：${grid.where(row, col)}${ctx}是错误值 ${a.issue.raw}，无法参与计算。`;
    problems.add(key, msg, [a.cell]);
  }
  return a;
}

/** True when the row holds 公开NN表 / 部门 / 金额单位 texts only. */
export function isMetaKey(k: string): boolean {
  // Each of the three needs 开 (公开), 位 (单位) or 门 (部门), which no normalisation adds.
  if (!k.includes('开') && !k.includes('位') && !k.includes('门')) return false;
  return !!(parseTableNumber(k) || parseMoneyUnit(k) || parseUnitName(k));
}

/** Metadata found in some rows: 公开NN表 label, unit name, money unit. */
export interface Meta {
  number?: { value: string; row: number };
  unit?: string;
  moneyUnit?: '万元' | '元';
}

export function scanMeta(grid: Grid, from: number, to: number): Meta {
  const m: Meta = {};
  for (let r = from; r <= to; r++) {
    const rm = rowMeta(grid, r);
    if (rm === NO_META) continue;
    if (rm.number && !m.number) m.number = { value: rm.number, row: r };
    if (rm.moneyUnit && !m.moneyUnit) m.moneyUnit = rm.moneyUnit;
    if (rm.unit && !m.unit) m.unit = rm.unit;
    if (m.number && m.moneyUnit && m.unit) break;
  }
  return m;
}

/** The first 公开NN表 label, money unit and unit name among one row's texts. */
interface RowMeta {
  number?: string;
  unit?: string;
  moneyUnit?: '万元' | '元';
}
const NO_META: RowMeta = {};
/** Row metadata by grid and sheet row: tables scan the same rows several times (reading, 公开NN表 labels). */
const ROW_META = new WeakMap<Grid, Map<number, RowMeta>>();

function rowMeta(grid: Grid, row: number): RowMeta {
  let byRow = ROW_META.get(grid);
  if (!byRow) ROW_META.set(grid, (byRow = new Map<number, RowMeta>()));
  let m = byRow.get(row);
  if (m) return m;
  m = NO_META;
  for (const t of grid.rowTexts(row)) {
    // t.key is matchKey(t.text): 公开NN表 needs 公开 in it, a money unit 单位, a unit name 部门 or 单位.
    const k = t.key;
    const maybeNumber = k.includes('公开');
    const maybeUnit = k.includes('单位');
    if (!maybeNumber && !maybeUnit && !k.includes('部门')) continue;
    if (m === NO_META) m = {};
    const n = maybeNumber ? parseTableNumber(t.text) : undefined;
    if (n && !m.number && (k.length <= 12 || /^公开\d{1,2}表|公开\d{1,2}表\)?$/.test(k))) m.number = n;
    const u = maybeUnit ? parseMoneyUnit(t.text) : undefined;
    if (u && !m.moneyUnit) m.moneyUnit = u;
    const name = parseUnitName(t.text);
    if (name && !m.unit) m.unit = name;
  }
  byRow.set(row, m);
  return m;
}

const SPACE_CHAR = /[\s\u00a0\u3000\u200b\ufeff]/;

/** tidyLabel, skipping the work for the usual text that holds no space at all (then it is the text itself). */
export function tidy(text: string): string {
  return SPACE_CHAR.test(text) ? tidyLabel(text) : text;
}

/** A row whose texts are note lines (注：…, 无数据 sentences). Returns the note text. */
export function noteOfRow(grid: Grid, row: number): string | undefined {
  const texts = grid.rowTexts(row);
  if (!texts.length) return undefined;
  if (texts.some((t) => mayBeNote(t.key) && isNoteText(t.text))) return texts.map((t) => tidyLabel(t.text)).join(' ');
  return undefined;
}

/**
 * Whether a text with this matchKey can be a note line at all: isNoteText looks for
 * 注 / 备注 / 说明 at the start or 无数据 / 本表为空 / 空表, all of which keep 注, 说明, 无数据 or 空.
 */
function mayBeNote(k: string): boolean {
  return k.includes('注') || k.includes('说明') || k.includes('无数据') || k.includes('空');
}

/**
 * A 栏次 row: labelled 栏次, or its numbers are 1, 2, 3 … left to right (the column numbers
 * printed under the headers).
 */
export function isColumnNumberRow(grid: Grid, row: number): boolean {
  const texts = grid.rowTexts(row);
  if (texts.some((t) => t.key === '栏次')) return true;
  const nums: number[] = [];
  for (let c = grid.left; c <= grid.right; c++) {
    const v = grid.value(row, c);
    if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
    const d = digitsOf(v);
    if (d === undefined) return false;
    nums.push(Number(d));
  }
  if (nums.length < 2) return false;
  return nums.every((n, i) => n === nums[0] + i) && nums[0] <= 1;
}

/**
 * Header texts by column, top-down, for the given header rows. A merged header shows its
 * text in every cell it covers (from snapshot merges); without merge information an empty
 * cell takes the text of the nearest header to its left in the same row when both that
 * header and this cell have sub-headers below (the usual shape of a merged group header).
 */
export function headerPaths(grid: Grid, rows: number[], cols: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const c of cols) out.set(c, []);
  const hasBelow = (ri: number, c: number): boolean => {
    for (let j = ri + 1; j < rows.length; j++) {
      const k = grid.headerKey(rows[j], c);
      if (k && !/^\d+$/.test(k)) return true;
    }
    return false;
  };
  const filled: Array<Map<number, string>> = [];
  rows.forEach((r, ri) => {
    const row = new Map<number, string>();
    filled.push(row);
    let carry: { key: string; col: number } | undefined;
    // Same parent: every header above shows the same text over both columns.
    const sameParent = (a: number, b: number) => filled.slice(0, ri).every((f) => (f.get(a) ?? '') === (f.get(b) ?? ''));
    for (const c of cols) {
      let k = grid.headerKey(r, c).replace(/\((万元|元)\)$/, '');
      if (/^\d+(\.\d+)?$/.test(k) || isMetaKey(k)) k = '';
      if (k) {
        carry = hasBelow(ri, c) ? { key: k, col: c } : undefined;
        out.get(c)!.push(k);
        row.set(c, k);
      } else if (carry && hasBelow(ri, c) && sameParent(carry.col, c)) {
        out.get(c)!.push(carry.key);
        row.set(c, carry.key);
      } else {
        carry = undefined;
      }
    }
  });
  return out;
}

/** Sub-headers that only say "the amount" (金额, 决算数 …) under a named header. */
const GENERIC_SUBHEADER = /^(金额|决算数?|本年(决算)?数|数额|本年金额)$/;

/** Match columns to ids: for each column, its lowest header text that a spec matches. */
export function matchColumns(paths: Map<number, string[]>, specs: ColumnSpec[]): Partial<Record<ColumnId, number>> {
  const out: Partial<Record<ColumnId, number>> = {};
  const cols = [...paths.keys()].sort((a, b) => a - b);
  for (const c of cols) {
    const texts = paths.get(c)!;
    const lowest = texts[texts.length - 1];
    for (let i = texts.length - 1; i >= 0; i--) {
      let spec = specs.find((s) => s.re.test(texts[i]));
      // A 小计 / 合计 under a group header (财政拨款收入 › 小计) is the group's own total.
      if (spec && spec.id === 'total' && i === texts.length - 1 && i > 0) {
        const group = specs.find((s) => s.id !== 'total' && texts.slice(0, i).some((t) => s.re.test(t)));
        if (group) spec = group;
      }
      if (spec) {
        // A group header (基本支出 over 人员经费 | 公用经费) does not name its sub-columns.
        if (i < texts.length - 1 && lowest !== texts[i] && !GENERIC_SUBHEADER.test(lowest)) break;
        if (out[spec.id] === undefined) out[spec.id] = c;
        break;
      }
    }
  }
  return out;
}

/** A functional (2xx) or economic (3xx) code in one cell: 3, 5 or 7 digits. */
export function codeOf(grid: Grid, row: number, col: number): string | undefined {
  const d = digitsOf(grid.value(row, col));
  if (d && /^\d{3}(\d{2}){0,2}$/.test(d)) return d;
  return undefined;
}

/**
 * A one- or two-digit 款 or 项 ("01", 1, "１") as printed in a split code column (类 | 款 | 项),
 * padded to two digits; undefined for anything else.
 */
export function codePartOf(grid: Grid, row: number, col: number): string | undefined {
  const d = digitsOf(grid.value(row, col));
  return d !== undefined && d.length >= 1 && d.length <= 2 ? d.padStart(2, '0') : undefined;
}

/** "2010301 行政运行", "[2010301]行政运行", "2010301-行政运行" -> code and name. */
export function splitCodeLabel(text: string): { code: string; label: string } | undefined {
  const m = /^[[【(（]?\s*(\d{3}|\d{5}|\d{7})\s*[\]】)）]?\s*[-—:：、.]?\s*(\D.*)$/.exec(text.trim());
  if (!m) return undefined;
  return { code: m[1], label: m[2].trim() };
}

const CLASS_BY_KEY = new Map<string, string>();
for (const c of [...FUNCTIONAL_CLASSES, ...CLASS_ALIASES]) CLASS_BY_KEY.set(matchKey(c.name), c.code);

/** The class code of a 01/04 row label ("一、一般公共服务支出", "201 一般公共服务支出"). */
export function classCodeOf(label: string): string | undefined {
  const split = splitCodeLabel(label);
  if (split && /^2\d\d$/.test(split.code)) return split.code;
  return CLASS_BY_KEY.get(labelKey(label));
}

/** The label key used for matching row labels: ordinal stripped, normalised. */
const LABEL_KEYS = new Map<string, string>();
export function labelKey(text: string): string {
  let k = LABEL_KEYS.get(text);
  if (k === undefined) {
    k = matchKey(stripOrdinal(text));
    if (LABEL_KEYS.size > 20000) LABEL_KEYS.clear();
    LABEL_KEYS.set(text, k);
  }
  return k;
}

export function isErrorCell(grid: Grid, row: number, col: number): boolean {
  return isCellError(grid.value(row, col));
}

export function cellName(grid: Grid, row: number, col: number): string {
  return `${grid.name}!${a1(row, col)}`;
}
