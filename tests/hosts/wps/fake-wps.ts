/**
 * A small fake of WPS 表格's synchronous `window.Application` object model (the
 * VBA-like one WPS加载项 use): sheets, ranges with Value2/Formula/NumberFormat,
 * Interior.Color as BGR, FormatConditions, ProtectStructure/ProtectContents. Writes
 * to protected sheets throw, as WPS does; every write is logged.
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
  numberFormat: string;
  color?: number;
  bold?: boolean;
  h?: number;
  borders?: number;
}

interface FC {
  rect: RangeRect;
  type: number;
  formula: string;
  color?: number;
}

export class WSheet {
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
    if (this.book.list.some((s) => s !== this && s.name.toLowerCase() === v.toLowerCase())) throw new Error('工作表名称重复');
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
}

export class WBook {
  list: WSheet[] = [];
  ProtectStructure = false;
  active = '';
  selected = '';
  log: string[] = [];
  add(name: string): WSheet {
    const s = new WSheet(this, name);
    this.list.push(s);
    return s;
  }
  sheet(name: string): WSheet {
    const s = this.list.find((x) => x.Name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  Sheets = {
    book: this,
    get Count() {
      return this.book.list.length;
    },
    Item(i: number | string): WSheet {
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

function enter(c: WCell, x: unknown): void {
  c.formula = undefined;
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
    return this.read((c) => (c ? c.value : undefined));
  }
  set Value2(v: unknown) {
    this.write('Value2', v, enter);
  }
  get Formula() {
    return this.read((c) => (c ? c.formula ?? (c.value === undefined ? '' : c.value) : ''));
  }
  set Formula(v: unknown) {
    this.write('Formula', v, enter);
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
        sheet.fcs.push(f);
        return wrap(f);
      },
    };
  }
}

export function fakeWps(): { app: WpsApplication; book: WBook; window: { SplitRow: number; SplitColumn: number; FreezePanes: boolean } } {
  const book = new WBook();
  const window = { SplitRow: 0, SplitColumn: 0, FreezePanes: false };
  const app = { ActiveWorkbook: book, ActiveWindow: window, ScreenUpdating: true };
  return { app: app as unknown as WpsApplication, book, window };
}

export { a1 };
