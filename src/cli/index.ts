/**
 * The entry of the compiled CLI (scripts/build-cli.js bundles it into dist/cli/juesuan.js).
 * In the main thread it exports main(); loaded as a check worker (worker_threads, see
 * batch/pool.ts) the same file serves check tasks instead. The CLI's own process entry
 * (bin/juesuan.js, the bench's processes) calls tuneTieringForShortRuns() before main(): V8's tiering is set for a short run (v8-tiering.ts) only in a process that is the
 * CLI's own — not when a test loads the bundle into its process, nor in main().
 */
import { startWorkerIfAny } from './batch/worker';

export { main } from './main';
export { tuneTieringForShortRuns } from './v8-tiering';

startWorkerIfAny();
