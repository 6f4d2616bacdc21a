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

export function ensureCliBuilt(): void {
  if (checked) return;
  checked = true;
  const built = fs.existsSync(BUNDLE) ? fs.statSync(BUNDLE).mtimeMs : 0;
  const sources = Math.max(
    newestUnder(path.join(ROOT, 'src')),
    fs.statSync(path.join(ROOT, 'package.json')).mtimeMs,
    fs.statSync(path.join(ROOT, 'scripts', 'build-cli.js')).mtimeMs,
  );
  if (built > sources) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.js'), '--silent'], { cwd: ROOT, stdio: 'inherit' });
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
