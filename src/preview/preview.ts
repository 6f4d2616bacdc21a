/**
 * `npm run preview`: the task pane (an iframe of taskpane.html?host=memory, exactly the
 * page Office shows) beside a simulated workbook drawn from the pane's in-memory host:
 * sheet tabs, a grid (role="grid") with values and formulas, the formula of the selected
 * cell, the selection and the marks as Excel would show them. Starts with the seed
 * sample (公开01–09表 and 补充信息). No Office.js, no request outside this origin.
 */
import { columnLetter as colName, parseA1, isCellError, type CellRef, type CellValue } from '../core/cells';
import type { MemoryHost, MemorySheet } from '../hosts/memory/memory-host';
import { snapshotOf } from '../hosts/memory/memory-host';
import { insertSample } from '../taskpane/app';

interface PaneWindow extends Window {
  __juesuan?: { host: MemoryHost; mode: string };
}

function $(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`预览页缺少元素 #${id}`);
  return e;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e, props);
  for (const c of children) e.append(c);
  return e;
}

/** Smallest grid drawn, as an empty Excel sheet shows a few rows and columns. */
const MIN_ROWS = 30;
const MIN_COLS = 8;

class WorkbookView {
  /** The sheet shown (by name). */
  private shown = '';
  /** The cell the view's cursor is on (row, col), for the formula bar and the keyboard. */
  private cursor = { row: 0, col: 0 };
  private calc: Map<string, Map<string, CellValue>> | null = null;

  constructor(private readonly host: MemoryHost) {
    host.subscribe((call) => this.changed(call));
    $('pv-grid').addEventListener('click', (e) => {
      const td = (e.target as Element).closest('td');
      if (td?.dataset.address) this.pick(parseA1(td.dataset.address));
    });
    $('pv-grid').addEventListener('keydown', (e) => this.key(e));
  }

  private changed(call: string): void {
    if (call === 'apply') this.calc = null;
    if (call === 'select' && this.host.selection[0]) {
      this.shown = this.host.selection[0].sheet;
      this.cursor = parseA1(this.host.selection[0].address.split(':')[0]);
    } else if (call === 'apply' && this.host.activeSheet) {
      this.shown = this.host.activeSheet;
    }
    this.render();
    if (call === 'select') this.reveal();
  }

  /** The user clicked or moved to a cell of the grid: select it in the workbook, as Excel would. */
  private pick(at: { row: number; col: number }): void {
    this.cursor = at;
    void this.host.select([{ sheet: this.shown, address: `${colName(at.col)}${at.row + 1}` }]).then(() => {
      // the grid was redrawn: keep the keyboard on the cell
      document.querySelector<HTMLElement>('#pv-grid td.cursor')?.focus();
    });
  }

  private key(e: KeyboardEvent): void {
    const d: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = d[e.key];
    if (!step) return;
    e.preventDefault();
    this.pick({ row: Math.max(0, this.cursor.row + step[0]), col: Math.max(0, this.cursor.col + step[1]) });
  }

  private sheet(): MemorySheet | undefined {
    const visible = this.host.sheets.filter((s) => s.visible);
    const s = this.host.sheet(this.shown);
    if (s) return s;
    const first = visible[0] ?? this.host.sheets[0];
    this.shown = first?.name ?? '';
    return first;
  }

  render(): void {
    const s = this.sheet();
    this.renderTabs();
    this.renderGrid(s);
    this.renderFormula(s);
    const marks = [...this.host.marks.values()].reduce((n, m) => n + m.size, 0);
    $('pv-status').textContent =
      `${this.host.sheets.length} 张工作表${marks ? `；已标记 ${marks} 个单元格` : ''}${this.host.selection.length ? `；选中 ${selectionLabel(this.host.selection)}` : ''}`;
  }

  private renderTabs(): void {
    const box = $('pv-sheets');
    box.textContent = '';
    for (const s of this.host.sheets) {
      if (!s.visible) continue;
      const tab = el('button', { type: 'button', textContent: s.name });
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(s.name === this.shown));
      tab.tabIndex = s.name === this.shown ? 0 : -1;
      if (this.host.marks.get(s.name)?.size) {
        tab.classList.add('marked');
        tab.title = '此表有标记';
      }
      tab.addEventListener('click', () => {
        this.shown = s.name;
        this.cursor = { row: 0, col: 0 };
        this.render();
      });
      box.append(tab);
    }
  }

  private renderGrid(s: MemorySheet | undefined): void {
    const grid = $('pv-grid');
    grid.textContent = '';
    grid.setAttribute('aria-label', s ? `工作表 ${s.name}` : '工作表');
    if (!s) {
      grid.setAttribute('aria-rowcount', '0');
      return;
    }
    this.calc ??= this.host.calculate();
    const snap = snapshotOf(s, this.calc.get(s.name));
    const rows = Math.max(MIN_ROWS, snap.top + snap.values.length + 2);
    const cols = Math.max(MIN_COLS, snap.left + (snap.values[0]?.length ?? 0) + 1);
    grid.setAttribute('aria-rowcount', String(rows + 1));
    grid.setAttribute('aria-colcount', String(cols + 1));
    const selected = new Set(this.host.selection.filter((c) => c.sheet === s.name).flatMap((c) => expand(c.address)));
    const marks = this.host.marks.get(s.name) ?? new Map<string, string>();
    const covered = new Set<string>();
    const spans = new Map<string, { rows: number; cols: number }>();
    for (const m of s.merges) {
      spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }

    const colgroup = el('colgroup');
    colgroup.append(el('col', { className: 'rowhead' }));
    for (let c = 0; c < cols; c++) {
      const col = el('col');
      col.style.width = `${Math.round((s.columnWidths?.[c] ?? 9) * 7 + 10)}px`;
      colgroup.append(col);
    }
    grid.append(colgroup);
    const head = el('thead');
    const hr = el('tr');
    hr.setAttribute('role', 'row');
    const corner = el('th', { className: 'corner' });
    corner.setAttribute('role', 'columnheader');
    hr.append(corner);
    for (let c = 0; c < cols; c++) {
      const th = el('th', { textContent: colName(c) });
      th.setAttribute('role', 'columnheader');
      if (c === this.cursor.col) th.classList.add('selected-head');
      hr.append(th);
    }
    head.append(hr);
    grid.append(head);
    const body = el('tbody');
    for (let r = 0; r < rows; r++) {
      const tr = el('tr');
      tr.setAttribute('role', 'row');
      tr.setAttribute('aria-rowindex', String(r + 2));
      const th = el('th', { textContent: String(r + 1) });
      th.setAttribute('role', 'rowheader');
      if (r === this.cursor.row) th.classList.add('selected-head');
      tr.append(th);
      for (let c = 0; c < cols; c++) {
        const k = `${r},${c}`;
        if (covered.has(k)) continue;
        const address = `${colName(c)}${r + 1}`;
        const cell = s.cells.get(k);
        const value = cell?.formula ? (this.calc.get(s.name)?.get(k) ?? null) : (cell?.value ?? null);
        const td = el('td', { textContent: display(value, cell?.style?.numberFormat) });
        td.setAttribute('role', 'gridcell');
        td.setAttribute('aria-colindex', String(c + 2));
        td.dataset.address = address;
        const span = spans.get(k);
        if (span) {
          td.rowSpan = span.rows;
          td.colSpan = span.cols;
        }
        if (typeof value === 'number') td.classList.add('num');
        if (isCellError(value)) td.classList.add('error-value');
        if (cell?.formula) {
          td.classList.add('formula');
          td.dataset.formula = cell.formula;
        }
        if (cell?.style?.bold) td.classList.add('bold');
        if (cell?.style?.wrap) td.classList.add('wrap');
        if (cell?.style?.horizontal === 'center') td.classList.add('center');
        const mark = marks.get(k);
        const fill = mark ?? cell?.style?.fill;
        if (fill) td.style.backgroundColor = fill;
        if (mark) td.dataset.mark = mark;
        td.setAttribute('aria-selected', String(selected.has(address)));
        const isCursor = r === this.cursor.row && c === this.cursor.col;
        td.tabIndex = isCursor ? 0 : -1;
        if (isCursor) td.classList.add('cursor');
        tr.append(td);
      }
      body.append(tr);
    }
    grid.append(body);
  }

  private renderFormula(s: MemorySheet | undefined): void {
    const address = `${colName(this.cursor.col)}${this.cursor.row + 1}`;
    $('pv-address').textContent = s ? `${s.name}!${address}` : '';
    const cell = s?.cells.get(`${this.cursor.row},${this.cursor.col}`);
    $('pv-formula').textContent = cell?.formula ?? (cell?.value === null || cell?.value === undefined ? '' : String(cell.value));
  }

  /** Scroll the selected cell into view. */
  private reveal(): void {
    document.querySelector('#pv-grid td.cursor')?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }
}

function display(v: CellValue, format?: string): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'number') {
    if (format && /0\.00/.test(format)) return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return String(Math.round(v * 1e10) / 1e10);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** "公开03表!C8:D9" → every address inside. */
function expand(address: string): string[] {
  const [a, b] = address.split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  const out: string[] = [];
  for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++) {
    for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) out.push(`${colName(c)}${r + 1}`);
  }
  return out;
}

function selectionLabel(cells: CellRef[]): string {
  const first = cells[0];
  return cells.length > 1 ? `${first.sheet}!${first.address} 等 ${cells.length} 处` : `${first.sheet}!${first.address}`;
}

async function paneHost(frame: HTMLIFrameElement): Promise<MemoryHost> {
  for (;;) {
    const w: PaneWindow | null = frame.contentWindow;
    const h = w?.__juesuan?.host;
    if (h && w?.document.body.dataset.ready === 'memory') return h;
    await new Promise((r) => window.setTimeout(r, 50));
  }
}

async function loadSample(host: MemoryHost): Promise<void> {
  host.sheets = [];
  host.marks = new Map();
  host.selection = [];
  host.activeSheet = undefined;
  await insertSample(host);
  host.activeSheet = host.sheets[0]?.name;
  host.notify('apply');
}

async function main(): Promise<void> {
  const frame = $('pv-pane') as HTMLIFrameElement;
  const width = $('pv-width') as HTMLSelectElement;
  width.addEventListener('change', () => {
    frame.className = width.value === '340' ? '' : `w${width.value}`;
  });
  const host = await paneHost(frame);
  const view = new WorkbookView(host);
  if (!new URLSearchParams(window.location.search).has('empty')) await loadSample(host);
  view.render();
  $('pv-reset').addEventListener('click', () => void loadSample(host));
  $('pv-empty').addEventListener('click', () => {
    host.sheets = [];
    host.marks = new Map();
    host.selection = [];
    host.activeSheet = undefined;
    host.notify('apply');
  });
  document.body.dataset.ready = 'preview';
}

main().catch((e: unknown) => {
  $('pv-status').textContent = `预览无法启动：${e instanceof Error ? e.message : String(e)}`;
});
