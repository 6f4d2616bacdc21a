/**
 * The entry of the compiled CLI (scripts/build-cli.js bundles it into dist/cli/juesuan.js).
 * In the main thread it exports main(); loaded as a check worker (worker_threads, see
 * batch/pool.ts) the same file serves check tasks instead. The process is the CLI's own
 * (bin/juesuan.js, the bench): V8's tiering is set for a short run here (v8-tiering.ts),
 * not in main(), which the tests call in their own process.
 */
import { startWorkerIfAny } from './batch/worker';
import { tuneTieringForShortRuns } from './v8-tiering';

export { main } from './main';

tuneTieringForShortRuns();
startWorkerIfAny();
