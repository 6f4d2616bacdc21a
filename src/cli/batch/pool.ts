import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { checkOne } from './check-one';
import type { CheckOptions, FileResult } from './types';
import { WORKER_MARK, type WorkerReply, type WorkerTask } from './worker';

/**
 * Checks many workbooks on all cores: a pool of worker threads, one workbook per task,
 * results handed on in input order. A worker that dies (an exception nothing caught,
 * out of memory, process.exit in a library) costs only the file it was checking: that
 * file is reported with the reason, a new worker takes its place, the batch goes on.
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
  let next = 0;
  let done = 0;

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
      let current: { index: number; timer: NodeJS.Timeout } | undefined;
      let crash: string | undefined;

      const give = (): void => {
        if (next >= files.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        const index = next++;
        const timer = setTimeout(() => {
          crash = `校验超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止。`;
          void worker.terminate();
        }, timeoutMs);
        current = { index, timer };
        const task: WorkerTask = { id: index, file: files[index], options: checkOptions };
        worker.postMessage(task);
      };

      worker.on('message', (reply: WorkerReply) => {
        if (!current || reply.id !== current.index) return;
        clearTimeout(current.timer);
        const index = current.index;
        current = undefined;
        finish(index, reply.result);
        give();
      });
      worker.on('error', (e: Error & { code?: string }) => {
        crash = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? '文件过大，校验时内存不足。' : `读取或校验时程序出错（${e.message}）。请把该文件提供给开发人员排查。`;
      });
      worker.on('exit', (code) => {
        live--;
        if (current) {
          clearTimeout(current.timer);
          const index = current.index;
          current = undefined;
          finish(index, failed(files[index], crash ?? `校验进程意外退出（代码 ${code}）。`));
          // Another worker takes the place of this one while files remain.
          if (next < files.length) start();
        } else if (next < files.length && live === 0) start();
      });
      give();
    };

    for (let i = 0; i < jobs; i++) start();
  });
}
