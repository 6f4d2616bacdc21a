/**
 * A recording fake of the part of the Excel JavaScript object model the Office host
 * uses. It keeps Office.js's batching semantics: calls on proxies only queue
 * commands; `context.sync()` runs them in order (stopping at the first failure, as
 * Excel does — earlier commands stay applied); loaded properties can be read only
 * after a sync, else the fake throws PropertyNotLoaded. It counts syncs and logs
 * every write command, so tests can assert round trips and batching.
 *
 * It fails where Excel fails, after the documentation:
 * - every member needs the ExcelApi set its @types/office-js remarks name (./api-sets),
 *   e.g. `format.columnWidth` needs 1.2: below it the sync fails with ApiNotFound
 *   (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-columnwidth-member);
 * - `getMergedAreasOrNullObject` fails past 512 merged areas
 *   (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1));
 * - a read of more than 5,000,000 cells fails with RangeExceedsLimit, and Excel on the web
 *   refuses responses over 5 MB (`payloadCells`); some builds answer GeneralException or
 *   null values instead (`generalExceptionCells`, `nullValuesCells`)
 *   (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 *   https://learn.microsoft.com/office/dev/add-ins/testing/office-js-api-errors);
 * - in manual calculation, and after suspendApiCalculationUntilNextSync, formulas keep
 *   old values until application.calculate
 *   (https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-suspendapicalculationuntilnextsync-member(1));
 * - merging keeps only the upper-left value
 *   (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1));
 * - a formula naming a sheet the workbook does not have reads #REF!;
 * - a cell without fill reports "#FFFFFF", like an explicit white fill
 *   (https://github.com/OfficeDev/office-js/issues/6218).
 */
import { apiSetOf } from './api-sets';
import { a1, columnIndex, parseRange as parseA1Range, rangeAddress, type RangeRect } from '../../../src/core/cells';

/** A1 ranges plus whole columns ("A:C") and whole rows ("5:5"), as Excel takes them. */
function parseRange(address: string): RangeRect {
  const col = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(address);
  if (col) return { top: 0, left: columnIndex(col[1]), bottom: 1048575, right: columnIndex(col[2]) };
  const row = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (row) return { top: Number(row[1]) - 1, left: 0, bottom: Number(row[2]) - 1, right: 16383 };
  return parseA1Range(address);
}
import type { DocumentSettings, OfficeHostEnv } from '../../../src/hosts/office/office-host';

export class FakeOfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  /** What the next calculation gives this formula (the fake does not calculate by itself). */
  calculated?: number;
  error?: string;
  numberFormat: string;
  quotePrefix?: boolean;
  fill: string | null;
  bold?: boolean;
  fontSize?: number;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  borders?: Set<string>;
}

export interface FakeCF {
  type: string;
  rect: RangeRect;
  formula: string | null;
  fill: string | null;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  merges: string[] = [];
  cfs: FakeCF[] = [];
  protected = false;
  visibility = 'Visible';
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  freeze: string | null = null;
  page: Record<string, unknown> = {};
  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell {
    const k = `${row},${col}`;
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = { value: '', numberFormat: 'General', fill: null }));
    return c;
  }
  peek(address: string): FakeCell | undefined {
    const { top, left } = parseRange(address);
    return this.cells.get(`${top},${left}`);
  }
  /** Put a value (or a formula with its cached value) straight into the sheet, for test setup. */
  set(address: string, value: string | number | boolean, formula?: string): this {
    const { top, left } = parseRange(address);
    const c = this.cell(top, left);
    c.value = value;
    c.formula = formula;
    return this;
  }
  setError(address: string, error: string, formula?: string): this {
    const { top, left } = parseRange(address);
    const c = this.cell(top, left);
    c.value = error;
    c.error = error;
    c.formula = formula;
    return this;
  }
  usedRect(): RangeRect | null {
    let r: RangeRect | null = null;
    for (const [k, c] of this.cells) {
      if (c.value === '' && !c.formula) continue;
      const [row, col] = k.split(',').map(Number);
      if (!r) r = { top: row, left: col, bottom: row, right: col };
      else {
        r.top = Math.min(r.top, row);
        r.left = Math.min(r.left, col);
        r.bottom = Math.max(r.bottom, row);
        r.right = Math.max(r.right, col);
      }
    }
    return r;
  }
}

export interface WriteLog {
  op: string;
  sheet: string;
  address?: string;
}

export class FakeBook {
  sheets: FakeSheet[] = [];
  structureProtected = false;
  active: string | null = null;
  selected: string | null = null;
  syncs = 0;
  log: WriteLog[] = [];
  settings = new Map<string, unknown>();
  settingsSaves = 0;
  calcSuspended = 0;
  /** Cells one sync may return (Excel on the web: 5 MB per response); Infinity = no limit. */
  payloadCells = Infinity;
  /**
   * What a range's `values` or `formulas` adds to the response, in the unit of
   * `payloadCells`; null = its cell count. (The bench sets bytes here, so that
   * `payloadCells` becomes a byte limit.)
   */
  payloadCost: ((sheet: FakeSheet, r: RangeRect, prop: 'values' | 'formulas') => number) | null = null;
  /** Cells returned in the current sync. */
  payloadNow = 0;
  /** Cells (values + formulas) returned by each sync that was not refused, in order. */
  responses: number[] = [];
  /** A single range read of more cells fails with RangeExceedsLimit (Excel: 5,000,000). */
  rangeCellLimit = 5_000_000;
  /** Cells per sync past which the host answers GeneralException (Infinity = never). */
  generalExceptionCells = Infinity;
  /** A range larger than this hands out null values and formulas (Infinity = never). */
  nullValuesCells = Infinity;
  /** Merged areas getMergedAreasOrNullObject can return (Excel: 512). */
  mergedAreaLimit = 512;
  calculationMode: 'Automatic' | 'Manual' = 'Automatic';
  /** Values of formulas entered through the API, once calculated (default 0). */
  calculator: ((sheet: FakeSheet, formula: string) => number) | null = null;
  /** application.calculate calls. */
  calculations = 0;
  /** A write command fails with GeneralException when this says so (a failure half-way through a batch). */
  failWrite: ((op: string, sheet: string) => boolean) | null = null;
  /** application.calculate fails (for the "say so" path). */
  failCalculate = false;
  /** Calculation suspended by suspendApiCalculationUntilNextSync in the sync running now. */
  calcSuspendedNow = false;

  /** What application.calculate does: every pending formula takes its new value. */
  calculate(): void {
    this.calculations++;
    for (const s of this.sheets)
      for (const c of s.cells.values())
        if (c.calculated !== undefined) {
          c.value = c.calculated;
          c.calculated = undefined;
        }
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${name}`);
    return s;
  }
  /** An env for OfficeHost with ExcelApi up to `maxApi` (e.g. "1.1", "1.6", "1.17"). */
  env(maxApi: string): OfficeHostEnv & { contexts: FakeContext[] } {
    const contexts: FakeContext[] = [];
    const settings: DocumentSettings = {
      get: (k) => (this.settings.has(k) ? this.settings.get(k) : null),
      set: (k, v) => {
        this.settings.set(k, JSON.parse(JSON.stringify(v)));
      },
      save: async () => {
        this.settingsSaves++;
      },
    };
    return {
      contexts,
      run: async (batch) => {
        const ctx = new FakeContext(this, maxApi);
        contexts.push(ctx);
        const out = await batch(ctx as unknown as Excel.RequestContext);
        if (ctx.queue.length) await ctx.sync(); // Excel.run flushes what is left
        return out;
      },
      isSetSupported: (name, version) => name === 'ExcelApi' && cmpVersion(version, maxApi) <= 0,
      settings,
    };
  }
}

function cmpVersion(a: string, b: string): number {
  const [a1_, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1_ - b1 || a2 - b2;
}

export class FakeContext {
  queue: (() => void)[] = [];
  syncs = 0;
  workbook: FWorkbook;
  constructor(
    public book: FakeBook,
    public maxApi: string,
  ) {
    this.workbook = new FWorkbook(this);
  }
  need(version: string, what: string): void {
    if (cmpVersion(version, this.maxApi) > 0) throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi ${version}`);
  }
  /** The set @types/office-js names for Class.member (read or write), checked as need() does. */
  requires(cls: string, member: string, access: 'get' | 'set' = 'get'): void {
    const v = apiSetOf(cls, member, access);
    if (!v) throw new Error(`fake: Excel.${cls}.${member} is not in @types/office-js`);
    this.need(v, `${cls}.${member}${access === 'set' ? ' (set)' : ''}`);
  }
  /** A property write checked when the request runs (the sync fails; earlier commands stay applied). */
  queueSet(cls: string, member: string, op: () => void): void {
    this.queue.push(() => {
      this.requires(cls, member, 'set');
      op();
    });
  }
  async sync(): Promise<void> {
    this.syncs++;
    this.book.syncs++;
    this.book.payloadNow = 0;
    const q = this.queue;
    this.queue = [];
    try {
      for (const op of q) op();
    } finally {
      this.book.calcSuspendedNow = false; // "until the next sync"
    }
    this.book.responses.push(this.book.payloadNow);
  }
}

type Path = string[];

/** Base of every proxy: load() queues a snapshot of the named properties. */
abstract class FObj {
  protected snap = new Map<string, unknown>();
  constructor(protected ctx: FakeContext) {}
  load(spec: string): this {
    const paths = spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => s.split('/'));
    this.ctx.queue.push(() => this.loadNow(paths));
    return this;
  }
  loadNow(paths: Path[]): void {
    this.snap.set('isNullObject', this.readProp('isNullObject'));
    const nested = new Map<string, Path[]>();
    for (const p of paths) {
      if (p.length === 1) this.snap.set(p[0], this.readProp(p[0]));
      else {
        const l = nested.get(p[0]) ?? [];
        l.push(p.slice(1));
        nested.set(p[0], l);
      }
    }
    for (const [nav, sub] of nested) this.child(nav).loadNow(sub);
  }
  protected get<T>(prop: string): T {
    if (!this.snap.has(prop)) throw new Error(`PropertyNotLoaded: ${prop} (load it and sync first)`);
    return this.snap.get(prop) as T;
  }
  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
  protected readProp(prop: string): unknown {
    if (prop === 'isNullObject') return false;
    throw new Error(`fake: cannot load ${prop} on ${this.constructor.name}`);
  }
  protected child(nav: string): FObj {
    throw new Error(`fake: no navigation ${nav} on ${this.constructor.name}`);
  }
  protected queueOp(op: () => void): void {
    this.ctx.queue.push(op);
  }
}

class FWorkbook {
  worksheets: FWorksheetCollection;
  protection: FWorkbookProtection;
  application: FApplication;
  constructor(ctx: FakeContext) {
    this.worksheets = new FWorksheetCollection(ctx);
    this.protection = new FWorkbookProtection(ctx);
    this.application = new FApplication(ctx);
  }
}

class FApplication extends FObj {
  get calculationMode(): string {
    return this.get('calculationMode');
  }
  protected readProp(p: string): unknown {
    if (p === 'calculationMode') {
      this.ctx.requires('Application', 'calculationMode');
      return this.ctx.book.calculationMode;
    }
    return super.readProp(p);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.requires('Application', 'suspendApiCalculationUntilNextSync');
    this.ctx.book.calcSuspended++;
    this.queueOp(() => {
      this.ctx.book.calcSuspendedNow = true;
    });
  }
  calculate(type: string): void {
    this.ctx.requires('Application', 'calculate');
    void type;
    this.queueOp(() => {
      if (this.ctx.book.failCalculate) throw new FakeOfficeError('GeneralException', 'calculate failed');
      this.ctx.book.calculate();
    });
  }
}

class FWorkbookProtection extends FObj {
  get protected(): boolean {
    return this.get('protected');
  }
  protected readProp(p: string): unknown {
    if (p === 'protected') {
      this.ctx.need('1.7', 'workbook.protection');
      return this.ctx.book.structureProtected;
    }
    return super.readProp(p);
  }
}

class FWorksheetCollection extends FObj {
  get items(): FWorksheet[] {
    return this.get('items');
  }
  loadNow(paths: Path[]): void {
    const items = this.ctx.book.sheets.map((s) => new FWorksheet(this.ctx, () => s));
    const sub = paths.filter((p) => p[0] === 'items' && p.length > 1).map((p) => p.slice(1));
    for (const it of items) it.loadNow(sub);
    this.snap.set('items', items);
  }
  add(name: string): FWorksheet {
    let created: FakeSheet | null = null;
    this.queueOp(() => {
      const book = this.ctx.book;
      if (book.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook is protected.');
      if (book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
      }
      created = book.addSheet(name);
      book.log.push({ op: 'addSheet', sheet: name });
    });
    return new FWorksheet(this.ctx, () => {
      if (!created) throw new FakeOfficeError('InvalidOperation', 'sheet not created');
      return created;
    });
  }
  getItem(name: string): FWorksheet {
    return new FWorksheet(this.ctx, () => this.ctx.book.sheet(name));
  }
}

class FWorksheetProtection extends FObj {
  constructor(
    ctx: FakeContext,
    private sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.get('protected');
  }
  protected readProp(p: string): unknown {
    if (p === 'protected') {
      this.ctx.need('1.2', 'worksheet.protection');
      return this.sheet().protected;
    }
    return super.readProp(p);
  }
}

class FWorksheet extends FObj {
  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
  }
  get name(): string {
    return this.get('name');
  }
  get position(): number {
    return this.get('position');
  }
  get visibility(): string {
    return this.get('visibility');
  }
  get protection(): FWorksheetProtection {
    return new FWorksheetProtectionView(this.ctx, this.resolve, this.snap);
  }
  protected readProp(p: string): unknown {
    const s = this.resolve();
    if (p === 'name') return s.name;
    if (p === 'position') return this.ctx.book.sheets.indexOf(s);
    if (p === 'visibility') return s.visibility;
    return super.readProp(p);
  }
  protected child(nav: string): FObj {
    if (nav === 'protection') {
      const prot = new FWorksheetProtection(this.ctx, this.resolve);
      this.snap.set('#protection', prot);
      return prot;
    }
    return super.child(nav);
  }
  getRange(address?: string): FRange {
    return new FRange(this.ctx, this.resolve, () => (address ? parseRange(address) : { top: 0, left: 0, bottom: 1048575, right: 16383 }));
  }
  getUsedRange(valuesOnly?: boolean): FRange {
    if (valuesOnly !== undefined) this.ctx.need('1.2', 'getUsedRange(valuesOnly)');
    return new FRange(this.ctx, this.resolve, () => this.resolve().usedRect() ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FRange {
    this.ctx.need('1.4', 'getUsedRangeOrNullObject');
    void valuesOnly;
    return new FRange(this.ctx, this.resolve, () => this.resolve().usedRect());
  }
  activate(): void {
    this.queueOp(() => {
      this.ctx.book.active = this.resolve().name;
    });
  }
  delete(): void {
    this.ctx.requires('Worksheet', 'delete');
    this.queueOp(() => {
      const book = this.ctx.book;
      const s = this.resolve();
      if (book.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook is protected.');
      book.sheets = book.sheets.filter((x) => x !== s);
      book.log.push({ op: 'deleteSheet', sheet: s.name });
    });
  }
  get freezePanes() {
    this.ctx.need('1.7', 'freezePanes');
    const set = (v: string) =>
      this.queueOp(() => {
        const s = this.resolve();
        s.freeze = v;
        this.ctx.book.log.push({ op: 'freeze', sheet: s.name, address: v });
      });
    return {
      freezeAt: (r: FRange) => set(`at:${rangeAddress(r.rect()!)}`),
      freezeRows: (n: number) => set(`rows:${n}`),
      freezeColumns: (n: number) => set(`cols:${n}`),
    };
  }
  get pageLayout() {
    this.ctx.need('1.9', 'pageLayout');
    const put = (k: string, v: unknown) =>
      this.queueOp(() => {
        const s = this.resolve();
        s.page[k] = v;
        this.ctx.book.log.push({ op: `page.${k}`, sheet: s.name });
      });
    return {
      set orientation(v: string) {
        put('orientation', v);
      },
      set paperSize(v: string) {
        put('paperSize', v);
      },
      set zoom(v: unknown) {
        put('zoom', v);
      },
      setPrintTitleRows: (v: string) => put('titleRows', v),
    };
  }
}

/** worksheet.protection read from the worksheet's own snapshot (items/protection/protected). */
class FWorksheetProtectionView extends FWorksheetProtection {
  constructor(
    ctx: FakeContext,
    sheet: () => FakeSheet,
    private owner: Map<string, unknown>,
  ) {
    super(ctx, sheet);
  }
  get protected(): boolean {
    const p = this.owner.get('#protection') as FWorksheetProtection | undefined;
    if (!p) throw new Error('PropertyNotLoaded: protection/protected');
    return p.protected;
  }
}

function valueType(c: FakeCell | undefined): string {
  if (!c || (c.value === '' && !c.formula)) return 'Empty';
  if (c.error) return 'Error';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

class FRange extends FObj {
  constructor(
    ctx: FakeContext,
    readonly sheet: () => FakeSheet,
    readonly rect: () => RangeRect | null,
  ) {
    super(ctx);
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.write('values', (c, x) => enterIn(this.ctx.book, this.sheet(), c, x), v);
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.write('formulas', (c, x) => enterIn(this.ctx.book, this.sheet(), c, x), v);
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write(
      'numberFormat',
      (c, x) => {
        c.numberFormat = String(x);
      },
      v,
    );
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get address(): string {
    return this.get('address');
  }
  protected readProp(p: string): unknown {
    const r = this.rect();
    if (p === 'isNullObject') return r === null;
    if (!r) return null;
    const s = this.sheet();
    if (p === 'values' || p === 'formulas') {
      const book = this.ctx.book;
      const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      if (cells > book.rangeCellLimit) throw new FakeOfficeError('RangeExceedsLimit', 'The number of cells in the range has exceeded the maximum supported number.');
      book.payloadNow += book.payloadCost ? book.payloadCost(s, r, p) : cells;
      if (book.payloadNow > book.generalExceptionCells) throw new FakeOfficeError('GeneralException', 'An internal error has occurred.');
      if (book.payloadNow > book.payloadCells) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
      if (cells > book.nullValuesCells) return null;
    }
    const grid = (f: (c: FakeCell | undefined) => unknown) => {
      const out: unknown[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: unknown[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(f(s.cells.get(`${row},${col}`)));
        out.push(line);
      }
      return out;
    };
    switch (p) {
      case 'values':
        return grid((c) => (c ? c.value : ''));
      case 'formulas':
        return grid((c) => (c ? (c.formula ?? c.value) : ''));
      case 'valueTypes':
        return grid(valueType);
      case 'numberFormat':
        return grid((c) => (c ? c.numberFormat : 'General'));
      case 'rowIndex':
        return r.top;
      case 'columnIndex':
        return r.left;
      case 'rowCount':
        return r.bottom - r.top + 1;
      case 'columnCount':
        return r.right - r.left + 1;
      case 'address':
        return `${s.name}!${rangeAddress(r)}`;
    }
    return super.readProp(p);
  }
  /** Queue a 2-D write; null entries leave cells unchanged, as in Excel. */
  private write(op: string, put: (c: FakeCell, x: unknown) => void, v: unknown[][]): void {
    const copy = v.map((row) => [...row]);
    this.queueOp(() => {
      const s = this.sheet();
      const r = this.rect()!;
      guard(s);
      if (copy.length !== r.bottom - r.top + 1 || copy.some((row) => row.length !== r.right - r.left + 1)) {
        throw new FakeOfficeError('InvalidArgument', `${op}: array size does not match ${rangeAddress(r)}`);
      }
      if (this.ctx.book.failWrite?.(op, s.name)) throw new FakeOfficeError('GeneralException', `${op} failed on ${s.name}`);
      copy.forEach((row, i) =>
        row.forEach((x, j) => {
          if (x === null || x === undefined) return;
          put(s.cell(r.top + i, r.left + j), x);
        }),
      );
      this.ctx.book.log.push({ op, sheet: s.name, address: rangeAddress(r) });
    });
  }
  /** Run `f` on every cell of the range at sync time, logging `op`. */
  each(op: string, f: (c: FakeCell, s: FakeSheet, row: number, col: number) => void): void {
    this.queueOp(() => {
      const s = this.sheet();
      const r = this.rect()!;
      guard(s);
      for (let row = r.top; row <= Math.min(r.bottom, r.top + 1000); row++)
        for (let col = r.left; col <= Math.min(r.right, r.left + 100); col++) f(s.cell(row, col), s, row, col);
      this.ctx.book.log.push({ op, sheet: s.name, address: rangeAddress(r) });
    });
  }
  get format(): FRangeFormat {
    return new FRangeFormat(this.ctx, this);
  }
  merge(across?: boolean): void {
    this.ctx.requires('Range', 'merge');
    void across;
    this.queueOp(() => {
      const s = this.sheet();
      guard(s);
      const r = this.rect()!;
      // Excel keeps the upper-left value only: the others are gone.
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          if (row === r.top && col === r.left) continue;
          const c = s.cells.get(`${row},${col}`);
          if (c) {
            c.value = '';
            c.formula = undefined;
            c.error = undefined;
          }
        }
      s.merges.push(rangeAddress(r));
      this.ctx.book.log.push({ op: 'merge', sheet: s.name, address: rangeAddress(this.rect()!) });
    });
  }
  select(): void {
    this.queueOp(() => {
      const s = this.sheet();
      if (this.ctx.book.active !== s.name) throw new FakeOfficeError('InvalidOperation', 'select() on a sheet that is not active');
      this.ctx.book.selected = `${s.name}!${rangeAddress(this.rect()!)}`;
    });
  }
  getMergedAreasOrNullObject(): FRangeAreas {
    this.ctx.requires('Range', 'getMergedAreasOrNullObject');
    return new FRangeAreas(this.ctx, this);
  }
  get conditionalFormats(): FCFCollection {
    this.ctx.requires('Range', 'conditionalFormats');
    return new FCFCollection(this.ctx, this);
  }
}

class FRangeAreas extends FObj {
  constructor(
    ctx: FakeContext,
    private range: FRange,
  ) {
    super(ctx);
  }
  private areas(): string[] {
    const s = this.range.sheet();
    const r = this.range.rect()!;
    return s.merges.filter((m) => intersects(parseRange(m), r));
  }
  get address(): string {
    return this.get('address');
  }
  protected readProp(p: string): unknown {
    if (this.areas().length > this.ctx.book.mergedAreaLimit) throw new FakeOfficeError('GeneralException', 'There are too many merged areas to return.');
    if (p === 'isNullObject') return this.areas().length === 0;
    if (p === 'address') {
      const name = this.range.sheet().name;
      const q = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name}'`;
      return this.areas().length
        ? this.areas()
            .map((a) => `${q}!${a}`)
            .join(',')
        : null;
    }
    return super.readProp(p);
  }
}

function guard(s: FakeSheet): void {
  if (s.protected) throw new FakeOfficeError('AccessDenied', `The sheet ${s.name} is protected.`);
}

/** Sheet names a formula refers to ('公开02表'!C7, Sheet2!A1). */
export function sheetsNamed(formula: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^']|'')+)'!|([^\s'!=+\-*/(),:<>&^%"]+)!/g;
  for (let m = re.exec(formula); m; m = re.exec(formula)) out.push((m[1] ?? m[2]).replace(/''/g, "'"));
  return out;
}

/** enter() plus what the workbook does with a formula: #REF! for a missing sheet, calculation. */
function enterIn(book: FakeBook, sheet: FakeSheet, c: FakeCell, x: unknown): void {
  const old = c.value;
  const oldFormula = c.formula;
  enter(c, x);
  if (!c.formula) return;
  const names = new Set(book.sheets.map((s) => s.name.toLowerCase()));
  if (sheetsNamed(c.formula).some((n) => !names.has(n.toLowerCase()))) {
    c.value = '#REF!';
    c.error = '#REF!';
    return;
  }
  const now = book.calculator ? book.calculator(sheet, c.formula) : 0;
  if (book.calculationMode === 'Manual' || book.calcSuspendedNow) {
    c.value = oldFormula !== undefined || old !== '' ? (typeof old === 'string' && old === c.formula ? 0 : old) : 0;
    c.calculated = now;
  } else c.value = now;
}

/** What Excel does with an entered value (values or formulas property). */
function enter(c: FakeCell, x: unknown): void {
  c.formula = undefined;
  c.calculated = undefined;
  c.error = undefined;
  c.quotePrefix = false;
  if (typeof x === 'number' || typeof x === 'boolean') {
    c.value = x;
    return;
  }
  const s = String(x);
  if (s === '') {
    c.value = '';
  } else if (s.startsWith("'")) {
    c.value = s.slice(1);
    c.quotePrefix = true;
  } else if (c.numberFormat === '@') {
    c.value = s;
  } else if (s.startsWith('=')) {
    c.formula = s;
    c.value = 0; // the fake does not calculate
  } else if (/^(true|false)$/i.test(s.trim())) {
    c.value = /^true$/i.test(s.trim());
  } else if (s.trim() !== '' && Number.isFinite(Number(s.replace(/,/g, '')))) {
    c.value = Number(s.replace(/,/g, ''));
  } else {
    c.value = s;
  }
}

class FRangeFormat {
  constructor(
    private ctx: FakeContext,
    private range: FRange,
  ) {}
  private set(op: string, f: (c: FakeCell) => void) {
    this.range.each(op, f);
  }
  get font() {
    const set = this.set.bind(this);
    return {
      set bold(v: boolean) {
        set('font.bold', (c) => (c.bold = v));
      },
      set size(v: number) {
        set('font.size', (c) => (c.fontSize = v));
      },
    };
  }
  get fill(): FFill {
    return new FFill(this.ctx, this.range);
  }
  set horizontalAlignment(v: string) {
    this.set('horizontalAlignment', (c) => (c.horizontal = v));
  }
  set verticalAlignment(v: string) {
    this.set('verticalAlignment', (c) => (c.vertical = v));
  }
  set wrapText(v: boolean) {
    this.set('wrapText', (c) => (c.wrap = v));
  }
  set columnWidth(v: number) {
    const r = this.range;
    this.ctx.queueSet('RangeFormat', 'columnWidth', () => {
      const s = r.sheet();
      guard(s);
      const rect = r.rect()!;
      for (let col = rect.left; col <= rect.right; col++) s.columnWidths.set(col, v);
      this.ctx.book.log.push({ op: 'columnWidth', sheet: s.name, address: rangeAddress(rect) });
    });
  }
  set rowHeight(v: number) {
    const r = this.range;
    this.ctx.queueSet('RangeFormat', 'rowHeight', () => {
      const s = r.sheet();
      guard(s);
      const rect = r.rect()!;
      for (let row = rect.top; row <= rect.bottom; row++) s.rowHeights.set(row, v);
      this.ctx.book.log.push({ op: 'rowHeight', sheet: s.name, address: rangeAddress(rect) });
    });
  }
  get borders() {
    const set = this.set.bind(this);
    return {
      getItem: (idx: string) => ({
        set style(v: string) {
          set(`border.${idx}`, (c) => {
            (c.borders ??= new Set()).add(`${idx}:${v}`);
          });
        },
      }),
    };
  }
}

class FFill extends FObj {
  constructor(
    ctx: FakeContext,
    private range: FRange,
  ) {
    super(ctx);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.range.each('fill', (c) => (c.fill = v));
  }
  clear(): void {
    this.range.each('fill.clear', (c) => (c.fill = null));
  }
  protected readProp(p: string): unknown {
    if (p === 'color') {
      const r = this.range.rect()!;
      const s = this.range.sheet();
      const colors = new Set<string>();
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) colors.add(s.cells.get(`${row},${col}`)?.fill ?? '#FFFFFF');
      return colors.size === 1 ? [...colors][0] : null;
    }
    return super.readProp(p);
  }
}

function intersects(a: RangeRect, b: RangeRect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

class FCFCollection extends FObj {
  constructor(
    ctx: FakeContext,
    private range: FRange,
  ) {
    super(ctx);
  }
  get items(): FCF[] {
    return this.get('items');
  }
  loadNow(paths: Path[]): void {
    const s = this.range.sheet();
    const r = this.range.rect()!;
    const items = s.cfs.filter((cf) => intersects(cf.rect, r)).map((cf) => new FCF(this.ctx, s, () => cf));
    const sub = paths.filter((p) => p[0] === 'items' && p.length > 1).map((p) => p.slice(1));
    for (const it of items) it.loadNow(sub);
    this.snap.set('items', items);
  }
  add(type: string): FCF {
    let made: FakeCF | null = null;
    let sheet: FakeSheet | null = null;
    this.queueOp(() => {
      sheet = this.range.sheet();
      guard(sheet);
      made = { type, rect: this.range.rect()!, formula: null, fill: null };
      sheet.cfs.push(made);
      this.ctx.book.log.push({ op: 'cf.add', sheet: sheet.name, address: rangeAddress(made.rect) });
    });
    return new FCF(
      this.ctx,
      null,
      () => made!,
      () => sheet!,
    );
  }
}

class FCF extends FObj {
  constructor(
    ctx: FakeContext,
    private sheetNow: FakeSheet | null,
    private cf: () => FakeCF,
    private sheetLater?: () => FakeSheet,
  ) {
    super(ctx);
  }
  get type(): string {
    return this.get('type');
  }
  get customOrNullObject(): FCustom {
    const c = this.snap.get('#custom') as FCustom | undefined;
    if (!c) throw new Error('PropertyNotLoaded: customOrNullObject');
    return c;
  }
  get custom(): FCustom {
    return new FCustom(this.ctx, this.cf);
  }
  protected readProp(p: string): unknown {
    if (p === 'type') return this.cf().type;
    return super.readProp(p);
  }
  protected child(nav: string): FObj {
    if (nav === 'customOrNullObject') {
      const c = new FCustom(this.ctx, this.cf);
      this.snap.set('#custom', c);
      return c;
    }
    return super.child(nav);
  }
  /** 0 = evaluated first; a new conditional format comes last until its priority is set. */
  set priority(v: number) {
    this.ctx.queueSet('ConditionalFormat', 'priority', () => {
      const s = this.sheetNow ?? this.sheetLater!();
      const cf = this.cf();
      const rest = s.cfs.filter((x) => x !== cf);
      rest.splice(Math.max(0, Math.min(v, rest.length)), 0, cf);
      s.cfs = rest;
    });
  }
  delete(): void {
    this.queueOp(() => {
      const s = this.sheetNow ?? this.sheetLater!();
      const cf = this.cf();
      s.cfs = s.cfs.filter((x) => x !== cf);
      this.ctx.book.log.push({ op: 'cf.delete', sheet: s.name, address: rangeAddress(cf.rect) });
    });
  }
}

class FCustom extends FObj {
  constructor(
    ctx: FakeContext,
    private cf: () => FakeCF,
  ) {
    super(ctx);
  }
  protected readProp(p: string): unknown {
    if (p === 'isNullObject') return this.cf().type !== 'Custom';
    return super.readProp(p);
  }
  protected child(nav: string): FObj {
    if (nav === 'rule') {
      const r = new FRule(this.ctx, this.cf);
      this.snap.set('#rule', r);
      return r;
    }
    return super.child(nav);
  }
  get rule(): FRule {
    return (this.snap.get('#rule') as FRule | undefined) ?? new FRule(this.ctx, this.cf);
  }
  get format() {
    const q = (op: () => void) => this.ctx.queue.push(op);
    const cf = this.cf;
    return {
      fill: {
        set color(v: string) {
          q(() => {
            cf().fill = v;
          });
        },
      },
    };
  }
}

class FRule extends FObj {
  constructor(
    ctx: FakeContext,
    private cf: () => FakeCF,
  ) {
    super(ctx);
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(v: string) {
    this.queueOp(() => {
      this.cf().formula = v;
    });
  }
  protected readProp(p: string): unknown {
    if (p === 'formula') return this.cf().type === 'Custom' ? this.cf().formula : null;
    return super.readProp(p);
  }
}

/** "A1" text of a cell, for assertions. */
export { a1 };
