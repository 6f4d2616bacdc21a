import { a1, parseRange, type CellValue, type RangeRect } from '../cells';
import type { SheetSnapshot } from '../model/snapshot';
import { codeLevel, type Amount, type ColumnId, type Line, type TableKey, type TableModel } from '../model/tables';
import type { CellStyle, CellWrite, SheetPlan } from '../plan/sheet-plan';
import { sheetNameOf, tableSpec, type Profile, type TableSpec } from '../profiles';
import { tableFormulas } from '../formulas';

/**
 * The template: a profile's table laid out as a SheetPlan (frame, styles, merges,
 * formulas) together with its layout as a TableModel (line ids, rows, the cell of
 * every amount), so the formula builders and the sample can address it.
 */

/** A 类/款/项 row of a classified table (02/03/05/08/09). */
export interface RowInput {
  /** Full code: '201', '20103', '2010301'. */
  code: string;
  name: string;
}

export interface TemplateOptions {
  /** 部门 name. */
  unit: string;
  year: number;
  /** Classified tables: the 类/款/项 rows (sorted by code); none in a blank template. */
  rows?: RowInput[];
  /** Write the table's 无数据 note (08/09 without money). */
  empty?: boolean;
  /** Sheet name instead of the profile's (e.g. 公开01表(2)). */
  sheet?: string;
  /** Leave the formulas out (the caller adds them, e.g. with cross-sheet links). */
  withoutFormulas?: boolean;
  /** Keep `rows` in the given order (a sheet's own order) instead of sorting by code. */
  keepOrder?: boolean;
}

/** Which part of the template a cell belongs to. */
export type CellRole = 'frame' | 'rowLabel' | 'amount' | 'note';

export interface TableBuild {
  spec: TableSpec;
  plan: SheetPlan;
  layout: TableModel;
  /** Role of every cell the plan writes, by "row,col". */
  roles: Map<string, CellRole>;
  /** First data row (the 合计 row of classified tables). */
  firstDataRow: number;
  /** Last data row (footer included). */
  lastDataRow: number;
}

export const STYLES: Record<string, CellStyle> = {
  title: { bold: true, fontSize: 18, horizontal: 'center', vertical: 'middle' },
  label: { fontSize: 10, horizontal: 'right', vertical: 'middle' },
  unitLeft: { fontSize: 10, horizontal: 'left', vertical: 'middle' },
  unitRight: { fontSize: 10, horizontal: 'right', vertical: 'middle' },
  unitCenter: { fontSize: 10, horizontal: 'center', vertical: 'middle' },
  header: { bold: true, fontSize: 10, horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  text: { fontSize: 10, horizontal: 'left', vertical: 'middle', border: true },
  textBold: { bold: true, fontSize: 10, horizontal: 'center', vertical: 'middle', border: true },
  lineNo: { fontSize: 10, horizontal: 'center', vertical: 'middle', border: true },
  code: { fontSize: 10, horizontal: 'left', vertical: 'middle', border: true, numberFormat: '@' },
  amount: { fontSize: 10, horizontal: 'right', vertical: 'middle', border: true, numberFormat: '#,##0.00' },
  note: { fontSize: 10, horizontal: 'left', vertical: 'top', wrap: true },
};

export function fillText(text: string, v: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in v ? v[k] : m));
}

const key = (r: number, c: number) => `${r},${c}`;

class PlanBuilder {
  cells = new Map<string, CellWrite>();
  roles = new Map<string, CellRole>();
  merges: RangeRect[] = [];
  set(row: number, col: number, w: Omit<CellWrite, 'row' | 'col'>, role: CellRole) {
    this.cells.set(key(row, col), { row, col, ...w });
    this.roles.set(key(row, col), role);
  }
  merge(top: number, left: number, bottom: number, right: number) {
    if (top === bottom && left === right) return;
    this.merges.push({ top, left, bottom, right });
  }
}

/** Build one table of a profile as a sheet plan (with its formulas) and its layout. */
export function buildTable(profile: Profile, tableKey: TableKey, options: TemplateOptions): TableBuild {
  const spec = tableSpec(profile, tableKey);
  const sheet = options.sheet ?? sheetNameOf(spec);
  const width = spec.columnWidths.length;
  const b = new PlanBuilder();
  const vars: Record<string, string> = {
    title: spec.title,
    number: spec.number,
    unit: options.unit,
    moneyUnit: profile.moneyUnit,
    year: String(options.year),
  };
  const amountStyle = 'amount';

  // Preamble: each row one text merged across the width.
  profile.preamble.forEach((p, r) => {
    const style = p.style === 'unit' ? `unit${p.align[0].toUpperCase()}${p.align.slice(1)}` : p.style;
    b.set(r, 0, { value: fillText(p.text, vars), style }, 'frame');
    b.merge(r, 0, r, width - 1);
  });
  const headerTop = profile.preamble.length;
  spec.header.rows.forEach((row, i) => {
    row.forEach((text, c) => b.set(headerTop + i, c, { value: text === '' ? null : text, style: 'header' }, 'frame'));
  });
  for (const m of spec.header.merges) {
    const r = parseRange(m);
    b.merge(headerTop + r.top, r.left, headerTop + r.bottom, r.right);
  }
  const firstDataRow = headerTop + spec.header.rows.length;
  const lines: Line[] = [];
  const modelColumns: Partial<Record<ColumnId, number>> = {};
  const amountCell = (row: number, col: number): Amount => ({ value: 0, blank: true, cell: { sheet, address: a1(row, col) } });
  const emptyAmount = (row: number, col: number) => b.set(row, col, { value: null, style: amountStyle }, 'amount');
  let lastDataRow = firstDataRow;

  if (spec.layout === 'classified') {
    Object.assign(modelColumns, spec.columns);
    const rows = options.keepOrder ? [...(options.rows ?? [])] : [...(options.rows ?? [])].sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
    const all: Array<{ id: string; code?: string; name: string }> = [
      { id: 'total', name: spec.totalRow.label },
      ...rows.map((r) => ({ id: r.code, code: r.code, name: r.name })),
    ];
    all.forEach((entry, i) => {
      const row = firstDataRow + i;
      if (!entry.code) {
        const [l, r] = spec.totalRow.labelColumns;
        b.set(row, l, { value: entry.name, style: 'textBold' }, 'frame');
        for (let c = l + 1; c <= r; c++) b.set(row, c, { value: null, style: 'textBold' }, 'frame');
        b.merge(row, l, row, r);
      } else {
        const parts = spec.codeColumns.length === 1 ? [entry.code] : [entry.code.slice(0, 3), entry.code.slice(3, 5), entry.code.slice(5, 7)];
        spec.codeColumns.forEach((c, j) => b.set(row, c, { value: parts[j] || null, style: 'code' }, 'rowLabel'));
        b.set(row, spec.nameColumn, { value: entry.name, style: 'text' }, 'rowLabel');
      }
      const values: Partial<Record<ColumnId, Amount>> = {};
      for (const [id, c] of Object.entries(spec.columns)) {
        emptyAmount(row, c);
        values[id] = amountCell(row, c);
      }
      lines.push({
        id: entry.id,
        code: entry.code,
        level: entry.code ? codeLevel(entry.code) : undefined,
        label: entry.name,
        row,
        values,
      });
    });
    lastDataRow = firstDataRow + all.length - 1;
  } else if (spec.layout === 'twoSided') {
    Object.assign(modelColumns, spec.income.columns);
    for (const [id, c] of Object.entries(spec.expense.columns)) {
      modelColumns[id in spec.income.columns ? `exp.${id}` : id] = c;
    }
    spec.rows.forEach((pair, i) => {
      const row = firstDataRow + i;
      for (const side of ['income', 'expense'] as const) {
        const s = spec[side];
        const l = pair[side] ?? {};
        b.set(row, s.labelColumn, { value: l.label ?? null, style: 'text' }, 'frame');
        if (s.lineNoColumn !== undefined) b.set(row, s.lineNoColumn, { value: l.no ?? null, style: 'lineNo' }, 'frame');
        const values: Partial<Record<ColumnId, Amount>> = {};
        for (const [id, c] of Object.entries(s.columns)) {
          if (l.id) {
            emptyAmount(row, c);
            values[id] = amountCell(row, c);
          } else {
            b.set(row, c, { value: null, style: amountStyle }, 'frame');
          }
        }
        if (l.id) {
          const code = codeLevel(l.id) ? l.id : undefined;
          lines.push({ id: l.id, code, level: code ? codeLevel(code) : undefined, label: l.label ?? '', side, row, values });
        }
      }
    });
    lastDataRow = firstDataRow + spec.rows.length - 1;
  } else if (spec.layout === 'economic') {
    modelColumns.amount = spec.groups[0].amountColumn;
    const height = Math.max(...spec.groups.map((g) => g.items.length));
    for (const g of spec.groups) {
      for (let i = 0; i < height; i++) {
        const row = firstDataRow + i;
        const item = g.items[i];
        b.set(row, g.codeColumn, { value: item?.code ?? null, style: 'code' }, 'frame');
        b.set(row, g.nameColumn, { value: item?.name ?? null, style: 'text' }, 'frame');
        if (item) {
          emptyAmount(row, g.amountColumn);
          lines.push({
            id: item.code,
            code: item.code,
            level: codeLevel(item.code),
            label: item.name,
            row,
            values: { amount: amountCell(row, g.amountColumn) },
          });
        } else {
          b.set(row, g.amountColumn, { value: null, style: amountStyle }, 'frame');
        }
      }
    }
    const footerRow = firstDataRow + height;
    for (const [id, f] of [
      ['personnelTotal', spec.footer.personnelTotal],
      ['publicTotal', spec.footer.publicTotal],
    ] as const) {
      const [l, r] = f.labelColumns;
      b.set(footerRow, l, { value: f.label, style: 'textBold' }, 'frame');
      for (let c = l + 1; c <= r; c++) b.set(footerRow, c, { value: null, style: 'textBold' }, 'frame');
      b.merge(footerRow, l, footerRow, r);
      emptyAmount(footerRow, f.amountColumn);
      lines.push({ id, label: f.label, row: footerRow, values: { amount: amountCell(footerRow, f.amountColumn) } });
    }
    lastDataRow = footerRow;
  } else {
    const row = firstDataRow;
    spec.blocks.forEach((blk, i) => {
      const values: Partial<Record<ColumnId, Amount>> = {};
      for (const [id, c] of Object.entries(blk.columns)) {
        emptyAmount(row, c);
        values[id] = amountCell(row, c);
        if (i === 0) modelColumns[id] = c;
        modelColumns[`${blk.line}.${id}`] = c;
      }
      lines.push({ id: blk.line, label: blk.line === 'budget' ? '预算数' : blk.line === 'actual' ? '决算数' : blk.line, row, values });
    });
    lastDataRow = row;
  }

  // Notes under the table, each merged across the width.
  const notes = spec.notes.map((n) => fillText(n, vars));
  if (options.empty && spec.emptyNote) notes.push(fillText(spec.emptyNote, vars));
  notes.forEach((text, i) => {
    const row = lastDataRow + 1 + i;
    b.set(row, 0, { value: text, style: 'note' }, 'note');
    b.merge(row, 0, row, width - 1);
  });

  const layout: TableModel = {
    key: spec.key,
    number: spec.number,
    title: spec.title,
    sheet,
    range: { top: 0, left: 0, bottom: lastDataRow, right: width - 1 },
    columns: modelColumns,
    lines,
    notes,
    unit: options.unit,
    moneyUnit: profile.moneyUnit,
  };

  if (!options.withoutFormulas) {
    for (const f of tableFormulas(layout)) {
      const k = key(f.row, f.col);
      const prev = b.cells.get(k);
      b.cells.set(k, { row: f.row, col: f.col, formula: f.formula, style: prev?.style ?? amountStyle });
      b.roles.set(k, 'amount');
    }
  }

  const rowHeights: Record<number, number> = { 0: 30 };
  notes.forEach((_, i) => (rowHeights[lastDataRow + 1 + i] = notes[i].length > 60 ? 30 : 18));
  const plan: SheetPlan = {
    name: sheet,
    cells: [...b.cells.values()].sort((x, y) => x.row - y.row || x.col - y.col),
    merges: b.merges,
    styles: { ...STYLES, amount: { ...STYLES.amount, numberFormat: profile.amountFormat } },
    columnWidths: [...spec.columnWidths],
    rowHeights,
    freeze: { rows: firstDataRow, cols: 0 },
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, titleRows: [headerTop, firstDataRow - 1] },
  };
  return { spec, plan, layout, roles: b.roles, firstDataRow, lastDataRow };
}

/** The SheetPlan of one table of a profile (frame, styles and formulas). */
export function buildTablePlan(profile: Profile, tableKey: TableKey, options: TemplateOptions): SheetPlan {
  return buildTable(profile, tableKey, options).plan;
}

/**
 * The layout (TableModel with blank amounts) of a table as the template lays it out:
 * from a profile and table key, or from a build. (From a SheetPlan: `layoutOfPlan`.)
 */
export function layoutOf(profile: Profile, tableKey: TableKey, options: TemplateOptions): TableModel;
export function layoutOf(build: TableBuild): TableModel;
export function layoutOf(a: Profile | TableBuild, b?: TableKey, options?: TemplateOptions): TableModel {
  if ('layout' in a && 'plan' in a) return a.layout;
  return buildTable(a, b as TableKey, { ...(options as TemplateOptions), withoutFormulas: true }).layout;
}

/** A plan's constant cells as a snapshot (formulas as such, values null). */
export function snapshotOfPlan(plan: SheetPlan): SheetSnapshot {
  const bottom = Math.max(0, ...plan.cells.map((c) => c.row));
  const right = Math.max(0, ...plan.cells.map((c) => c.col));
  const values: CellValue[][] = Array.from({ length: bottom + 1 }, () => new Array<CellValue>(right + 1).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: bottom + 1 }, () => new Array<string | null>(right + 1).fill(null));
  for (const c of plan.cells) {
    if (c.formula) formulas[c.row][c.col] = c.formula;
    else if (c.value !== undefined) values[c.row][c.col] = c.value;
  }
  return { name: plan.name, top: 0, left: 0, values, formulas, merges: plan.merges };
}
