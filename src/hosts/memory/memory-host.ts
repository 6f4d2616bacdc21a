import { parseA1, type CellRef, type CellValue, type RangeRect } from '../../core/cells';
import type { SheetSnapshot } from '../../core/model/snapshot';
import { evaluateSheets } from '../../core/formulas/evaluate';
import type { CellStyle, SheetPlan, WriteBatch } from '../../core/plan/sheet-plan';
import { sheetNameProblem } from '../../core/plan/sheet-name';
import { HostError, type MarkRequest, type SheetInfo, type WorkbookHost } from '../../core/host';

/**
 * An in-memory workbook implementing WorkbookHost: for tests, the CLI's dry runs and
 * anywhere a real spreadsheet is not at hand. Cells keep a value or a formula and a
 * style; marks are kept apart from the user's fill so clearMarks restores exactly.
 * apply() validates the whole batch before writing anything.
 */

export interface MemoryCell {
  value: string | number | boolean | null;
  formula?: string;
  style?: CellStyle;
}

export interface MemorySheet {
  name: string;
  cells: Map<string, MemoryCell>;
  merges: RangeRect[];
  protected: boolean;
  visible: boolean;
  columnWidths?: number[];
  rowHeights?: Record<number, number>;
  freeze?: SheetPlan['freeze'];
  print?: SheetPlan['print'];
}

/**
 * Computes formula values for readSheets (e.g. HyperFormula in tests). Given every
 * sheet, returns the value of each formula cell by sheet name and "row,col".
 */
export type Calculator = (sheets: MemorySheet[]) => Map<string, Map<string, CellValue>>;

/** Calculator with the built-in evaluator: cells it cannot compute are left out (blank). */
export const builtInCalculator: Calculator = (sheets) => evaluateSheets(sheets).values;

const key = (r: number, c: number) => `${r},${c}`;

export class MemoryHost implements WorkbookHost {
  readonly kind = 'memory';
  sheets: MemorySheet[] = [];
  structureProtected = false;
  /** Marks by sheet and "row,col" → colour. */
  marks = new Map<string, Map<string, string>>();
  selection: CellRef[] = [];
  activeSheet?: string;
  /** Calls made through the WorkbookHost interface (each one host round trip). */
  roundTrips = 0;
  /** Calls by method name. */
  calls: string[] = [];
  private readonly listeners = new Set<(call: string) => void>();

  /**
   * calculator: computes formula values for readSheets (e.g. HyperFormula in tests);
   * calculate: true uses the built-in evaluator (src/core/formulas/evaluate.ts) — a
   * formula outside its subset reads as blank. Without either, formulas read as blank.
   */
  constructor(private readonly options: { calculator?: Calculator; calculate?: boolean } = {}) {}

  // ---- test and setup helpers (not part of WorkbookHost) ----

  addSheet(name: string): MemorySheet {
    if (this.sheet(name)) throw new Error(`sheet exists: ${name}`);
    const s: MemorySheet = { name, cells: new Map(), merges: [], protected: false, visible: true };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): MemorySheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  /** Type a value (or a formula starting with "=") into a cell, as the user would. */
  setCell(sheet: string, address: string, v: string | number | boolean | null): void {
    const s = this.sheet(sheet) ?? this.addSheet(sheet);
    const { row, col } = parseA1(address);
    const prev = s.cells.get(key(row, col));
    if (typeof v === 'string' && v.startsWith('=')) s.cells.set(key(row, col), { value: null, formula: v, style: prev?.style });
    else s.cells.set(key(row, col), { value: v, style: prev?.style });
  }

  cell(sheet: string, address: string): MemoryCell | undefined {
    const { row, col } = parseA1(address);
    return this.sheet(sheet)?.cells.get(key(row, col));
  }

  /**
   * Insert blank rows before 0-based row `at`, as a user would: cells and merges move
   * down and references to moved cells follow (a range grows when the rows go inside
   * it, not when they go just below it — as in Excel).
   */
  insertRows(sheet: string, at: number, count = 1): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const moved = new Map<string, MemoryCell>();
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(',').map(Number);
      moved.set(key(r >= at ? r + count : r, col), c);
    }
    s.cells = moved;
    s.merges = s.merges.map((m) => ({
      ...m,
      top: m.top >= at ? m.top + count : m.top,
      bottom: m.bottom >= at ? m.bottom + count : m.bottom,
    }));
    const quoted = (name: string) => name.replace(/'/g, "''");
    for (const other of this.sheets) {
      for (const c of other.cells.values()) {
        if (!c.formula) continue;
        c.formula = c.formula.replace(
          /((?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_]*))!)?(\$?[A-Z]{1,3}\$?\d+)(:\$?[A-Z]{1,3}\$?\d+)?(?![\d(])/g,
          (m, prefix: string | undefined, q: string | undefined, plain: string | undefined, first: string, second?: string) => {
            const target = prefix ? (q !== undefined ? q : plain) : other.name;
            if (target !== sheet && target !== quoted(sheet)) return m;
            const shift = (ref: string) => ref.replace(/(\d+)$/, (d) => String(Number(d) - 1 >= at ? Number(d) + count : Number(d)));
            return `${prefix ?? ''}${shift(first)}${second ? `:${shift(second.slice(1))}` : ''}`;
          },
        );
      }
    }
  }

  protectSheet(name: string, on = true): void {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    s.protected = on;
  }

  protectStructure(on = true): void {
    this.structureProtected = on;
  }

  /** Calculated values of every formula cell (via the calculator), by sheet then "row,col". */
  calculate(): Map<string, Map<string, CellValue>> {
    if (this.options.calculator) return this.options.calculator(this.sheets);
    return this.options.calculate ? builtInCalculator(this.sheets) : new Map<string, Map<string, CellValue>>();
  }

  private trip(name: string) {
    this.roundTrips++;
    this.calls.push(name);
  }

  /**
   * Be told after each call that changed the workbook, the marks or the selection
   * (apply, mark, clearMarks, select) — e.g. to redraw a view of it. Returns the unsubscribe.
   */
  subscribe(listener: (call: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tell the listeners (setup helpers that change the workbook call it too). */
  notify(call: string): void {
    for (const l of this.listeners) l(call);
  }

  // ---- WorkbookHost ----

  async isStructureProtected(): Promise<boolean> {
    this.trip('isStructureProtected');
    return this.structureProtected;
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.trip('listSheets');
    return this.sheets.map((s, index) => ({ name: s.name, index, protected: s.protected, visible: s.visible }));
  }

  async readSheets(names?: string[]): Promise<SheetSnapshot[]> {
    this.trip('readSheets');
    const wanted = names ? names.map((n) => this.sheet(n)).filter((s): s is MemorySheet => !!s) : this.sheets;
    const calc = wanted.some((s) => [...s.cells.values()].some((c) => c.formula)) ? this.calculate() : new Map<string, Map<string, CellValue>>();
    return wanted.map((s) => snapshotOf(s, calc.get(s.name)));
  }

  async apply(batch: WriteBatch): Promise<void> {
    this.trip('apply');
    // Validate everything first: a refusal leaves the workbook as it was.
    const names = new Set(this.sheets.map((s) => s.name.toLowerCase()));
    if (batch.create.length && this.structureProtected) {
      throw new HostError(`工作簿结构受保护，无法新增工作表“${batch.create.map((p) => p.name).join('、')}”。请先在“审阅”中撤销工作簿保护，再重试。`);
    }
    for (const p of batch.create) {
      const badName = sheetNameProblem(p.name);
      if (badName) throw new HostError(`${badName}，未写入任何内容。`);
      if (names.has(p.name.toLowerCase())) throw new HostError(`已存在名为“${p.name}”的工作表，未写入任何内容。`);
      names.add(p.name.toLowerCase());
    }
    for (const p of batch.update) {
      const s = this.sheet(p.name);
      if (!s) throw new HostError(`找不到工作表“${p.name}”，未写入任何内容。`);
      if (s.protected) {
        throw new HostError(`工作表“${p.name}”受保护，无法写入。请先撤销该工作表的保护，再重试；未写入任何内容。`, [{ sheet: p.name, address: 'A1' }]);
      }
    }
    for (const p of [...batch.create, ...batch.update]) {
      for (const c of p.cells) {
        if (c.formula !== undefined && !c.formula.startsWith('=')) {
          throw new HostError(`工作表“${p.name}”的公式“${c.formula}”无效，未写入任何内容。`);
        }
        if (c.style && !p.styles[c.style]) throw new HostError(`工作表“${p.name}”引用了未定义的样式“${c.style}”。`);
      }
    }
    // Write.
    for (const p of batch.create) writePlan(this.addSheet(p.name), p);
    for (const p of batch.update) writePlan(this.sheet(p.name)!, p);
    if (batch.activate) this.activeSheet = batch.activate;
    this.notify('apply');
  }

  async mark(request: MarkRequest): Promise<void> {
    this.trip('mark');
    if (!request.keep) this.marks = new Map();
    for (const c of request.cells) {
      const { row, col } = parseA1(c.address);
      const m = this.marks.get(c.sheet) ?? new Map<string, string>();
      m.set(key(row, col), request.color);
      this.marks.set(c.sheet, m);
    }
    this.notify('mark');
  }

  async clearMarks(): Promise<void> {
    this.trip('clearMarks');
    this.marks = new Map();
    this.notify('clearMarks');
  }

  async select(cells: CellRef[]): Promise<void> {
    this.trip('select');
    this.selection = [...cells];
    if (cells[0]) this.activeSheet = cells[0].sheet;
    this.notify('select');
  }
}

function writePlan(s: MemorySheet, p: SheetPlan): void {
  for (const c of p.cells) {
    const k = key(c.row, c.col);
    const prev = s.cells.get(k);
    const style = c.style ? { ...p.styles[c.style] } : prev?.style;
    if (c.formula !== undefined) s.cells.set(k, { value: null, formula: c.formula, style });
    else if (c.value !== undefined) s.cells.set(k, { value: c.value, style });
    else s.cells.set(k, { value: prev?.value ?? null, formula: prev?.formula, style });
  }
  for (const m of p.merges) {
    const overlaps = (a: RangeRect) => !(a.right < m.left || a.left > m.right || a.bottom < m.top || a.top > m.bottom);
    s.merges = s.merges.filter((a) => !overlaps(a));
    s.merges.push({ ...m });
  }
  if (p.columnWidths) s.columnWidths = [...p.columnWidths];
  if (p.rowHeights) s.rowHeights = { ...(s.rowHeights ?? {}), ...p.rowHeights };
  if (p.freeze) s.freeze = { ...p.freeze };
  if (p.print) s.print = { ...p.print };
}

/** The used range of a memory sheet as a snapshot (formula values from calc when given). */
export function snapshotOf(s: MemorySheet, calc?: Map<string, CellValue>): SheetSnapshot {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, c] of s.cells) {
    if (c.value === null && c.formula === undefined) continue;
    const [r, col] = k.split(',').map(Number);
    top = Math.min(top, r);
    left = Math.min(left, col);
    bottom = Math.max(bottom, r);
    right = Math.max(right, col);
  }
  const hidden = s.visible ? {} : { hidden: true };
  if (bottom < 0) return { name: s.name, top: 0, left: 0, values: [], formulas: [], merges: s.merges.map((m) => ({ ...m })), protected: s.protected, ...hidden };
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = top; r <= bottom; r++) {
    const vr: CellValue[] = [];
    const fr: (string | null)[] = [];
    for (let c = left; c <= right; c++) {
      const cell = s.cells.get(key(r, c));
      if (cell?.formula) {
        vr.push(calc?.get(key(r, c)) ?? null);
        fr.push(cell.formula);
      } else {
        vr.push(cell?.value ?? null);
        fr.push(null);
      }
    }
    values.push(vr);
    formulas.push(fr);
  }
  return { name: s.name, top, left, values, formulas, merges: s.merges.map((m) => ({ ...m })), protected: s.protected, ...hidden };
}
