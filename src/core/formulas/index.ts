import { a1, columnLetter, parseA1, sheetPrefix } from '../cells';
import type { CellWrite } from '../plan/sheet-plan';
import type { ColumnId, Line, TableKey, TableModel, WorkbookModel } from '../model/tables';

/**
 * Formula builders. They work from a TableModel — the rows and columns a sheet
 * ACTUALLY has (ours, or one read from someone else's workbook) — and return the
 * formula cells to write. Pure: no host, no sheet access.
 *
 * A cell an accountant types (a 项 row, a 类 without children, 01 income rows …)
 * never gets a formula: only totals and subtotals do.
 */

export interface Pos {
  row: number;
  col: number;
}

/** Where a line's value for a column sits: the Amount's cell, else model.columns. */
export function locate(t: TableModel, l: Line, col: ColumnId): Pos | undefined {
  const a = l.values[col];
  if (a?.cell && a.cell.sheet === t.sheet) return parseA1(a.cell.address);
  let c: number | undefined;
  if (t.key === 'summary' && l.side === 'expense') c = t.columns[`exp.${col}`];
  if (c === undefined && t.key === 'threePublic') c = t.columns[`${l.id}.${col}`];
  if (c === undefined) c = t.columns[col];
  return c === undefined ? undefined : { row: l.row, col: c };
}

/** Compress cells into ranges: contiguous rows in one column, or contiguous columns in one row. */
export function refList(cells: Pos[], prefix = ''): string[] {
  const uniq = [...new Map(cells.map((p) => [`${p.row},${p.col}`, p])).values()];
  const out: string[] = [];
  const byCol = new Map<number, Pos[]>();
  for (const p of uniq) byCol.set(p.col, [...(byCol.get(p.col) ?? []), p]);
  const singles: Pos[] = [];
  for (const [col, ps] of byCol) {
    const rows = ps.map((p) => p.row).sort((x, y) => x - y);
    let start = rows[0];
    let prev = rows[0];
    const flush = () => {
      if (start === prev) singles.push({ row: start, col });
      else out.push(`${prefix}${a1(start, col)}:${a1(prev, col)}`);
    };
    for (const r of rows.slice(1)) {
      if (r === prev + 1) prev = r;
      else {
        flush();
        start = prev = r;
      }
    }
    flush();
  }
  // Singles in one row: compress contiguous columns.
  const byRow = new Map<number, number[]>();
  for (const p of singles) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p.col]);
  for (const [row, cols] of byRow) {
    cols.sort((x, y) => x - y);
    let start = cols[0];
    let prev = cols[0];
    const flush = () => out.push(start === prev ? `${prefix}${a1(row, start)}` : `${prefix}${a1(row, start)}:${a1(row, prev)}`);
    for (const c of cols.slice(1)) {
      if (c === prev + 1) prev = c;
      else {
        flush();
        start = prev = c;
      }
    }
    flush();
  }
  return out;
}

/** "=SUM(C8:C10,C12)" over the cells (sheet-qualified when prefix is given). */
export function sumFormula(cells: Pos[], prefix = ''): string {
  return `=SUM(${refList(cells, prefix).join(',')})`;
}

function write(at: Pos | undefined, parts: Array<Pos | undefined>, out: CellWrite[]) {
  const ps = parts.filter((p): p is Pos => !!p);
  if (!at || ps.length === 0) return;
  if (ps.some((p) => p.row === at.row && p.col === at.col)) return;
  out.push({ row: at.row, col: at.col, formula: sumFormula(ps) });
}

const byId = (t: TableModel, id: string) => t.lines.find((l) => l.id === id);

/** Row totals of classified tables: target column = Σ parts, on rows without children. */
export const ROW_TOTALS: Partial<Record<TableKey, { target: ColumnId; parts: ColumnId[] }>> = {
  income: { target: 'total', parts: ['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'] },
  expenditure: { target: 'total', parts: ['basic', 'project', 'toSuperior', 'operating', 'toAffiliated'] },
  gpbExpenditure: { target: 'total', parts: ['basic', 'project'] },
  govFund: { target: 'total', parts: ['basic', 'project'] },
  stateCapital: { target: 'total', parts: ['basic', 'project'] },
};

/**
 * Children of a line by code prefix: 类 → its 款, and its 项 whose 款 row is missing;
 * 款 → its 项; 合计 → the 类 rows, and any 款/项 row whose parents are all missing.
 */
export function childrenOf(t: TableModel, l: Line): Line[] {
  const coded = t.lines.filter((x) => x.code && x !== l && (l.side === undefined || x.side === l.side));
  const codes = new Set(coded.map((x) => x.code!));
  const hasParent = (code: string, within: number) => [3, 5].some((len) => len < code.length && len >= within && codes.has(code.slice(0, len)));
  if (l.id === 'total' || l.id === 'exp.total') {
    return coded.filter((x) => [3, 5, 7].includes(x.code!.length) && !hasParent(x.code!, 3));
  }
  if (!l.code) return [];
  if (l.code.length === 3) {
    return coded.filter((x) => x.code!.startsWith(l.code!) && (x.code!.length === 5 || (x.code!.length === 7 && !codes.has(x.code!.slice(0, 5)))));
  }
  if (l.code.length === 5) return coded.filter((x) => x.code!.length === 7 && x.code!.startsWith(l.code!));
  return [];
}

/** 02/03/05/08/09: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 in every amount column; row totals on leaf rows. */
export function classifiedFormulas(t: TableModel): CellWrite[] {
  const out: CellWrite[] = [];
  const cols = Object.keys(t.columns);
  const rt = ROW_TOTALS[t.key];
  for (const l of t.lines) {
    if (l.id !== 'total' && !l.code) continue;
    const kids = childrenOf(t, l);
    if (kids.length) {
      for (const c of cols)
        write(
          locate(t, l, c),
          kids.map((k) => locate(t, k, c)),
          out,
        );
    } else if (rt && l.id !== 'total') {
      write(
        locate(t, l, rt.target),
        rt.parts.map((p) => locate(t, l, p)),
        out,
      );
    }
  }
  return out;
}

/** 01 收入支出决算总表. */
export function summaryFormulas(t: TableModel): CellWrite[] {
  const out: CellWrite[] = [];
  const at = (id: string) => {
    const l = byId(t, id);
    return l ? locate(t, l, 'amount') : undefined;
  };
  write(at('inc.total'), ['inc.gpb', 'inc.govFund', 'inc.stateCapital', 'inc.superior', 'inc.business', 'inc.operating', 'inc.affiliated', 'inc.other'].map(at), out);
  write(at('inc.grandTotal'), ['inc.total', 'inc.useNonFiscalBalance', 'inc.opening'].map(at), out);
  const classes = t.lines.filter((l) => l.side === 'expense' && l.level === 'class');
  write(
    at('exp.total'),
    classes.map((l) => locate(t, l, 'amount')),
    out,
  );
  write(at('exp.grandTotal'), ['exp.total', 'exp.balanceDistribution', 'exp.closing'].map(at), out);
  return out;
}

const FUNDS = ['gpb', 'govFund', 'stateCapital'] as const;

/** 04 财政拨款收入支出决算总表. */
export function fiscalSummaryFormulas(t: TableModel): CellWrite[] {
  const out: CellWrite[] = [];
  const at = (id: string, col: ColumnId) => {
    const l = byId(t, id);
    return l ? locate(t, l, col) : undefined;
  };
  write(
    at('inc.total', 'amount'),
    ['inc.gpb', 'inc.govFund', 'inc.stateCapital'].map((id) => at(id, 'amount')),
    out,
  );
  write(
    at('inc.opening', 'amount'),
    FUNDS.map((f) => at(`inc.opening.${f}`, 'amount')),
    out,
  );
  write(
    at('inc.grandTotal', 'amount'),
    ['inc.total', 'inc.opening'].map((id) => at(id, 'amount')),
    out,
  );
  const classes = t.lines.filter((l) => l.side === 'expense' && l.level === 'class');
  for (const l of classes)
    write(
      locate(t, l, 'total'),
      FUNDS.map((f) => locate(t, l, f)),
      out,
    );
  const closingRows = FUNDS.map((f) => byId(t, `exp.closing.${f}`)).filter((l): l is Line => !!l);
  for (const c of ['total', ...FUNDS]) {
    write(
      at('exp.total', c),
      classes.map((l) => locate(t, l, c)),
      out,
    );
    write(at('exp.grandTotal', c), [at('exp.total', c), at('exp.closing', c)], out);
  }
  if (closingRows.length) {
    // Closing split into rows (another layout): the 年末 row's amount = Σ the fund rows.
    for (const c of ['total', 'amount'])
      write(
        at('exp.closing', c),
        closingRows.map((l) => locate(t, l, c)),
        out,
      );
  } else {
    write(
      at('exp.closing', 'total'),
      FUNDS.map((f) => at('exp.closing', f)),
      out,
    );
  }
  return out;
}

/** 06: each 类 = Σ its items; 人员经费合计 = 301 + 303; 公用经费合计 = 302 + 307 + 310 + 399 (those present). */
export function gpbBasicFormulas(t: TableModel): CellWrite[] {
  const out: CellWrite[] = [];
  const at = (l: Line | undefined) => (l ? locate(t, l, 'amount') : undefined);
  for (const l of t.lines) {
    if (l.code?.length !== 3) continue;
    const kids = t.lines.filter((x) => x.code?.length === 5 && x.code.startsWith(l.code!));
    write(at(l), kids.map(at), out);
  }
  write(
    at(byId(t, 'personnelTotal')),
    ['301', '303'].map((c) => at(byId(t, c))),
    out,
  );
  write(
    at(byId(t, 'publicTotal')),
    ['302', '307', '310', '399'].map((c) => at(byId(t, c))),
    out,
  );
  return out;
}

/** 三公: 合计 = 因公出国 + 公务用车小计 + 公务接待; 小计 = 购置 + 运行; for 预算数 and 决算数. */
export function threePublicFormulas(t: TableModel): CellWrite[] {
  const out: CellWrite[] = [];
  for (const l of t.lines) {
    write(locate(t, l, 'carTotal'), [locate(t, l, 'carPurchase'), locate(t, l, 'carOperation')], out);
    write(locate(t, l, 'total'), [locate(t, l, 'abroad'), locate(t, l, 'carTotal'), locate(t, l, 'reception')], out);
  }
  return out;
}

/** Every within-table formula of a table. */
export function tableFormulas(t: TableModel): CellWrite[] {
  switch (t.key) {
    case 'summary':
      return summaryFormulas(t);
    case 'fiscalSummary':
      return fiscalSummaryFormulas(t);
    case 'gpbBasic':
      return gpbBasicFormulas(t);
    case 'threePublic':
      return threePublicFormulas(t);
    default:
      return classifiedFormulas(t);
  }
}

/** A formula cell on a given sheet. */
export interface SheetCellWrite extends CellWrite {
  sheet: string;
}

function link(out: SheetCellWrite[], to: TableModel, at: Pos | undefined, from: TableModel, src: Pos | undefined) {
  if (!at || !src) return;
  const prefix = from.sheet === to.sheet ? '' : sheetPrefix(from.sheet);
  out.push({ sheet: to.sheet, row: at.row, col: at.col, formula: `=${prefix}${columnLetter(src.col)}${src.row + 1}` });
}

/**
 * Cross-table links (optional): 01 class rows ← 03 类 rows' 本年支出合计; 01 income rows 4–8 ←
 * 02 合计 row's columns; 04 income rows 1–3 ← 01 rows 1–3; 04 expense columns ← 05/08/09 类 rows.
 * Only where both ends exist; a class without a row in the source table gets no link.
 */
export function linkFormulas(wb: WorkbookModel): SheetCellWrite[] {
  const out: SheetCellWrite[] = [];
  const { summary, income, expenditure, fiscalSummary } = wb.tables;
  const amt = (t: TableModel | undefined, id: string, col: ColumnId) => {
    const l = t && byId(t, id);
    return l && t ? locate(t, l, col) : undefined;
  };
  if (summary && expenditure) {
    for (const l of summary.lines.filter((x) => x.side === 'expense' && x.level === 'class')) {
      link(out, summary, locate(summary, l, 'amount'), expenditure, amt(expenditure, l.code!, 'total'));
    }
  }
  if (summary && income) {
    const pairs: Array<[string, ColumnId]> = [
      ['inc.superior', 'superior'],
      ['inc.business', 'business'],
      ['inc.operating', 'operating'],
      ['inc.affiliated', 'affiliated'],
      ['inc.other', 'other'],
    ];
    for (const [id, col] of pairs) link(out, summary, amt(summary, id, 'amount'), income, amt(income, 'total', col));
  }
  if (fiscalSummary && summary) {
    for (const id of ['inc.gpb', 'inc.govFund', 'inc.stateCapital']) {
      link(out, fiscalSummary, amt(fiscalSummary, id, 'amount'), summary, amt(summary, id, 'amount'));
    }
  }
  if (fiscalSummary) {
    const sources: Array<[ColumnId, TableModel | undefined]> = [
      ['gpb', wb.tables.gpbExpenditure],
      ['govFund', wb.tables.govFund],
      ['stateCapital', wb.tables.stateCapital],
    ];
    for (const l of fiscalSummary.lines.filter((x) => x.side === 'expense' && x.level === 'class')) {
      for (const [col, src] of sources) {
        link(out, fiscalSummary, locate(fiscalSummary, l, col), src!, amt(src, l.code!, 'total'));
      }
    }
  }
  return out;
}

/** Within-table formulas of every table, and the links when asked, by sheet. */
export function workbookFormulas(wb: WorkbookModel, options: { links?: boolean } = {}): SheetCellWrite[] {
  const out: SheetCellWrite[] = [];
  for (const t of Object.values(wb.tables)) {
    if (!t) continue;
    for (const w of tableFormulas(t)) out.push({ ...w, sheet: t.sheet });
  }
  if (options.links) out.push(...linkFormulas(wb));
  return out;
}
