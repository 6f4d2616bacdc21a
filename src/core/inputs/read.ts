import { a1, displayText, isCellError, type CellRef, type CellValue } from '../cells';
import type { SheetSnapshot } from '../model/snapshot';
import { BUDGET_TABLE_HEADERS, INPUT_FIELDS, INPUT_SHEET_NAME, type InputField, type InputKey } from './fields';
import { inputLayout, BUDGET_COLS, VALUE_COL } from './template';
import { emptyInputs, type BudgetLine, type InputProblem, type Inputs, type InputValue } from './types';

/**
 * readInputs(snapshots) → Inputs: find the 补充信息 sheet (by its name, else by a
 * title cell starting with 补充信息 in its first rows) and read every field by its
 * label, wherever the row now is. The value is in the 数值 column (found from the
 * header), else right of the label. The per-项 budget table is found by its
 * header texts (科目编码 … 年初预算 …).
 *
 * Accepts one snapshot or all of a workbook's snapshots.
 */
export function readInputs(snapshots: SheetSnapshot | SheetSnapshot[]): Inputs {
  const list = Array.isArray(snapshots) ? snapshots : [snapshots];
  const sheet = list.find((s) => s.name.trim() === INPUT_SHEET_NAME) ?? list.find(hasInputTitle);
  if (!sheet) return emptyInputs();

  const grid = new Grid(sheet);
  const problems: InputProblem[] = [];
  const values: Partial<Record<InputKey, InputValue>> = {};

  // The 数值 header gives the value column.
  const header = grid.find((t) => t === '数值');
  const byLabel = new Map<string, InputField>(INPUT_FIELDS.map((f) => [normLabel(f.label), f]));

  for (let r = grid.top; r <= grid.bottom; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const t = grid.text(r, c);
      if (!t) continue;
      const f = byLabel.get(normLabel(t));
      if (!f || values[f.key]) continue;
      const vc = header && header.col > c ? header.col : c + 1;
      values[f.key] = readField(f, grid, r, vc, sheet.name, problems);
    }
  }
  for (const f of INPUT_FIELDS) {
    if (!values[f.key]) values[f.key] = { value: f.defaultZero ? 0 : null, blank: true };
  }

  const budgets = readBudgetTable(grid, sheet.name, problems);
  return { found: true, sheet: sheet.name, values, budgets, problems };
}

/** Inputs from plain values, with cells where the template puts them (tests, samples). */
export function inputsFromValues(
  fill: { values?: Partial<Record<InputKey, number | string | null>>; budgets?: Array<{ code: string; name: string; budget: number | null; reason?: string }> },
  sheet = INPUT_SHEET_NAME,
): Inputs {
  const layout = inputLayout(Math.max(30, fill.budgets?.length ?? 0));
  const values: Partial<Record<InputKey, InputValue>> = {};
  for (const f of INPUT_FIELDS) {
    const v = fill.values?.[f.key];
    const cell = { sheet, address: a1(layout.rows[f.key], VALUE_COL) };
    const blank = v === undefined || v === null || v === '';
    values[f.key] = { value: blank ? (f.defaultZero ? 0 : null) : v, blank, cell };
  }
  const budgets: BudgetLine[] = (fill.budgets ?? []).map((b, i) => {
    const row = layout.budgetHeaderRow + 1 + i;
    return {
      code: b.code,
      name: b.name,
      budget: b.budget,
      reason: b.reason ?? '',
      cells: {
        code: { sheet, address: a1(row, BUDGET_COLS.code) },
        budget: { sheet, address: a1(row, BUDGET_COLS.budget) },
        reason: { sheet, address: a1(row, BUDGET_COLS.reason) },
      },
    };
  });
  return { found: true, sheet, values, budgets, problems: [] };
}

// ---------------------------------------------------------------------------

function hasInputTitle(s: SheetSnapshot): boolean {
  for (let i = 0; i < Math.min(3, s.values.length); i++) {
    for (const v of s.values[i] ?? []) if (typeof v === 'string' && v.trim().startsWith('补充信息')) return true;
  }
  return false;
}

/** Labels compare without spaces, with unified brackets and quotes. */
export function normLabel(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[(]/g, '（')
    .replace(/[)]/g, '）')
    .replace(/["“”'‘’]/g, '"')
    .replace(/[:：]$/, '');
}

class Grid {
  top: number;
  left: number;
  bottom: number;
  right: number;
  constructor(private s: SheetSnapshot) {
    this.top = s.top;
    this.left = s.left;
    this.bottom = s.top + s.values.length - 1;
    let w = 0;
    for (const r of s.values) w = Math.max(w, r.length);
    this.right = s.left + w - 1;
  }
  value(r: number, c: number): CellValue {
    const row = this.s.values[r - this.top];
    if (!row) return null;
    const v = row[c - this.left];
    return v === undefined ? null : v;
  }
  text(r: number, c: number): string {
    const v = this.value(r, c);
    return typeof v === 'string' ? v.trim() : '';
  }
  find(pred: (t: string) => boolean): { row: number; col: number } | undefined {
    for (let r = this.top; r <= this.bottom; r++) for (let c = this.left; c <= this.right; c++) if (pred(this.text(r, c).replace(/\s+/g, ''))) return { row: r, col: c };
    return undefined;
  }
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && /^\s*[-—–]?\s*$/.test(v));
}

function parseNumber(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') {
    const s = v.replace(/[,，\s]/g, '').replace(/(万元|元|个|人次|人|辆|台（套）|台|套|年)$/, '');
    if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  }
  return undefined;
}

function readField(f: InputField, g: Grid, row: number, col: number, sheet: string, problems: InputProblem[]): InputValue {
  const cell: CellRef = { sheet, address: a1(row, col) };
  const v = g.value(row, col);
  if (isBlank(v)) return { value: f.defaultZero ? 0 : null, blank: true, cell };
  if (f.kind === 'text') return { value: typeof v === 'string' ? v.trim() : displayText(v), blank: false, cell };
  if (isCellError(v)) {
    problems.push({ message: `${sheet}!${cell.address}：“${f.label}”的值是错误值 ${v.error}，请改为数字。`, cells: [cell] });
    return { value: f.defaultZero ? 0 : null, blank: true, cell };
  }
  const n = parseNumber(v);
  if (n === undefined) {
    problems.push({ message: `${sheet}!${cell.address}：“${f.label}”应填写数字，现为“${String(v)}”。`, cells: [cell] });
    return { value: f.defaultZero ? 0 : null, blank: true, cell };
  }
  if ((f.kind === 'count' || f.kind === 'year') && !Number.isInteger(n)) {
    problems.push({ message: `${sheet}!${cell.address}：“${f.label}”应为整数，现为 ${n}。`, cells: [cell] });
  }
  return { value: n, blank: false, cell };
}

function readBudgetTable(g: Grid, sheet: string, problems: InputProblem[]): BudgetLine[] {
  const codeHead = g.find((t) => t === BUDGET_TABLE_HEADERS.code);
  if (!codeHead) return [];
  const hr = codeHead.row;
  let nameCol: number | undefined;
  let budgetCol: number | undefined;
  let reasonCol: number | undefined;
  for (let c = g.left; c <= g.right; c++) {
    const t = g.text(hr, c).replace(/\s+/g, '');
    if (t === BUDGET_TABLE_HEADERS.name) nameCol = c;
    else if (t.includes('年初预算') && !t.includes('原因')) budgetCol = c;
    else if (t.includes('原因')) reasonCol = c;
  }
  if (budgetCol === undefined) {
    problems.push({ message: `${sheet}!${a1(hr, codeHead.col)}：年初预算表缺少“${BUDGET_TABLE_HEADERS.budget}”列。`, cells: [{ sheet, address: a1(hr, codeHead.col) }] });
    return [];
  }
  const out: BudgetLine[] = [];
  for (let r = hr + 1; r <= g.bottom; r++) {
    const rawCode = g.value(r, codeHead.col);
    const first = g.text(r, g.left);
    if (/^[一二三四五六七八九十]+、/.test(first)) break; // next section
    const code = typeof rawCode === 'number' ? String(Math.round(rawCode)) : typeof rawCode === 'string' ? (/^\s*(\d{3,7})/.exec(rawCode)?.[1] ?? '') : '';
    const bv = g.value(r, budgetCol);
    if (!code) {
      if (!isBlank(bv)) {
        const cell = { sheet, address: a1(r, codeHead.col) };
        problems.push({ message: `${sheet}!${cell.address}：填写了年初预算数，但没有科目编码。`, cells: [cell] });
      }
      continue;
    }
    const budgetCell = { sheet, address: a1(r, budgetCol) };
    let budget: number | null = null;
    if (!isBlank(bv)) {
      const n = parseNumber(bv);
      if (n === undefined)
        problems.push({ message: `${sheet}!${budgetCell.address}：年初预算数应填写数字，现为“${String(isCellError(bv) ? bv.error : bv)}”。`, cells: [budgetCell] });
      else budget = n;
    }
    if (!/^\d{7}$/.test(code)) {
      const cell = { sheet, address: a1(r, codeHead.col) };
      problems.push({ message: `${sheet}!${cell.address}：科目编码“${code}”不是7位的项级编码。`, cells: [cell] });
    }
    out.push({
      code,
      name: nameCol !== undefined ? g.text(r, nameCol) : '',
      budget,
      reason: reasonCol !== undefined ? g.text(r, reasonCol) : '',
      cells: {
        code: { sheet, address: a1(r, codeHead.col) },
        budget: budgetCell,
        reason: reasonCol !== undefined ? { sheet, address: a1(r, reasonCol) } : undefined,
      },
    });
  }
  return out;
}
