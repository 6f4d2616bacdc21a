import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { checkOne } from './check-one';
import type { CheckOptions, FileResult } from './types';
import { WORKER_MARK, type WorkerReply, type WorkerTask } from './worker';

/**
 * Checks many workbooks on all cores: a pool of worker threads, one workbook per task,
 * results handed on in input order. Each worker holds up to IN_FLIGHT tasks (it works
 * through them in order), so it never sits idle while its last result travels to this
 * thread and the next file travels back. A worker that dies (an exception nothing
 * caught, out of memory, process.exit in a library) costs only the file it was
 * checking: that file is reported with the reason, the files queued behind it go to a
 * new worker that takes its place, the batch goes on.
 */

export interface BatchOptions extends CheckOptions {
  /** Worker threads; 1 checks in this thread. Default: the cores available. */
  jobs?: number;
  /** Longest time one file may take before its worker is stopped (ms). */
  fileTimeoutMs?: number;
}

export interface BatchEvents {
  /** Each result, in input order (index = position in the list). */
  onResult(index: number, result: FileResult): void;
  /** Each file done, in the order they finish (for the progress bar). */
  onDone?(done: number, result: FileResult): void;
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** Ten minutes: a workbook that takes longer is taken as hanging. */
const FILE_TIMEOUT_MS = 10 * 60 * 1000;

/** Tasks given to one worker at a time: the file it checks and the next one. */
const IN_FLIGHT = 2;

/** Hands results on in input order as they complete in any order. */
class InOrder {
  private readonly waiting = new Map<number, FileResult>();
  private next = 0;
  constructor(private readonly emit: (index: number, r: FileResult) => void) {}
  put(index: number, r: FileResult): void {
    this.waiting.set(index, r);
    for (let w = this.waiting.get(this.next); w; w = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.emit(this.next++, w);
    }
  }
}

function failed(file: string, why: string): FileResult {
  return { file, ok: false, error: `无法校验“${file}”：${why}其余文件照常校验。`, findings: [], computed: 0, tableNumbers: {}, ms: 0 };
}

/** A worker running this same code: the compiled bundle itself, or the sources through tsx. */
function spawnWorker(): Worker {
  const workerData = { role: WORKER_MARK };

  if (__filename.endsWith('.ts')) {
    const entry = path.join(__dirname, 'worker.ts');
    const tsx = require.resolve('tsx/cjs');
    const code = `require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)}).startWorkerIfAny();`;
    return new Worker(code, { eval: true, workerData });
  }
  return new Worker(__filename, { workerData });
}

async function runInProcess(files: string[], options: BatchOptions, events: BatchEvents): Promise<void> {
  let done = 0;
  for (let i = 0; i < files.length; i++) {
    const r = await checkOne(files[i], options);
    events.onDone?.(++done, r);
    events.onResult(i, r);
  }
}

export async function runBatch(files: string[], options: BatchOptions, events: BatchEvents): Promise<void> {
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), files.length));
  if (jobs === 1) return runInProcess(files, options, events);
  const checkOptions: CheckOptions = { tolerance: options.tolerance, text: options.text };
  const timeoutMs = options.fileTimeoutMs ?? FILE_TIMEOUT_MS;
  const order = new InOrder((index, r) => events.onResult(index, r));
  /** Files not yet given to a worker: those of a dead worker's queue first, then the rest in order. */
  const requeued: number[] = [];
  let next = 0;
  let done = 0;
  const left = () => requeued.length > 0 || next < files.length;
  const take = (): number => (requeued.length ? (requeued.shift() as number) : next++);

  await new Promise<void>((resolve) => {
    let live = 0;
    const finish = (index: number, r: FileResult) => {
      events.onDone?.(++done, r);
      order.put(index, r);
      if (done === files.length) resolve();
    };

    const start = (): void => {
      const worker = spawnWorker();
      live++;
      /** The files this worker holds, in the order it checks them: the first is the one in hand. */
      const queue: number[] = [];
      let timer: NodeJS.Timeout | undefined;
      let crash: string | undefined;

      // The time limit runs for the file in hand, from when the worker takes it up.
      const watch = (): void => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        if (!queue.length) return;
        timer = setTimeout(() => {
          crash = `校验超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止。`;
          void worker.terminate();
        }, timeoutMs);
      };

      const give = (): void => {
        while (queue.length < IN_FLIGHT && left()) {
          const index = take();
          queue.push(index);
          const task: WorkerTask = { id: index, file: files[index], options: checkOptions };
          worker.postMessage(task);
        }
        if (!queue.length) void worker.terminate();
      };

      worker.on('message', (reply: WorkerReply) => {
        if (queue[0] !== reply.id) return;
        queue.shift();
        finish(reply.id, reply.result);
        watch();
        give();
      });
      worker.on('error', (e: Error & { code?: string }) => {
        crash = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? '文件过大，校验时内存不足。' : `读取或校验时程序出错（${e.message}）。请把该文件提供给开发人员排查。`;
      });
      worker.on('exit', (code) => {
        live--;
        if (timer) clearTimeout(timer);
        const [index, ...waiting] = queue.splice(0);
        if (index !== undefined) {
          // The files queued behind the one in hand were not started: another worker takes them.
          requeued.unshift(...waiting);
          finish(index, failed(files[index], crash ?? `校验进程意外退出（代码 ${code}）。`));
          // Another worker takes the place of this one while files remain.
          if (left()) start();
        } else if (left() && live === 0) start();
      });
      give();
      watch();
    };

    for (let i = 0; i < jobs; i++) start();
  });
}
