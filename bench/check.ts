/**
 * Benchmark of the check: `node --import tsx bench/check.ts [sizes…]`.
 *
 * Builds a workbook model with 1,000 / 5,000 / 20,000 项 rows in each of 02, 03 and 05
 * (with their 款, 类 and 合计 rows, and 01/04 built from the same figures, so every
 * cross-table rule runs), consistent to the cent except for a few planted slips, and
 * times runRules (median of several runs) and its memory. When the reader has landed
 * it also times readWorkbook on sheet snapshots of the same tables.
 */
import type { CellValue } from '../src/core/cells';
import { modelTable, modelWorkbook, type LineSpec } from '../src/core/model/build';
import type { SheetSnapshot } from '../src/core/model/snapshot';
import type { TableKey, WorkbookModel } from '../src/core/model/tables';
import { readWorkbook } from '../src/core/reader';
import { seedGrid } from '../tests/fixtures/seed-2021';
import type { Finding } from '../src/core/findings/finding';
import { runRules } from '../src/core/rules';

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

export function buildModel(n: number): { model: WorkbookModel; planted: number } {
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
  return { model, planted: 4 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time<T>(fn: () => T, runs: number): { ms: number; min: number; result: T } {
  let result!: T;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(ms), min: Math.min(...ms), result };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const SEED_COLUMNS: Partial<Record<TableKey, string[]>> = {
  income: ['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'],
  expenditure: ['total', 'basic', 'project', 'toSuperior', 'operating', 'toAffiliated'],
  gpbExpenditure: ['total', 'basic', 'project'],
};

/**
 * 02/03/05 of the model as sheets in the seed's real 2021 layout (title, 公开NN表, 部门,
 * 金额单位, merged-style headers, 栏次, 合计 row, code rows, note), for readWorkbook.
 */
function snapshotsOf(model: WorkbookModel): SheetSnapshot[] {
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
      values.push([r[0] || null, r[1] || null, ...cols.map((c) => (total.values[c]?.blank ? null : total.values[c]?.value ?? null))]);
    }
    for (const l of t.lines) {
      if (l.id === 'total') continue;
      values.push([l.code ?? l.id, `科目${l.id}`, ...cols.map((c) => (l.values[c] && !l.values[c]!.blank ? l.values[c]!.value : null))]);
    }
    for (const r of seed.slice(lastCode + 1)) values.push(r.map((c) => (c === '' ? null : c)));
    out.push({ name: t.sheet, top: 0, left: 0, values });
  }
  return out;
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  const list = sizes.length ? sizes : [1000, 5000, 20000];
  const rows: string[][] = [];
  for (const n of list) {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const { model } = buildModel(n);
    const lines = Object.values(model.tables).reduce((s, t) => s + (t?.lines.length ?? 0), 0);
    const modelHeap = process.memoryUsage().heapUsed - before;
    runRules(model); // warm-up
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const { ms, min, result } = time(() => runRules(model), n >= 20000 ? 7 : 15);
    const runHeap = Math.max(0, process.memoryUsage().heapUsed - heap0);
    const counts = { error: 0, warning: 0, rounding: 0 };
    for (const f of result) counts[f.severity]++;
    // The reader on the same 02/03/05 in the seed's sheet layout; its model must give the
    // same findings on those tables as the built one.
    const snaps = snapshotsOf(model);
    const read = time(() => readWorkbook(snaps), n >= 20000 ? 1 : 3);
    const readMs = read.ms.toFixed(1);
    const mine = (fs: Finding[]) =>
      fs
        .filter((f) => f.rule.startsWith('classified') || /^t0[235]-(row|08)/.test(f.rule))
        .map((f) => `${f.rule} ${f.severity} ${f.message}`)
        .sort()
        .join('\n');
    const sameFindings = mine(runRules(read.result));
    const expected = mine(result);
    if (sameFindings !== expected) {
      console.warn(`! the reader's model of 02/03/05 gives other findings than the built model:\n${sameFindings}\n--- built:\n${expected}`);
    }
    const readLines = ['income', 'expenditure', 'gpbExpenditure'].map((k) => read.result.tables[k as TableKey]?.lines.length ?? 0).join('/');
    void readLines;
    rows.push([
      n.toLocaleString('en-US'),
      lines.toLocaleString('en-US'),
      ms.toFixed(1),
      min.toFixed(1),
      ((min / lines) * 1000).toFixed(2),
      mb(modelHeap),
      mb(runHeap),
      `${counts.error}/${counts.warning}/${counts.rounding}`,
      readMs,
    ]);
  }
  const head = ['项 rows per table', 'lines (all tables)', 'runRules ms (median)', 'min ms', 'µs per line (min)', 'model heap MB', 'heap during run MB', 'findings E/W/R', 'readWorkbook ms'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => '| ' + r.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
  console.log(fmt(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(fmt(r));
  const os = require('os') as typeof import('os');
  console.log(`\nnode ${process.version}, ${process.platform} ${process.arch}, ${os.cpus().length} CPU, load average ${os.loadavg()[0].toFixed(1)}`);
}

if (require.main !== module) {
  // imported (e.g. by a profiler script): do nothing
} else if (process.env.BENCH_SHOW) {
  for (const f of runRules(buildModel(Number(process.env.BENCH_SHOW)).model)) console.log(`[${f.severity}] ${f.rule}: ${f.message}`);
} else void main();
