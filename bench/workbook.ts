/**
 * The bench's workbook: N 项 rows in each of 02, 03 and 05 (10 项 per 款, 26 类 up to 99 款
 * each, more 类 beyond 25,740 项), with their 款, 类 and 合计 rows, plus 01 and 04 built from
 * the same figures; consistent to the cent except for four planted slips. buildModel()
 * gives the model, snapshotsOf() the 02/03/05 sheets in the seed's real 2021 layout.
 */
import type { CellValue } from '../src/core/cells';
import { modelTable, modelWorkbook, type LineSpec } from '../src/core/model/build';
import type { SheetSnapshot } from '../src/core/model/snapshot';
import type { TableKey, WorkbookModel } from '../src/core/model/tables';
import { seedGrid } from '../tests/fixtures/seed-2021';

type Cents = number;

interface Item {
  code: string;
  basic: Cents;
  project: Cents;
  other: Cents; // 03 上缴上级/其他收入 part, not in 05
}

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ITEMS_PER_SECTION = 10;

function items(n: number): Item[] {
  const rand = rng(n);
  const out: Item[] = [];
  const sections = Math.ceil(n / ITEMS_PER_SECTION);
  // 26 classes as in the catalog; more (up to 299) when a class would need over 99 款.
  const perClass = Math.min(99, Math.ceil(sections / 26));
  for (let s = 0; s < sections; s++) {
    const cls = 201 + Math.floor(s / perClass);
    const sec = `${cls}${String((s % perClass) + 1).padStart(2, '0')}`;
    for (let i = 1; i <= ITEMS_PER_SECTION && out.length < n; i++) {
      out.push({
        code: `${sec}${String(i).padStart(2, '0')}`,
        basic: Math.floor(rand() * 5_000_000),
        project: Math.floor(rand() * 5_000_000),
        other: rand() < 0.1 ? Math.floor(rand() * 100_000) : 0,
      });
    }
  }
  return out;
}

const y = (c: Cents) => c / 100;

/** 类/款/合计 sums of the items, in code order, as LineSpecs for one table. */
function classified(list: Item[], row: (v: { basic: Cents; project: Cents; other: Cents }) => Record<string, number>): LineSpec[] {
  const sum = new Map<string, { basic: Cents; project: Cents; other: Cents }>();
  const add = (k: string, it: Item) => {
    const s = sum.get(k) ?? { basic: 0, project: 0, other: 0 };
    s.basic += it.basic;
    s.project += it.project;
    s.other += it.other;
    sum.set(k, s);
  };
  for (const it of list) {
    add('total', it);
    add(it.code.slice(0, 3), it);
    add(it.code.slice(0, 5), it);
  }
  const lines: LineSpec[] = [{ id: 'total', values: row(sum.get('total')!) }];
  let cls = '';
  let sec = '';
  for (const it of list) {
    if (it.code.slice(0, 3) !== cls) {
      cls = it.code.slice(0, 3);
      lines.push({ id: cls, values: row(sum.get(cls)!) });
    }
    if (it.code.slice(0, 5) !== sec) {
      sec = it.code.slice(0, 5);
      lines.push({ id: sec, values: row(sum.get(sec)!) });
    }
    lines.push({ id: it.code, values: row(it) });
  }
  return lines;
}

/**
 * `options.sharedPair`: a fifth slip, 03 基本支出 +50 in the 项 beside the first planted
 * 03 slip (same 款): the two share their 款 sum, which neither explains alone (issue #9's pairs).
 */
export function buildModel(n: number, options: { sharedPair?: boolean } = {}): { model: WorkbookModel; planted: number } {
  const list = items(n);
  const t03 = classified(list, (v) => ({
    total: y(v.basic + v.project + v.other),
    basic: y(v.basic),
    project: y(v.project),
    toSuperior: y(v.other),
  }));
  const t02 = classified(list, (v) => ({ total: y(v.basic + v.project + v.other), fiscal: y(v.basic + v.project), other: y(v.other) }));
  const t05 = classified(list, (v) => ({ total: y(v.basic + v.project), basic: y(v.basic), project: y(v.project) }));
  const total = (spec: LineSpec[], col: string) => spec[0].values[col] as number;
  const classes = t03.filter((l) => /^\d{3}$/.test(l.id));
  const gpbClasses = t05.filter((l) => /^\d{3}$/.test(l.id));
  const summary: LineSpec[] = [
    { id: 'inc.gpb', side: 'income', values: { amount: total(t02, 'fiscal') } },
    { id: 'inc.other', side: 'income', values: { amount: total(t02, 'other') } },
    { id: 'inc.total', side: 'income', values: { amount: total(t02, 'total') } },
    { id: 'inc.grandTotal', side: 'income', values: { amount: total(t02, 'total') } },
    ...classes.map((l): LineSpec => ({ id: l.id, side: 'expense', values: { amount: l.values.total } })),
    { id: 'exp.total', side: 'expense', values: { amount: total(t03, 'total') } },
    { id: 'exp.grandTotal', side: 'expense', values: { amount: total(t03, 'total') } },
  ];
  const fiscal: LineSpec[] = [
    { id: 'inc.gpb', side: 'income', values: { amount: total(t05, 'total') } },
    { id: 'inc.total', side: 'income', values: { amount: total(t05, 'total') } },
    { id: 'inc.grandTotal', side: 'income', values: { amount: total(t05, 'total') } },
    ...gpbClasses.map((l): LineSpec => ({ id: l.id, side: 'expense', values: { total: l.values.total, gpb: l.values.total } })),
    { id: 'exp.total', side: 'expense', values: { total: total(t05, 'total'), gpb: total(t05, 'total') } },
    { id: 'exp.grandTotal', side: 'expense', values: { total: total(t05, 'total'), gpb: total(t05, 'total') } },
  ];
  // Planted slips: two mistyped 项 (errors) and two 0.01 slips (尾数差异).
  const at = (spec: LineSpec[], frac: number) => spec.filter((l) => l.id.length === 7)[Math.floor(n * frac)];
  (at(t03, 0.25).values as Record<string, number>).basic += 100;
  if (options.sharedPair) {
    // 10 项 per 款: the neighbour in the same 款.
    const i = Math.floor(n * 0.25);
    const items03 = t03.filter((l) => l.id.length === 7);
    (items03[i % 10 === 9 ? i - 1 : i + 1].values as Record<string, number>).basic += 50;
  }
  (at(t05, 0.5).values as Record<string, number>).project += 7;
  (at(t02, 0.75).values as Record<string, number>).total += 0.01;
  (t05[0].values as Record<string, number>).basic += 0.01;
  const model = modelWorkbook(
    modelTable('summary', summary),
    modelTable('income', t02),
    modelTable('expenditure', t03),
    modelTable('fiscalSummary', fiscal),
    modelTable('gpbExpenditure', t05),
  );
  return { model, planted: options.sharedPair ? 5 : 4 };
}

const SEED_COLUMNS: Partial<Record<TableKey, string[]>> = {
  income: ['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'],
  expenditure: ['total', 'basic', 'project', 'toSuperior', 'operating', 'toAffiliated'],
  gpbExpenditure: ['total', 'basic', 'project'],
};

/**
 * 02/03/05 of the model as sheets in the seed's real 2021 layout (title, 公开NN表, 部门,
 * 金额单位, merged-style headers, 栏次, 合计 row, code rows, note), for readWorkbook.
 */
export function snapshotsOf(model: WorkbookModel): SheetSnapshot[] {
  const out: SheetSnapshot[] = [];
  for (const key of Object.keys(SEED_COLUMNS) as TableKey[]) {
    const t = model.tables[key];
    if (!t) continue;
    const seed = seedGrid(key);
    const cols = SEED_COLUMNS[key]!;
    const isCode = (r: string[]) => /^\d{3,7}$/.test((r[0] ?? '').trim());
    const firstCode = seed.findIndex(isCode);
    const lastCode = seed.length - 1 - [...seed].reverse().findIndex(isCode);
    const values: CellValue[][] = [];
    for (const r of seed.slice(0, firstCode)) {
      const isTotal = r.some((c) => c.trim() === '合计');
      if (!isTotal) {
        values.push(r.map((c) => (c === '' ? null : c)));
        continue;
      }
      const total = t.lines.find((l) => l.id === 'total')!;
      values.push([r[0] || null, r[1] || null, ...cols.map((c) => (total.values[c]?.blank ? null : (total.values[c]?.value ?? null)))]);
    }
    for (const l of t.lines) {
      if (l.id === 'total') continue;
      values.push([l.code ?? l.id, `科目${l.id}`, ...cols.map((c) => (l.values[c] && !l.values[c].blank ? l.values[c].value : null))]);
    }
    for (const r of seed.slice(lastCode + 1)) values.push(r.map((c) => (c === '' ? null : c)));
    out.push({ name: t.sheet, top: 0, left: 0, values });
  }
  return out;
}
