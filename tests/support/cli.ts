import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Io } from '../../src/cli/io';
import { bundledMain, ensureCliBuilt } from './cli-build';

/**
 * The `juesuan` command line for tests. `juesuan()` runs the compiled CLI's main(argv, io)
 * in this process (what every command does, at the cost of a function call; dist/cli is
 * rebuilt first when a source is newer, and check workers start from it as users' do); `juesuanSpawned()` runs
 * `node bin/juesuan.js` as users and reviewers' scripts do (start-up, exit code, pipes),
 * kept for a few smoke tests because each spawn costs a second or more.
 */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'juesuan.js');

/**
 * main(args) with `cwd` as the working directory (relative file names and the names
 * printed are as a user in that folder sees them) and `env` set for the run only.
 * Output is collected as processIo writes it: each call one line.
 */
export async function juesuan(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  const io: Io = {
    out: (text) => void (stdout += line(text)),
    err: (text) => void (stderr += line(text)),
  };
  const savedCwd = process.cwd();
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  process.chdir(cwd);
  Object.assign(process.env, env);
  try {
    const status = await bundledMain()(args, io);
    return { status, stdout, stderr };
  } finally {
    process.chdir(savedCwd);
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** `node bin/juesuan.js …` in `cwd`, as a child process (the compiled CLI, rebuilt first when the sources are newer). */
export function juesuanSpawned(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  ensureCliBuilt();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 90_000, env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
