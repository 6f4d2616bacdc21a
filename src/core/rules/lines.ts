import type { Amount, ColumnId, Line, TableKey, TableModel } from '../model/tables';
import { COLUMN_NAMES, FISCAL_LINE_NAMES, LEVEL_NAMES, LINE_NAMES } from './vocabulary';

/**
 * Line lookups shared by rules. Everything here indexes a table once (O(lines)),
 * so rules that walk every line stay linear.
 */

/** The lines with a code, by code (the first one when a code repeats). */
export function linesByCode(t: TableModel, filter?: (l: Line) => boolean): Map<string, Line> {
  const map = new Map<string, Line>();
  for (const l of t.lines) {
    if (!l.code || (filter && !filter(l))) continue;
    if (!map.has(l.code)) map.set(l.code, l);
  }
  return map;
}

/** The lines by id (first wins). */
export function linesById(t: TableModel): Map<string, Line> {
  const map = new Map<string, Line>();
  for (const l of t.lines) if (!map.has(l.id)) map.set(l.id, l);
  return map;
}

/**
 * Functional-code children: 款 lines under each 类 code, 项 lines under each 款 code,
 * in sheet order. Parents are found by code prefix (3 digits for 款, 5 for 项).
 */
export function codeChildren(t: TableModel, filter?: (l: Line) => boolean): Map<string, Line[]> {
  const map = new Map<string, Line[]>();
  for (const l of t.lines) {
    if (!l.code || (filter && !filter(l))) continue;
    const parent = l.level === 'section' ? l.code.slice(0, 3) : l.level === 'item' ? l.code.slice(0, 5) : undefined;
    if (!parent) continue;
    const list = map.get(parent);
    if (list) list.push(l);
    else map.set(parent, [l]);
  }
  return map;
}

/** The column ids a table has, in sheet order. */
export function columnIds(t: TableModel): ColumnId[] {
  return Object.entries(t.columns)
    .sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0))
    .map(([id]) => id);
}

export function columnName(key: TableKey, col: ColumnId): string {
  return COLUMN_NAMES[key][col] ?? col;
}

/** "合计行", "201类", "20103款", "2010301项", or the fixed line's official name. */
export function lineName(l: Line, key?: TableKey): string {
  if (l.id === 'total') return '合计行';
  if (l.code && l.level && (!l.side || l.side === 'expense' || key === 'gpbBasic')) {
    return `${l.code}${LEVEL_NAMES[l.level]}`;
  }
  if (key === 'fiscalSummary' && FISCAL_LINE_NAMES[l.id]) return FISCAL_LINE_NAMES[l.id];
  return LINE_NAMES[l.id] ?? l.label;
}

/** A line's value in a column, treating a missing cell as absent. */
export function valueAt(l: Line | undefined, col: ColumnId): Amount | undefined {
  return l?.values[col];
}

/** True when every figure of the table is blank or zero. */
export function tableIsEmpty(t: TableModel): boolean {
  for (const l of t.lines) {
    for (const a of Object.values(l.values)) {
      if (a && !a.blank && a.value !== 0) return false;
    }
  }
  return true;
}

/** Codes of lines, for "201、210类" style labels. */
export function codesOf(lines: Line[]): string[] {
  return lines.map((l) => l.code ?? l.id);
}
