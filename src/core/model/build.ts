import { a1, type CellRef } from '../cells';
import { tableNumberIn } from '../editions';
import { TABLE_KEYS, TABLE_NAMES, codeLevel, type Amount, type ColumnId, type Line, type TableKey, type TableModel, type WorkbookModel } from './tables';

/**
 * Build table models from plain figures, without a sheet: for rule and figure tests,
 * property tests and benchmarks. Each table gets its own sheet named after its
 * number ("公开03表"); columns are laid left to right in the order they first appear
 * (after a code and a label column), lines from row 6 down, so every value has a
 * stable, plausible cell.
 *
 *   modelTable('expenditure', [
 *     ['total', { total: 10, basic: 4, project: 6 }],
 *     ['201', { total: 10, basic: 4, project: 6 }],
 *   ])
 *
 * A value may be a number, null (blank cell), or a string: a numeric string is read
 * as a number stored as text, "#REF!"-like strings as cell errors, other text as
 * text where a number belongs.
 */
export type FigureSpec = number | null | string;

export interface LineSpec {
  id: string;
  label?: string;
  code?: string;
  side?: 'income' | 'expense';
  values: Record<ColumnId, FigureSpec>;
}

export function amountOf(spec: FigureSpec, cell: CellRef): Amount {
  if (spec === null || (typeof spec === 'string' && /^\s*-?\s*$/.test(spec) && !/\d/.test(spec))) {
    return { value: 0, blank: true, cell };
  }
  if (typeof spec === 'number') return { value: spec, blank: false, cell };
  if (/^#/.test(spec.trim())) return { value: NaN, blank: false, cell, issue: { kind: 'error', raw: spec } };
  const n = Number(spec.replace(/[,\s]/g, ''));
  if (Number.isFinite(n)) return { value: n, blank: false, cell, issue: { kind: 'numericText', raw: spec } };
  return { value: NaN, blank: false, cell, issue: { kind: 'text', raw: spec } };
}

export function modelTable(
  key: TableKey,
  lines: Array<[string, Record<ColumnId, FigureSpec>] | LineSpec>,
  options: { sheet?: string; number?: string; notes?: string[]; firstRow?: number } = {},
): TableModel {
  const number = options.number ?? tableNumberIn(undefined, key) ?? '';
  const sheet = options.sheet ?? `公开${number}表`;
  const firstRow = options.firstRow ?? 5;
  const columns: Record<ColumnId, number> = {};
  let nextCol = 2;
  const out: Line[] = [];
  lines.forEach((entry, i) => {
    const spec: LineSpec = Array.isArray(entry) ? { id: entry[0], values: entry[1] } : entry;
    const row = firstRow + i;
    const code = spec.code ?? (codeLevel(spec.id) ? spec.id : undefined);
    const values: Partial<Record<ColumnId, Amount>> = {};
    for (const [col, fig] of Object.entries(spec.values)) {
      if (columns[col] === undefined) columns[col] = nextCol++;
      values[col] = amountOf(fig, { sheet, address: a1(row, columns[col]) });
    }
    out.push({
      id: spec.id,
      code,
      level: code ? codeLevel(code) : undefined,
      label: spec.label ?? (spec.id === 'total' ? '合计' : spec.id),
      side: spec.side ?? (spec.id.startsWith('exp.') ? 'expense' : spec.id.startsWith('inc.') ? 'income' : undefined),
      row,
      values,
    });
  });
  return {
    key,
    number,
    title: TABLE_NAMES[key],
    sheet,
    range: { top: 0, left: 0, bottom: firstRow + lines.length, right: nextCol - 1 },
    columns,
    lines: out,
    notes: options.notes ?? [],
  };
}

export function modelWorkbook(...tables: TableModel[]): WorkbookModel {
  const map: Partial<Record<TableKey, TableModel>> = {};
  for (const t of tables) map[t.key] = t;
  return { tables: map, missing: TABLE_KEYS.filter((k) => !map[k]), problems: [] };
}
