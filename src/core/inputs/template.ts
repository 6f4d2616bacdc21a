import { a1 } from '../cells';
import type { WorkbookModel } from '../model/tables';
import type { CellWrite, SheetPlan } from '../plan/sheet-plan';
import { BUDGET_TABLE_HEADERS, BUDGET_TABLE_TITLE, INPUT_SECTIONS, INPUT_SHEET_NAME, INPUT_SHEET_TITLE, type InputKey } from './fields';

/**
 * The 补充信息 sheet as a SheetPlan: a title, a note, then one labelled row per field
 * (label in A, value in B, hint in C; texts span B:D), then the per-项 年初预算 table
 * (科目编码 · 科目名称 · 年初预算数 · 原因). The add-in inserts it like the tables; the
 * reader finds everything again by label and header text, so users may move rows.
 */

export interface InputSheetValues {
  values?: Partial<Record<InputKey, number | string | null>>;
  budgets?: Array<{ code: string; name: string; budget: number | null; reason?: string }>;
}

export interface InputLayout {
  /** 0-based row of each field (value in column VALUE_COL). */
  rows: Record<InputKey, number>;
  /** Row of the budget table's header; data rows follow. */
  budgetHeaderRow: number;
  budgetRows: number;
}

export const LABEL_COL = 0;
export const VALUE_COL = 1;
export const NOTE_COL = 2;
/** Budget table columns. */
export const BUDGET_COLS = { code: 0, name: 1, budget: 2, reason: 3 } as const;

export function inputLayout(budgetRows = 30): InputLayout {
  const rows = {} as Record<InputKey, number>;
  let r = 3;
  for (const s of INPUT_SECTIONS) {
    r++; // section title
    for (const f of s.fields) rows[f.key] = r++;
  }
  r++; // blank row
  const titleRow = r++;
  return { rows, budgetHeaderRow: titleRow + 1, budgetRows };
}

export function inputSheetPlan(fill: InputSheetValues = {}, options: { budgetRows?: number } = {}): SheetPlan {
  const budgetRows = Math.max(options.budgetRows ?? 30, fill.budgets?.length ?? 0);
  const layout = inputLayout(budgetRows);
  const cells: CellWrite[] = [];
  const merges: SheetPlan['merges'] = [];
  const put = (row: number, col: number, value: string | number | null, style?: string) => cells.push({ row, col, value, style });

  put(0, 0, INPUT_SHEET_TITLE, 'title');
  merges.push({ top: 0, left: 0, bottom: 0, right: 3 });
  put(
    1,
    0,
    '说明：本表填写部门决算公开表中没有、而情况说明需要的数字和原因（金额单位：万元）。请在“数值”列填写；' +
      '未填写的原因在生成的情况说明中以“【请填写：……】”提示，不会自动编写。',
    'note',
  );
  merges.push({ top: 1, left: 0, bottom: 1, right: 3 });
  put(2, LABEL_COL, '项目', 'header');
  put(2, VALUE_COL, '数值', 'header');
  put(2, NOTE_COL, '说明', 'header');
  merges.push({ top: 2, left: NOTE_COL, bottom: 2, right: 3 });

  let r = 3;
  for (const s of INPUT_SECTIONS) {
    r++;
    put(r - 1 + 0, 0, s.title, 'section');
    merges.push({ top: r - 1, left: 0, bottom: r - 1, right: 3 });
    for (const f of s.fields) {
      const row = layout.rows[f.key];
      put(row, LABEL_COL, f.label, 'label');
      const given = fill.values?.[f.key];
      const style = f.kind === 'amount' ? 'amount' : f.kind === 'count' || f.kind === 'year' ? 'count' : 'text';
      put(row, VALUE_COL, given === undefined ? (f.defaultZero ? 0 : null) : given, style);
      if (f.kind === 'text') {
        merges.push({ top: row, left: VALUE_COL, bottom: row, right: 3 });
      } else {
        const hint = f.note ?? (f.kind === 'amount' ? '万元' : (f.countUnit ?? ''));
        put(row, NOTE_COL, hint, 'hint');
        merges.push({ top: row, left: NOTE_COL, bottom: row, right: 3 });
      }
      r = row + 1;
    }
  }
  const titleRow = layout.budgetHeaderRow - 1;
  put(titleRow, 0, BUDGET_TABLE_TITLE, 'section');
  merges.push({ top: titleRow, left: 0, bottom: titleRow, right: 3 });
  const h = layout.budgetHeaderRow;
  put(h, BUDGET_COLS.code, BUDGET_TABLE_HEADERS.code, 'header');
  put(h, BUDGET_COLS.name, BUDGET_TABLE_HEADERS.name, 'header');
  put(h, BUDGET_COLS.budget, BUDGET_TABLE_HEADERS.budget, 'header');
  put(h, BUDGET_COLS.reason, BUDGET_TABLE_HEADERS.reason, 'header');
  for (let i = 0; i < budgetRows; i++) {
    const row = h + 1 + i;
    const b = fill.budgets?.[i];
    put(row, BUDGET_COLS.code, b ? b.code : null, 'code');
    put(row, BUDGET_COLS.name, b ? b.name : null, 'text');
    put(row, BUDGET_COLS.budget, b ? b.budget : null, 'amount');
    put(row, BUDGET_COLS.reason, b ? (b.reason ?? null) : null, 'text');
  }

  return {
    name: INPUT_SHEET_NAME,
    cells,
    merges,
    styles: {
      title: { bold: true, fontSize: 14, horizontal: 'center', vertical: 'middle' },
      note: { wrap: true, vertical: 'top', fontSize: 10 },
      header: { bold: true, horizontal: 'center', vertical: 'middle', border: true, fill: '#D9E1F2', wrap: true },
      section: { bold: true, fill: '#F2F2F2', border: true },
      label: { border: true, wrap: true, vertical: 'middle' },
      amount: { border: true, numberFormat: '#,##0.00', horizontal: 'right' },
      count: { border: true, numberFormat: '0', horizontal: 'right' },
      code: { border: true, numberFormat: '@', horizontal: 'left' },
      text: { border: true, numberFormat: '@', wrap: true, vertical: 'top' },
      hint: { border: true, fontSize: 9 },
    },
    columnWidths: [46, 18, 24, 48],
    rowHeights: { 1: 42 },
    freeze: { rows: 3, cols: 0 },
    print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: true, titleRows: [2, 2] },
  };
}

/** Where the template puts a field's value (for messages and tests). */
export function inputAddress(key: InputKey, budgetRows = 30): string {
  return a1(inputLayout(budgetRows).rows[key], VALUE_COL);
}

/**
 * The per-项 rows of the budget table, pre-filled from the workbook's 公开05表: every
 * 项 with money, code and name, 年初预算数 and reason left for the user
 * (inputSheetPlan({ budgets: budgetRowsFromModel(model) })).
 */
export function budgetRowsFromModel(model: WorkbookModel): NonNullable<InputSheetValues['budgets']> {
  const t = model.tables.gpbExpenditure;
  if (!t) return [];
  return t.lines
    .filter((l) => l.level === 'item' && l.code && Number.isFinite(l.values.total?.value) && Math.round((l.values.total?.value ?? 0) * 100) !== 0)
    .map((l) => ({ code: l.code!, name: l.label.trim(), budget: null }));
}
