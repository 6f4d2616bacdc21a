import type { Io } from '../io';

/**
 * Progress of a batch: on a terminal (Io.status), one line redrawn in place — a bar,
 * files done, rate, time left; otherwise one plain line per file on stderr. Nothing
 * with --quiet, or for a single file.
 */
export class Progress {
  private readonly t0: number;
  private lastDraw = 0;
  private shown = false;
  private readonly on: boolean;

  constructor(
    private readonly io: Io,
    private readonly total: number,
    quiet: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.on = !quiet && total > 1;
    this.t0 = now();
  }

  /** One more file done. */
  tick(done: number, file: string, ok: boolean): void {
    if (!this.on) return;
    if (!this.io.status) {
      this.io.err(`[${done}/${this.total}] ${ok ? '已校验' : '无法读取'}：${file}`);
      return;
    }
    const t = this.now();
    if (done < this.total && t - this.lastDraw < 100) return;
    this.lastDraw = t;
    this.draw(done);
  }

  /** The status line for `done` files (exported for tests through line()). */
  line(done: number): string {
    const width = 20;
    const filled = Math.round((done / this.total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const secs = (this.now() - this.t0) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const left = rate > 0 ? Math.ceil((this.total - done) / rate) : undefined;
    const parts = [`校验 ${bar} ${done}/${this.total} 个文件`];
    if (done > 0 && secs >= 0.5) parts.push(`${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)} 个/秒`);
    if (done > 0 && done < this.total && left !== undefined && secs >= 0.5) parts.push(`剩余约 ${duration(left)}`);
    return parts.join('  ');
  }

  private draw(done: number): void {
    this.io.status?.(this.line(done));
    this.shown = true;
  }

  /** Take the status line away (before printing results, and at the end). */
  clear(): void {
    if (this.shown) this.io.status?.('');
    this.shown = false;
  }

  /** Print text while the bar is up: clear it, print, redraw it. */
  around(print: () => void, done: number): void {
    const was = this.shown;
    this.clear();
    print();
    if (was && done < this.total) this.draw(done);
  }
}

export function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} 秒`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  if (m < 60) return s ? `${m} 分 ${s} 秒` : `${m} 分`;
  return `${Math.floor(m / 60)} 小时 ${m % 60} 分`;
}
