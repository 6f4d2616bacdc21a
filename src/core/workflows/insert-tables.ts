import type { CellRef, RangeRect } from '../cells';
import { linkFormulas, type SheetCellWrite } from '../formulas';
import { INPUT_SHEET_NAME, inputSheetPlan } from '../inputs';
import { formulaAt, valueAt, type SheetSnapshot } from '../model/snapshot';
import type { TableKey, WorkbookModel } from '../model/tables';
import type { CellWrite, SheetPlan, WriteBatch } from '../plan/sheet-plan';
import { loadProfile, sheetNameOf, validateProfile, type Profile } from '../profiles';
import { buildTable, recognizeTable, type RowInput, type TableBuild } from '../template';
import { formulaUpdates } from './refresh-formulas';
import { HostError, type SheetInfo, type WorkbookHost } from '../host';

/**
 * Insert the 公开 tables of a profile: listSheets → (readSheets of the conflicting
 * sheets, only when refreshing) → one apply. An existing sheet is never emptied or
 * overwritten: 'skip' leaves it, 'beside' adds 公开01表(2), 'refresh' rewrites the
 * formulas, puts back frame texts (title, headers, fixed labels) that are blank, and
 * keeps every typed value — and every frame text the user changed ("金额单位：元" stays
 * 元), unless `restoreFrame` asks for the template's texts. A refresh never merges
 * over a cell that holds something: that merge is left out.
 */

export type ConflictMode = 'skip' | 'beside' | 'refresh';

export interface InsertOptions {
  /** Profile id ('2021', '2023'), or a profile object (e.g. a region's own, loaded from its JSON). */
  profile: string | Profile;
  /** 部门 name. */
  unit: string;
  year: number;
  /** Tables to insert (default: all of the profile, in its order). */
  tables?: TableKey[];
  onConflict: ConflictMode;
  /** Also add the 补充信息 sheet (when missing). */
  includeInputs?: boolean;
  /** 类/款/项 rows of classified tables, for a filled-in start (the sample). */
  rows?: Partial<Record<TableKey, RowInput[]>>;
  /** Tables declared empty: they carry the 无数据 note. */
  empty?: TableKey[];
  /** Link 01/04 to the detail tables by formulas (default true). */
  links?: boolean;
  /** Refresh: also put back the template's frame texts where the user changed them (default false: only blank ones). */
  restoreFrame?: boolean;
}

export interface InsertResult {
  created: string[];
  skipped: string[];
  refreshed: string[];
  /** Sheet of every table handled (created, refreshed or skipped). */
  sheets: Partial<Record<TableKey, string>>;
  /** Refresh: cells where a formula belongs but a typed value was kept. */
  keptValues: CellRef[];
  /** Refresh: sheets that do not follow the template (left untouched). */
  unrecognized: string[];
}

/** The builds of a batch of new sheets, with cross-table links among them. Pure. */
export function insertPlans(
  profile: Profile,
  keys: TableKey[],
  names: Partial<Record<TableKey, string>>,
  options: Pick<InsertOptions, 'unit' | 'year' | 'rows' | 'empty' | 'links'>,
): { builds: TableBuild[]; plans: SheetPlan[] } {
  const builds = keys.map((key) =>
    buildTable(profile, key, {
      unit: options.unit,
      year: options.year,
      rows: options.rows?.[key],
      empty: options.empty?.includes(key),
      sheet: names[key],
    }),
  );
  const links = (options.links ?? true) ? linkFormulas(modelOf(builds)) : [];
  const plans = builds.map((b) =>
    withFormulas(
      b.plan,
      links.filter((w) => w.sheet === b.plan.name),
    ),
  );
  return { builds, plans };
}

function modelOf(builds: TableBuild[]): WorkbookModel {
  const tables: WorkbookModel['tables'] = {};
  for (const b of builds) tables[b.layout.key] = b.layout;
  return { tables, missing: [], problems: [] };
}

function withFormulas(plan: SheetPlan, writes: CellWrite[]): SheetPlan {
  if (!writes.length) return plan;
  const at = new Map(plan.cells.map((c, i) => [`${c.row},${c.col}`, i]));
  const cells = [...plan.cells];
  for (const w of writes) {
    const i = at.get(`${w.row},${w.col}`);
    const style = i === undefined ? 'amount' : cells[i].style;
    const cell: CellWrite = { row: w.row, col: w.col, formula: w.formula, style };
    if (i === undefined) cells.push(cell);
    else cells[i] = cell;
  }
  return { ...plan, cells };
}

/** Frame cells of a build that a refresh rewrites (texts only: a blank frame cell is not touched). */
function frameCells(b: TableBuild): CellWrite[] {
  return b.plan.cells.filter((c) => b.roles.get(`${c.row},${c.col}`) === 'frame' && c.value !== null && c.value !== undefined);
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * The frame texts a refresh writes: those blank on the sheet; with `restore`, also those
 * the user changed — except a text the template leaves open and the user completed
 * (the template writes "部门：", the sheet says "部门：某单位"), which is always kept.
 * A text already as the template has it is not written again.
 */
function frameToWrite(c: CellWrite, snap: SheetSnapshot | undefined, restore: boolean, unit: string): boolean {
  if (!snap) return true;
  const current = valueAt(snap, c.row, c.col);
  if (blank(current)) return true;
  if (typeof c.value === 'string' && typeof current === 'string' && current.trim() === c.value.trim()) return false;
  // The 部门/单位 line naming the unit the user gave for this refresh: they asked for it.
  if (unit.trim() && typeof c.value === 'string' && c.value.includes(unit.trim())) return true;
  if (!restore) return false;
  if (typeof c.value !== 'string' || typeof current !== 'string') return true;
  const template = c.value.trim();
  const completed = /[:：]$/.test(template) && current.trim().length > template.length && current.trim().startsWith(template);
  return !completed;
}

/** A merge a refresh may add: not there yet, and no cell but its upper-left one holds anything (a merge keeps that one only). */
function mergeAllowed(m: RangeRect, snap: SheetSnapshot | undefined): boolean {
  if (!snap) return true;
  const same = (x: RangeRect) => x.top === m.top && x.left === m.left && x.bottom === m.bottom && x.right === m.right;
  if (snap.merges?.some(same)) return false;
  for (let r = m.top; r <= m.bottom; r++)
    for (let c = m.left; c <= m.right; c++) {
      if (r === m.top && c === m.left) continue;
      if (!blank(valueAt(snap, r, c)) || formulaAt(snap, r, c)) return false;
    }
  return true;
}

function freeName(base: string, taken: Set<string>): string {
  for (let i = 2; ; i++) {
    const name = `${base}(${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export async function insertTables(host: WorkbookHost, options: InsertOptions): Promise<InsertResult> {
  const profile = typeof options.profile === 'string' ? loadProfile(options.profile) : (validateProfile(options.profile), options.profile);
  const keys = options.tables ?? profile.tables.map((t) => t.key);
  for (const k of keys) {
    if (!profile.tables.some((t) => t.key === k)) throw new HostError(`报表格式“${profile.id}”不含所选的表（${k}）。`);
  }
  const existing: SheetInfo[] = await host.listSheets();
  const taken = new Set(existing.map((s) => s.name.toLowerCase()));
  const find = (name: string) => existing.find((s) => s.name.toLowerCase() === name.toLowerCase());

  const result: InsertResult = { created: [], skipped: [], refreshed: [], sheets: {}, keptValues: [], unrecognized: [] };
  const toCreate: TableKey[] = [];
  const toRefresh: TableKey[] = [];
  const names: Partial<Record<TableKey, string>> = {};
  for (const key of keys) {
    const spec = profile.tables.find((t) => t.key === key)!;
    const base = sheetNameOf(spec);
    const clash = find(base);
    if (!clash) {
      names[key] = base;
      toCreate.push(key);
      taken.add(base.toLowerCase());
    } else if (options.onConflict === 'skip') {
      result.skipped.push(clash.name);
      result.sheets[key] = clash.name;
    } else if (options.onConflict === 'beside') {
      const name = freeName(base, taken);
      taken.add(name.toLowerCase());
      names[key] = name;
      toCreate.push(key);
    } else {
      if (clash.protected) {
        throw new HostError(`工作表“${clash.name}”受保护，无法刷新表样。请先撤销该工作表的保护，再重试；未写入任何内容。`, [{ sheet: clash.name, address: 'A1' }]);
      }
      names[key] = clash.name;
      toRefresh.push(key);
    }
  }

  const wantInputs = options.includeInputs && !find(INPUT_SHEET_NAME);
  // Refresh: read only the conflicting sheets, recognise their rows.
  let snapshots: SheetSnapshot[] = [];
  const refreshBuilds: TableBuild[] = [];
  if (toRefresh.length) {
    snapshots = await host.readSheets(toRefresh.map((k) => names[k]!));
    for (const key of toRefresh) {
      const snap = snapshots.find((s) => s.name === names[key]);
      const b = snap && recognizeTable(snap, profile, key, { unit: options.unit, year: options.year });
      if (b) refreshBuilds.push(b);
      else {
        result.unrecognized.push(names[key]!);
        result.sheets[key] = names[key];
      }
    }
  }

  const { builds, plans } = insertPlans(profile, toCreate, names, options);
  // Links may run between new and refreshed tables.
  const links = (options.links ?? true) ? linkFormulas(modelOf([...builds, ...refreshBuilds])) : [];
  const created = plans.map((p) =>
    withFormulas(
      p,
      links.filter((w) => w.sheet === p.name),
    ),
  );

  const update: SheetPlan[] = [];
  for (const b of refreshBuilds) {
    const formulaWrites: SheetCellWrite[] = [
      ...b.plan.cells.filter((c) => c.formula).map((c) => ({ ...c, sheet: b.plan.name })),
      ...links.filter((w) => w.sheet === b.plan.name),
    ];
    const u = formulaUpdates(formulaWrites, snapshots);
    result.keptValues.push(...u.keptValues);
    const snap = snapshots.find((x) => x.name === b.plan.name);
    const frame = frameCells(b).filter((c) => frameToWrite(c, snap, options.restoreFrame ?? false, options.unit ?? ''));
    const headerMerges = b.plan.merges.filter((m) => m.bottom < b.firstDataRow && mergeAllowed(m, snap));
    update.push({
      name: b.plan.name,
      styles: b.plan.styles,
      cells: [...frame, ...u.plans.flatMap((p) => p.cells.map((c) => ({ ...c, style: 'amount' })))],
      merges: headerMerges,
    });
    result.refreshed.push(b.plan.name);
    result.sheets[b.layout.key] = b.plan.name;
  }
  if (wantInputs) created.push(inputSheetPlan());

  const batch: WriteBatch = { create: created, update };
  if (created.length) batch.activate = created[0].name;
  if (created.length || update.length) await host.apply(batch);
  for (const p of created) if (p.name !== INPUT_SHEET_NAME) result.created.push(p.name);
  if (wantInputs) result.created.push(INPUT_SHEET_NAME);
  for (const b of builds) result.sheets[b.layout.key] = b.plan.name;
  return result;
}
