/**
 * The entry of the compiled CLI (scripts/build-cli.js bundles it into dist/cli/juesuan.js).
 * In the main thread it exports main(); loaded as a check worker (worker_threads, see
 * batch/pool.ts) the same file serves check tasks instead.
 */
import { startWorkerIfAny } from './batch/worker';

export { main } from './main';

startWorkerIfAny();
