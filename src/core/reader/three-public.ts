import type { ColumnId, Line, TableModel } from '../model/tables';
import { tidyLabel } from '../text/normalize';
import { Problems, headerPaths, isColumnNumberRow, isMetaKey, labelKey, noteOfRow, readAmountCell, scanMeta, type Block, tableModelOf } from './common';
import { THREE_PUBLIC_ACTUAL_RE, THREE_PUBLIC_BUDGET_RE, THREE_PUBLIC_ITEMS } from './vocabulary';

type Kind = 'budget' | 'actual';

function itemOf(texts: string[]): ColumnId | undefined {
  for (let i = texts.length - 1; i >= 0; i--) {
    if (texts[i] === '小计' && texts.slice(0, i).some((t) => /公务用车/.test(t))) return 'carTotal';
    const spec = THREE_PUBLIC_ITEMS.find((s) => s.re.test(texts[i]));
    if (spec) return spec.id;
  }
  return undefined;
}
function kindOf(texts: string[]): Kind | undefined {
  for (let i = texts.length - 1; i >= 0; i--) {
    if (THREE_PUBLIC_BUDGET_RE.test(texts[i])) return 'budget';
    if (THREE_PUBLIC_ACTUAL_RE.test(texts[i])) return 'actual';
  }
  return undefined;
}

/**
 * 07 "三公"经费: one data row under a 预算数 block and a 决算数 block, or 预算数/决算数
 * interleaved under each item (Shanghai), or rows labelled 预算数 / 决算数.
 * Lines 'budget' and 'actual'; columns total, abroad, carTotal, carPurchase, carOperation,
 * reception. model.columns maps each id to its 决算数 column and 'budget.<id>' to its
 * 预算数 column.
 */
export function readThreePublic(block: Block, problems: Problems): TableModel {
  const { grid, key } = block;
  const from = block.titleRow + 1;
  const to = block.bottom;
  // Header rows: rows holding item or kind texts (before the first data row).
  const headerRows: number[] = [];
  for (let r = from; r <= to; r++) {
    if (noteOfRow(grid, r)) break;
    if (grid.rowEmpty(r)) continue;
    const texts = grid.rowTexts(r);
    const hasItem = texts.some((t) => THREE_PUBLIC_ITEMS.some((s) => s.re.test(t.key)) || t.key === '小计');
    const hasKind = texts.some((t) => THREE_PUBLIC_BUDGET_RE.test(t.key) || THREE_PUBLIC_ACTUAL_RE.test(t.key));
    if ((hasItem || hasKind) && !rowHasNumbers(grid, r)) headerRows.push(r);
    else if (headerRows.length) break;
  }
  const cols: number[] = [];
  for (let c = grid.left; c <= grid.right; c++) cols.push(c);
  const paths = headerPaths(grid, headerRows, cols);
  const found: Array<{ col: number; item: ColumnId; kind?: Kind }> = [];
  for (const c of cols) {
    const item = itemOf(paths.get(c) ?? []);
    if (item) found.push({ col: c, item, kind: kindOf(paths.get(c) ?? []) });
  }
  // Kinds: an item seen twice takes 预算数 then 决算数 by position unless the headers tell
  // them apart (the seed prints its 决算数 header beyond the data, so headers can lie).
  const firstBudget = firstCol(grid, headerRows, THREE_PUBLIC_BUDGET_RE);
  const firstActual = firstCol(grid, headerRows, THREE_PUBLIC_ACTUAL_RE);
  const order: Kind[] = firstActual !== undefined && (firstBudget === undefined || firstActual < firstBudget) ? ['actual', 'budget'] : ['budget', 'actual'];
  const byItem = new Map<ColumnId, typeof found>();
  for (const f of found) byItem.set(f.item, [...(byItem.get(f.item) ?? []), f]);
  let columnsPerKind = false;
  for (const [, list] of byItem) {
    if (list.length >= 2) {
      columnsPerKind = true;
      const kinds = new Set(list.map((x) => x.kind));
      if (kinds.size !== list.length || kinds.has(undefined)) list.forEach((x, i) => (x.kind = order[i] ?? x.kind));
    } else if (list.length === 1 && !list[0].kind) {
      list[0].kind = undefined;
    }
  }
  const columns: Partial<Record<ColumnId, number>> = {};
  const kindCols: Record<Kind, Partial<Record<ColumnId, number>>> = { budget: {}, actual: {} };
  for (const f of found) {
    const k = f.kind ?? 'actual';
    if (kindCols[k][f.item] === undefined) kindCols[k][f.item] = f.col;
  }
  for (const [id, c] of Object.entries(kindCols.actual)) columns[id] = c;
  for (const [id, c] of Object.entries(kindCols.budget)) columns[`budget.${id}`] = c;

  const meta = scanMeta(grid, block.top, block.bottom);
  const lines: Line[] = [];
  const notes: string[] = [];
  let lastRow = headerRows.length ? headerRows[headerRows.length - 1] : block.titleRow;
  const start = lastRow + 1;
  let dataRow: number | undefined;
  const rowLines: Array<{ kind: Kind; row: number; label: string }> = [];
  for (let r = start; r <= to; r++) {
    if (grid.rowEmpty(r)) continue;
    const note = noteOfRow(grid, r);
    if (note) {
      notes.push(note);
      lastRow = r;
      continue;
    }
    const texts = grid.rowTexts(r);
    if (texts.length && texts.every((t) => isMetaKey(t.key))) continue;
    if (isColumnNumberRow(grid, r)) continue;
    const label = texts.find((t) => !found.some((f) => f.col === t.col));
    const labelKind = label ? kindOf([label.key]) : undefined;
    if (labelKind) {
      rowLines.push({ kind: labelKind, row: r, label: tidyLabel(label!.text) });
      lastRow = r;
      continue;
    }
    if (dataRow === undefined && !notes.length) {
      dataRow = r;
      lastRow = r;
    }
  }
  if (rowLines.length && !columnsPerKind) {
    // Rows labelled 预算数 / 决算数, items across.
    const itemCols: Partial<Record<ColumnId, number>> = {};
    for (const f of found) if (itemCols[f.item] === undefined) itemCols[f.item] = f.col;
    for (const k of Object.keys(columns)) delete columns[k];
    Object.assign(columns, itemCols);
    for (const rl of rowLines) {
      if (lines.some((l) => l.id === rl.kind)) continue;
      const values: Line['values'] = {};
      for (const [id, c] of Object.entries(itemCols)) values[id] = readAmountCell(grid, rl.row, c!, key, problems, rl.label);
      lines.push({ id: rl.kind, label: rl.label, row: rl.row, values });
    }
  } else if (found.length) {
    const row = dataRow ?? (headerRows.length ? headerRows[headerRows.length - 1] + 1 : block.titleRow + 1);
    for (const kind of ['budget', 'actual'] as Kind[]) {
      const cs = kindCols[kind];
      if (!Object.keys(cs).length) continue;
      const values: Line['values'] = {};
      for (const [id, c] of Object.entries(cs)) values[id] = readAmountCell(grid, row, c!, key, problems, kind === 'budget' ? '预算数' : '决算数');
      lines.push({ id: kind, label: kind === 'budget' ? '预算数' : '决算数', row, values });
    }
  } else if (readVertical(block, headerRows, lines, columns, problems)) {
    lastRow = Math.max(lastRow, ...lines.flatMap((l) => Object.values(l.values).map((a) => rowOfAddress(a!.cell.address))));
  } else {
    problems.add(key, `${grid.where(block.titleRow, block.titleCol)}：找到了${tidyLabel(block.title)}的标题，但认不出“三公”经费各栏的表头，未能读取。`, [
      grid.ref(block.titleRow, block.titleCol),
    ]);
  }
  return tableModelOf(block, meta, { columns, lines, notes, lastRow });
}

function rowOfAddress(address: string): number {
  return Number(/\d+$/.exec(address)![0]) - 1;
}

/**
 * Items as rows (合计, 因公出国（境）费, 公务用车购置及运行费, 其中：公务用车购置费 …) and
 * 预算数 / 决算数 as columns. columns.budget / columns.actual name those two columns.
 */
function readVertical(block: Block, headerRows: number[], lines: Line[], columns: Partial<Record<ColumnId, number>>, problems: Problems): boolean {
  const { grid, key } = block;
  let budgetCol: number | undefined;
  let actualCol: number | undefined;
  let headerRow: number | undefined;
  for (const r of headerRows) {
    for (const t of grid.rowTexts(r)) {
      if (budgetCol === undefined && THREE_PUBLIC_BUDGET_RE.test(t.key)) budgetCol = t.col;
      if (actualCol === undefined && THREE_PUBLIC_ACTUAL_RE.test(t.key)) actualCol = t.col;
    }
    if (budgetCol !== undefined || actualCol !== undefined) headerRow = r;
  }
  if (headerRow === undefined) return false;
  const firstKindCol = Math.min(budgetCol ?? Infinity, actualCol ?? Infinity);
  const values: Record<Kind, Line['values']> = { budget: {}, actual: {} };
  let firstRow: number | undefined;
  let carSeen = false;
  for (let r = headerRow + 1; r <= block.bottom; r++) {
    if (noteOfRow(grid, r)) break;
    const label = grid.rowTexts(r).find((t) => t.col < firstKindCol);
    if (!label) continue;
    const k = labelKey(label.text);
    let item = itemOf([k]);
    if (k === '小计' && carSeen) item = 'carTotal';
    if (!item) continue;
    if (item === 'carTotal') carSeen = true;
    if (firstRow === undefined) firstRow = r;
    for (const [kind, col] of [
      ['budget', budgetCol],
      ['actual', actualCol],
    ] as Array<[Kind, number | undefined]>) {
      if (col === undefined || values[kind][item]) continue;
      values[kind][item] = readAmountCell(grid, r, col, key, problems, `${tidyLabel(label.text)}${kind === 'budget' ? '预算数' : '决算数'}`);
    }
  }
  if (firstRow === undefined) return false;
  if (budgetCol !== undefined) {
    columns.budget = budgetCol;
    lines.push({ id: 'budget', label: '预算数', row: firstRow, values: values.budget });
  }
  if (actualCol !== undefined) {
    columns.actual = actualCol;
    lines.push({ id: 'actual', label: '决算数', row: firstRow, values: values.actual });
  }
  return true;
}

function rowHasNumbers(grid: Block['grid'], r: number): boolean {
  for (let c = grid.left; c <= grid.right; c++) {
    const v = grid.value(r, c);
    if (typeof v === 'number') return true;
    if (typeof v === 'string' && /^[\s\d.,，-]+$/.test(v) && /\d/.test(v)) return true;
  }
  return false;
}

function firstCol(grid: Block['grid'], rows: number[], re: RegExp): number | undefined {
  let best: number | undefined;
  for (const r of rows) for (const t of grid.rowTexts(r)) if (re.test(t.key) && (best === undefined || t.col < best)) best = t.col;
  return best;
}
