import { a1, displayText, parseRange, rangeAddress, type CellRef, type CellValue, type RangeRect } from '../../core/cells';
import type { SheetSnapshot } from '../../core/model/snapshot';
import type { CellStyle, SheetPlan, WriteBatch } from '../../core/plan/sheet-plan';
import { HostError, type MarkRequest, type SheetInfo, type WorkbookHost } from '../../core/host';
import { checkBatch } from '../../core/plan/check-batch';
import { MARK_FORMULA, MARK_TAG } from '../spreadsheet-kit/marks';
import { cellContent, charsToPoints, markRects, planBlocks, styleOf, styleRects, widthRuns } from '../spreadsheet-kit/blocks';

/**
 * WorkbookHost over Office.js (Excel desktop, Mac and on the web).
 *
 * Thin and batched: every call queues its commands and syncs once per phase —
 * listSheets 1 sync, readSheets 2 (names and a recalculation, then every used range;
 * more only past Excel's size limits, for constants that look like errors, or when
 * the merged areas fail, see readSheets), apply 2 on ExcelApi 1.1–1.5 (checks, then
 * every write) and 3 from 1.6 (then the recalculation that
 * suspendApiCalculationUntilNextSync leaves to us, with the print setup),
 * mark/clearMarks 2 when the sheet names are known from an earlier call, else 3.
 * src/hosts/README.md has the figures. Features above ExcelApi 1.1 are used only when
 * `isSetSupported` says so; older hosts get a plainer result, never a crash.
 */

/** Where a host keeps small state that must not show on the user's sheets. */
export interface DocumentSettings {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** Persist into the document (Office.context.document.settings.saveAsync). */
  save(): Promise<void>;
}

export interface OfficeHostEnv {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  settings: DocumentSettings;
}

/** Document setting holding the original fills of marked cells (ExcelApi < 1.6). */
export const SAVED_FILLS_KEY = 'juesuan.marks.savedFills';

type SavedFills = Record<string, Record<string, string | null>>;

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** The environment of a running add-in: Excel.run and the document's settings. */
export function officeEnv(): OfficeHostEnv {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => {
      try {
        return !!Office.context.requirements.isSetSupported(name, version);
      } catch {
        return false;
      }
    },
    settings: {
      get: (key) => {
        const v: unknown = Office.context.document.settings.get(key);
        return v === undefined ? null : v;
      },
      set: (key, value) => Office.context.document.settings.set(key, value),
      save: () =>
        new Promise<void>((resolve, reject) =>
          Office.context.document.settings.saveAsync((r) =>
            r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new HostError(`无法保存加载项设置：${r.error?.message ?? '未知错误'}`)),
          ),
        ),
    },
  };
}

/**
 * The oldest perpetual Office whose Excel has an ExcelApi set, after Microsoft's table
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
 * 2016 (MSI/volume licence) 1.1, 2019 1.7, 2021 1.14, 2024 1.17; newer sets only in
 * Microsoft 365 and Excel on the web.
 */
export function officeVersionFor(set: string): string {
  const [major, minor] = set.split('.').map(Number);
  if (major !== 1) return 'Microsoft 365';
  if (minor <= 1) return 'Office 2016 或更新版本';
  if (minor <= 7) return 'Office 2019 或更新版本（或 Microsoft 365）';
  if (minor <= 14) return 'Office 2021 或更新版本（或 Microsoft 365）';
  if (minor <= 17) return 'Office 2024 或 Microsoft 365';
  return 'Microsoft 365 或网页版 Excel';
}

interface OfficeErrorLike {
  code?: string;
  message?: string;
}

/** An Office.js error as a HostError with a Chinese message. */
export function toHostError(e: unknown, doing: string): HostError {
  if (e instanceof HostError) return e;
  const err = (e ?? {}) as OfficeErrorLike;
  const code = err.code ?? '';
  const needed = /ExcelApi (\d+\.\d+)/.exec(err.message ?? '')?.[1];
  const tail = err.message ? `（Excel：${err.message}）` : '';
  switch (code) {
    case 'AccessDenied':
      return new HostError(`${doing}失败：工作簿或工作表受保护，Excel 拒绝了修改。请撤销保护后重试。${tail}`);
    case 'ItemAlreadyExists':
      return new HostError(`${doing}失败：已有同名工作表。${tail}`);
    case 'ItemNotFound':
      return new HostError(`${doing}失败：找不到工作表或单元格，可能已被改名或删除。${tail}`);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'PayloadTooLarge':
      return new HostError(`${doing}失败：一次传送的数据超出 Excel 的上限（网页版 5 MB）。请分批操作。${tail}`);
    case 'ApiNotFound':
      return new HostError(`${doing}失败：当前 Excel 版本不支持所需的功能${needed ? `（需要 ExcelApi ${needed}，即 ${officeVersionFor(needed)}）` : ''}。${tail}`);
    default:
      return new HostError(`${doing}失败：${err.message ?? String(e)}`);
  }
}

export class OfficeHost implements WorkbookHost {
  readonly kind = 'office';
  /** Sheet names from the latest call, to save a round trip in mark/clearMarks. */
  private names: string[] | null = null;
  /** apply() suspended calculation and its recalculation has not been confirmed yet. */
  private calcPending = false;
  private readonly sets = new Map<string, boolean>();
  /** Round trips of the latest readSheets: all, refused as too large, and the largest row block when read in blocks. */
  lastRead: ReadStats | null = null;
  /** Things apply() could not do but did not refuse over (e.g. print setup), in Chinese. */
  readonly warnings: string[] = [];

  constructor(private readonly env: OfficeHostEnv = officeEnv()) {}

  /** Whether ExcelApi `version` is available (cached). */
  api(version: string): boolean {
    let ok = this.sets.get(version);
    if (ok === undefined) {
      ok = this.env.isSetSupported('ExcelApi', version);
      this.sets.set(version, ok);
    }
    return ok;
  }

  private async run<T>(doing: string, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.env.run(batch);
    } catch (e) {
      throw toHostError(e, doing);
    }
  }

  async isStructureProtected(): Promise<boolean> {
    if (!this.api('1.7')) return false; // not knowable before ExcelApi 1.7; apply() then reports Excel's refusal
    return this.run('读取工作簿保护状态', async (ctx) => {
      const p = ctx.workbook.protection;
      p.load('protected');
      await ctx.sync();
      return !!p.protected;
    });
  }

  private loadSheetList(ctx: Excel.RequestContext): Excel.WorksheetCollection {
    const ws = ctx.workbook.worksheets;
    ws.load(this.api('1.2') ? 'items/name,items/position,items/visibility,items/protection/protected' : 'items/name,items/position,items/visibility');
    return ws;
  }

  private sheetInfos(ws: Excel.WorksheetCollection): SheetInfo[] {
    const list = ws.items.map((w, i) => ({
      name: w.name,
      index: typeof w.position === 'number' ? w.position : i,
      protected: this.api('1.2') ? !!w.protection.protected : false,
      visible: w.visibility === undefined || w.visibility === 'Visible',
    }));
    list.sort((a, b) => a.index - b.index);
    this.names = list.map((s) => s.name);
    return list;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run('读取工作表列表', async (ctx) => {
      const ws = this.loadSheetList(ctx);
      await ctx.sync();
      return this.sheetInfos(ws);
    });
  }

  /**
   * 2 syncs: the sheet names (with a recalculation, see below), then every used
   * range's values and formulas (and merged areas). Past Excel's limits — on the web a
   * 5 MB response, anywhere 5,000,000 cells per range (RangeExceedsLimit), and the
   * GeneralException or null values some builds answer instead — the read goes by row
   * blocks (readRows): 1 sync for the extents, then as many blocks per sync as the
   * budget allows, stitched into one snapshot per sheet. Merged areas fail past 512 on
   * a sheet (GeneralException): then the read is repeated without them (+1 sync), and
   * only the merge information is lost. One more small sync loads the value types of
   * constant cells whose text looks like an error (confirmErrors). `lastRead` reports
   * the syncs.
   *
   * Stale totals: in manual calculation (and after suspendApiCalculationUntilNextSync)
   * formulas hold old values. Sync 1 therefore also asks for a recalculation
   * (application.calculate, ExcelApi 1.1; "Recalculate" touches only dirty cells, so
   * in automatic mode it costs nothing). If Excel refuses it, sync 1 is repeated without
   * it; when the workbook is then in manual calculation the read stops with a message
   * that the figures may be stale, never hands them out silently.
   */
  async readSheets(names?: string[]): Promise<SheetSnapshot[]> {
    return this.run('读取工作表', async (ctx) => {
      const stats: ReadStats = { syncs: 0, refused: 0, blockRows: 0 };
      this.lastRead = stats;
      const sync = async () => {
        stats.syncs++;
        try {
          await ctx.sync();
        } catch (e) {
          if (isSizeRefusal(e)) stats.refused++;
          throw e;
        }
      };
      const first = (recalc: boolean) => {
        const app = ctx.workbook.application;
        if (recalc) app.calculate('Recalculate');
        app.load('calculationMode');
        return { app, ws: this.loadSheetList(ctx) };
      };
      let loaded = first(true);
      try {
        await sync(); // 1: recalculation, calculation mode, names and protection
        this.calcPending = false;
      } catch (e) {
        loaded = first(false);
        await sync();
        if (loaded.app.calculationMode !== 'Automatic' || this.calcPending) {
          throw new HostError(
            `读取工作表失败：工作簿处于手动计算模式（或刚写入的公式尚未计算），Excel 拒绝了重新计算（${(e as OfficeErrorLike)?.message ?? String(e)}），表中的合计可能不是最新的，未作校验。请按 F9 重新计算后重试。`,
          );
        }
      }
      const ws = loaded.ws;
      const infos = this.sheetInfos(ws);
      const wanted = names ? new Set(names) : null;
      const targets = ws.items.filter((w) => !wanted || wanted.has(w.name));
      let merges = this.api('1.13');
      let read: SheetRead[];
      try {
        read = await this.readWhole(sync, targets, merges); // 2: every used range at once
      } catch (e) {
        if (!isSizeRefusal(e)) throw e;
        if (merges && isGeneralException(e)) {
          // more than 512 merged areas on a sheet, or a response too large: try without merges
          merges = false;
          try {
            read = await this.readWhole(sync, targets, false);
          } catch (e2) {
            if (!isSizeRefusal(e2)) throw e2;
            read = await this.readInBlocks(sync, targets, stats, false);
          }
        } else read = await this.readInBlocks(sync, targets, stats, merges);
      }
      await this.confirmErrors(sync, targets, read); // only when a value looks like "#REF!"
      const prot = new Map(infos.map((s) => [s.name, s.protected]));
      const out = targets.map((w, i) => {
        const snap = snapshotOf(w.name, read[i], prot.get(w.name) ?? false);
        // visibility (ExcelApi 1.1) came with the sheet list in sync 1.
        if (w.visibility === 'Hidden' || w.visibility === 'VeryHidden') snap.hidden = true;
        const m = read[i].merges;
        if (m !== undefined) snap.merges = m;
        return snap;
      });
      if (names) {
        const order = new Map(names.map((n, i) => [n, i]));
        out.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
      }
      return out;
    });
  }

  private usedRange(w: Excel.Worksheet): Excel.Range {
    return this.api('1.4') ? w.getUsedRangeOrNullObject(true) : w.getUsedRange();
  }

  /** Merged areas (ExcelApi 1.13) help the reader with foreign header layouts. */
  private loadMerges(w: Excel.Worksheet, merges: boolean): Excel.RangeAreas | null {
    if (!merges || !this.api('1.13')) return null;
    const m = w.getRange().getMergedAreasOrNullObject();
    m.load('address');
    return m;
  }

  /** The common case: every used range's values and formulas in one sync. */
  private async readWhole(sync: () => Promise<void>, targets: Excel.Worksheet[], merges: boolean): Promise<SheetRead[]> {
    const queued = targets.map((w) => {
      const r = this.usedRange(w);
      r.load('values,formulas,rowIndex,columnIndex');
      return { r, m: this.loadMerges(w, merges) };
    });
    if (targets.length) await sync();
    // A large range may come back with null values instead of a refusal: read it in blocks.
    if (queued.some(({ r }) => !(r as { isNullObject?: boolean }).isNullObject && (!Array.isArray(r.values) || !Array.isArray(r.formulas)))) {
      throw new NullValues();
    }
    return queued.map(({ r, m }) => {
      const read: SheetRead = (r as { isNullObject?: boolean }).isNullObject
        ? { top: 0, left: 0, values: [], formulas: [] }
        : { top: r.rowIndex, left: r.columnIndex, values: r.values as unknown[][], formulas: r.formulas as unknown[][] };
      read.merges = mergesOf(m);
      return read;
    });
  }

  /**
   * Past the response limit: the used ranges' extents first (and the merged areas),
   * then their rows in blocks, as many blocks per sync as the budget allows. The
   * budget (cells per sync) starts at half the refused read and halves on each
   * refusal; an accepted size is kept for the rest.
   */
  private async readInBlocks(sync: () => Promise<void>, targets: Excel.Worksheet[], stats: ReadStats, merges: boolean): Promise<SheetRead[]> {
    const extents = (withMerges: boolean) =>
      targets.map((w) => {
        const r = this.usedRange(w);
        r.load('rowIndex,columnIndex,rowCount,columnCount');
        return { r, m: this.loadMerges(w, withMerges) };
      });
    let queued = extents(merges);
    try {
      await sync(); // the extents: a few bytes per sheet
    } catch (e) {
      if (!merges || !isGeneralException(e)) throw e;
      queued = extents(false); // more than 512 merged areas: without them
      await sync();
    }
    const pieces: Piece[] = [];
    const reads: SheetRead[] = queued.map(({ r, m }, i) => {
      const read: SheetRead = { top: 0, left: 0, values: [], formulas: [], merges: mergesOf(m) };
      if ((r as { isNullObject?: boolean }).isNullObject || !r.rowCount || !r.columnCount) return read;
      read.top = r.rowIndex;
      read.left = r.columnIndex;
      pieces.push({ key: i, sheet: targets[i], top: r.rowIndex, left: r.columnIndex, rows: r.rowCount, cols: r.columnCount });
      return read;
    });
    const total = pieces.reduce((n, p) => n + p.rows * p.cols, 0);
    const parts = await readRows(sync, pieces, 'values,formulas', Math.max(1, Math.floor(total / 2)));
    stats.blockRows = parts.reduce((n, p) => Math.max(n, p.piece.rows), 0);
    for (const { key, range } of parts) {
      const read = reads[key];
      for (const row of range.values as unknown[][]) read.values.push(row);
      for (const row of range.formulas as unknown[][]) read.formulas.push(row);
    }
    return reads;
  }

  /**
   * The read leaves out valueTypes (57 % of the response, nearly all of it "Empty",
   * "Double" and "String"): an error shows in values as its text ("#REF!"). A formula
   * cell showing such a text is taken as an error (snapshotOf); a constant one may be
   * a typed error or a text ("'#N/A"), so the value types of those cells alone are
   * loaded — one more sync, and none at all when no constant looks like an error.
   */
  private async confirmErrors(sync: () => Promise<void>, targets: Excel.Worksheet[], reads: SheetRead[]): Promise<void> {
    const pieces: Piece[] = [];
    reads.forEach((read, key) => {
      let run: Piece | null = null;
      read.values.forEach((row, i) => {
        let lo = -1;
        let hi = -1;
        row.forEach((v, j) => {
          if (typeof v === 'string' && ERROR_LIKE.test(v) && !isFormula(v, read.formulas[i]?.[j])) {
            if (lo < 0) lo = j;
            hi = j;
          }
        });
        if (lo < 0) return;
        const top = read.top + i;
        // Rows close together share one rectangle: fewer ranges in the request.
        if (run && top - (run.top + run.rows) <= 16) {
          const right = Math.max(run.left + run.cols, read.left + hi + 1);
          run.left = Math.min(run.left, read.left + lo);
          run.cols = right - run.left;
          run.rows = top - run.top + 1;
        } else {
          run = { key, sheet: targets[key], top, left: read.left + lo, rows: 1, cols: hi - lo + 1 };
          pieces.push(run);
        }
      });
    });
    if (!pieces.length) return;
    for (const { key, piece, range } of await readRows(sync, pieces, 'valueTypes', Infinity)) {
      const read = reads[key];
      (range.valueTypes as string[][]).forEach((row, i) =>
        row.forEach((t, j) => {
          if (t === 'Error') (read.errors ??= new Set()).add(`${piece.top + i - read.top},${piece.left + j - read.left}`);
        }),
      );
    }
  }

  /**
   * 2 syncs (checks, then every write); from ExcelApi 1.6 a third: calculation is
   * suspended during the write (suspendApiCalculationUntilNextSync), which leaves the
   * recalculation to us, queued with the print setup (ExcelApi 1.9). When the write
   * fails, the sheets this call added are deleted again (2 more syncs), so nothing is
   * left half-written and a retry does not meet 已有同名工作表.
   */
  async apply(batch: WriteBatch): Promise<void> {
    const plans = [...batch.create, ...batch.update];
    if (!plans.length && !batch.activate) return;
    let checked = false;
    let before: string[] = [];
    try {
      await this.env.run(async (ctx) => {
        const ws = this.loadSheetList(ctx);
        let prot: Excel.WorkbookProtection | null = null;
        if (this.api('1.7')) {
          prot = ctx.workbook.protection;
          prot.load('protected');
        }
        await ctx.sync(); // 1: checks
        const infos = this.sheetInfos(ws);
        before = infos.map((s) => s.name);
        const refusal = checkBatch(batch, infos, !!prot?.protected);
        if (refusal) throw refusal;
        checked = true;

        const suspend = this.api('1.6');
        if (suspend) ctx.workbook.application.suspendApiCalculationUntilNextSync();
        // Sheets first: if Excel refuses one (structure protection on ExcelApi < 1.7),
        // it does so before any cell is written; and cross-sheet formulas find their sheets.
        const created = batch.create.map((p) => ws.add(p.name));
        batch.create.forEach((p, i) => this.writePlan(created[i], p));
        for (const p of batch.update) this.writePlan(ws.getItem(p.name), p);
        if (batch.activate) {
          const i = batch.create.findIndex((p) => p.name === batch.activate);
          (i >= 0 ? created[i] : ws.getItem(batch.activate)).activate();
        }
        if (suspend) this.calcPending = true;
        await ctx.sync(); // 2: everything
        this.names = [...before, ...batch.create.map((p) => p.name)];
        // 3: the recalculation the suspension leaves to us, and print setup (ExcelApi 1.9)
        // on its own: a printer-dependent refusal must not undo the tables, and the
        // tables are complete without it.
        const printing = [...batch.create.map((p, i) => [created[i], p] as const), ...batch.update.map((p) => [ws.getItem(p.name), p] as const)];
        const print = this.api('1.9') && printing.some(([, p]) => p.print);
        if (suspend) ctx.workbook.application.calculate('Recalculate');
        if (print) for (const [sheet, p] of printing) if (p.print) this.queuePrint(sheet, p.print);
        if (suspend || print) {
          try {
            await ctx.sync();
            this.calcPending = false;
          } catch (e) {
            this.warnings.push(`${print ? '打印设置未能应用' : '重新计算未能完成'}：${(e as OfficeErrorLike)?.message ?? String(e)}`);
          }
        }
      });
    } catch (e) {
      const err = toHostError(e, '写入工作表');
      if (checked && !(e instanceof HostError)) {
        const removed = batch.create.length
          ? await this.removeAdded(
              batch.create.map((p) => p.name),
              before,
            )
          : false;
        const tail = batch.update.length
          ? ' 已有工作表的写入可能只完成了一部分，请检查工作簿。'
          : removed
            ? ' 已删除本次新增的工作表，工作簿保持原样，可直接重试。'
            : ' 写入可能只完成了一部分，请检查工作簿。';
        throw new HostError(`${err.message}${tail}`, err.cells);
      }
      throw err;
    }
  }

  /** Delete the sheets a failed apply added (names not there before): 2 syncs. Whether it worked. */
  private async removeAdded(names: string[], before: string[]): Promise<boolean> {
    const had = new Set(before.map((n) => n.toLowerCase()));
    const ours = new Set(names.map((n) => n.toLowerCase()).filter((n) => !had.has(n)));
    try {
      await this.env.run(async (ctx) => {
        const ws = ctx.workbook.worksheets;
        ws.load('items/name');
        await ctx.sync();
        for (const w of ws.items) if (ours.has(w.name.toLowerCase())) w.delete();
        await ctx.sync();
      });
      this.names = null;
      return true;
    } catch {
      return false;
    }
  }

  /** Queue one plan's writes: values/formulas and number formats by whole blocks, then formats (print setup apart). */
  private writePlan(sheet: Excel.Worksheet, plan: SheetPlan): void {
    for (const block of planBlocks(plan.cells)) {
      const range = sheet.getRange(rangeAddress(block.rect));
      const formats = block.cells.map((row) => row.map((c) => styleOf(plan, c)?.numberFormat ?? null));
      if (formats.some((row) => row.some((f) => f !== null))) range.numberFormat = formats as string[][];
      const content = block.cells.map((row) => row.map((c) => (c ? cellContent(c, styleOf(plan, c)) : null)));
      if (content.some((row) => row.some((v) => v !== null))) range.formulas = content;
    }
    for (const [key, rects] of styleRects(plan.cells)) {
      const st = plan.styles[key];
      if (!st) continue;
      for (const rect of rects) applyStyle(sheet.getRange(rangeAddress(rect)), st, rect);
    }
    for (const m of plan.merges) {
      const range = sheet.getRange(rangeAddress(m));
      if (this.api('1.2')) range.merge(false);
      else if (m.top === m.bottom) range.format.horizontalAlignment = 'CenterAcrossSelection';
    }
    // column widths and row heights need ExcelApi 1.2: on Excel 2016 (1.1) the tables
    // come without them rather than not at all
    if (plan.columnWidths && this.api('1.2')) {
      for (const [l, r, w] of widthRuns(plan.columnWidths)) {
        sheet.getRange(`${colName(l)}:${colName(r)}`).format.columnWidth = charsToPoints(w);
      }
    }
    if (plan.rowHeights && this.api('1.2')) {
      for (const [row, h] of Object.entries(plan.rowHeights)) {
        const n = Number(row) + 1;
        sheet.getRange(`${n}:${n}`).format.rowHeight = h;
      }
    }
    if (plan.freeze && this.api('1.7') && (plan.freeze.rows > 0 || plan.freeze.cols > 0)) {
      const { rows, cols } = plan.freeze;
      if (rows > 0 && cols > 0) sheet.freezePanes.freezeAt(sheet.getRange(`A1:${a1(rows - 1, cols - 1)}`));
      else if (rows > 0) sheet.freezePanes.freezeRows(rows);
      else sheet.freezePanes.freezeColumns(cols);
    }
  }

  /** Page setup: A4, orientation, all columns on one page wide (0 pages tall = automatic), title rows. */
  private queuePrint(sheet: Excel.Worksheet, print: NonNullable<SheetPlan['print']>): void {
    const pl = sheet.pageLayout;
    pl.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    pl.paperSize = 'A4';
    if (print.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (print.titleRows) pl.setPrintTitleRows(`$${print.titleRows[0] + 1}:$${print.titleRows[1] + 1}`);
  }

  async mark(request: MarkRequest): Promise<void> {
    if (this.api('1.6')) return this.withNames('标记单元格', (ctx, names) => this.markByConditionalFormat(ctx, names, request));
    return this.run('标记单元格', (ctx) => this.markByFill(ctx, request));
  }

  async clearMarks(): Promise<void> {
    if (this.api('1.6')) {
      await this.withNames('清除标记', (ctx, names) => this.markByConditionalFormat(ctx, names, null));
    }
    if (this.env.settings.get(SAVED_FILLS_KEY)) await this.run('清除标记', (ctx) => this.markByFill(ctx, null));
  }

  /**
   * Run with the sheet names: the cached ones (one round trip saved), else loaded
   * first; a stale cache (a sheet renamed since) is dropped and the batch retried.
   */
  private async withNames(doing: string, body: (ctx: Excel.RequestContext, names: string[]) => Promise<void>): Promise<void> {
    const attempt = (cached: string[] | null) =>
      this.env.run(async (ctx) => {
        let names = cached;
        if (!names) {
          const ws = this.loadSheetList(ctx);
          await ctx.sync();
          names = this.sheetInfos(ws).map((s) => s.name);
        }
        await body(ctx, names);
      });
    try {
      await attempt(this.names);
    } catch (e) {
      if (this.names && (e as OfficeErrorLike)?.code === 'ItemNotFound') {
        this.names = null;
        try {
          await attempt(null);
          return;
        } catch (e2) {
          throw toHostError(e2, doing);
        }
      }
      throw toHostError(e, doing);
    }
  }

  /** Remove our conditional formats everywhere, then (request) add new ones: 2 syncs. */
  private async markByConditionalFormat(ctx: Excel.RequestContext, names: string[], request: MarkRequest | null): Promise<void> {
    const sheets = ctx.workbook.worksheets;
    const collections = names.map((n) => {
      const cfs = sheets.getItem(n).getRange().conditionalFormats;
      cfs.load('items/type,items/customOrNullObject/rule/formula');
      return cfs;
    });
    await ctx.sync();
    for (const cfs of collections) {
      for (const cf of cfs.items) {
        if (cf.type !== 'Custom') continue;
        const custom = cf.customOrNullObject;
        if (!custom || custom.isNullObject) continue;
        const formula = custom.rule?.formula;
        // request.keep: add to the marks already there (e.g. suspects over their consequences)
        if (typeof formula === 'string' && formula.includes(MARK_TAG) && !request?.keep) cf.delete();
      }
    }
    if (request) {
      const known = new Set(names);
      for (const [sheet, rects] of markRects(request.cells)) {
        if (!known.has(sheet)) throw new HostError(`找不到工作表“${sheet}”，无法标记。`);
        for (const rect of rects) {
          const cf = sheets.getItem(sheet).getRange(rangeAddress(rect)).conditionalFormats.add('Custom');
          cf.custom.rule.formula = MARK_FORMULA;
          cf.custom.format.fill.color = request.color;
          // first in order, so that a user's own rule on the same cells does not hide the mark
          // (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-priority-member)
          cf.priority = 0;
        }
      }
    }
    await ctx.sync();
  }

  /**
   * ExcelApi 1.1–1.5: no conditional formats. Each cell's own fill is read and saved
   * in a document setting (invisible on the sheets) BEFORE the mark is painted, so
   * that a paint that fails half-way, or a pane closed in between, never loses the
   * user's fills; clearing restores them and forgets them only after that worked.
   *
   * The colour is kept as Excel reports it. Below ExcelApi 1.9 (RangeFill.tintAndShade)
   * Excel reports "#FFFFFF" both for no fill and for an explicit white fill
   * (https://github.com/OfficeDev/office-js/issues/6218): that one value is restored as
   * "no fill" (RangeFill.clear), which is what nearly every such cell had.
   */
  private async markByFill(ctx: Excel.RequestContext, request: MarkRequest | null): Promise<void> {
    const saved: SavedFills = (this.env.settings.get(SAVED_FILLS_KEY) as SavedFills | null) ?? {};
    const wanted = new Map<string, Set<string>>();
    for (const c of request?.cells ?? []) {
      for (const addr of expandCells(c.address)) {
        let s = wanted.get(c.sheet);
        if (!s) wanted.set(c.sheet, (s = new Set()));
        s.add(addr);
      }
    }
    const sheets = ctx.workbook.worksheets;
    // 1: read the fills of cells not marked yet
    const reads: { sheet: string; address: string; fill: Excel.RangeFill }[] = [];
    for (const [sheet, addrs] of wanted) {
      for (const address of addrs) {
        if (saved[sheet] && address in saved[sheet]) continue;
        const fill = sheets.getItem(sheet).getRange(address).format.fill;
        fill.load('color');
        reads.push({ sheet, address, fill });
      }
    }
    if (reads.length) await ctx.sync();
    // 2: save every original fill (old and new) before any cell is painted
    const all: SavedFills = {};
    for (const [sheet, cells] of Object.entries(saved)) all[sheet] = { ...cells };
    for (const r of reads) (all[r.sheet] ??= {})[r.address] = noFill(r.fill.color) ? null : r.fill.color;
    if (reads.length) {
      this.env.settings.set(SAVED_FILLS_KEY, all);
      await this.env.settings.save();
    }
    // 3: restore cells no longer marked, paint the new ones
    const next: SavedFills = {};
    for (const [sheet, cells] of Object.entries(all)) {
      for (const [address, color] of Object.entries(cells)) {
        if (wanted.get(sheet)?.has(address) || request?.keep) (next[sheet] ??= {})[address] = color;
        else restoreFill(sheets.getItem(sheet).getRange(address).format.fill, color);
      }
    }
    for (const [sheet, addrs] of wanted) {
      for (const address of addrs) sheets.getItem(sheet).getRange(address).format.fill.color = request!.color;
    }
    await ctx.sync();
    // 4: forget the restored ones
    this.env.settings.set(SAVED_FILLS_KEY, Object.keys(next).length ? next : null);
    await this.env.settings.save();
  }

  async select(cells: CellRef[]): Promise<void> {
    const first = cells[0];
    if (!first) return;
    await this.run('选择单元格', async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem(first.sheet);
      sheet.activate();
      sheet.getRange(first.address).select();
      await ctx.sync();
    });
  }
}

function colName(col: number): string {
  return a1(0, col).replace(/\d+$/, '');
}

function applyStyle(range: Excel.Range, st: CellStyle, rect: RangeRect): void {
  const f = range.format;
  if (st.bold !== undefined) f.font.bold = st.bold;
  if (st.fontSize) f.font.size = st.fontSize;
  if (st.horizontal) f.horizontalAlignment = H_ALIGN[st.horizontal];
  if (st.vertical) f.verticalAlignment = V_ALIGN[st.vertical];
  if (st.wrap !== undefined) f.wrapText = st.wrap;
  if (st.fill) f.fill.color = st.fill;
  if (st.border) {
    const edges: Excel.BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as Excel.BorderIndex[];
    if (rect.bottom > rect.top) edges.push('InsideHorizontal' as Excel.BorderIndex);
    if (rect.right > rect.left) edges.push('InsideVertical' as Excel.BorderIndex);
    for (const e of edges) f.borders.getItem(e).style = 'Continuous';
  }
}

/**
 * Refusals of a read over Excel's limits: the 5 MB response on the web
 * (ResponsePayloadSizeLimitExceeded), 5,000,000 cells per range (RangeExceedsLimit),
 * GeneralException, which some builds answer for a large payload instead, and null
 * values for a range too large
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 * https://learn.microsoft.com/office/dev/add-ins/testing/office-js-api-errors).
 */
function isSizeRefusal(e: unknown): boolean {
  return e instanceof NullValues || /PayloadSizeLimitExceeded|PayloadTooLarge|RangeExceedsLimit|GeneralException/.test((e as OfficeErrorLike)?.code ?? '');
}

function isGeneralException(e: unknown): boolean {
  return (e as OfficeErrorLike)?.code === 'GeneralException';
}

/** A read that came back with null values: taken as a refusal, the range is read in smaller blocks. */
class NullValues extends Error {
  readonly code = 'NullValues';
  constructor() {
    super('Excel returned null values for a large range');
  }
}

/** A value that may be an error ("#DIV/0!", "#N/A", "#GETTING_DATA"): its valueType tells. */
const ERROR_LIKE = /^#[A-Za-z0-9_/]+[!?]?$/;

/** Whether a cell holds a formula: a text starting with "=" comes back as itself in formulas. */
function isFormula(v: unknown, f: unknown): boolean {
  return typeof f === 'string' && f.startsWith('=') && v !== f;
}

export interface ReadStats {
  /** context.sync() calls, refused ones included. */
  syncs: number;
  /** Of which Excel refused as too large (5 MB on the web). */
  refused: number;
  /** Rows of the largest block when the used ranges were read in row blocks, else 0. */
  blockRows: number;
}

/** What the host read of one sheet's used range (rows in sheet order). */
interface SheetRead {
  top: number;
  left: number;
  values: unknown[][];
  formulas: unknown[][];
  /** Cells (`row,col`, relative to top/left) whose valueType is Error. */
  errors?: Set<string>;
  merges?: RangeRect[];
}

/** Rows top..top+rows-1 and columns left..left+cols-1 of a sheet, for reads[key]. */
interface Piece {
  key: number;
  sheet: Excel.Worksheet;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/**
 * Load `props` of every piece, in row blocks: each sync takes blocks up to `budget`
 * cells (a single row when even one is over it). When Excel refuses a response as too
 * large, the budget halves and the same blocks are taken again, smaller; once accepted,
 * the size is kept. A refused single row is Excel's refusal to report. The blocks come
 * back in piece order, rows in order.
 */
async function readRows(sync: () => Promise<void>, pieces: Piece[], props: string, budget: number): Promise<{ key: number; piece: Piece; range: Excel.Range }[]> {
  const out: { key: number; piece: Piece; range: Excel.Range }[] = [];
  let queue = pieces.map((p) => ({ ...p }));
  while (queue.length) {
    const saved = queue.map((p) => ({ ...p }));
    const batch: { key: number; piece: Piece; range: Excel.Range }[] = [];
    let cells = 0;
    while (queue.length) {
      const p = queue[0];
      let n = Math.min(p.rows, Math.floor((budget - cells) / p.cols));
      if (n <= 0) {
        if (batch.length) break;
        n = 1;
      }
      const block: Piece = { ...p, rows: n };
      const range = p.sheet.getRange(rangeAddress({ top: p.top, left: p.left, bottom: p.top + n - 1, right: p.left + p.cols - 1 }));
      range.load(props);
      batch.push({ key: p.key, piece: block, range });
      cells += n * p.cols;
      if (n === p.rows) queue.shift();
      else {
        p.top += n;
        p.rows -= n;
      }
    }
    try {
      await sync();
      if (batch.some((b) => props.split(',').some((p) => !Array.isArray((b.range as unknown as Record<string, unknown>)[p])))) throw new NullValues();
    } catch (e) {
      if (!isSizeRefusal(e) || (batch.length === 1 && batch[0].piece.rows === 1))
        throw e instanceof NullValues ? new HostError('读取工作表失败：Excel 对单行数据也返回了空值，无法读取。') : e;
      budget = Math.max(1, Math.floor(cells / 2));
      queue = saved;
      continue;
    }
    for (const b of batch) out.push(b);
  }
  return out;
}

function mergesOf(m: Excel.RangeAreas | null): RangeRect[] | undefined {
  if (!m) return undefined;
  return !m.isNullObject && m.address ? parseAreas(m.address) : [];
}

/** A used range as a snapshot: errors as {error}, empty as null, formulas kept. */
function snapshotOf(name: string, r: SheetRead, isProtected: boolean): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  r.values.forEach((row, i) => {
    const vRow: CellValue[] = [];
    const fRow: (string | null)[] = [];
    row.forEach((v, j) => {
      let cell: CellValue;
      const f = r.formulas[i]?.[j];
      const formula = isFormula(v, f);
      if (r.errors?.has(`${i},${j}`) || (formula && typeof v === 'string' && ERROR_LIKE.test(v))) cell = { error: String(v) };
      else if (v === '' || v === undefined || v === null) cell = null;
      else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') cell = v;
      else cell = displayText(v);
      vRow.push(cell);
      fRow.push(formula ? (f as string) : null);
    });
    values.push(vRow);
    formulas.push(fRow);
  });
  return { name, top: r.top, left: r.left, values, formulas, protected: isProtected };
}

/** "Sheet1!A1:B2,'公开 01'!C3:D3" -> rectangles (the sheet part is dropped). */
export function parseAreas(address: string): RangeRect[] {
  const out: RangeRect[] = [];
  // Split at commas outside quoted sheet names.
  let part = '';
  let quoted = false;
  const flush = () => {
    const a = part.trim();
    part = '';
    if (!a) return;
    const bang = a.lastIndexOf('!');
    out.push(parseRange(bang >= 0 ? a.slice(bang + 1) : a));
  };
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) flush();
    else part += ch;
  }
  flush();
  return out;
}

function expandCells(address: string): string[] {
  const r = parseRange(address);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(a1(row, col));
  return out;
}

/** Put back a saved fill: the colour as it was read; none (and Excel's "#FFFFFF" for none) as no fill. */
function restoreFill(fill: Excel.RangeFill, color: string | null): void {
  if (noFill(color)) fill.clear();
  else fill.color = color!;
}

/** No fill as Excel reports it before ExcelApi 1.9: "#FFFFFF" (or nothing). */
function noFill(color: string | null | undefined): boolean {
  return !color || /^#?ffffff$/i.test(color);
}
