import { a1, parseA1, type CellRef } from '../cells';
import { formulaAt, valueAt, type SheetSnapshot } from '../model/snapshot';
import type { SheetPlan, WriteBatch } from '../plan/sheet-plan';
import { inputField, INPUT_SHEET_NAME, type InputKey } from './fields';
import { readInputs } from './read';
import { inputLayout, inputSheetPlan, LABEL_COL, NOTE_COL, VALUE_COL } from './template';

/**
 * Writing values into the 补充信息 sheet, as one batch, without touching anything
 * the user typed:
 *   - a field whose label is on the sheet gets its value in its value cell, and only
 *     when that cell is empty — not even "-" or a note is written over (callers list
 *     the others as differences);
 *   - a field whose label is not on the sheet (an older template, a deleted row) gets
 *     a new labelled row under the sheet's last used row, in a section of its own;
 *   - no 补充信息 sheet at all: the template is created with the values in it.
 * Cells are written without a style, so the user's formatting of value cells stays.
 */

export interface InputWrite {
  key: InputKey;
  value: number | string;
}

export interface InputWritePlan {
  batch: WriteBatch;
  /** Where each value goes. */
  cells: Array<{ key: InputKey; cell: CellRef }>;
  /** Fields skipped because their cell is not blank. */
  skipped: Array<{ key: InputKey; cell: CellRef }>;
  /** Whether the 补充信息 sheet is created by the batch. */
  createsSheet: boolean;
}

export const APPENDED_SECTION_TITLE = '上年决算数（导入上年报表时补充的行）';

export function inputWritePlan(snapshots: SheetSnapshot[], writes: InputWrite[]): InputWritePlan {
  const inputs = readInputs(snapshots);
  if (!inputs.found || !inputs.sheet) {
    const values: Partial<Record<InputKey, number | string>> = {};
    for (const w of writes) values[w.key] = w.value;
    const plan = inputSheetPlan({ values });
    const layout = inputLayout();
    const cells = writes.map((w) => ({ key: w.key, cell: { sheet: INPUT_SHEET_NAME, address: a1(layout.rows[w.key], VALUE_COL) } }));
    return { batch: { create: [plan], update: [] }, cells, skipped: [], createsSheet: true };
  }
  const sheet = inputs.sheet;
  const snap = snapshots.find((s) => s.name === sheet);
  const update: SheetPlan = { name: sheet, cells: [], merges: [], styles: {} };
  const cells: InputWritePlan['cells'] = [];
  const skipped: InputWritePlan['skipped'] = [];
  const appended: InputWrite[] = [];
  for (const w of writes) {
    const v = inputs.values[w.key];
    if (v?.cell) {
      if (!v.blank || holdsSomething(snap, v.cell.address)) {
        skipped.push({ key: w.key, cell: v.cell });
        continue;
      }
      const { row, col } = parseA1(v.cell.address);
      update.cells.push({ row, col, value: w.value });
      cells.push({ key: w.key, cell: v.cell });
    } else {
      appended.push(w);
    }
  }
  if (appended.length) {
    let bottom = snap ? snap.top + snap.values.length - 1 : 0;
    if (snap) while (bottom >= snap.top && (snap.values[bottom - snap.top] ?? []).every((x) => x === null || x === '')) bottom--;
    let r = bottom + 2;
    const valueCol = valueColumn(snap);
    update.styles = {
      section: { bold: true, fill: '#F2F2F2', border: true },
      label: { border: true, wrap: true, vertical: 'middle' },
      amount: { border: true, numberFormat: '#,##0.00', horizontal: 'right' },
      hint: { border: true, fontSize: 9 },
    };
    update.cells.push({ row: r++, col: LABEL_COL, value: APPENDED_SECTION_TITLE, style: 'section' });
    for (const w of appended) {
      const f = inputField(w.key);
      update.cells.push({ row: r, col: LABEL_COL, value: f.label, style: 'label' });
      update.cells.push({ row: r, col: valueCol, value: w.value, style: f.kind === 'amount' ? 'amount' : undefined });
      if (f.note && valueCol === VALUE_COL) update.cells.push({ row: r, col: NOTE_COL, value: f.note, style: 'hint' });
      cells.push({ key: w.key, cell: { sheet, address: a1(r, valueCol) } });
      r++;
    }
  }
  return { batch: { create: [], update: update.cells.length ? [update] : [] }, cells, skipped, createsSheet: false };
}

/** A cell with any content (text that does not read as a number, "-", a formula): the user's. */
function holdsSomething(snap: SheetSnapshot | undefined, address: string): boolean {
  if (!snap) return false;
  const { row, col } = parseA1(address);
  if (formulaAt(snap, row, col)) return true;
  const v = valueAt(snap, row, col);
  return v !== null && !(typeof v === 'string' && !v.trim());
}

/** The 数值 column of the sheet (by its header), else the template's. */
function valueColumn(snap: SheetSnapshot | undefined): number {
  if (!snap) return VALUE_COL;
  for (let r = 0; r < snap.values.length; r++) {
    const row = snap.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && v.replace(/\s+/g, '') === '数值') return snap.left + c;
    }
  }
  return VALUE_COL;
}
