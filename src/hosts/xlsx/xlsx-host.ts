import * as fs from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { a1, displayText, parseRange, rangeAddress, type CellRef, type CellValue, type RangeRect } from '../../core/cells';
import type { SheetSnapshot } from '../../core/model/snapshot';
import type { CellStyle, CellWrite, SheetPlan, WriteBatch } from '../../core/plan/sheet-plan';
import { sheetNameProblem } from '../../core/plan/sheet-name';
import { HostError, type MarkRequest, type SheetInfo, type WorkbookHost } from '../../core/host';
import { readWorkbookProtection, restoreWorkbookProtection } from './workbook-protection';
import * as nodePath from 'path';
import { atomicWrite, fileErrorText } from './atomic-save';
import { OoxmlPackage, sheetProtectionOf } from './package/package';
import { readableCopy } from './package/read-copy';
import { PackageRefusal } from './package/sheet-xml';
import { writeLossless } from './package/write';
import { XmlSyntaxError } from './package/xml';

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
  /** The package bytes the workbook was opened from: saves then write losslessly into them. */
  original?: Buffer;
  /** Sheets whose part carries <sheetProtection sheet="1"|"true">, read from the package. */
  protectedSheets?: string[];
}

/**
 * A bounded snapshot: at most this many cells in the values grid of one sheet (the
 * grid is dense). Cells far from the rest (a stray entry at XFD1048576) are left out
 * and reported instead of allocating the rectangle between them.
 */
export const MAX_SNAPSHOT_CELLS = 2_000_000;

/** Cells left out of a snapshot because they lie far from the sheet's other data. */
export interface OmittedCells {
  sheet: string;
  count: number;
  /** A few of them, A1 addresses. */
  sample: string[];
}

export type Entry = { r: number; c: number; v: CellValue; f: string | null };

/** The bounding box of cells (rows and columns 0-based); top/left Infinity and bottom/right -1 for none. */
function boxOf(entries: ReadonlyArray<{ r: number; c: number }>): { top: number; left: number; bottom: number; right: number } {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const e of entries) {
    if (e.r < top) top = e.r;
    if (e.r > bottom) bottom = e.r;
    if (e.c < left) left = e.c;
    if (e.c > right) right = e.c;
  }
  return { top, left, bottom, right };
}

/**
 * A snapshot from the cells that hold something: the grid spans their bounding box (the
 * caller bounds it first: boundEntries, or the fast reader's refusal). Shared by XlsxHost
 * and the CLI's fast reader.
 */
export function gridSnapshot(entries: readonly Entry[], base: Pick<SheetSnapshot, 'name' | 'merges' | 'protected'>): SheetSnapshot {
  const { top, left, bottom, right } = boxOf(entries);
  // No spread and no Array.from: this runs for every sheet of every file a batch reads.
  const snap: SheetSnapshot = {
    name: base.name,
    merges: base.merges,
    protected: base.protected,
    top: entries.length ? top : 0,
    left: entries.length ? left : 0,
    values: [],
    formulas: [],
  };
  if (!entries.length) return snap;
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = [];
  const formulas: Array<Array<string | null>> = [];
  for (let r = 0; r < height; r++) {
    values.push(new Array<CellValue>(width).fill(null));
    formulas.push(new Array<string | null>(width).fill(null));
  }
  snap.values = values;
  snap.formulas = formulas;
  for (const e of entries) {
    snap.values[e.r - top][e.c - left] = e.v;
    snap.formulas[e.r - top][e.c - left] = e.f;
  }
  return snap;
}

/**
 * The box of cells a snapshot keeps: the whole used box when it is small enough, else
 * the biggest cluster, found by cutting at the widest empty gap of rows or columns
 * (keeping the side with more cells) until the box fits. O(n log n) per cut, at most
 * 64 cuts; then rows are clipped.
 */
export function boundEntries<T extends { r: number; c: number }>(entries: T[], maxCells = MAX_SNAPSHOT_CELLS): { kept: T[]; omitted: T[] } {
  let kept = entries;
  const omitted: T[] = [];
  const area = (list: T[]) => {
    const b = boxOf(list);
    return { ...b, cells: list.length ? (b.bottom - b.top + 1) * (b.right - b.left + 1) : 0 };
  };
  for (let cut = 0; cut < 64; cut++) {
    const box = area(kept);
    if (box.cells <= maxCells) return { kept, omitted };
    const gap = (key: 'r' | 'c') => {
      const xs = [...new Set(kept.map((e) => e[key]))].sort((a, b) => a - b);
      let best = { size: 0, at: 0 };
      for (let i = 1; i < xs.length; i++) if (xs[i] - xs[i - 1] > best.size) best = { size: xs[i] - xs[i - 1], at: xs[i] };
      return best;
    };
    const gr = gap('r');
    const gc = gap('c');
    const key: 'r' | 'c' = gr.size >= gc.size ? 'r' : 'c';
    const at = key === 'r' ? gr.at : gc.at;
    if ((key === 'r' ? gr.size : gc.size) <= 1) break;
    const before = kept.filter((e) => e[key] < at);
    const after = kept.filter((e) => e[key] >= at);
    const [keep, drop] = before.length >= after.length ? [before, after] : [after, before];
    for (const e of drop) omitted.push(e);
    kept = keep;
  }
  const box = area(kept);
  if (box.cells > maxCells) {
    const width = box.right - box.left + 1;
    const right = width > maxCells ? box.left + maxCells - 1 : box.right;
    const rows = Math.max(1, Math.floor(maxCells / Math.min(width, maxCells)));
    const bottom = box.top + rows - 1;
    const inBox = (e: T) => e.r <= bottom && e.c <= right;
    for (const e of kept) if (!inBox(e)) omitted.push(e);
    kept = kept.filter(inBox);
  }
  return { kept, omitted };
}

/**
 * A zip package without xl/workbook.xml (a .docx, .pptx or plain .zip renamed to .xlsx)
 * would load as a workbook with no sheets and pass every check silently: refuse it.
 */
async function requireWorkbookPart(buf: Buffer, label: string): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new HostError(
      `${label}文件已损坏或不是有效的 .xlsx 工作簿（压缩包结构不完整，可能在下载、复制或保存时中断）。请重新获取文件，或在 Excel/WPS 中另存为 .xlsx 后再试。`,
    );
  }
  if (zip.file('xl/workbook.xml')) return;
  const kind = zip.file('word/document.xml') ? '，看起来是 Word 文档' : zip.file('ppt/presentation.xml') ? '，看起来是 PowerPoint 演示文稿' : '';
  throw new HostError(`${label}这是一个压缩包，但其中没有工作簿内容（xl/workbook.xml）${kind}，不是 .xlsx 工作簿。请确认文件，或在 Excel/WPS 中另存为 .xlsx 后再试。`);
}

function samePath(a: string, b: string): boolean {
  return nodePath.resolve(a) === nodePath.resolve(b);
}

function plainText(v: unknown): string {
  if (v && typeof v === 'object' && Array.isArray((v as ExcelJS.CellRichTextValue).richText)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  }
  return displayText(v);
}

/**
 * A date or time cell as people read it ("2021-12-31", "08:30", "2021-12-31 08:30"): a
 * date typed where an amount belongs is then reported as a date, never read as 44561.
 * (ExcelJS gives a Date for a number with a date format, in UTC.)
 */
export function dateText(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const secs = d.getUTCSeconds();
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${secs ? `:${pad(secs)}` : ''}`;
  const serial = excelSerial(d);
  if (serial >= 0 && serial < 1) return time; // a time of day alone
  return time === '00:00' ? date : `${date} ${time}`;
}

/** An ExcelJS value (or a formula's cached result) as a CellValue. */
function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? dateText(v) : null;
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
  return cf.rules.some((r) => r.type === 'expression' && (r.formulae ?? []).some((f) => String(f).includes('juesuan-mark')));
}

export class XlsxHost implements WorkbookHost {
  readonly kind = 'xlsx';
  private workbookProtectionXml: string | null;
  readonly source?: string;
  private readonly wb: ExcelJS.Workbook;
  private readonly original: Buffer | null;
  private readonly protectedSheets: Set<string>;
  /** Batches applied since opening: what a lossless save writes into the original package. */
  private readonly pending: WriteBatch[] = [];
  /** The ExcelJS model was handed out (and may have been edited directly): save through ExcelJS. */
  private exposed = false;
  /** Marks were added or cleared: not writable into the original package. */
  private marked = false;
  private readonly omitted = new Map<string, OmittedCells>();
  /** Formula cells nobody computed ("sheet\u0000row,col" → why, naming the formula's cell). */
  private readonly uncomputed = new Map<string, string>();

  constructor(workbook: ExcelJS.Workbook = new ExcelJS.Workbook(), options: XlsxHostOptions = {}) {
    this.wb = workbook;
    this.workbookProtectionXml = options.workbookProtectionXml ?? null;
    this.source = options.source;
    this.original = options.original ?? null;
    this.protectedSheets = new Set(options.protectedSheets ?? []);
  }

  /**
   * The ExcelJS model, for tests and tools that edit it directly. Once handed out, a
   * save can no longer tell what changed and rewrites the whole workbook through ExcelJS
   * (which drops what ExcelJS does not model): the CLI never uses it.
   */
  get workbook(): ExcelJS.Workbook {
    this.exposed = true;
    return this.wb;
  }

  /** The ExcelJS model for reading (cached formula results may be set on it); not a way to save edits. */
  readModel(): ExcelJS.Workbook {
    return this.wb;
  }

  /** Whether the host was opened from a package (saves write into it losslessly). */
  get opened(): boolean {
    return this.original !== null;
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
    // Protection as the package states it (ExcelJS does not recognise sheet="true").
    const protectedSheets: string[] = [];
    let readBuf = buf;
    try {
      const pkg = await OoxmlPackage.load(buf);
      const wbPart = await pkg.workbookPart();
      if (wbPart) {
        for (const sheet of await pkg.sheets(wbPart)) {
          const xml = sheet.part ? await pkg.text(sheet.part) : undefined;
          if (xml && sheetProtectionOf(xml).protected) protectedSheets.push(sheet.name);
        }
      }
      // ExcelJS reads values from a copy without comments, drawings and tables (it
      // refuses some valid ones: openpyxl's part names, a table without a style).
      readBuf = await readableCopy(pkg);
    } catch {
      readBuf = buf;
    }
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(readBuf as unknown as ArrayBuffer);
    } catch {
      throw new HostError(`${label}文件已损坏或不是有效的 .xlsx 工作簿（其中的表格内容无法解析）。请在 Excel/WPS 中打开并另存为 .xlsx 后再试。`);
    }
    let protectionXml: string | null = null;
    try {
      protectionXml = await readWorkbookProtection(buf);
    } catch {
      protectionXml = null;
    }
    return new XlsxHost(wb, { workbookProtectionXml: protectionXml, source, original: buf, protectedSheets });
  }

  /** Open an .xlsx file. Throws HostError (in Chinese) when it cannot be read. */
  static async open(path: string): Promise<XlsxHost> {
    let buf: Buffer;
    try {
      buf = await fs.promises.readFile(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹' : fileErrorText(e);
      throw new HostError(`无法读取“${path}”：${why}。`);
    }
    return XlsxHost.fromBuffer(buf, path);
  }

  /**
   * The bytes to save, or null when an opened workbook has nothing to change. An opened
   * workbook is written losslessly (only the product's parts change; PackageRefusal
   * becomes a HostError saying why); a new one, or one whose ExcelJS model was edited
   * directly, through ExcelJS.
   */
  async saveBytes(): Promise<Buffer | null> {
    if (this.original && !this.exposed) {
      if (this.marked) throw new HostError('命令行保存不支持在已有工作簿中添加标记，未改动文件。');
      if (!this.pending.length) return null;
      try {
        return (await writeLossless(this.original, this.pending)).bytes;
      } catch (e) {
        if (e instanceof PackageRefusal) {
          throw new HostError(`无法在不改动其他内容的前提下写入：${e.message}。为保护原有内容，未改动文件。`);
        }
        if (e instanceof XmlSyntaxError) {
          throw new HostError(
            '工作簿内部的 XML 结构无法解析，无法在不改动其他内容的前提下写入。为保护原有内容，未改动文件。请在 Excel/WPS 中打开并另存为 .xlsx 后再试。',
          );
        }
        throw e;
      }
    }
    this.wb.calcProperties = { ...(this.wb.calcProperties ?? {}), fullCalcOnLoad: true };
    const out = Buffer.from(await this.wb.xlsx.writeBuffer());
    if (!this.workbookProtectionXml) return out;
    return restoreWorkbookProtection(out, this.workbookProtectionXml);
  }

  /** The workbook as .xlsx bytes (the original bytes when an opened workbook is unchanged). */
  async toBuffer(): Promise<Buffer> {
    return (await this.saveBytes()) ?? this.original!;
  }

  /**
   * Save to a file atomically (temporary file, fsync, rename): returns false when an
   * opened workbook had nothing to change (nothing is written). Saving back over the
   * file it was opened from refuses when that file changed since it was read;
   * `mustNotExist` refuses to replace any existing file. Excel and WPS recalculate every
   * formula when they open the file. Throws HostError in Chinese; the file is then as it was.
   */
  async save(target: string, options: { mustNotExist?: boolean } = {}): Promise<boolean> {
    const bytes = await this.saveBytes();
    if (bytes === null && !options.mustNotExist && this.source && samePath(this.source, target)) return false;
    const out = bytes ?? this.original!;
    const expect = options.mustNotExist ? null : this.original && this.source && samePath(this.source, target) ? this.original : undefined;
    atomicWrite(target, out, { expect });
    return true;
  }

  /** Formula cells without a cached result (files written by programs rather than Excel/WPS). */
  uncomputedFormulaCount(): number {
    let n = 0;
    this.wb.eachSheet((ws) => {
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
    return [...this.wb.worksheets].sort((a, b) => order(a) - order(b));
  }

  private sheetProtected(ws: ExcelJS.Worksheet): boolean {
    if (this.protectedSheets.has(ws.name)) return true;
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
    const all: Entry[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        let v: CellValue;
        let f: string | null = null;
        if (cell.type === ExcelJS.ValueType.Formula) {
          const text = cell.formula;
          f = text ? `=${text}` : null;
          v = toCellValue(cell.result);
          const why = v === null ? this.uncomputed.get(`${ws.name}\u0000${rowNumber - 1},${colNumber - 1}`) : undefined;
          // Unknown, not 0: the reader marks the amount, the rules say 无法核对.
          if (why) v = { error: '#N/A', uncomputed: why };
        } else {
          v = toCellValue(cell.value);
        }
        if (v === null && f === null) return;
        all.push({ r: rowNumber - 1, c: colNumber - 1, v, f });
      });
    });
    // Memory follows the cells that hold data, not the rectangle around them.
    const { kept: entries, omitted } = boundEntries(all);
    if (omitted.length) {
      this.omitted.set(ws.name, { sheet: ws.name, count: omitted.length, sample: omitted.slice(0, 5).map((e) => a1(e.r, e.c)) });
    } else this.omitted.delete(ws.name);
    const snap = gridSnapshot(entries, { name: ws.name, merges: this.merges(ws), protected: this.sheetProtected(ws) });
    if ((ws.state ?? 'visible') !== 'visible') snap.hidden = true;
    return snap;
  }

  /** Record that a formula cell has no value and why (its snapshot value is then an uncomputed error, not blank). */
  markUncomputed(sheet: string, row: number, col: number, why: string): void {
    this.uncomputed.set(`${sheet}\u0000${row},${col}`, why);
  }

  /** Existing sheets whose cells a save would change (refreshes that change nothing are not listed). */
  changedSheets(): string[] {
    const names = new Set<string>();
    for (const b of this.pending) for (const u of b.update) if (u.cells.length || u.merges.length) names.add(u.name);
    return [...names];
  }

  /** Cells left out of the snapshots read so far (far from the rest of their sheet), by sheet. */
  omittedCells(): OmittedCells[] {
    return [...this.omitted.values()];
  }

  /** Cells every snapshot of this workbook leaves out (far from the rest of their sheet), without reading values. */
  farCells(): OmittedCells[] {
    const out: OmittedCells[] = [];
    for (const ws of this.sheets()) {
      const at: Array<{ r: number; c: number }> = [];
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.type === ExcelJS.ValueType.Merge || cell.type === ExcelJS.ValueType.Null) return;
          at.push({ r: r - 1, c: c - 1 });
        });
      });
      const { omitted } = boundEntries(at);
      if (omitted.length) out.push({ sheet: ws.name, count: omitted.length, sample: omitted.slice(0, 5).map((e) => a1(e.r, e.c)) });
    }
    return out;
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
        throw new HostError(`工作簿中已有名为“${name}”的工作表，未做任何修改。请改名或选择“并排插入”。`, [{ sheet: name, address: 'A1' }]);
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
    const badCell = (c: CellWrite) => !Number.isInteger(c.row) || !Number.isInteger(c.col) || c.row < 0 || c.col < 0 || c.row >= 1048576 || c.col >= 16384;
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
        throw new HostError(`工作表“${plan.name}”中 ${rangeAddress(m)} 与已有的合并单元格 ${rangeAddress(clash)} 重叠，未做任何修改。`, [
          { sheet: plan.name, address: a1(m.top, m.left) },
        ]);
      }
      all.push(m);
    }
  }

  async apply(batch: WriteBatch): Promise<void> {
    await this.validate(batch);
    const effective: WriteBatch = { ...batch, update: batch.update.map((p) => this.changesOf(p)) };
    // Validation catches every refusal we know of; should ExcelJS still fail while
    // writing, at least the sheets this batch added are taken out again.
    const added: ExcelJS.Worksheet[] = [];
    try {
      for (const plan of batch.create) {
        const ws = this.wb.addWorksheet(plan.name);
        added.push(ws);
        this.write(ws, plan, []);
      }
      for (const plan of effective.update) {
        const ws = this.findSheet(plan.name)!;
        this.write(ws, plan, this.merges(ws));
      }
    } catch (e) {
      for (const ws of added) this.wb.removeWorksheet(ws.id);
      throw e;
    }
    if (batch.activate) this.activate(batch.activate);
    if (this.original) {
      // What a lossless save writes: new sheets, and only the cells that change.
      const update = effective.update.filter((p) => p.cells.length || p.merges.length);
      if (batch.create.length || update.length) this.pending.push({ create: batch.create, update });
    }
  }

  /** An update plan without the cells that already hold what it writes (and merges already there). */
  private changesOf(plan: SheetPlan): SheetPlan {
    const ws = this.findSheet(plan.name);
    if (!ws) return plan;
    // Formulas that differ only in spacing, $ or quotes around a sheet name are the same formula.
    const norm = (f: string) =>
      f
        .replace(/^=/, '')
        .replace(/'((?:[^']|'')+)'!/g, (_m, n: string) => `${n.replace(/''/g, "'")}!`)
        .replace(/\s+|\$/g, '')
        .toUpperCase();
    const cells = plan.cells.filter((c) => {
      const cell = ws.findCell(c.row + 1, c.col + 1);
      if (!cell) return !(c.value === null && c.formula === undefined);
      if (c.formula !== undefined) return !(cell.type === ExcelJS.ValueType.Formula && norm(cell.formula ?? '') === norm(c.formula));
      if (c.value === undefined) return false;
      if (cell.type === ExcelJS.ValueType.Formula) return true;
      const current = toCellValue(cell.value);
      if (c.value === null) return current !== null;
      return current !== c.value;
    });
    const existing = this.merges(ws);
    const merges = plan.merges.filter((m) => (m.top !== m.bottom || m.left !== m.right) && !existing.some((e) => sameRect(e, m)));
    return { ...plan, cells, merges };
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
    const wbViews = this.wb.views?.length ? this.wb.views : [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: 'visible' } as ExcelJS.WorkbookView];
    this.wb.views = wbViews.map((v, i) => (i === 0 ? { ...v, activeTab: index } : v));
  }

  async mark(request: MarkRequest): Promise<void> {
    this.marked = true;
    const bySheet = new Map<string, string[]>();
    for (const c of request.cells) {
      if (!this.findSheet(c.sheet)) throw new HostError(`找不到工作表“${c.sheet}”，无法标记 ${c.address}。`, [c]);
      parseRange(c.address); // throws on a bad address
      const list = bySheet.get(c.sheet) ?? [];
      if (!list.includes(c.address)) list.push(c.address);
      bySheet.set(c.sheet, list);
    }
    const color = argb(request.color);
    if (!request.keep) await this.clearMarks();
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
    if (Object.keys(this.markedRanges()).length) this.marked = true;
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
