/**
 * Output and errors for the CLI. Commands write through an Io so that main() can be
 * driven in-process as well as from bin/juesuan.js.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

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
  constructor(message: string, readonly exitCode: number = EXIT.unreadable) {
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
              : (e as Error)?.message ?? String(e);
  return new CliError(`无法写入“${file}”：${why}。`);
}
