import { a1, displayText, rangeAddress, type CellRef, type CellValue, type RangeRect } from '../../core/cells';
import type { SheetSnapshot } from '../../core/model/snapshot';
import type { CellStyle, SheetPlan, WriteBatch } from '../../core/plan/sheet-plan';
import { HostError, type MarkRequest, type SheetInfo, type WorkbookHost } from '../../core/host';
import { checkBatch } from '../../core/plan/check-batch';
import { cellContent, markRects, planBlocks, styleOf, styleRects, widthRuns } from '../spreadsheet-kit/blocks';
import { MARK_FORMULA, MARK_TAG } from '../spreadsheet-kit/marks';

/**
 * WorkbookHost over WPS 表格's JS add-in object model (WPS加载项): the synchronous,
 * VBA-like `window.Application`. Only the members used here are typed; the full
 * typings are in the npm package et-jsapi-declare (not a dependency; its licence
 * forbids changing the file), whose members mirror Excel VBA's
 * (https://learn.microsoft.com/office/vba/api/overview/excel/object-model).
 *
 * WPS calls are synchronous and in-process, so "batching" means: whole-rectangle
 * Value2/Formula reads and writes, screen updating, alerts and automatic calculation
 * off while writing (all three restored), every check done before the first write,
 * and every new sheet added before any is filled (01 links to 02/03, 04 to 05/08/09:
 * a formula naming a sheet that does not exist yet is taken as a link to another
 * workbook — an "更新值" file dialog, then #REF!).
 *
 * A job works on the workbook it started on: reads take the active workbook and pin
 * it; writes, marks and selections go to the pinned one (every workflow reads before
 * it writes), even when the user has switched to another window in between.
 */

/** What Value2/Formula/NumberFormat hand out: a scalar for one cell, rows of cells for more. */
export type WpsCells = unknown;

export interface WpsRange {
  Value2: WpsCells;
  Formula: WpsCells;
  NumberFormat: WpsCells;
  Row: number;
  Column: number;
  Rows: { Count: number };
  Columns: { Count: number; ColumnWidth: number };
  ColumnWidth: number;
  RowHeight: number;
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  Font: { Bold: boolean; Size: number };
  Interior: { Color: number };
  Borders: { LineStyle: number; Weight?: number };
  FormatConditions: WpsFormatConditions;
  Merge(across?: boolean): void;
  Select(): void;
}

export interface WpsFormatCondition {
  Type: number;
  Formula1: string;
  Interior: { Color: number };
  /** Rule order on the sheet, 1 = evaluated first. */
  Priority?: number;
  Delete(): void;
  /** Make this rule priority 1; a new rule from FormatConditions.Add comes last. */
  SetFirstPriority?(): void;
}

export interface WpsFormatConditions {
  Count: number;
  Item(index: number): WpsFormatCondition;
  Add(type: number, operator?: number, formula1?: string): WpsFormatCondition;
}

export interface WpsWorksheet {
  Name: string;
  /** XlSheetType: xlWorksheet -4167; chart sheets (xlChart -4109) have no UsedRange or Range. */
  Type?: number;
  Index: number;
  Visible: number | boolean;
  ProtectContents: boolean;
  UsedRange: WpsRange;
  Cells: WpsRange;
  Range(address: string): WpsRange;
  Activate(): void;
  Delete?(): void;
  PageSetup: {
    Orientation: number;
    PaperSize: number;
    Zoom: number | boolean;
    FitToPagesWide: number | boolean;
    FitToPagesTall: number | boolean;
    PrintTitleRows: string;
  };
}

export interface WpsSheets {
  Count: number;
  Item(index: number | string): WpsWorksheet;
  Add(before?: WpsWorksheet, after?: WpsWorksheet, count?: number, type?: number): WpsWorksheet;
}

export interface WpsWorkbook {
  Name?: string;
  Sheets: WpsSheets;
  ProtectStructure: boolean;
  /** Shows the workbook's window: freeze panes apply to the active window. */
  Activate?(): void;
}

export interface WpsWorkbooks {
  Count: number;
  Item(index: number | string): WpsWorkbook;
}

export interface WpsApplication {
  ActiveWorkbook: WpsWorkbook | null;
  Workbooks?: WpsWorkbooks;
  ActiveWindow?: { SplitRow: number; SplitColumn: number; FreezePanes: boolean };
  ScreenUpdating?: boolean;
  /** Off: no "更新值"/overwrite prompts while the add-in writes. */
  DisplayAlerts?: boolean;
  /** XlCalculation: automatic -4105, manual -4135, semiautomatic 2. */
  Calculation?: number;
  /** Recalculate every open workbook (F9). */
  Calculate?(): void;
}

/** XlHAlign / XlVAlign / XlFormatConditionType constants. */
export const XL = {
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  bottom: -4107,
  continuous: 1,
  expression: 2,
  landscape: 2,
  portrait: 1,
  paperA4: 9,
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  calculationAutomatic: -4105,
  calculationManual: -4135,
  worksheet: -4167,
  chart: -4109,
} as const;

/** Error values as VBA/WPS hand them out (CVErr codes). */
const CV_ERRORS: Record<number, string> = {
  [-2146826288]: '#NULL!',
  [-2146826281]: '#DIV/0!',
  [-2146826273]: '#VALUE!',
  [-2146826265]: '#REF!',
  [-2146826259]: '#NAME?',
  [-2146826252]: '#NUM!',
  [-2146826246]: '#N/A',
  [-2146826245]: '#GETTING_DATA',
};
const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)$/;

/** "#RRGGBB" -> BGR integer (Interior.Color). */
export function bgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new HostError(`颜色“${hex}”无效，应为 #RRGGBB。`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return r + g * 256 + b * 65536;
}

/**
 * A 1×1 or r×c COM result as a 2-D array. Anything else (a scalar for many cells, rows
 * of the wrong count or length) is an error, never an empty sheet: a check over it
 * would report tables as missing that are there.
 */
function grid(v: unknown, rows: number, cols: number, what: string): unknown[][] {
  if (rows === 1 && cols === 1 && !Array.isArray(v)) return [[v]];
  if (Array.isArray(v) && rows === 1 && v.length === cols && !v.some((x) => Array.isArray(x))) return [v as unknown[]];
  if (Array.isArray(v) && v.length === rows) {
    const out = (v as unknown[]).map((row) => (Array.isArray(row) ? (row as unknown[]) : rows === 1 || cols === 1 ? [row] : null));
    if (out.every((row): row is unknown[] => row !== null && row.length === cols)) return out;
  }
  const shape = Array.isArray(v) ? `${v.length} 行的数组` : v === null || v === undefined ? '空值' : typeof v;
  throw new HostError(`读取${what}失败：WPS 返回的数据形状不对（应为 ${rows} 行 × ${cols} 列，实为${shape}），未作任何判断。请重试；若仍如此，请把该表另存为 .xlsx 后用命令行检查。`);
}

function toCellValue(v: unknown): CellValue {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number') {
    if (CV_ERRORS[v] && Number.isInteger(v) && v < -2146826000) return { error: CV_ERRORS[v] };
    return v;
  }
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return ERROR_TEXT.test(v) ? { error: v } : v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return displayText(v);
}

export class WpsHost implements WorkbookHost {
  readonly kind = 'wps';
  /** Things apply() could not do but did not refuse over (e.g. print setup), in Chinese. */
  readonly warnings: string[] = [];
  /** The workbook of the latest read: the job's workbook, for its writes. */
  private pinned: WpsWorkbook | null = null;

  constructor(private readonly app: WpsApplication = (globalThis as unknown as { Application: WpsApplication }).Application) {}

  /** The active workbook, pinned for the writes of the same job. */
  private active(): WpsWorkbook {
    const wb = this.app?.ActiveWorkbook;
    if (!wb) throw new HostError('WPS 中没有打开的工作簿，请先打开或新建一个工作簿。');
    this.pinned = wb;
    return wb;
  }

  /** The workbook the job started on (its latest read), else the active one. */
  private target(): WpsWorkbook {
    const wb = this.pinned;
    if (!wb) return this.active();
    const books = this.app.Workbooks;
    if (books) {
      let open = false;
      for (let i = 1; i <= books.Count && !open; i++) open = books.Item(i) === wb;
      if (!open) {
        this.pinned = null;
        throw new HostError('开始本次操作时的工作簿已关闭，未写入任何内容。请在要处理的工作簿中重新操作。');
      }
    }
    return wb;
  }

  /** Worksheets in order, chart sheets left out (they have no cells). */
  private sheetsOf(wb: WpsWorkbook): WpsWorksheet[] {
    const s = wb.Sheets;
    const out: WpsWorksheet[] = [];
    for (let i = 1; i <= s.Count; i++) {
      const sheet = s.Item(i);
      if (isWorksheet(sheet)) out.push(sheet);
    }
    return out;
  }

  private guard<T>(doing: string, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError(`${doing}失败：${errorText(e)}`);
    }
  }

  async isStructureProtected(): Promise<boolean> {
    return this.guard('读取工作簿保护状态', () => !!this.active().ProtectStructure);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.guard('读取工作表列表', () =>
      this.sheetsOf(this.active()).map((s, i) => ({
        name: s.Name,
        index: i,
        protected: !!s.ProtectContents,
        visible: s.Visible === true || s.Visible === XL.sheetVisible,
      })),
    );
  }

  /**
   * Recalculate first when the workbook is not in automatic calculation: in manual
   * mode the totals hold what they were at the last F9, and a check or a draft over
   * them would judge old figures (Application.Calculate, as VBA's
   * https://learn.microsoft.com/office/vba/api/excel.application.calculate).
   */
  private recalculate(): void {
    const mode = this.app.Calculation;
    if (mode === undefined || mode === XL.calculationAutomatic) return;
    try {
      if (typeof this.app.Calculate !== 'function') throw new Error('Application.Calculate 不可用');
      this.app.Calculate();
    } catch (e) {
      throw new HostError(
        `工作簿处于手动计算模式，重新计算失败（${errorText(e)}），表中的合计可能不是最新的，未作校验。请按 F9 重新计算后重试。`,
      );
    }
  }

  async readSheets(names?: string[]): Promise<SheetSnapshot[]> {
    return this.guard('读取工作表', () => {
      const all = this.sheetsOf(this.active());
      this.recalculate();
      const targets = names
        ? names.map((n) => all.find((s) => s.Name === n)).filter((s): s is WpsWorksheet => !!s)
        : all;
      return targets.map((s) => {
        const used = s.UsedRange;
        const rows = used.Rows.Count;
        const cols = used.Columns.Count;
        const where = `工作表“${s.Name}”`;
        const vals = grid(used.Value2, rows, cols, where);
        const fs = grid(used.Formula, rows, cols, where);
        const values: CellValue[][] = vals.map((row) => row.map(toCellValue));
        const formulas = fs.map((row, i) =>
          row.map((f, j) => {
            if (typeof f !== 'string' || !f.startsWith('=')) return null;
            return vals[i]?.[j] === f ? null : f; // a text that merely looks like a formula
          }),
        );
        const snap: SheetSnapshot = { name: s.Name, top: used.Row - 1, left: used.Column - 1, values, formulas, protected: !!s.ProtectContents };
        // Visible: xlSheetVisible -1 (or true), xlSheetHidden 0 (or false), xlSheetVeryHidden 2.
        const v = s.Visible;
        if (v === false || v === XL.sheetHidden || v === XL.sheetVeryHidden) snap.hidden = true;
        return snap;
      });
    });
  }

  async apply(batch: WriteBatch): Promise<void> {
    const wb = this.guard('写入工作表', () => this.target());
    const existing = this.guard('读取工作表列表', () => this.sheetsOf(wb));
    const refusal = checkBatch(
      batch,
      existing.map((s) => ({ name: s.Name, protected: !!s.ProtectContents })),
      !!wb.ProtectStructure,
    );
    if (refusal) throw refusal;
    const app = this.app;
    const saved = { screen: app.ScreenUpdating, alerts: app.DisplayAlerts, calc: app.Calculation };
    const added: WpsWorksheet[] = [];
    let started = false;
    let updating = false;
    try {
      // freeze panes act on the active window: the job's workbook must be the one shown
      if (app.ActiveWorkbook !== wb) wb.Activate?.();
      if (saved.screen !== undefined) app.ScreenUpdating = false;
      if (saved.alerts !== undefined) app.DisplayAlerts = false;
      if (saved.calc !== undefined && saved.calc !== XL.calculationManual) app.Calculation = XL.calculationManual;
      // Every new sheet first, named, then the cells: cross-sheet formulas must find
      // their sheets. Adding after the last sheet of Sheets (chart sheets included).
      const all = wb.Sheets;
      let last: WpsWorksheet | undefined = all.Count ? all.Item(all.Count) : undefined;
      for (const p of batch.create) {
        const s = all.Add(undefined, last, 1); // undefined = an omitted COM argument; null would be a value
        added.push(s);
        s.Name = p.name;
        last = s;
      }
      started = true;
      batch.create.forEach((p, i) => this.writePlan(added[i], p, true));
      updating = batch.update.length > 0;
      for (const p of batch.update) {
        const s = existing.find((x) => x.Name.toLowerCase() === p.name.toLowerCase());
        if (!s) throw new HostError(`找不到工作表“${p.name}”，未能刷新。`);
        this.writePlan(s, p, false);
      }
      if (batch.activate) wb.Sheets.Item(batch.activate).Activate();
    } catch (e) {
      const removed = this.removeAdded(added);
      if (e instanceof HostError && !added.length) throw e;
      const tail = updating
        ? ' 已有工作表的写入可能只完成了一部分，请检查工作簿。'
        : removed
          ? ' 已删除本次新增的工作表，工作簿保持原样，可直接重试。'
          : started || added.length
            ? ' 写入可能只完成了一部分，请检查工作簿。'
            : '';
      throw new HostError(`写入工作表失败：${e instanceof HostError ? e.message : errorText(e)}${tail}`);
    } finally {
      if (saved.calc !== undefined && app.Calculation !== saved.calc) app.Calculation = saved.calc;
      if (saved.alerts !== undefined) app.DisplayAlerts = saved.alerts;
      if (saved.screen !== undefined) app.ScreenUpdating = saved.screen;
    }
  }

  /** Delete the sheets this apply added (a failed insert leaves nothing behind). */
  private removeAdded(added: WpsWorksheet[]): boolean {
    try {
      for (const s of [...added].reverse()) s.Delete?.();
      return added.length > 0 && added.every((s) => typeof s.Delete === 'function');
    } catch {
      return false;
    }
  }

  private writePlan(s: WpsWorksheet, plan: SheetPlan, fresh: boolean): void {
    // Number formats first (so "@" cells take their text as it is), by style rectangle.
    const rects = styleRects(plan.cells);
    for (const [key, list] of rects) {
      const nf = plan.styles[key]?.numberFormat;
      if (nf) for (const r of list) s.Range(rangeAddress(r)).NumberFormat = nf;
    }
    // Values and formulas by whole rectangles. COM arrays have no "leave unchanged"
    // entry, so gaps are written empty only on a fresh sheet; on an existing sheet
    // the blocks are split into gap-free runs.
    const blocks = fresh ? planBlocks(plan.cells) : gapFreeRuns(plan);
    for (const b of blocks) {
      const content = b.cells.map((row) => row.map((c) => (c ? cellContent(c, styleOf(plan, c)) : '')));
      if (content.every((row) => row.every((v) => v === null))) continue;
      const out = content.map((row) => row.map((v) => (v === null ? '' : v)));
      const range = s.Range(rangeAddress(b.rect));
      range.Formula = out.length === 1 && out[0].length === 1 ? out[0][0] : out;
    }
    for (const [key, list] of rects) {
      const st = plan.styles[key];
      if (st) for (const r of list) applyStyle(s.Range(rangeAddress(r)), st);
    }
    for (const m of plan.merges) s.Range(rangeAddress(m)).Merge(false);
    if (plan.columnWidths) {
      for (const [l, r, w] of widthRuns(plan.columnWidths)) s.Range(`${col(l)}:${col(r)}`).ColumnWidth = w;
    }
    if (plan.rowHeights) {
      for (const [row, h] of Object.entries(plan.rowHeights)) s.Range(`${Number(row) + 1}:${Number(row) + 1}`).RowHeight = h;
    }
    if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) && this.app.ActiveWindow) {
      s.Activate();
      const w = this.app.ActiveWindow;
      w.FreezePanes = false;
      w.SplitRow = plan.freeze.rows;
      w.SplitColumn = plan.freeze.cols;
      w.FreezePanes = true;
    }
    if (plan.print) {
      try {
        this.pageSetup(s, plan.print);
      } catch (e) {
        // no printer installed and the like: the table is complete without it
        this.warnings.push(`工作表“${plan.name}”的打印设置未能应用：${errorText(e)}`);
      }
    }
  }

  private pageSetup(s: WpsWorksheet, print: NonNullable<SheetPlan['print']>): void {
    const ps = s.PageSetup;
    ps.Orientation = print.orientation === 'landscape' ? XL.landscape : XL.portrait;
    ps.PaperSize = XL.paperA4;
    if (print.fitToWidth) {
      ps.Zoom = false;
      ps.FitToPagesWide = 1;
      ps.FitToPagesTall = false;
    }
    if (print.titleRows) ps.PrintTitleRows = `$${print.titleRows[0] + 1}:$${print.titleRows[1] + 1}`;
  }

  async mark(request: MarkRequest): Promise<void> {
    const color = bgr(request.color);
    this.guard('标记单元格', () => {
      const all = this.sheetsOf(this.target());
      const byName = new Map(all.map((s) => [s.Name, s]));
      for (const c of request.cells) {
        if (!byName.has(c.sheet)) throw new HostError(`找不到工作表“${c.sheet}”，无法标记。`, [c]);
      }
      if (!request.keep) this.removeMarks(all);
      for (const [sheet, rects] of markRects(request.cells)) {
        const s = byName.get(sheet)!;
        for (const r of rects) {
          const fc = s.Range(rangeAddress(r)).FormatConditions.Add(XL.expression, undefined, MARK_FORMULA);
          fc.Interior.Color = color;
          // Add puts the rule last: a user's own rule on the cell would hide the mark.
          fc.SetFirstPriority?.();
        }
      }
    });
  }

  async clearMarks(): Promise<void> {
    this.guard('清除标记', () => this.removeMarks(this.sheetsOf(this.target())));
  }

  /** Delete the conditional formats whose formula carries our tag, and only those. */
  private removeMarks(sheets: WpsWorksheet[]): void {
    for (const s of sheets) {
      const fcs = s.Cells.FormatConditions;
      for (let i = fcs.Count; i >= 1; i--) {
        const fc = fcs.Item(i);
        let formula = '';
        try {
          formula = String(fc.Formula1 ?? '');
        } catch {
          continue; // types without a formula
        }
        if (formula.includes(MARK_TAG)) fc.Delete();
      }
    }
  }

  async select(cells: CellRef[]): Promise<void> {
    const first = cells[0];
    if (!first) return;
    this.guard('选择单元格', () => {
      const wb = this.target();
      if (this.app.ActiveWorkbook !== wb) wb.Activate?.();
      const s = this.sheetsOf(wb).find((x) => x.Name === first.sheet);
      if (!s) throw new HostError(`找不到工作表“${first.sheet}”。`, [first]);
      s.Activate();
      s.Range(first.address).Select();
    });
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A worksheet, not a chart sheet: Sheets lists both, only worksheets have cells. */
function isWorksheet(s: WpsWorksheet): boolean {
  if (s.Type !== undefined && s.Type !== XL.worksheet) return false;
  try {
    return typeof s.Range === 'function' && !!s.UsedRange;
  } catch {
    return false;
  }
}

function col(c: number): string {
  return a1(0, c).replace(/\d+$/, '');
}

function applyStyle(r: WpsRange, st: CellStyle): void {
  if (st.bold !== undefined) r.Font.Bold = st.bold;
  if (st.fontSize) r.Font.Size = st.fontSize;
  if (st.horizontal) r.HorizontalAlignment = XL[st.horizontal];
  if (st.vertical) r.VerticalAlignment = st.vertical === 'middle' ? XL.center : XL[st.vertical];
  if (st.wrap !== undefined) r.WrapText = st.wrap;
  if (st.fill) r.Interior.Color = bgr(st.fill);
  if (st.border) r.Borders.LineStyle = XL.continuous;
}

/** Blocks without gaps: runs of adjacent listed cells within each row. */
function gapFreeRuns(plan: SheetPlan) {
  const rows = new Map<number, Map<number, SheetPlan['cells'][number]>>();
  for (const c of plan.cells) {
    if (c.value === undefined && c.formula === undefined) continue;
    let m = rows.get(c.row);
    if (!m) rows.set(c.row, (m = new Map<number, SheetPlan['cells'][number]>()));
    m.set(c.col, c);
  }
  const out: { rect: RangeRect; cells: (SheetPlan['cells'][number] | undefined)[][] }[] = [];
  for (const [row, m] of rows) {
    const cols = [...m.keys()].sort((a, b) => a - b);
    let run: number[] = [];
    const flush = () => {
      if (run.length) out.push({ rect: { top: row, left: run[0], bottom: row, right: run[run.length - 1] }, cells: [run.map((c) => m.get(c))] });
      run = [];
    };
    for (const c of cols) {
      if (run.length && c !== run[run.length - 1] + 1) flush();
      run.push(c);
    }
    flush();
  }
  return out;
}
