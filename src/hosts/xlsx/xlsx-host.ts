import * as fs from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { a1, displayText, parseRange, rangeAddress, type CellRef, type CellValue, type RangeRect } from '../../core/cells';
import type { SheetSnapshot } from '../../core/model/snapshot';
import type { CellStyle, CellWrite, SheetPlan, WriteBatch } from '../../core/plan/sheet-plan';
import { sheetNameProblem } from '../../core/plan/sheet-name';
import { HostError, type MarkRequest, type SheetInfo, type WorkbookHost } from '../../core/host';
import { readWorkbookProtection, restoreWorkbookProtection } from './workbook-protection';

/**
 * The .xlsx host: a WorkbookHost over an ExcelJS workbook held in memory, opened
 * from a file or a buffer and saved back to a file. Used by the `juesuan` CLI and
 * by tests that need a real file (LibreOffice recalculation).
 *
 * ExcelJS does not keep the workbook-structure protection (<workbookProtection>);
 * the host reads it from the package itself and puts it back when saving.
 */

/** The expression our highlight rules carry, so clearMarks() removes only ours. */
export const MARK_EXPRESSION = 'ISTEXT("juesuan-mark")';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Stream names of an encrypted OOXML package (UTF-16LE in the compound file's directory). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** A JS date as an Excel serial number (1900 date system). */
export function excelSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86400000;
}

export interface XlsxHostOptions {
  /** The <workbookProtection .../> element read from the package, when present. */
  workbookProtectionXml?: string | null;
  /** Where the workbook came from, for messages. */
  source?: string;
}

/**
 * A zip package without xl/workbook.xml (a .docx, .pptx or plain .zip renamed to .xlsx)
 * would load as a workbook with no sheets and pass every check silently: refuse it.
 */
async function requireWorkbookPart(buf: Buffer, label: string): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch (e) {
    throw new HostError(`${label}文件已损坏或不是有效的 .xlsx 工作簿（${(e as Error).message}）。`);
  }
  if (zip.file('xl/workbook.xml')) return;
  const kind = zip.file('word/document.xml')
    ? '，看起来是 Word 文档'
    : zip.file('ppt/presentation.xml')
      ? '，看起来是 PowerPoint 演示文稿'
      : '';
  throw new HostError(`${label}这是一个压缩包，但其中没有工作簿内容（xl/workbook.xml）${kind}，不是 .xlsx 工作簿。请确认文件，或在 Excel/WPS 中另存为 .xlsx 后再试。`);
}

function plainText(v: unknown): string {
  if (v && typeof v === 'object' && Array.isArray((v as ExcelJS.CellRichTextValue).richText)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  }
  return displayText(v);
}

/** An ExcelJS value (or a formula's cached result) as a CellValue. */
function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof Date) return excelSerial(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return plainText(o);
    if (typeof o.text === 'string') return o.text; // hyperlink
    if ('formula' in o || 'sharedFormula' in o) return toCellValue(o.result);
  }
  return displayText(v);
}

function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(h)) throw new Error(`颜色格式应为 #RRGGBB：${hex}`);
  return `FF${h}`;
}

function clone<T>(x: T): T {
  return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

/** A new style object for a cell: the cell's own style with the plan's style laid over. */
function mergedStyle(current: Partial<ExcelJS.Style>, s: CellStyle): Partial<ExcelJS.Style> {
  const out = clone(current) ?? {};
  if (s.bold !== undefined || s.fontSize !== undefined) {
    out.font = { ...(out.font ?? {}) };
    if (s.bold !== undefined) out.font.bold = s.bold;
    if (s.fontSize !== undefined) out.font.size = s.fontSize;
  }
  if (s.horizontal !== undefined || s.vertical !== undefined || s.wrap !== undefined) {
    out.alignment = { ...(out.alignment ?? {}) };
    if (s.horizontal !== undefined) out.alignment.horizontal = s.horizontal;
    if (s.vertical !== undefined) out.alignment.vertical = s.vertical;
    if (s.wrap !== undefined) out.alignment.wrapText = s.wrap;
  }
  if (s.border) out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.numberFormat !== undefined) out.numFmt = s.numberFormat;
  if (s.fill !== undefined) {
    out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) }, bgColor: { indexed: 64 } as never };
  }
  return out;
}

function overlaps(a: RangeRect, b: RangeRect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function sameRect(a: RangeRect, b: RangeRect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

function isOurRule(cf: ExcelJS.ConditionalFormattingOptions): boolean {
  return cf.rules.some(
    (r) => r.type === 'expression' && (r.formulae ?? []).some((f) => String(f).includes('juesuan-mark')),
  );
}

export class XlsxHost implements WorkbookHost {
  readonly kind = 'xlsx';
  private workbookProtectionXml: string | null;
  readonly source?: string;

  constructor(
    readonly workbook: ExcelJS.Workbook = new ExcelJS.Workbook(),
    options: XlsxHostOptions = {},
  ) {
    this.workbookProtectionXml = options.workbookProtectionXml ?? null;
    this.source = options.source;
  }

  /** A new, empty workbook. */
  static create(): XlsxHost {
    const wb = new ExcelJS.Workbook();
    wb.creator = '决算公开助手';
    wb.created = new Date();
    return new XlsxHost(wb);
  }

  /** Open an .xlsx from bytes. Throws HostError (in Chinese) when it is not a readable .xlsx. */
  static async fromBuffer(data: Buffer | ArrayBuffer | Uint8Array, source?: string): Promise<XlsxHost> {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
    const label = source ? `无法读取“${source}”：` : '无法读取该文件：';
    if (buf.length === 0) {
      throw new HostError(`${label}文件是空的（0 字节），可能在保存或复制时中断。请重新导出或在 Excel/WPS 中另存为 .xlsx 后再试。`);
    }
    if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) {
      const ole = buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0;
      // An .xlsx with an open password is an OLE compound file holding the streams
      // EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO); their names are UTF-16LE.
      const encrypted = ole && (buf.includes(ENCRYPTED_PACKAGE) || buf.includes(ENCRYPTION_INFO));
      throw new HostError(
        encrypted
          ? `${label}该工作簿设置了打开密码（已加密），本工具无法读取。请在 Excel/WPS 中打开它，取消打开密码（Excel：文件→信息→保护工作簿→用密码进行加密，清空密码；WPS：文件→文档加密→密码加密）并保存后再试。`
          : ole
            ? `${label}不是 .xlsx 格式，可能是 .xls/.et 旧格式，或设置了打开密码的工作簿。请在 Excel/WPS 中取消打开密码并另存为 .xlsx 后再试。`
            : `${label}不是 .xlsx 格式的工作簿，请在 Excel/WPS 中另存为 .xlsx 后再试。`,
      );
    }
    await requireWorkbookPart(buf, label);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch (e) {
      throw new HostError(`${label}文件已损坏或不是有效的 .xlsx 工作簿（${(e as Error).message}）。`);
    }
    let protectionXml: string | null = null;
    try {
      protectionXml = await readWorkbookProtection(buf);
    } catch {
      protectionXml = null;
    }
    return new XlsxHost(wb, { workbookProtectionXml: protectionXml, source });
  }

  /** Open an .xlsx file. Throws HostError (in Chinese) when it cannot be read. */
  static async open(path: string): Promise<XlsxHost> {
    let buf: Buffer;
    try {
      buf = await fs.promises.readFile(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹' : (e as Error).message;
      throw new HostError(`无法读取“${path}”：${why}。`);
    }
    return XlsxHost.fromBuffer(buf, path);
  }

  /** The workbook as .xlsx bytes (structure protection restored). */
  async toBuffer(): Promise<Buffer> {
    const out = Buffer.from(await this.workbook.xlsx.writeBuffer());
    if (!this.workbookProtectionXml) return out;
    return restoreWorkbookProtection(out, this.workbookProtectionXml);
  }

  /** Save to a file; Excel and WPS recalculate every formula when they open it. */
  async save(path: string): Promise<void> {
    this.workbook.calcProperties = { ...(this.workbook.calcProperties ?? {}), fullCalcOnLoad: true };
    await fs.promises.writeFile(path, await this.toBuffer());
  }

  /** Formula cells without a cached result (files written by programs rather than Excel/WPS). */
  uncomputedFormulaCount(): number {
    let n = 0;
    this.workbook.eachSheet((ws) => {
      ws.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (cell.type === ExcelJS.ValueType.Formula && (cell.result === undefined || cell.result === null)) n++;
        });
      });
    });
    return n;
  }

  async isStructureProtected(): Promise<boolean> {
    const x = this.workbookProtectionXml;
    return !!x && /lockStructure\s*=\s*["'](1|true)["']/i.test(x);
  }

  private sheets(): ExcelJS.Worksheet[] {
    const order = (w: ExcelJS.Worksheet) => (w as unknown as { orderNo?: number }).orderNo ?? w.id;
    return [...this.workbook.worksheets].sort((a, b) => order(a) - order(b));
  }

  private sheetProtected(ws: ExcelJS.Worksheet): boolean {
    const p = (ws as unknown as { sheetProtection?: { sheet?: boolean | string } | null }).sheetProtection;
    return !!p && (p.sheet === true || p.sheet === '1' || p.sheet === 'true');
  }

  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    return this.sheets().find((ws) => ws.name === name);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets().map((ws, index) => ({
      name: ws.name,
      index,
      protected: this.sheetProtected(ws),
      visible: (ws.state ?? 'visible') === 'visible',
    }));
  }

  async readSheets(names?: string[]): Promise<SheetSnapshot[]> {
    const list = names ? names.map((n) => this.findSheet(n)).filter((w): w is ExcelJS.Worksheet => !!w) : this.sheets();
    return list.map((ws) => this.snapshot(ws));
  }

  private snapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
    type Entry = { r: number; c: number; v: CellValue; f: string | null };
    const entries: Entry[] = [];
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        let v: CellValue;
        let f: string | null = null;
        if (cell.type === ExcelJS.ValueType.Formula) {
          const text = cell.formula;
          f = text ? `=${text}` : null;
          v = toCellValue(cell.result);
        } else {
          v = toCellValue(cell.value);
        }
        if (v === null && f === null) return;
        const r = rowNumber - 1;
        const c = colNumber - 1;
        entries.push({ r, c, v, f });
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      });
    });
    const merges = this.merges(ws);
    const snap: SheetSnapshot = {
      name: ws.name,
      top: entries.length ? top : 0,
      left: entries.length ? left : 0,
      values: [],
      formulas: [],
      merges,
      protected: this.sheetProtected(ws),
    };
    if ((ws.state ?? 'visible') !== 'visible') snap.hidden = true;
    if (!entries.length) return snap;
    const height = bottom - top + 1;
    const width = right - left + 1;
    snap.values = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
    snap.formulas = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
    for (const e of entries) {
      snap.values[e.r - top][e.c - left] = e.v;
      snap.formulas[e.r - top][e.c - left] = e.f;
    }
    return snap;
  }

  private merges(ws: ExcelJS.Worksheet): RangeRect[] {
    const model = (ws as unknown as { _merges?: Record<string, { range?: string; model?: unknown }> })._merges ?? {};
    const out: RangeRect[] = [];
    for (const m of Object.values(model)) {
      const addr = (m as { range?: string }).range ?? displayText(m);
      try {
        out.push(parseRange(addr.replace(/^.*!/, '')));
      } catch {
        /* unknown shape: skip */
      }
    }
    return out;
  }

  /** Check a batch completely; returns nothing, throws HostError. */
  private async validate(batch: WriteBatch): Promise<void> {
    const existing = this.sheets();
    const lower = new Set(existing.map((w) => w.name.toLowerCase()));
    if (batch.create.length && (await this.isStructureProtected())) {
      throw new HostError('工作簿结构受保护，无法新增工作表。请先在“审阅 → 保护工作簿”中撤销保护后再试。');
    }
    const seen = new Set<string>();
    for (const plan of batch.create) {
      const name = plan.name;
      const badName = sheetNameProblem(name);
      if (badName) throw new HostError(`${badName}，未写入任何内容。`);
      const key = name.toLowerCase();
      if (lower.has(key)) {
        throw new HostError(`工作簿中已有名为“${name}”的工作表，未做任何修改。请改名或选择“并排插入”。`, [
          { sheet: name, address: 'A1' },
        ]);
      }
      if (seen.has(key)) throw new HostError(`要新增的工作表“${name}”重复，未做任何修改。`);
      seen.add(key);
      this.validatePlan(plan, []);
    }
    for (const plan of batch.update) {
      const ws = this.findSheet(plan.name);
      if (!ws) throw new HostError(`找不到工作表“${plan.name}”，未做任何修改。`);
      if (this.sheetProtected(ws)) {
        const cells = plan.cells.slice(0, 1).map((c) => ({ sheet: plan.name, address: a1(c.row, c.col) }));
        throw new HostError(
          `工作表“${plan.name}”受保护，无法写入，未做任何修改。请先在“审阅 → 撤销工作表保护”后再试。`,
          cells.length ? cells : [{ sheet: plan.name, address: 'A1' }],
        );
      }
      this.validatePlan(plan, this.merges(ws));
    }
    if (batch.activate) {
      const names = new Set([...existing.map((w) => w.name), ...batch.create.map((p) => p.name)]);
      if (!names.has(batch.activate)) throw new HostError(`找不到要激活的工作表“${batch.activate}”。`);
    }
  }

  private validatePlan(plan: SheetPlan, existingMerges: RangeRect[]): void {
    const badCell = (c: CellWrite) =>
      !Number.isInteger(c.row) || !Number.isInteger(c.col) || c.row < 0 || c.col < 0 || c.row >= 1048576 || c.col >= 16384;
    for (const c of plan.cells) {
      if (badCell(c)) throw new HostError(`工作表“${plan.name}”：单元格位置无效（行 ${c.row}，列 ${c.col}）。`);
      if (c.style && !plan.styles[c.style]) throw new Error(`plan ${plan.name}: unknown style "${c.style}"`);
      if (c.formula !== undefined && !c.formula.startsWith('=')) {
        throw new Error(`plan ${plan.name}: formula at ${a1(c.row, c.col)} must start with "="`);
      }
    }
    for (const s of Object.values(plan.styles)) if (s.fill) argb(s.fill);
    const all = [...existingMerges];
    for (const m of plan.merges) {
      const clash = all.find((e) => overlaps(e, m) && !sameRect(e, m));
      if (clash) {
        throw new HostError(
          `工作表“${plan.name}”中 ${rangeAddress(m)} 与已有的合并单元格 ${rangeAddress(clash)} 重叠，未做任何修改。`,
          [{ sheet: plan.name, address: a1(m.top, m.left) }],
        );
      }
      all.push(m);
    }
  }

  async apply(batch: WriteBatch): Promise<void> {
    await this.validate(batch);
    // Validation catches every refusal we know of; should ExcelJS still fail while
    // writing, at least the sheets this batch added are taken out again.
    const added: ExcelJS.Worksheet[] = [];
    try {
      for (const plan of batch.create) {
        const ws = this.workbook.addWorksheet(plan.name);
        added.push(ws);
        this.write(ws, plan, []);
      }
      for (const plan of batch.update) {
        const ws = this.findSheet(plan.name)!;
        this.write(ws, plan, this.merges(ws));
      }
    } catch (e) {
      for (const ws of added) this.workbook.removeWorksheet(ws.id);
      throw e;
    }
    if (batch.activate) this.activate(batch.activate);
  }

  private write(ws: ExcelJS.Worksheet, plan: SheetPlan, existingMerges: RangeRect[]): void {
    for (const c of plan.cells) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      if (c.formula !== undefined) {
        cell.value = { formula: c.formula.slice(1) };
      } else if (c.value !== undefined) {
        // Strings are stored as shared strings: never parsed, so "=..." stays text.
        cell.value = c.value === null ? null : c.value;
      }
      if (c.style) cell.style = mergedStyle(cell.style ?? {}, plan.styles[c.style]);
    }
    for (const m of plan.merges) {
      if (existingMerges.some((e) => sameRect(e, m))) continue;
      if (m.top === m.bottom && m.left === m.right) continue;
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    }
    plan.columnWidths?.forEach((w, i) => {
      if (typeof w === 'number' && w > 0) ws.getColumn(i + 1).width = w;
    });
    for (const [r, h] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
    if (plan.freeze) {
      const { rows, cols } = plan.freeze;
      const prev = ws.views?.[0] ?? {};
      ws.views = [
        {
          ...(prev.activeCell ? { activeCell: prev.activeCell } : {}),
          state: 'frozen',
          xSplit: cols,
          ySplit: rows,
          topLeftCell: a1(rows, cols),
        },
      ];
    }
    if (plan.print) {
      const p = plan.print;
      const setup: Partial<ExcelJS.PageSetup> = {
        ...(ws.pageSetup ?? {}),
        paperSize: 9,
        orientation: p.orientation,
      };
      if (p.fitToWidth) Object.assign(setup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      if (p.titleRows) setup.printTitlesRow = `${p.titleRows[0] + 1}:${p.titleRows[1] + 1}`;
      ws.pageSetup = setup;
    }
  }

  /** Make one sheet the active (and only selected) tab. */
  private activate(name: string): void {
    const sheets = this.sheets();
    const index = sheets.findIndex((w) => w.name === name);
    if (index < 0) return;
    for (const ws of sheets) {
      const views = ws.views?.length ? ws.views : [{} as ExcelJS.WorksheetView];
      ws.views = views.map((v, i) => (i === 0 ? ({ ...v, tabSelected: ws.name === name } as unknown as ExcelJS.WorksheetView) : v));
    }
    const wbViews = this.workbook.views?.length
      ? this.workbook.views
      : [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: 'visible' } as ExcelJS.WorkbookView];
    this.workbook.views = wbViews.map((v, i) => (i === 0 ? { ...v, activeTab: index } : v));
  }

  async mark(request: MarkRequest): Promise<void> {
    const bySheet = new Map<string, string[]>();
    for (const c of request.cells) {
      if (!this.findSheet(c.sheet)) throw new HostError(`找不到工作表“${c.sheet}”，无法标记 ${c.address}。`, [c]);
      parseRange(c.address); // throws on a bad address
      const list = bySheet.get(c.sheet) ?? [];
      if (!list.includes(c.address)) list.push(c.address);
      bySheet.set(c.sheet, list);
    }
    const color = argb(request.color);
    await this.clearMarks();
    for (const [sheet, addresses] of bySheet) {
      const ws = this.findSheet(sheet)!;
      // A priority of its own (after the user's rules, whose priorities stay as they are).
      const existing = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
      const priority = 1 + Math.max(0, ...existing.flatMap((cf) => cf.rules.map((r) => r.priority || 0)));
      ws.addConditionalFormatting({
        ref: addresses.join(' '),
        rules: [
          {
            type: 'expression',
            priority,
            formulae: [MARK_EXPRESSION],
            style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: color } } },
          },
        ],
      });
    }
  }

  async clearMarks(): Promise<void> {
    for (const ws of this.sheets()) {
      ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => !isOurRule(cf));
    }
  }

  /** The cell ranges our marks cover, by sheet (for tests and the CLI). */
  markedRanges(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const ws of this.sheets()) {
      const cfs = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
      const refs = cfs.filter(isOurRule).flatMap((cf) => cf.ref.split(/\s+/).filter(Boolean));
      if (refs.length) out[ws.name] = refs;
    }
    return out;
  }

  async select(cells: CellRef[]): Promise<void> {
    const first = cells[0];
    if (!first) return;
    const ws = this.findSheet(first.sheet);
    if (!ws) throw new HostError(`找不到工作表“${first.sheet}”。`, [first]);
    const start = first.address.split(':')[0].replace(/\$/g, '');
    const views = ws.views?.length ? ws.views : [{ state: 'normal' } as ExcelJS.WorksheetView];
    ws.views = views.map((v, i) => (i === 0 ? { ...v, activeCell: start } : v));
    this.activate(ws.name);
  }
}
