#!/usr/bin/env node
'use strict';
/**
 * Builds the `juesuan` command line into dist/cli/ with esbuild (`npm run build:cli`,
 * also run by `prepare`, so `npm ci` leaves it ready):
 *   dist/cli/juesuan.js                 src/cli/index.ts and everything it loads (the core,
 *                                       the xlsx host) in one CommonJS file; the same file
 *                                       runs the check workers (worker_threads)
 *   dist/cli/exceljs.js, mammoth.js,    ExcelJS, mammoth and JSZip with their dependencies,
 *   jszip.js                            loaded only when a command needs them: `check` reads
 *                                       most workbooks without ExcelJS or JSZip
 *                                       (src/hosts/xlsx/fast-read.ts) and .docx only when one
 *                                       lies beside a workbook, and they are four fifths of the
 *                                       code: every process and every check worker starts
 *                                       faster without them
 *   dist/cli/THIRD-PARTY-LICENSES.txt   the licence of every package bundled into them
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

/** Packages bundled apart and loaded on first use (see the top of this file). */
const VENDOR = ['exceljs', 'mammoth', 'jszip'];

/**
 * `import ExcelJS from 'exceljs'` and `import JSZip from 'jszip'` (static imports, evaluated
 * when the bundle loads) become stand-ins that require dist/cli/exceljs.js (jszip.js) the
 * first time a property is read (`new ExcelJS.Workbook()`, `JSZip.loadAsync(…)`);
 * `await import('mammoth')` (already on demand) requires dist/cli/mammoth.js.
 */
const vendorApart = {
  name: 'vendor-apart',
  setup(build) {
    build.onResolve({ filter: /^(exceljs|mammoth|jszip)$/ }, (args) => ({ path: args.path, namespace: 'vendor-on-demand' }));
    build.onResolve({ filter: /^\.\/[a-z]+\.js$/, namespace: 'vendor-on-demand' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'vendor-on-demand' }, (args) => ({
      loader: 'js',
      contents:
        args.path === 'mammoth'
          ? // Reached only through import(): esbuild runs this module on the first import.
            `module.exports = require('./mammoth.js');`
          : `let m;
const load = () => m || (m = require('./${args.path}.js'));
// __esModule is asked when the import is evaluated: answered without loading (a CommonJS package).
module.exports = new Proxy({}, { get: (_, key) => (key === '__esModule' ? undefined : load()[key]) });`,
    }));
  },
};

const COMMON = {
  absWorkingDir: ROOT,
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
  logLevel: 'warning',
};

async function main() {
  const t0 = Date.now();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const results = await Promise.all([
    esbuild.build({
      ...COMMON,
      entryPoints: { juesuan: 'src/cli/index.ts' },
      // Only the sources' worker bootstrap (batch/pool.ts, never taken in the bundle) names tsx.
      external: ['tsx', 'tsx/*'],
      plugins: [vendorApart],
    }),
    ...VENDOR.map((name) =>
      esbuild.build({
        ...COMMON,
        stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: ROOT, sourcefile: `${name}-entry.js` },
        outfile: path.join(OUT_DIR, `${name}.js`),
        outdir: undefined,
      }),
    ),
  ]);
  for (const name of VENDOR) {
    if (!fs.existsSync(path.join(OUT_DIR, `${name}.js`))) throw new Error(`dist/cli/${name}.js was not written`);
  }
  // The licences of the packages bundled in.
  const dirs = new Set();
  for (const result of results) {
    for (const input of Object.keys(result.metafile.inputs)) {
      const dir = packageDirOf(input);
      if (dir) dirs.add(dir);
    }
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
  fs.writeFileSync(
    path.join(OUT_DIR, 'THIRD-PARTY-LICENSES.txt'),
    `dist/cli/juesuan.js, exceljs.js and mammoth.js bundle the following packages.\n\n${sections.join('\n\n\n')}\n`,
  );
  if (process.argv.includes('--metafile')) fs.writeFileSync(path.join(OUT_DIR, 'meta.json'), JSON.stringify(results[0].metafile));
  const mb = (f) => `${(fs.statSync(path.join(OUT_DIR, f)).size / 1048576).toFixed(1)} MB`;
  if (!process.argv.includes('--silent')) {
    console.log(
      `dist/cli/juesuan.js ${mb('juesuan.js')} (+ ${VENDOR.map((n) => `${n}.js ${mb(`${n}.js`)}`).join(', ')} on demand), ${sections.length} bundled packages, ${Date.now() - t0} ms`,
    );
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
