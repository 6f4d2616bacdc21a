/**
 * Output and errors for the CLI. Commands write through an Io so that main() can be
 * driven in-process as well as from bin/juesuan.js.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /**
   * A status line redrawn in place (the progress bar); '' clears it. Present only when
   * stderr is a terminal: without it, progress is written as plain lines with err().
   */
  status?: (text: string) => void;
}

/**
 * Control characters (C0 but tab and newline, DEL, C1) and the bidirectional overrides,
 * as \uXXXX. A file name, sheet name or cell text holding ESC sequences, a carriage
 * return or a right-to-left override would otherwise move the cursor, rewrite earlier
 * lines or reorder what the reviewer reads. \uXXXX is also a valid JSON escape, so
 * --json output stays valid JSON.
 */
function isControl(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09 && c !== 0x0a) ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x061c ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

export function escapeControls(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isControl(c)) continue;
    out += `${text.slice(from, i)}\\u${c.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Terminal width for the status line (80 when unknown). */
function columns(): number {
  return process.stderr.columns && process.stderr.columns > 20 ? process.stderr.columns : 80;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  ...(process.stderr.isTTY
    ? {
        status: (text: string) => {
          // Wide (CJK) characters take two columns: keep the line well inside the width.
          const max = Math.floor(columns() / 2) + 10;
          const shown = text.length > max ? `${text.slice(0, max - 1)}…` : text;
          process.stderr.write(`\r\u001b[K${shown}`);
        },
      }
    : {}),
};

/**
 * The one way every command prints: each text goes through escapeControls. main()
 * wraps whatever Io it is given with this.
 */
export function safeIo(io: Io): Io {
  const status = io.status;
  return {
    out: (text) => io.out(escapeControls(text)),
    err: (text) => io.err(escapeControls(text)),
    ...(status ? { status: (text: string) => status(escapeControls(text)) } : {}),
  };
}

/** Exit codes (a public contract, see `juesuan --help`). */
export const EXIT = {
  ok: 0,
  /** Some finding has severity "error". */
  findings: 1,
  /** A file could not be read, or the command line was wrong. */
  unreadable: 2,
} as const;

/** A refusal with a Chinese message for stderr and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.unreadable,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Why a file could not be written, in Chinese. */
export function writeFailure(file: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why =
    code === 'EEXIST' || code === 'ENOTDIR'
      ? '所在路径中有同名文件，不是文件夹'
      : code === 'EACCES' || code === 'EPERM'
        ? '没有写入权限，或文件正在 Excel/WPS 中打开'
        : code === 'EBUSY'
          ? '文件正在被其他程序（如 Excel/WPS）使用'
          : code === 'ENOSPC'
            ? '磁盘空间不足'
            : code === 'EISDIR'
              ? '这是一个文件夹'
              : ((e as Error)?.message ?? String(e));
  return new CliError(`无法写入“${file}”：${why}。`);
}
