import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';

/**
 * Tests that spawn the command line run the compiled CLI (bin/juesuan.js →
 * dist/cli/juesuan.js), as users do. ensureCliBuilt() rebuilds it first when any source
 * under src/ (or package.json, the build script) is newer than the bundle, so such a
 * test never runs stale code.
 */
export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'juesuan.js');
const BUNDLE = path.join(ROOT, 'dist', 'cli', 'juesuan.js');

function newestUnder(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestUnder(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

let checked = false;

const LOCK = path.join(ROOT, 'node_modules', '.cache', 'juesuan-cli.lock');

function stale(): boolean {
  const built = fs.existsSync(BUNDLE) ? fs.statSync(BUNDLE).mtimeMs : 0;
  const sources = Math.max(
    newestUnder(path.join(ROOT, 'src')),
    fs.statSync(path.join(ROOT, 'package.json')).mtimeMs,
    fs.statSync(path.join(ROOT, 'scripts', 'build-cli.js')).mtimeMs,
  );
  return built <= sources;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Wait while another process holds the lock; a lock older than two minutes was left by one that died. */
function waitForLock(): void {
  for (;;) {
    let age: number;
    try {
      age = Date.now() - fs.statSync(LOCK).mtimeMs;
    } catch {
      return; // no lock
    }
    if (age > 120_000) {
      fs.rmSync(LOCK, { recursive: true, force: true });
      return;
    }
    sleepSync(200);
  }
}

/**
 * Rebuild dist/cli when a source is newer. Mocha's parallel workers may ask at the same
 * moment: one builds under a lock directory while the others wait for it (a worker must
 * never load a bundle another is still writing), then look again.
 */
export function ensureCliBuilt(): void {
  if (checked) return;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  while (stale()) {
    try {
      fs.mkdirSync(LOCK);
    } catch {
      waitForLock();
      continue;
    }
    try {
      if (stale()) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.js'), '--silent'], { cwd: ROOT, stdio: 'inherit' });
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
  // a build finished by another process: wait until its lock is gone (all files written)
  waitForLock();
  checked = true;
}

type Main = (argv: string[], io?: import('../../src/cli/io').Io) => Promise<number>;

/**
 * main(argv, io) of the compiled CLI (rebuilt first when stale), for tests that start
 * check workers: a worker started from the bundle loads one file (about 0.1 s of CPU),
 * one started from the sources loads them all through tsx (about 1 s).
 */
export function bundledMain(): Main {
  ensureCliBuilt();
  return (createRequire(__filename)(BUNDLE) as { main: Main }).main;
}
