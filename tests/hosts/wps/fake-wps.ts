/**
 * A small fake of WPS 表格's synchronous `window.Application` object model (the
 * VBA-like one WPS加载项 use): sheets, ranges with Value2/Formula/NumberFormat,
 * Interior.Color as BGR, FormatConditions, ProtectStructure/ProtectContents. Writes
 * to protected sheets throw, as WPS does; every write is logged.
 *
 * It fails where the real object model fails (members as in the typings et-jsapi-declare,
 * which mirror Excel VBA's; pages cited per behaviour):
 * - a formula naming a sheet that does not exist is a link to another workbook: with
 *   DisplayAlerts on, an "更新值" file dialog (logged in `dialogs`), and the cell reads
 *   #REF! (https://learn.microsoft.com/office/troubleshoot/excel/update-values-dialog-box-opens);
 * - Sheets holds chart sheets, which have no UsedRange or Range
 *   (https://learn.microsoft.com/office/vba/api/excel.sheets);
 * - manual calculation: a formula keeps its old value until Application.Calculate
 *   (https://learn.microsoft.com/office/vba/api/excel.application.calculation);
 * - FormatConditions.Add puts the new rule last (lowest priority) until
 *   SetFirstPriority (https://airsheet.wps.cn/docs/apiV2/excel/workbook/FormatCondition/%E6%96%B9%E6%B3%95/SetFirstPriority%20%E6%96%B9%E6%B3%95.html).
 */
import { a1, columnIndex, displayText, parseRange as parseA1Range, rangeAddress, type RangeRect } from '../../../src/core/cells';
import type { WpsApplication, WpsFormatCondition } from '../../../src/hosts/wps/wps-host';

export const REF_ERROR = -2146826265;

function parseRange(address: string): RangeRect {
  const c = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (c) return { top: 0, left: columnIndex(c[1]), bottom: 1048575, right: columnIndex(c[2]) };
  const r = /^(\d+):(\d+)$/.exec(address);
  if (r) return { top: Number(r[1]) - 1, left: 0, bottom: Number(r[2]) - 1, right: 16383 };
  return parseA1Range(address);
}

export interface WCell {
  value: string | number | boolean;
  formula?: string;
  /** What the next calculation gives the formula (the fake does not calculate by itself). */
  calculated?: number;
  numberFormat: string;
  color?: number;
  bold?: boolean;
  h?: number;
  borders?: number;
}

export interface FC {
  rect: RangeRect;
  type: number;
  formula: string;
  color?: number;
}

/** A chart sheet: in Sheets, without cells. */
export class WChart {
  Type = -4109;
  Visible: number | boolean = -1;
  ProtectContents = false;
  constructor(public Name: string) {}
}

export class WSheet {
  Type = -4167;
  cells = new Map<string, WCell>();
  merges: string[] = [];
  fcs: FC[] = [];
  ProtectContents = false;
  /** xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2 (WPS may also hand out true/false). */
  Visible: number | boolean = -1;
  widths = new Map<number, number>();
  PageSetup = { Orientation: 1, PaperSize: 1, Zoom: 100 as number | boolean, FitToPagesWide: 1 as number | boolean, FitToPagesTall: 1 as number | boolean, PrintTitleRows: '' };
  constructor(private book: WBook, private name: string) {}
  get Name() {
    return this.name;
  }
  set Name(v: string) {
    if (this.book.list.some((s) => s !== this && s.Name.toLowerCase() === v.toLowerCase())) throw new Error('工作表名称重复');
    this.name = v;
  }
  get Index() {
    return this.book.list.indexOf(this) + 1;
  }
  cell(row: number, col: number): WCell {
    const k = `${row},${col}`;
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = { value: '', numberFormat: 'G/通用格式' }));
    return c;
  }
  peek(address: string): WCell | undefined {
    const { top, left } = parseRange(address);
    return this.cells.get(`${top},${left}`);
  }
  used(): RangeRect {
    let r: RangeRect | null = null;
    for (const [k, c] of this.cells) {
      if (c.value === '' && !c.formula) continue;
      const [row, col] = k.split(',').map(Number);
      if (!r) r = { top: row, left: col, bottom: row, right: col };
      else r = { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) };
    }
    return r ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }
  get UsedRange() {
    return new WRange(this.book, this, this.used());
  }
  get Cells() {
    return new WRange(this.book, this, { top: 0, left: 0, bottom: 1048575, right: 16383 });
  }
  Range(address: string) {
    return new WRange(this.book, this, parseRange(address));
  }
  Activate() {
    this.book.active = this.name;
  }
  Delete() {
    if (this.book.ProtectStructure) throw new Error('工作簿受保护');
    this.book.list = this.book.list.filter((x) => x !== this);
    this.book.log.push(`delete ${this.name}`);
  }
  /** Value2 as WPS would hand it out (tests replace it with an odd shape). */
  value2Of(r: RangeRect, read: () => unknown): unknown {
    void r;
    return read();
  }
}

export class WApp {
  ActiveWorkbook: WBook | null = null;
  ActiveWindow = { SplitRow: 0, SplitColumn: 0, FreezePanes: false };
  ScreenUpdating = true;
  DisplayAlerts = true;
  /** xlCalculationAutomatic -4105, xlCalculationManual -4135. */
  private calc = -4105;
  books: WBook[] = [];
  calculations = 0;
  get Calculation(): number {
    return this.calc;
  }
  set Calculation(v: number) {
    this.calc = v;
    if (v === -4105) this.Calculate(); // back to automatic: Excel/WPS recalculate
  }
  Calculate(): void {
    this.calculations++;
    for (const b of this.books)
      for (const s of b.list)
        if (s instanceof WSheet)
          for (const c of s.cells.values())
            if (c.calculated !== undefined) {
              c.value = c.calculated;
              c.calculated = undefined;
            }
  }
  get Workbooks() {
    const books = this.books;
    return {
      get Count() {
        return books.length;
      },
      Item: (i: number) => books[i - 1],
    };
  }
}

export class WBook {
  list: (WSheet | WChart)[] = [];
  ProtectStructure = false;
  active = '';
  selected = '';
  log: string[] = [];
  /** File dialogs WPS would have opened ("更新值: 公开02表"). */
  dialogs: string[] = [];
  /** A write fails when this says so (what: "Merge", "Formula" …), as WPS fails half-way through. */
  failOn: ((what: string, sheet: string) => boolean) | null = null;
  /** Calculation and DisplayAlerts as they were at each cell write. */
  writeStates: { calc: number; alerts: boolean }[] = [];
  constructor(public app: WApp | null = null, public Name = '工作簿1') {}
  add(name: string): WSheet {
    const s = new WSheet(this, name);
    this.list.push(s);
    return s;
  }
  addChart(name: string): WChart {
    const c = new WChart(name);
    this.list.push(c);
    return c;
  }
  has(name: string): boolean {
    return this.list.some((x) => x.Name.toLowerCase() === name.toLowerCase());
  }
  sheet(name: string): WSheet {
    const s = this.list.find((x): x is WSheet => x instanceof WSheet && x.Name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  Activate(): void {
    if (this.app) this.app.ActiveWorkbook = this;
  }
  Sheets = {
    book: this,
    get Count() {
      return this.book.list.length;
    },
    Item(i: number | string): WSheet | WChart {
      const s = typeof i === 'number' ? this.book.list[i - 1] : this.book.list.find((x) => x.Name === i);
      if (!s) throw new Error(`下标越界：${i}`);
      return s;
    },
    Add(before?: WSheet | null, after?: WSheet | null): WSheet {
      if (this.book.ProtectStructure) throw new Error('工作簿受保护');
      const s = new WSheet(this.book, `Sheet${this.book.list.length + 1}`);
      const at = after ? this.book.list.indexOf(after) + 1 : before ? this.book.list.indexOf(before) : this.book.list.length;
      this.book.list.splice(at, 0, s);
      this.book.log.push(`add`);
      return s;
    },
  };
}

/** Sheet names a formula refers to ('公开02表'!C7, Sheet2!A1). */
function sheetsNamed(formula: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^']|'')+)'!|([^\s'!=+\-*/(),:<>&^%"]+)!/g;
  for (let m = re.exec(formula); m; m = re.exec(formula)) out.push((m[1] ?? m[2]).replace(/''/g, "'"));
  return out;
}

function enterIn(book: WBook, c: WCell, x: unknown): void {
  enter(c, x);
  if (c.formula) {
    const app = book.app;
    book.writeStates.push({ calc: app?.Calculation ?? -4105, alerts: app?.DisplayAlerts ?? true });
    const missing = sheetsNamed(c.formula).filter((n) => !book.has(n));
    if (missing.length) {
      if (app?.DisplayAlerts !== false) book.dialogs.push(`更新值: ${missing.join(', ')}`);
      c.value = REF_ERROR; // an external link that cannot be found
    }
  }
}

function enter(c: WCell, x: unknown): void {
  c.formula = undefined;
  c.calculated = undefined;
  if (typeof x === 'number' || typeof x === 'boolean') {
    c.value = x;
    return;
  }
  const s = displayText(x);
  if (s.startsWith("'")) c.value = s.slice(1);
  else if (c.numberFormat === '@') c.value = s;
  else if (s.startsWith('=')) {
    c.formula = s;
    c.value = 0;
  } else if (s.trim() !== '' && Number.isFinite(Number(s))) c.value = Number(s);
  else c.value = s;
}

export class WRange {
  constructor(private book: WBook, private sheet: WSheet, private rect: RangeRect) {}
  private guard(what: string) {
    if (this.sheet.ProtectContents) throw new Error(`工作表受保护，无法修改（${what}）`);
    if (this.book.failOn?.(what, this.sheet.Name)) throw new Error(`${what} 失败`);
    this.book.log.push(`${what} ${this.sheet.Name}!${rangeAddress(this.rect)}`);
  }
  private each(f: (c: WCell, row: number, col: number) => void) {
    const r = this.rect;
    for (let row = r.top; row <= Math.min(r.bottom, r.top + 500); row++)
      for (let col = r.left; col <= Math.min(r.right, r.left + 60); col++) f(this.sheet.cell(row, col), row, col);
  }
  private read(f: (c: WCell | undefined) => unknown) {
    const r = this.rect;
    const out: unknown[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: unknown[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(f(this.sheet.cells.get(`${row},${col}`)));
      out.push(line);
    }
    return out.length === 1 && out[0].length === 1 ? out[0][0] : out;
  }
  private write(what: string, v: unknown, put: (c: WCell, x: unknown) => void) {
    this.guard(what);
    const r = this.rect;
    if (Array.isArray(v)) {
      if (v.length !== r.bottom - r.top + 1) throw new Error('数组大小与区域不符');
      v.forEach((row: unknown[], i: number) => row.forEach((x, j) => put(this.sheet.cell(r.top + i, r.left + j), x)));
    } else this.each((c) => put(c, v));
  }
  get Value2() {
    return this.sheet.value2Of(this.rect, () => this.read((c) => (c ? c.value : undefined)));
  }
  set Value2(v: unknown) {
    this.write('Value2', v, (c, x) => enterIn(this.book, c, x));
  }
  get Formula() {
    return this.read((c) => (c ? c.formula ?? (c.value === undefined ? '' : c.value) : ''));
  }
  set Formula(v: unknown) {
    this.write('Formula', v, (c, x) => enterIn(this.book, c, x));
  }
  get NumberFormat() {
    return this.read((c) => c?.numberFormat ?? 'G/通用格式');
  }
  set NumberFormat(v: unknown) {
    this.write('NumberFormat', v, (c, x) => (c.numberFormat = String(x)));
  }
  get Row() {
    return this.rect.top + 1;
  }
  get Column() {
    return this.rect.left + 1;
  }
  get Rows() {
    return { Count: this.rect.bottom - this.rect.top + 1 };
  }
  get Columns() {
    return { Count: this.rect.right - this.rect.left + 1, ColumnWidth: 0 };
  }
  set ColumnWidth(v: number) {
    this.guard('ColumnWidth');
    for (let c = this.rect.left; c <= this.rect.right; c++) this.sheet.widths.set(c, v);
  }
  get ColumnWidth() {
    return this.sheet.widths.get(this.rect.left) ?? 8.38;
  }
  set RowHeight(_v: number) {
    this.guard('RowHeight');
  }
  get RowHeight() {
    return 13.5;
  }
  set HorizontalAlignment(v: number) {
    this.guard('HorizontalAlignment');
    this.each((c) => (c.h = v));
  }
  get HorizontalAlignment() {
    return 1;
  }
  set VerticalAlignment(_v: number) {
    this.guard('VerticalAlignment');
  }
  get VerticalAlignment() {
    return 1;
  }
  set WrapText(_v: boolean) {
    this.guard('WrapText');
  }
  get WrapText() {
    return false;
  }
  get Font() {
    const guard = this.guard.bind(this);
    const each = this.each.bind(this);
    return {
      set Bold(v: boolean) {
        guard('Font.Bold');
        each((c) => (c.bold = v));
      },
      get Bold() {
        return false;
      },
      set Size(_v: number) {
        guard('Font.Size');
      },
      get Size() {
        return 11;
      },
    };
  }
  get Interior() {
    const guard = this.guard.bind(this);
    const each = this.each.bind(this);
    return {
      set Color(v: number) {
        guard('Interior.Color');
        each((c) => (c.color = v));
      },
      get Color() {
        return 16777215;
      },
    };
  }
  get Borders() {
    const guard = this.guard.bind(this);
    const each = this.each.bind(this);
    return {
      set LineStyle(v: number) {
        guard('Borders');
        each((c) => (c.borders = v));
      },
      get LineStyle() {
        return 0;
      },
    };
  }
  Merge() {
    this.guard('Merge');
    this.sheet.merges.push(rangeAddress(this.rect));
  }
  Select() {
    if (this.book.active !== this.sheet.Name) throw new Error('只能在活动工作表中选择');
    this.book.selected = `${this.sheet.Name}!${rangeAddress(this.rect)}`;
  }
  get FormatConditions() {
    const sheet = this.sheet;
    const rect = this.rect;
    const guard = this.guard.bind(this);
    const list = () => sheet.fcs.filter((f) => f.rect.top <= rect.bottom && rect.top <= f.rect.bottom && f.rect.left <= rect.right && rect.left <= f.rect.right);
    const wrap = (f: FC): WpsFormatCondition => ({
      Type: f.type,
      get Priority() {
        return sheet.fcs.indexOf(f) + 1;
      },
      SetFirstPriority() {
        sheet.fcs = [f, ...sheet.fcs.filter((x) => x !== f)];
      },
      get Formula1() {
        if (f.type !== 2) throw new Error('此类条件格式没有公式');
        return f.formula;
      },
      Interior: {
        set Color(v: number) {
          f.color = v;
        },
        get Color() {
          return f.color ?? 0;
        },
      },
      Delete() {
        sheet.fcs = sheet.fcs.filter((x) => x !== f);
      },
    });
    return {
      get Count() {
        return list().length;
      },
      Item(i: number) {
        return wrap(list()[i - 1]);
      },
      Add(type: number, _op?: number, formula1?: string) {
        guard('FormatConditions.Add');
        const f: FC = { rect, type, formula: formula1 ?? '' };
        sheet.fcs.push(f); // lowest priority, as Excel and WPS do

        return wrap(f);
      },
    };
  }
}

/** The fill a cell shows: the colour of the first rule (by priority) covering it. */
export function shownRule(sheet: WSheet, address: string): FC | undefined {
  const { top, left } = parseRange(address);
  return sheet.fcs.find((f) => f.rect.top <= top && top <= f.rect.bottom && f.rect.left <= left && left <= f.rect.right);
}

export function fakeWps(): { app: WpsApplication; wapp: WApp; book: WBook; window: { SplitRow: number; SplitColumn: number; FreezePanes: boolean } } {
  const wapp = new WApp();
  const book = new WBook(wapp);
  wapp.books.push(book);
  wapp.ActiveWorkbook = book;
  return { app: wapp as unknown as WpsApplication, wapp, book, window: wapp.ActiveWindow };
}

export { a1 };
