import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Configuration } from 'webpack';

/**
 * The one webpack build every browser test runs against (development mode, no devtool:
 * code stays code, not eval strings): the pane (ES2017) and its legacy ES5 bundle
 * (IE11), the WPS page, the function file, the preview page, Office.js copied beside
 * them, and the fake WPS object model (tests/browser/fake-wps-entry.ts) as
 * test/fake-wps.js.
 *
 * Built once per set of inputs, not once per test file: the output lands in
 * node_modules/.cache/juesuan-site/<hash>, where <hash> is the SHA-256 of every file the
 * build reads from this repository (src, assets, wps, the fake WPS model, the build
 * configuration, package-lock.json) and of node's version. Mocha's parallel workers share
 * it: the first one builds under a lock directory, the others wait for its `done` mark.
 * A change to any input gives a new hash, hence a new build; JUESUAN_SITE_REBUILD=1
 * forces one. The tests never write into the build (they serve it read-only).
 */

export const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'juesuan-site');
const WEBPACK_CACHE = path.join(ROOT, 'node_modules', '.cache', 'webpack-test');

/** Folders and files the build reads (its entries, their imports, the copied assets, the configuration). */
const INPUTS = [
  'src',
  'assets',
  'wps',
  'tests/browser/fake-wps-entry.ts',
  'tests/hosts/wps/fake-wps.ts',
  'webpack.config.js',
  'babel.config.js',
  'scripts',
  'tsconfig.base.json',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

function filesUnder(rel: string, out: string[]): void {
  const full = path.join(ROOT, rel);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isFile()) {
    // documentation is not built (wps/README.md is not even copied)
    if (!rel.endsWith('.md')) out.push(rel);
    return;
  }
  for (const e of fs.readdirSync(full, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    filesUnder(path.posix.join(rel, e.name), out);
  }
}

/** SHA-256 of the build's inputs: paths and contents, in a fixed order. */
export function siteInputsHash(): string {
  const h = createHash('sha256');
  h.update(`node ${process.version}\n`);
  const files: string[] = [];
  for (const rel of INPUTS) filesUnder(rel, files);
  for (const rel of files) {
    h.update(`${rel}\n`);
    h.update(fs.readFileSync(path.join(ROOT, rel)));
  }
  return h.digest('hex').slice(0, 20);
}

async function build(outDir: string): Promise<void> {
  // loaded when a build runs, not when mocha loads the test files
  const webpack = (await import('webpack')).default;
  type ConfigOf = (env: object, argv: object) => Configuration;
  const configOf = ((await import(pathToFileURL(path.join(ROOT, 'webpack.config.js')).href)) as { default: ConfigOf }).default;
  // webpack's own persistent cache: after a change, only what changed is compiled again
  const config = configOf({ outDir, preview: true, legacy: true, cacheDir: WEBPACK_CACHE }, { mode: 'development' });
  config.context = ROOT;
  config.devtool = false;
  (config.entry as Record<string, string>)['test/fake-wps'] = path.join(ROOT, 'tests/browser/fake-wps-entry.ts');
  const compiler = webpack(config);
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      // closing writes the persistent cache (https://webpack.js.org/api/node/#run)
      compiler.close((closeErr) => {
        const failed = err ?? closeErr;
        if (failed) return reject(failed instanceof Error ? failed : new Error(String(failed)));
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      });
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A lock whose builder has died (or never wrote its pid within a minute). */
function stale(lock: string): boolean {
  try {
    const owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
    return !owner || !alive(owner);
  } catch {
    try {
      return Date.now() - fs.statSync(lock).mtimeMs > 60_000;
    } catch {
      return false; // gone meanwhile
    }
  }
}

let mine: Promise<string> | null = null;

/** The folder of the built pages (built now if no build of these inputs exists yet). */
export function builtSite(): Promise<string> {
  mine ??= buildOnce().catch((e: unknown) => {
    mine = null;
    throw e;
  });
  return mine;
}

async function buildOnce(): Promise<string> {
  const hash = siteInputsHash();
  const dir = path.join(CACHE, hash);
  const out = path.join(dir, 'dist');
  const done = path.join(dir, 'done');
  const lock = path.join(CACHE, `${hash}.lock`);
  fs.mkdirSync(CACHE, { recursive: true });
  if (process.env.JUESUAN_SITE_REBUILD === '1' && fs.existsSync(done) && !fs.existsSync(lock)) fs.rmSync(dir, { recursive: true, force: true });
  for (;;) {
    if (fs.existsSync(done)) return out;
    try {
      fs.mkdirSync(lock);
    } catch {
      // another process builds: wait for it, or take over when it has died
      if (stale(lock)) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      fs.rmSync(dir, { recursive: true, force: true });
      await build(out);
      fs.writeFileSync(done, new Date().toISOString());
      // keep only this build
      for (const e of fs.readdirSync(CACHE)) if (e !== hash && !e.endsWith('.lock')) fs.rmSync(path.join(CACHE, e), { recursive: true, force: true });
      return out;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

// `node --import tsx tests/support/site-build.ts`: build now (npm test does, beside the checks, before mocha starts)
if (require.main === module) {
  const started = Date.now();
  builtSite().then(
    (dir) => process.stdout.write(`${path.relative(ROOT, dir)} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
