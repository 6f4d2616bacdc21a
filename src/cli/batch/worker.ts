import { isMainThread, parentPort, workerData } from 'worker_threads';
import { checkOne } from './check-one';
import type { CheckOptions, FileResult } from './types';

/**
 * A check worker (worker_threads): takes one workbook per task, checks the tasks one
 * after the other in the order they came, posts each plain result back, and holds
 * nothing of it afterwards. The pool (batch/pool.ts)
 * starts it from the compiled bundle (dist/cli/juesuan.js) or, from the sources, via tsx.
 */

export interface WorkerTask {
  id: number;
  file: string;
  options: CheckOptions;
}

export interface WorkerReply {
  id: number;
  result: FileResult;
}

/** workerData of a check worker. */
export const WORKER_MARK = 'juesuan-check-worker';

/**
 * For the tests of the pool only: JUESUAN_TEST_WORKER_FAULT="exit:NAME" or "throw:NAME"
 * makes the worker die (process.exit, or an exception nothing catches) on a file whose
 * path contains NAME, as a crash inside a reader library would.
 */
function injectFault(file: string): void {
  const spec = process.env.JUESUAN_TEST_WORKER_FAULT;
  if (!spec) return;
  const [how, name] = spec.split(':', 2);
  if (!name || !file.includes(name)) return;
  if (how === 'exit') process.exit(3);
  if (how === 'throw') {
    setImmediate(() => {
      throw new Error(`simulated crash on ${file}`);
    });
  }
}

export function startWorkerIfAny(): void {
  if (isMainThread || !parentPort) return;
  if ((workerData as { role?: string } | null)?.role !== WORKER_MARK) return;
  const port = parentPort;
  // The pool may hand over the next file before this one is done: files are checked one
  // after the other, in the order given.
  const waiting: WorkerTask[] = [];
  let busy = false;
  const next = (): void => {
    const task = waiting.shift();
    if (!task) {
      busy = false;
      return;
    }
    busy = true;
    injectFault(task.file);
    void checkOne(task.file, task.options).then((result) => {
      // One more turn before the result goes: whatever the check left scheduled (a library's
      // callback that throws) fails while this file is still the one in hand.
      setImmediate(() => {
        const reply: WorkerReply = { id: task.id, result };
        port.postMessage(reply);
        next();
      });
    });
  };
  port.on('message', (task: WorkerTask) => {
    waiting.push(task);
    if (!busy) {
      busy = true;
      setImmediate(next);
    }
  });
}
