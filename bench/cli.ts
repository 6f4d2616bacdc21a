/**
 * Bench of the compiled CLI on many files (issue #12), part of `npm run bench`
 * (`node --import tsx bench/cli.ts [counts…]`, default 50 200 400).
 *
 * N workbooks in real layouts (bench/cli-workbooks.ts: the sample report saved with
 * cached results, a planted slip in half of them, a 情况说明 sheet in half) are checked
 * by `juesuan check DIR --json` from dist/cli/juesuan.js, measured side by side in one
 * run, rounds interleaved, against ExcelJS alone opening the same files one after the
 * other on one core (`new ExcelJS.Workbook().xlsx.readFile`, the floor of any
 * ExcelJS-based check):
 *   - exceljs-open   ExcelJS alone, one core: a process that loads ExcelJS and opens the
 *                    files one after the other (timed as a whole process, as the CLI is)
 *   - cli            the CLI on all cores (default --jobs), wall time of the process
 *   - cli -j1        the CLI on one core (checks in the main thread)
 *   - cli v8-default the CLI on all cores with V8's default tiering
 *                    (JUESUAN_V8_DEFAULT_TIERING=1; see src/cli/v8-tiering.ts)
 *   - cli exceljs    the CLI on all cores with JUESUAN_NO_FAST_READ=1 (ExcelJS read path)
 * files/s, ratio = the CLI's files/s ÷ ExcelJS alone's files/s, and peak RSS of the
 * process (worker threads included; process.resourceUsage().maxRSS).
 * BENCH_ROUNDS=k (default 3); min and median over the rounds.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureCliBuilt, ROOT } from '../tests/support/cli-build';
import { variants, writeCorpus } from './cli-workbooks';

const BUNDLE = path.join(ROOT, 'dist', 'cli', 'juesuan.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS) > 0 ? Number(process.env.BENCH_ROUNDS) : 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => Number(process.hrtime.bigint()) / 1e6;

interface Run {
  ms: number;
  /** CPU time of the process, all threads (user + system). */
  cpuMs: number;
  rssMB: number;
  code?: number;
}

const usage = `(() => { const u = process.resourceUsage(); return { rss: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1000 }; })()`;

function node(code: string, env: Record<string, string> = {}): { out: string; ms: number } {
  const t0 = now();
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const ms = now() - t0;
  if (r.status !== 0) throw new Error(`bench child failed (${r.status}): ${r.stderr}`);
  return { out: r.stdout, ms };
}

function excelJsOpen(dir: string): Run {
  const code = `
    const fs = require('fs'), path = require('path');
    const ExcelJS = require(${JSON.stringify(require.resolve('exceljs'))});
    const dir = ${JSON.stringify(dir)};
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dir, f));
    (async () => {
      for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
      const after = ${usage};
      process.stdout.write(JSON.stringify({ cpu: after.cpu, rss: after.rss }));
    })();`;
  const { out, ms } = node(code);
  const r = JSON.parse(out) as { cpu: number; rss: number };
  return { ms, cpuMs: r.cpu, rssMB: r.rss / 1024 };
}

function cli(dir: string, args: string[], env: Record<string, string> = {}): Run {
  const code = `
    const { main, tuneTieringForShortRuns } = require(${JSON.stringify(BUNDLE)});
    tuneTieringForShortRuns(); // as bin/juesuan.js does
    let findings = 0;
    main(['check', ${JSON.stringify(dir)}, '--json', ...${JSON.stringify(args)}], { out: (t) => { findings += JSON.parse(t).length; }, err: () => {} })
      .then((code) => { const u = ${usage}; process.stdout.write(JSON.stringify({ code, findings, rss: u.rss, cpu: u.cpu })); });`;
  const { out, ms } = node(code, env);
  const r = JSON.parse(out) as { code: number; findings: number; rss: number; cpu: number };
  return { ms, cpuMs: r.cpu, rssMB: r.rss / 1024, code: r.code };
}

type Mode = 'exceljs-open' | 'cli' | 'cli -j1' | 'cli v8-default' | 'cli exceljs';
const MODES: Array<{ mode: Mode; run: (dir: string) => Run }> = [
  { mode: 'exceljs-open', run: excelJsOpen },
  { mode: 'cli', run: (d) => cli(d, []) },
  { mode: 'cli -j1', run: (d) => cli(d, ['--jobs', '1']) },
  { mode: 'cli v8-default', run: (d) => cli(d, [], { JUESUAN_V8_DEFAULT_TIERING: '1' }) },
  { mode: 'cli exceljs', run: (d) => cli(d, [], { JUESUAN_NO_FAST_READ: '1' }) },
];

async function main(): Promise<void> {
  const counts = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const sizes = counts.length ? counts : [50, 200, 400];
  ensureCliBuilt();
  const bufs = await variants();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-cli-'));
  try {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    console.log(
      `\n## CLI: juesuan check on many files (node ${process.version}, ${os.platform()} ${os.arch()}, ${cores} CPU, ${os.cpus()[0]?.model ?? '?'}; load ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')})`,
    );
    console.log(`${ROUNDS} rounds, interleaved; each cell min / median\n`);
    console.log('| files | run | wall s | files/s | × ExcelJS open (1 core) | CPU s | CPU ms per file | × ExcelJS open, by CPU | peak RSS MB | exit |');
    console.log('|------:|-----|-------:|--------:|------------------------:|------:|----------------:|-----------------------:|------------:|-----:|');
    for (const n of sizes) {
      const dir = path.join(base, String(n));
      await writeCorpus(dir, n, bufs);
      const runs = new Map<Mode, Run[]>(MODES.map((m) => [m.mode, []]));
      for (let round = 0; round < ROUNDS; round++) for (const m of MODES) runs.get(m.mode)?.push(m.run(dir));
      const floor = runs.get('exceljs-open') ?? [];
      const floorRate = (ms: number) => n / (ms / 1000);
      const bestFloor = floorRate(Math.min(...floor.map((r) => r.ms)));
      const medFloor = floorRate(median(floor.map((r) => r.ms)));
      const floorCpu = Math.min(...floor.map((r) => r.cpuMs));
      for (const m of MODES) {
        const rs = runs.get(m.mode) ?? [];
        const cpu = Math.min(...rs.map((r) => r.cpuMs));
        const minMs = Math.min(...rs.map((r) => r.ms));
        const medMs = median(rs.map((r) => r.ms));
        const rate = (ms: number) => n / (ms / 1000);
        const ratio = m.mode === 'exceljs-open' ? '1' : `${(rate(minMs) / bestFloor).toFixed(2)} / ${(rate(medMs) / medFloor).toFixed(2)}`;
        const rss = rs.map((r) => r.rssMB);
        console.log(
          `| ${n} | ${m.mode} | ${(minMs / 1000).toFixed(2)} / ${(medMs / 1000).toFixed(2)} | ${rate(minMs).toFixed(1)} / ${rate(medMs).toFixed(1)} | ${ratio} | ${(cpu / 1000).toFixed(2)} | ${(cpu / n).toFixed(1)} | ${(floorCpu / cpu).toFixed(2)} | ${Math.min(...rss).toFixed(0)} / ${median(rss).toFixed(0)} | ${rs[0].code ?? '—'} |`,
        );
      }
    }
    console.log(
      "\nratio: min ÷ min and median ÷ median of the rounds; every run is timed as a whole process (node start-up and module loading included). CPU: all threads of the process (min over rounds); by CPU = ExcelJS CPU ÷ the run's CPU.",
    );
    console.log(
      `load average at the end: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
