#!/usr/bin/env node
'use strict';
/**
 * Builds the `juesuan` command line into dist/cli/ with esbuild (`npm run build:cli`,
 * also run by `prepare`, so `npm ci` leaves it ready):
 *   dist/cli/juesuan.js                 src/cli/index.ts and everything it loads (the core,
 *                                       the xlsx host, ExcelJS, mammoth) in one CommonJS file;
 *                                       the same file runs the check workers (worker_threads)
 *   dist/cli/THIRD-PARTY-LICENSES.txt   the licence of every package bundled into it
 * The bundle needs nothing at run time but Node (>= 20.19): the packed tarball installs
 * offline. Options: --metafile (write dist/cli/meta.json, for `esbuild --analyze`-style looks).
 */
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'dist', 'cli');

/** The package directory (under node_modules) an input path belongs to. */
function packageDirOf(input) {
  const parts = input.split('/');
  const i = parts.lastIndexOf('node_modules');
  if (i < 0) return null;
  const n = parts[i + 1] && parts[i + 1].startsWith('@') ? 2 : 1;
  return parts.slice(0, i + 1 + n).join('/');
}

function licenceText(dir) {
  const files = fs.readdirSync(dir).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f));
  if (files.length) return files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim()).join('\n\n');
  return null;
}

async function main() {
  const t0 = Date.now();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { juesuan: 'src/cli/index.ts' },
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    sourcesContent: false,
    minifySyntax: true,
    legalComments: 'none', // gathered into THIRD-PARTY-LICENSES.txt instead
    metafile: true,
    // Only the sources' worker bootstrap (batch/pool.ts, never taken in the bundle) names tsx.
    external: ['tsx', 'tsx/*'],
    logLevel: 'warning',
  });
  // The licences of the packages bundled in.
  const dirs = new Set();
  for (const input of Object.keys(result.metafile.inputs)) {
    const dir = packageDirOf(input);
    if (dir) dirs.add(dir);
  }
  const sections = [];
  for (const dir of [...dirs].sort()) {
    const abs = path.join(ROOT, dir);
    let pkg = {};
    try {
      pkg = JSON.parse(fs.readFileSync(path.join(abs, 'package.json'), 'utf8'));
    } catch {
      /* a nested folder without package.json: its parent package is listed */
      continue;
    }
    const text = licenceText(abs);
    sections.push(
      `${pkg.name}@${pkg.version} (${typeof pkg.license === 'string' ? pkg.license : 'see text'})\n${'-'.repeat(60)}\n${text || `License: ${pkg.license || 'unknown'}`}`,
    );
  }
  fs.writeFileSync(path.join(OUT_DIR, 'THIRD-PARTY-LICENSES.txt'), `dist/cli/juesuan.js bundles the following packages.\n\n${sections.join('\n\n\n')}\n`);
  if (process.argv.includes('--metafile')) fs.writeFileSync(path.join(OUT_DIR, 'meta.json'), JSON.stringify(result.metafile));
  const size = fs.statSync(path.join(OUT_DIR, 'juesuan.js')).size;
  if (!process.argv.includes('--silent')) {
    console.log(`dist/cli/juesuan.js ${(size / 1048576).toFixed(1)} MB, ${sections.length} bundled packages, ${Date.now() - t0} ms`);
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
