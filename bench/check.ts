/**
 * Benchmark of the check (issue #3): `npm run bench` = `node --expose-gc --import tsx bench/check.ts [sizes…]`.
 *
 * On a workbook with N 项 rows in each of 02, 03 and 05 (bench/workbook.ts; default
 * N = 1,000 / 5,000 / 20,000) it measures, each several times (min and median):
 *  1. end to end — the one-click check `checkWorkbook(host)` through the Office.js host
 *     over the fake Excel (round trips, cells read, the values+formulas response against
 *     Excel on the web's 5 MB, and the host's row-block read past it) and through the
 *     in-memory host (bench/end-to-end.ts);
 *  2. runRules on the built model (all of 01–05);
 *  3. readWorkbook on the 02/03/05 sheets in the seed's real 2021 layout;
 *  4. the diagnosis pass (issue #9): runRules recording its comparisons, then diagnose().
 * BENCH_ONLY=e2e,rules,reader,diagnosis picks sections; BENCH_RUNS=k sets the runs per measurement;
 * BENCH_SHOW=N prints the findings of one size.
 */
import * as os from 'os';
import type { Finding } from '../src/core/findings/finding';
import { readWorkbook } from '../src/core/reader';
import { diagnose } from '../src/core/diagnosis';
import { ComparisonLog, runRules } from '../src/core/rules';
import { fakeBookOf, memoryCheck, memoryHostOf, officeCheck, PAYLOAD_LIMIT, sheetPayload, type E2ERun } from './end-to-end';
import { buildModel, snapshotsOf } from './workbook';

export { buildModel, snapshotsOf } from './workbook';

/** BENCH_RUNS=k: k timed runs per measurement instead of the defaults (for quick probes). */
const RUNS = Number(process.env.BENCH_RUNS) > 0 ? Number(process.env.BENCH_RUNS) : undefined;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => Number(process.hrtime.bigint()) / 1e6;

function time<T>(fn: () => T, runs: number): { ms: number[]; result: T } {
  let result!: T;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    result = fn();
    ms.push(now() - t0);
  }
  return { ms, result };
}

const f1 = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
/** "min / median" of a list of milliseconds. */
const mm = (xs: number[]) => `${f1(Math.min(...xs))} / ${f1(median(xs))}`;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const int = (x: number) => x.toLocaleString('en-US');
const counts = (fs: Finding[]) => {
  const c = { error: 0, warning: 0, rounding: 0, unverified: 0 };
  for (const f of fs) c[f.severity]++;
  return `${c.error}/${c.warning}/${c.rounding}`;
};
/** The findings of the rules on 02, 03 and 05 (the tables the reader sees), as text. */
const mine = (fs: Finding[]) =>
  fs
    .filter((f) => f.rule.startsWith('classified') || /^t0[235]-(row|08)/.test(f.rule))
    .map((f) => `${f.rule} ${f.severity} ${f.message}`)
    .sort()
    .join('\n');

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  return [fmt(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(fmt)].join('\n');
}

interface Crossing {
  n: number;
  vf: number;
}

async function main() {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x > 0);
  const list = sizes.length ? sizes : [1000, 5000, 20000];
  const only = new Set((process.env.BENCH_ONLY ?? 'e2e,rules,reader,diagnosis').split(','));
  const started = new Date();
  const load0 = os.loadavg()[0];
  const e2eRows: string[][] = [];
  const ruleRows: string[][] = [];
  const readRows: string[][] = [];
  const diagRows: string[][] = [];
  const crossings: Crossing[] = [];
  const notes: string[] = [];

  for (const n of list) {
    const big = n >= 20000;
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const { model } = buildModel(n);
    const lines = Object.values(model.tables).reduce((s, t) => s + (t?.lines.length ?? 0), 0);
    const modelHeap = process.memoryUsage().heapUsed - before;
    const built = runRules(model);
    const expected = mine(built);
    const snaps = snapshotsOf(model);
    const sheetRows = snaps.reduce((s, x) => s + x.values.length, 0);

    // 2. runRules on the built model: one warm-up run, then 15 runs (7 from 20,000 up).
    if (only.has('rules')) {
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      const { ms, result } = time(() => runRules(model), RUNS ?? (big ? 7 : 15));
      const runHeap = Math.max(0, process.memoryUsage().heapUsed - heap0);
      ruleRows.push([int(n), int(lines), f1(Math.min(...ms)), f1(median(ms)), ((Math.min(...ms) / lines) * 1000).toFixed(2), mb(modelHeap), mb(runHeap), counts(result)]);
    }

    // 4. The diagnosis pass: runRules recording every comparison, then diagnose(); runs as for runRules.
    if (only.has('diagnosis')) {
      const runs = RUNS ?? (big ? 7 : 15);
      const recorded = () => {
        const comparisons = new ComparisonLog();
        const findings = runRules(model, { comparisons });
        return { comparisons, findings };
      };
      recorded(); // warm-up
      global.gc?.();
      const plain = time(() => runRules(model), runs);
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      const rec = time(recorded, runs);
      const recHeap = Math.max(0, process.memoryUsage().heapUsed - heap0);
      const { comparisons, findings } = rec.result;
      const diag = time(() => diagnose({ model, findings, comparisons }), runs);
      const slips = diag.result.filter((f) => f.rule === 'likely-slip').length;
      // The same with a second 03 slip beside the first (same 款): the pair search runs.
      const paired = buildModel(n, { sharedPair: true }).model;
      const pairLog = new ComparisonLog();
      const pairFindings = runRules(paired, { comparisons: pairLog });
      diagnose({ model: paired, findings: pairFindings, comparisons: pairLog }); // warm-up
      global.gc?.();
      const pair = time(() => diagnose({ model: paired, findings: pairFindings, comparisons: pairLog }), runs);
      const pairSlips = pair.result.filter((f) => f.rule === 'likely-slip').length;
      diagRows.push([
        int(n),
        int(comparisons.size),
        mm(plain.ms),
        mm(rec.ms),
        mm(diag.ms),
        mb(recHeap),
        `${counts(findings)} → ${counts(diag.result)} (${slips} likely-slip)`,
        mm(pair.ms),
        `${counts(pairFindings)} → ${counts(pair.result)} (${pairSlips} likely-slip)`,
      ]);
    }

    // 3. readWorkbook on the 02/03/05 sheets: one warm-up call, then 9 (5 from 20,000 up).
    if (only.has('reader')) {
      readWorkbook(snaps);
      global.gc?.();
      const { ms, result } = time(() => readWorkbook(snaps), RUNS ?? (big ? 5 : 9));
      const same = mine(runRules(result)) === expected;
      if (!same) notes.push(`! ${int(n)}: the reader's model of 02/03/05 gives other findings than the built model`);
      readRows.push([int(n), int(sheetRows), f1(Math.min(...ms)), f1(median(ms)), ((Math.min(...ms) / sheetRows) * 1000).toFixed(1), same ? 'yes' : 'NO']);
    }

    // 1. checkWorkbook end to end: one warm-up check per host, then 7 (5 from 20,000 up).
    if (only.has('e2e')) {
      const runs = RUNS ?? (big ? 5 : 7);
      const book = fakeBookOf(snaps);
      const memory = memoryHostOf(snaps);
      const payloads = book.sheets.map(sheetPayload);
      const vf = payloads.reduce((s, p) => s + p.valuesFormulas, 0);
      crossings.push({ n, vf });
      const over = vf > PAYLOAD_LIMIT;
      const variants: { host: string; check: () => Promise<E2ERun>; payload: boolean }[] = [
        { host: over ? 'Office.js, no limit (desktop)' : 'Office.js (desktop and web)', check: () => officeCheck(book), payload: true },
        // Under 5 MB the web reads as the desktop does; past it, in row blocks.
        ...(over ? [{ host: `Office.js, 5 MB (on the web)`, check: () => officeCheck(book, { bytes: PAYLOAD_LIMIT, sheets: payloads }), payload: true }] : []),
        { host: 'in-memory', check: () => memoryCheck(memory), payload: false },
      ];
      for (const v of variants) {
        await v.check(); // warm-up
        const rs: E2ERun[] = [];
        for (let i = 0; i < runs; i++) rs.push(await v.check());
        const r = rs[0];
        const pick = (f: (x: E2ERun) => number) => rs.map(f);
        if (!r.error && mine(r.findings) !== expected) notes.push(`! ${int(n)} ${v.host}: other findings on 02/03/05 than the built model`);
        e2eRows.push([
          int(n),
          v.host,
          r.refused ? `${r.syncs} (${r.refused} refused)` : String(r.syncs),
          r.error ? '—' : int(r.cells),
          v.payload ? mb(vf) : '—',
          v.payload ? mm(pick((x) => x.fakeMs)) : '—',
          mm(pick((x) => x.hostMs - x.fakeMs)),
          r.error ? '—' : mm(pick((x) => x.readerMs)),
          r.error ? '—' : mm(pick((x) => x.rulesMs)),
          mm(pick((x) => x.totalMs)),
          r.error ? `refused: ${/超出[^。（]*/.exec(r.error)?.[0] ?? r.error}` : counts(r.findings),
        ]);
      }
    }
  }

  const env = `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, ${process.platform} ${process.arch}, ${os.cpus().length} CPU, load average ${load0.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end`;
  if (only.has('e2e')) {
    console.log('## End to end: checkWorkbook(host), min / median ms\n');
    console.log(
      table(
        [
          '项 rows per table',
          'host',
          'round trips',
          'cells read',
          'response MB: values+formulas',
          'fake Excel ms',
          'host adapter ms',
          'reader ms',
          'rules ms',
          'total ms',
          'findings E/W/R',
        ],
        e2eRows,
      ),
    );
    console.log(crossingText(crossings));
  }
  if (only.has('rules')) {
    console.log('\n## runRules on the built model (01–05)\n');
    console.log(
      table(['项 rows per table', 'lines (all tables)', 'min ms', 'median ms', 'µs per line (min)', 'model heap MB', 'heap during run MB', 'findings E/W/R'], ruleRows),
    );
  }
  if (only.has('reader')) {
    console.log('\n## readWorkbook on the 02/03/05 sheets\n');
    console.log(table(['项 rows per table', 'sheet rows (02+03+05)', 'min ms', 'median ms', 'µs per sheet row (min)', 'same findings as built'], readRows));
  }
  if (only.has('diagnosis')) {
    console.log('\n## Diagnosis pass (issue #9) on the built model (01–05), min / median ms\n');
    console.log(
      table(
        [
          '项 rows per table',
          'comparisons recorded',
          'runRules',
          'runRules + recording',
          'diagnose',
          'heap during recording run MB',
          'top-level findings E/W/R before → after',
          'diagnose, + a 2nd slip sharing a 款 sum',
          'its findings E/W/R before → after',
        ],
        diagRows,
      ),
    );
  }
  for (const note of notes) console.warn(note);
  console.log(`\n${env}`);
}

/**
 * Where the read's response crosses 5 MB, from the measured sizes: bytes grow linearly
 * with the 项 rows, so interpolate (or extrapolate from the two largest sizes).
 */
function crossingText(cs: Crossing[]): string {
  if (!cs.length) return '';
  const s = [...cs].sort((a, b) => a.n - b.n);
  const hit = s.findIndex((c) => c.vf > PAYLOAD_LIMIT);
  const [a, b] = hit > 0 ? [s[hit - 1], s[hit]] : s.length > 1 ? (hit === 0 ? [s[0], s[1]] : [s[s.length - 2], s[s.length - 1]]) : [{ n: 0, vf: 0 }, s[0]];
  const n = a.n + ((PAYLOAD_LIMIT - a.vf) * (b.n - a.n)) / (b.vf - a.vf);
  return [
    '',
    `Response of the one read of all three sheets (values and formulas, all the host loads): crosses 5 MB at`,
    `≈ ${int(Math.round(n / 100) * 100)}${hit < 0 ? ' (extrapolated)' : ''} 项 rows per table. Past that Excel on the web refuses it and the host reads the rows`,
    'in blocks (OfficeHost.lastRead), one more refused round trip per doubling; only a single row over 5 MB stops the check.',
  ].join('\n');
}

if (require.main !== module) {
  // imported (e.g. by a profiler script): do nothing
} else if (process.env.BENCH_SHOW) {
  for (const f of runRules(buildModel(Number(process.env.BENCH_SHOW)).model)) console.log(`[${f.severity}] ${f.rule}: ${f.message}`);
} else void main();
