import { a1, type CellRef } from '../cells';
import { linkFormulas, tableFormulas, type SheetCellWrite } from '../formulas';
import { formulaAt, valueAt, type SheetSnapshot } from '../model/snapshot';
import type { TableKey, TableModel, WorkbookModel } from '../model/tables';
import type { SheetPlan, WriteBatch } from '../plan/sheet-plan';
import { loadProfile, profileIds } from '../profiles';
import { readWorkbook } from '../reader';
import { recognizeSheet } from '../template/recognize';
import { HostError, type WorkbookHost } from '../host';

/**
 * 刷新公式: rebuild every subtotal/total formula over the rows the sheets have NOW
 * (e.g. after the accountant inserted a 项 row), writing only formula cells.
 * A cell holding a typed constant where a formula belongs is left alone and reported
 * (unless replaceValues), so no typed figure is ever lost.
 */

export interface RefreshOptions {
  /** Also (re)build the cross-table links 01←02/03, 04←01/05/08/09 (default true). */
  links?: boolean;
  /** Replace typed constants in formula positions (a sheet from others with typed totals). */
  replaceValues?: boolean;
}

export interface RefreshResult {
  /** Sheets written. */
  sheets: string[];
  /** Tables found, by key → sheet. */
  tables: Partial<Record<TableKey, string>>;
  /** Formula cells written (new or changed). */
  written: number;
  /** Formula cells already right. */
  unchanged: number;
  /** Cells where a formula belongs but a typed value was kept. */
  keptValues: CellRef[];
}

const normFormula = (f: string) => f.replace(/\s+|\$/g, '').toUpperCase();

/** The tables of a workbook: our own template's sheets recognised exactly, the rest from the reader. */
export function tablesOf(snapshots: SheetSnapshot[]): { all: TableModel[]; model: WorkbookModel } {
  const profiles = profileIds().map(loadProfile);
  const own: TableModel[] = [];
  const ownSheets = new Set<string>();
  for (const s of snapshots) {
    const hit = recognizeSheet(s, profiles);
    if (hit) {
      own.push(hit.build.layout);
      ownSheets.add(s.name);
    }
  }
  const read = readWorkbook(snapshots.filter((s) => !ownSheets.has(s.name)));
  const all = [...own, ...Object.values(read.tables).filter((t): t is TableModel => !!t)];
  const tables: WorkbookModel['tables'] = {};
  for (const t of all) if (!tables[t.key]) tables[t.key] = t;
  return { all, model: { ...read, tables, missing: read.missing.filter((k) => !tables[k]) } };
}

/**
 * Turn formula writes into per-sheet update plans against what the sheets hold now:
 * unchanged formulas are skipped, typed constants kept (and reported) unless replaceValues.
 */
export function formulaUpdates(
  writes: SheetCellWrite[],
  snapshots: SheetSnapshot[],
  options: { replaceValues?: boolean } = {},
): { plans: SheetPlan[]; written: number; unchanged: number; keptValues: CellRef[] } {
  const byName = new Map(snapshots.map((s) => [s.name, s]));
  const plans = new Map<string, SheetPlan>();
  const seen = new Set<string>();
  let written = 0;
  let unchanged = 0;
  const keptValues: CellRef[] = [];
  for (const w of writes) {
    const k = `${w.sheet}!${w.row},${w.col}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const snap = byName.get(w.sheet);
    if (snap) {
      const f = formulaAt(snap, w.row, w.col);
      const v = valueAt(snap, w.row, w.col);
      if (f && normFormula(f) === normFormula(w.formula!)) {
        unchanged++;
        continue;
      }
      const typed = !f && v !== null && !(typeof v === 'string' && v.trim() === '');
      if (typed && !options.replaceValues) {
        keptValues.push({ sheet: w.sheet, address: a1(w.row, w.col) });
        continue;
      }
    }
    const plan = plans.get(w.sheet) ?? { name: w.sheet, cells: [], merges: [], styles: {} };
    plan.cells.push({ row: w.row, col: w.col, formula: w.formula });
    plans.set(w.sheet, plan);
    written++;
  }
  return { plans: [...plans.values()], written, unchanged, keptValues };
}

/** Pure part of 刷新公式: the batch to write for these snapshots. */
export function refreshBatch(snapshots: SheetSnapshot[], options: RefreshOptions = {}): { batch: WriteBatch; result: RefreshResult } {
  const { all, model } = tablesOf(snapshots);
  const writes: SheetCellWrite[] = [];
  for (const t of all) for (const w of tableFormulas(t)) writes.push({ ...w, sheet: t.sheet });
  if (options.links ?? true) writes.push(...linkFormulas(model));
  const u = formulaUpdates(writes, snapshots, options);
  const tables: RefreshResult['tables'] = {};
  for (const [k, t] of Object.entries(model.tables)) if (t) tables[k as TableKey] = t.sheet;
  return {
    batch: { create: [], update: u.plans },
    result: { sheets: u.plans.map((p) => p.name), tables, written: u.written, unchanged: u.unchanged, keptValues: u.keptValues },
  };
}

/** 刷新公式 over the whole workbook: one read, one write. */
export async function refreshFormulas(host: WorkbookHost, options: RefreshOptions = {}): Promise<RefreshResult> {
  const snapshots = await host.readSheets();
  const { batch, result } = refreshBatch(snapshots, options);
  const locked = batch.update.filter((p) => snapshots.find((s) => s.name === p.name)?.protected).map((p) => p.name);
  if (locked.length) {
    throw new HostError(
      `工作表“${locked.join('”“')}”受保护，无法刷新公式。请先撤销工作表保护，再重试；未写入任何内容。`,
      locked.map((sheet) => ({ sheet, address: 'A1' })),
    );
  }
  if (batch.update.length) await host.apply(batch);
  return result;
}
