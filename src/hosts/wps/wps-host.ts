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
 * typings are in the npm package et-jsapi-declare (not a dependency).
 *
 * WPS calls are synchronous and in-process, so "batching" means: whole-rectangle
 * Value2/Formula reads and writes, screen updating off while writing, and every
 * check done before the first write.
 */

export interface WpsRange {
  Value2: unknown;
  Formula: unknown;
  NumberFormat: unknown;
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
  Delete(): void;
}

export interface WpsFormatConditions {
  Count: number;
  Item(index: number): WpsFormatCondition;
  Add(type: number, operator?: number, formula1?: string): WpsFormatCondition;
}

export interface WpsWorksheet {
  Name: string;
  Index: number;
  Visible: number | boolean;
  ProtectContents: boolean;
  UsedRange: WpsRange;
  Cells: WpsRange;
  Range(address: string): WpsRange;
  Activate(): void;
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
  Sheets: WpsSheets;
  ProtectStructure: boolean;
}

export interface WpsApplication {
  ActiveWorkbook: WpsWorkbook | null;
  ActiveWindow?: { SplitRow: number; SplitColumn: number; FreezePanes: boolean };
  ScreenUpdating?: boolean;
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

/** A 1×1 or r×c COM result as a 2-D array. */
function grid(v: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v)) return (v as unknown[]).map((row) => (Array.isArray(row) ? (row as unknown[]) : [row]));
  if (rows === 1 && cols === 1) return [[v]];
  return Array.from({ length: rows }, () => new Array<unknown>(cols).fill(null));
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

  constructor(private readonly app: WpsApplication = (globalThis as unknown as { Application: WpsApplication }).Application) {}

  private book(): WpsWorkbook {
    const wb = this.app?.ActiveWorkbook;
    if (!wb) throw new HostError('WPS 中没有打开的工作簿，请先打开或新建一个工作簿。');
    return wb;
  }

  private sheets(): WpsWorksheet[] {
    const s = this.book().Sheets;
    const out: WpsWorksheet[] = [];
    for (let i = 1; i <= s.Count; i++) out.push(s.Item(i));
    return out;
  }

  private guard<T>(doing: string, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError(`${doing}失败：${(e as Error)?.message ?? String(e)}`);
    }
  }

  async isStructureProtected(): Promise<boolean> {
    return this.guard('读取工作簿保护状态', () => !!this.book().ProtectStructure);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.guard('读取工作表列表', () =>
      this.sheets().map((s, i) => ({
        name: s.Name,
        index: i,
        protected: !!s.ProtectContents,
        visible: s.Visible === true || s.Visible === XL.sheetVisible,
      })),
    );
  }

  async readSheets(names?: string[]): Promise<SheetSnapshot[]> {
    return this.guard('读取工作表', () => {
      const all = this.sheets();
      const targets = names
        ? names.map((n) => all.find((s) => s.Name === n)).filter((s): s is WpsWorksheet => !!s)
        : all;
      return targets.map((s) => {
        const used = s.UsedRange;
        const rows = used.Rows.Count;
        const cols = used.Columns.Count;
        const vals = grid(used.Value2, rows, cols);
        const fs = grid(used.Formula, rows, cols);
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
    const wb = this.book();
    const existing = this.sheets();
    const refusal = checkBatch(
      batch,
      existing.map((s) => ({ name: s.Name, protected: !!s.ProtectContents })),
      !!wb.ProtectStructure,
    );
    if (refusal) throw refusal;
    const screen = this.app.ScreenUpdating;
    let started = false;
    try {
      if (screen !== undefined) this.app.ScreenUpdating = false;
      started = true;
      let last = existing[existing.length - 1];
      for (const p of batch.create) {
        const s = wb.Sheets.Add(undefined, last, 1); // undefined = an omitted COM argument; null would be a value
        s.Name = p.name;
        last = s;
        this.writePlan(s, p, true);
      }
      for (const p of batch.update) {
        const s = existing.find((x) => x.Name.toLowerCase() === p.name.toLowerCase())!;
        this.writePlan(s, p, false);
      }
      if (batch.activate) wb.Sheets.Item(batch.activate).Activate();
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError(
        `写入工作表失败：${(e as Error)?.message ?? String(e)}${started ? ' 写入可能只完成了一部分，请检查工作簿。' : ''}`,
      );
    } finally {
      if (screen !== undefined) this.app.ScreenUpdating = screen;
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
        this.warnings.push(`工作表“${plan.name}”的打印设置未能应用：${(e as Error)?.message ?? String(e)}`);
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
      const all = this.sheets();
      const byName = new Map(all.map((s) => [s.Name, s]));
      for (const c of request.cells) {
        if (!byName.has(c.sheet)) throw new HostError(`找不到工作表“${c.sheet}”，无法标记。`, [c]);
      }
      this.removeMarks(all);
      for (const [sheet, rects] of markRects(request.cells)) {
        const s = byName.get(sheet)!;
        for (const r of rects) {
          const fc = s.Range(rangeAddress(r)).FormatConditions.Add(XL.expression, undefined, MARK_FORMULA);
          fc.Interior.Color = color;
        }
      }
    });
  }

  async clearMarks(): Promise<void> {
    this.guard('清除标记', () => this.removeMarks(this.sheets()));
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
      const s = this.sheets().find((x) => x.Name === first.sheet);
      if (!s) throw new HostError(`找不到工作表“${first.sheet}”。`, [first]);
      s.Activate();
      s.Range(first.address).Select();
    });
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
