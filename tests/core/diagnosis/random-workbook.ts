import fc from 'fast-check';
import { modelTable, modelWorkbook, type FigureSpec, type LineSpec } from '../../../src/core/model/build';
import type { ColumnId, TableKey, WorkbookModel } from '../../../src/core/model/tables';

/**
 * Random workbooks consistent to the cent (01–07, 08/09 empty with their notes), and
 * the slips a diagnosis must find planted into them. Figures are cents; a zero is a
 * blank cell. Built bottom-up from 项 figures, independently of the rules.
 */
export type Specs = Partial<Record<TableKey, LineSpec[]>>;

interface Item {
  basic: number;
  project: number;
  other: number;
}

const CLASSES = ['201', '205', '208', '210', '212', '213', '229'];
const cents = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 }));
const item = fc.record({ basic: cents, project: cents, other: fc.oneof(fc.constant(0), fc.constant(0), cents) });
/** 1–3 类 × 1–3 款 × 1–3 项. */
export const treeArb = fc.array(fc.array(fc.array(item, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), {
  minLength: 1,
  maxLength: 3,
});
const split = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 7, maxLength: 7 });
const three = fc.record({ abroad: cents, carPurchase: cents, carOperation: cents, reception: cents });
export const bookArb = fc.record({ tree: treeArb, split, budget: three, actual: three });
export interface BookSeed {
  tree: Item[][][];
  split: number[];
  budget: Three;
  actual: Three;
}
type Three = { abroad: number; carPurchase: number; carOperation: number; reception: number };

const y = (c: number): FigureSpec => (c === 0 ? null : c / 100);
const sum = (xs: Item[]) =>
  xs.reduce((s, x) => ({ basic: s.basic + x.basic, project: s.project + x.project, other: s.other + x.other }), {
    basic: 0,
    project: 0,
    other: 0,
  });

function classified(tree: Item[][][], row: (v: Item) => Record<ColumnId, FigureSpec>): LineSpec[] {
  const out: LineSpec[] = [{ id: 'total', values: row(sum(tree.flat(2))) }];
  tree.forEach((sections, i) => {
    const cls = CLASSES[i];
    out.push({ id: cls, values: row(sum(sections.flat())) });
    sections.forEach((items, j) => {
      const sec = `${cls}${String(j + 1).padStart(2, '0')}`;
      out.push({ id: sec, values: row(sum(items)) });
      items.forEach((it, k) => out.push({ id: `${sec}${String(k + 1).padStart(2, '0')}`, values: row(it) }));
    });
  });
  return out;
}

/** Splits `total` cents into parts proportional to `weights` (exact to the cent). */
function apportion(total: number, weights: number[]): number[] {
  const w = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((x) => Math.floor((total * x) / w));
  parts[0] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export function bookSpecs(seed: BookSeed): Specs {
  const { tree } = seed;
  const all = sum(tree.flat(2));
  const t02 = classified(tree, (v) => ({ total: y(v.basic + v.project + v.other), fiscal: y(v.basic + v.project), other: y(v.other) }));
  const t03 = classified(tree, (v) => ({ total: y(v.basic + v.project + v.other), basic: y(v.basic), project: y(v.project), toSuperior: y(v.other) }));
  const t05 = classified(tree, (v) => ({ total: y(v.basic + v.project), basic: y(v.basic), project: y(v.project) }));
  const inc = (id: string, c: number): LineSpec => ({ id, side: 'income', values: { amount: y(c) } });
  const exp = (id: string, values: Record<ColumnId, FigureSpec>): LineSpec => ({ id, side: 'expense', values });
  const classTotals = tree.map((s, i) => ({ code: CLASSES[i], v: sum(s.flat()) }));
  const gpb = all.basic + all.project;
  const total = gpb + all.other;
  const summary: LineSpec[] = [
    inc('inc.gpb', gpb),
    inc('inc.other', all.other),
    inc('inc.total', total),
    inc('inc.opening', 0),
    inc('inc.grandTotal', total),
    ...classTotals.map((c) => exp(c.code, { amount: y(c.v.basic + c.v.project + c.v.other) })),
    exp('exp.total', { amount: y(total) }),
    exp('exp.closing', { amount: null }),
    exp('exp.grandTotal', { amount: y(total) }),
  ];
  const fiscal = (t: number) => ({ total: y(t), gpb: y(t), govFund: null, stateCapital: null });
  const fiscalSummary: LineSpec[] = [
    inc('inc.gpb', gpb),
    inc('inc.govFund', 0),
    inc('inc.stateCapital', 0),
    inc('inc.total', gpb),
    inc('inc.opening', 0),
    inc('inc.grandTotal', gpb),
    ...classTotals.map((c) => exp(c.code, fiscal(c.v.basic + c.v.project))),
    exp('exp.total', fiscal(gpb)),
    exp('exp.closing', fiscal(0)),
    exp('exp.grandTotal', fiscal(gpb)),
  ];
  // 06: 05's 基本支出 split over 7 款 of 301, 303, 302.
  const [a, b, c, d, e, f, g] = apportion(all.basic, seed.split);
  const t06: LineSpec[] = [
    ['301', a + b + c],
    ['30101', a],
    ['30102', b],
    ['30199', c],
    ['303', d],
    ['30305', d],
    ['302', e + f + g],
    ['30201', e],
    ['30205', f],
    ['30299', g],
  ].map(([id, v]) => ({ id: String(id), values: { amount: y(Number(v)) } }));
  t06.push({ id: 'personnelTotal', label: '人员经费合计', values: { amount: y(a + b + c + d) } });
  t06.push({ id: 'publicTotal', label: '公用经费合计', values: { amount: y(e + f + g) } });
  const row07 = (id: string, t: Three): LineSpec => ({
    id,
    values: {
      total: y(t.abroad + t.carPurchase + t.carOperation + t.reception),
      abroad: y(t.abroad),
      carTotal: y(t.carPurchase + t.carOperation),
      carPurchase: y(t.carPurchase),
      carOperation: y(t.carOperation),
      reception: y(t.reception),
    },
  });
  return {
    summary,
    income: t02,
    expenditure: t03,
    fiscalSummary,
    gpbExpenditure: t05,
    gpbBasic: t06,
    threePublic: [row07('budget', seed.budget), row07('actual', seed.actual)],
    govFund: [{ id: 'total', values: { opening: null, income: null, total: null, basic: null, project: null, closing: null } }],
    stateCapital: [{ id: 'total', values: { total: null, basic: null, project: null } }],
  };
}

const NOTES: Partial<Record<TableKey, string[]>> = {
  govFund: ['本单位本年度没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。'],
  stateCapital: ['本单位本年度没有国有资本经营预算财政拨款支出，故本表无数据。'],
};

export function workbookOf(specs: Specs): WorkbookModel {
  return modelWorkbook(...(Object.keys(specs) as TableKey[]).map((k) => modelTable(k, specs[k]!, { notes: NOTES[k] ?? [] })));
}

/** A figure of a spec (0 for blank). */
export function figure(specs: Specs, key: TableKey, id: string, col: ColumnId): number {
  const v = specs[key]?.find((l) => l.id === id)?.values[col];
  return typeof v === 'number' ? v : 0;
}

export function setFigure(specs: Specs, key: TableKey, id: string, col: ColumnId, value: number): void {
  const l = specs[key]!.find((x) => x.id === id)!;
  l.values[col] = Math.abs(value) < 1e-9 ? null : Math.round(value * 100) / 100;
}

/**
 * Recompute a table's column sums (合计/类/款 rows, 06 类 and footers, 07 subtotals) as
 * formulas would, leaving the typed figures (项 rows, each row's own total column) as they
 * are: a slip in a 项 then shows in its row and in every level above it.
 */
export function recompute(specs: Specs, key: TableKey, keep?: { id: string; col: ColumnId }): void {
  const lines = specs[key]!;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const val = (v: FigureSpec | undefined) => (typeof v === 'number' ? v : 0);
  if (key === 'threePublic') {
    for (const l of lines) {
      const v = l.values;
      const car = r2(val(v.carPurchase) + val(v.carOperation));
      v.carTotal = car || null;
      v.total = r2(val(v.abroad) + car + val(v.reception)) || null;
    }
    return;
  }
  if (key === 'gpbBasic') {
    const by = (id: string) => lines.find((l) => l.id === id)!;
    for (const cls of ['301', '303', '302']) {
      by(cls).values.amount = r2(lines.filter((l) => l.id.length === 5 && l.id.startsWith(cls)).reduce((s, l) => s + val(l.values.amount), 0)) || null;
    }
    by('personnelTotal').values.amount = r2(val(by('301').values.amount) + val(by('303').values.amount)) || null;
    by('publicTotal').values.amount = val(by('302').values.amount) || null;
    return;
  }
  const cols = Object.keys(lines[0].values);
  const parentOf = (id: string) => (id.length === 7 ? id.slice(0, 5) : id.length === 5 ? id.slice(0, 3) : id.length === 3 ? 'total' : undefined);
  for (const level of [5, 3, 0]) {
    const parents = lines.filter((l) => (level === 0 ? l.id === 'total' : l.id.length === level && /^\d+$/.test(l.id)));
    for (const p of parents) {
      for (const c of cols) {
        if (keep && keep.id === p.id && keep.col === c) continue;
        const kids = lines.filter((l) => parentOf(l.id) === p.id);
        p.values[c] = r2(kids.reduce((s, l) => s + val(l.values[c]), 0)) || null;
      }
    }
  }
}

export interface Place {
  key: TableKey;
  id: string;
  col: ColumnId;
}

/** Figures an accountant types: 02/03/05 项 figures (not the row total), 06 款, 07 items, 01 income rows. */
export function typedPlaces(specs: Specs): Place[] {
  const out: Place[] = [];
  for (const key of ['income', 'expenditure', 'gpbExpenditure'] as const) {
    for (const l of specs[key]!) {
      if (l.id.length !== 7) continue;
      for (const col of Object.keys(l.values)) if (col !== 'total') out.push({ key, id: l.id, col });
    }
  }
  for (const l of specs.gpbBasic!) if (l.id.length === 5) out.push({ key: 'gpbBasic', id: l.id, col: 'amount' });
  for (const id of ['budget', 'actual']) {
    for (const col of ['abroad', 'carPurchase', 'carOperation', 'reception']) out.push({ key: 'threePublic', id, col });
  }
  out.push({ key: 'summary', id: 'inc.other', col: 'amount' });
  return out;
}

/** 款 and 类 figures of 02/03/05 (subtotals a formula should fill). */
export function subtotalPlaces(specs: Specs): Place[] {
  const out: Place[] = [];
  for (const key of ['income', 'expenditure', 'gpbExpenditure'] as const) {
    for (const l of specs[key]!) {
      if (l.id.length !== 5 && l.id.length !== 3) continue;
      for (const col of Object.keys(l.values)) if (col !== 'total') out.push({ key, id: l.id, col });
    }
  }
  return out;
}

/** Adjacent 项 rows of one column where the upper holds a figure and the lower is blank (or the reverse). */
export function neighbourPairs(specs: Specs): Array<{ from: Place; to: Place }> {
  const out: Array<{ from: Place; to: Place }> = [];
  for (const key of ['income', 'expenditure', 'gpbExpenditure'] as const) {
    const lines = specs[key]!;
    for (let i = 0; i + 1 < lines.length; i++) {
      const [p, q] = [lines[i], lines[i + 1]];
      if (p.id.length !== 7 || q.id.length !== 7) continue;
      for (const col of Object.keys(p.values)) {
        if (col === 'total') continue;
        const a = figure(specs, key, p.id, col);
        const b = figure(specs, key, q.id, col);
        if (a !== 0 && b === 0) out.push({ from: { key, id: p.id, col }, to: { key, id: q.id, col } });
        if (b !== 0 && a === 0) out.push({ from: { key, id: q.id, col }, to: { key, id: p.id, col } });
      }
    }
  }
  return out;
}

/** 734.31 -> 743.31 (the first pair of adjacent different digits swapped), or undefined. */
export function transposed(value: number, pick: number): number | undefined {
  const s = Math.abs(value).toFixed(2);
  const pairs: number[] = [];
  for (let i = 0; i + 1 < s.length; i++) {
    const j = s[i + 1] === '.' ? i + 2 : i + 1;
    if (s[i] === '.' || j >= s.length) continue;
    if (s[i] !== s[j] && !(i === 0 && s[j] === '0')) pairs.push(i);
  }
  if (pairs.length === 0) return undefined;
  const i = pairs[pick % pairs.length];
  const j = s[i + 1] === '.' ? i + 2 : i + 1;
  const chars = s.split('');
  [chars[i], chars[j]] = [chars[j], chars[i]];
  return Number(chars.join(''));
}
