import { isMainThread } from 'worker_threads';
import * as v8 from 'v8';

/**
 * The compiled command line runs a great deal of code a few times per workbook, over a
 * life of seconds: V8's default tiering (a function is optimised by TurboFan once about
 * 66 KB of its bytecode has run) sends hundreds of lukewarm functions to the optimising
 * compiler, whose background threads then compete with the checks for the cores. On 200
 * workbooks (bench/cli.ts, 2 cores) that compilation was about 1 s of CPU per thread
 * that checks, a third of the run; with a budget 16 times the default only the truly
 * hot code (the sheet scan, the reader's loops, long sheets) is optimised: 200 workbooks
 * cost about 2.4 instead of 3.7 s of CPU on one thread, 3.2 instead of 5.3 s on two workers,
 * and a 60 000-row sheet is checked as fast as before. Semantics are untouched (only
 * when code is optimised changes); the flag is process-wide, so it is set once, by the
 * main thread of the CLI's own process (bin/juesuan.js), before main() and before any worker
 * starts — Node.js asks for care with flags changed after start-up
 * (https://nodejs.org/api/v8.html#v8setflagsfromstringflags): this one only moves the
 * threshold at which a function's feedback budget asks for optimisation.
 * https://v8.dev/blog/sparkplug (V8's tiers), `node --v8-options` (--interrupt-budget).
 */
export const INTERRUPT_BUDGET = 16 * 67584;

export function tuneTieringForShortRuns(): void {
  if (!isMainThread) return;
  // JUESUAN_V8_DEFAULT_TIERING=1: V8's own budget (the bench compares).
  if (process.env.JUESUAN_V8_DEFAULT_TIERING === '1') return;
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
