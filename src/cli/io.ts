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
