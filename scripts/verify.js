#!/usr/bin/env node
/**
 * npm run verify: the type checks of every layer, ESLint, Prettier and the dependency
 * rules, run side by side on all cores (they are independent; one after the other they
 * leave a core idle). Each check's output is printed whole when it ends, under its name;
 * the exit code is 1 when any check fails.
 *
 *   node scripts/verify.js                    all of them
 *   node scripts/verify.js --jobs 1           one at a time
 *   node scripts/verify.js --build-test-site  and, beside them, the pages the browser tests
 *                                             load (tests/support/site-build.ts; npm test's
 *                                             pretest: nothing to do when they are built)
 */
'use strict';
const { spawn } = require('child_process');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

/**
 * The checks, slowest first (so that the pool ends together). Commands as in package.json's
 * typecheck, lint and deps. `tsc -b` (build mode, with each layer's incremental build info)
 * skips a layer none of whose files changed since it last passed, without parsing it.
 */
const CHECKS = [
  ['eslint', bin('eslint'), ['--cache', '--cache-location', 'node_modules/.cache/eslint/', '--max-warnings', '0', '.']],
  ['tsc (tests, bench)', bin('tsc'), ['-b', 'tsconfig.json']],
  ['tsc (task pane, hosts)', bin('tsc'), ['-b', 'src/taskpane']],
  ['tsc (core)', bin('tsc'), ['-b', 'src/core']],
  ['tsc (command line)', bin('tsc'), ['-b', 'src/cli']],
  [
    'dependency rules',
    bin('depcruise'),
    [
      'src',
      'tests',
      'bench',
      'bin',
      'scripts',
      '--config',
      '.dependency-cruiser.cjs',
      '--cache',
      'node_modules/.cache/dependency-cruiser',
      '--cache-strategy',
      'content',
    ],
  ],
  ['prettier', bin('prettier'), ['--cache', '--check', '.']],
];

/** The browser tests' webpack build (a no-op when a build of the same inputs exists): first, being the longest when it runs. */
const SITE = ['pages for the browser tests (webpack)', process.execPath, ['--import', 'tsx', 'tests/support/site-build.ts']];

function parseJobs(argv) {
  const i = argv.indexOf('--jobs');
  const n = i >= 0 ? Number(argv[i + 1]) : os.availableParallelism ? os.availableParallelism() : os.cpus().length;
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function run([name, cmd, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', (e) => resolve({ name, ok: false, text: `${e.message}\n`, seconds: 0 }));
    child.on('close', (code) => resolve({ name, ok: code === 0, text: Buffer.concat(out).toString('utf8'), seconds: (Date.now() - started) / 1000 }));
  });
}

async function main() {
  const argv = process.argv.slice(2);
  const jobs = parseJobs(argv);
  const queue = argv.includes('--build-test-site') ? [SITE, ...CHECKS] : CHECKS.slice();
  const count = queue.length;
  const failed = [];
  const started = Date.now();
  async function worker() {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const r = await run(c);
      process.stdout.write(`== ${r.name}: ${r.ok ? 'ok' : 'FAILED'} (${r.seconds.toFixed(1)} s)\n`);
      if (r.text.trim()) process.stdout.write(r.text.endsWith('\n') ? r.text : `${r.text}\n`);
      if (!r.ok) failed.push(r.name);
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, worker));
  const total = ((Date.now() - started) / 1000).toFixed(1);
  if (failed.length) {
    process.stdout.write(`verify: ${failed.length} check(s) failed: ${failed.join(', ')} (${total} s)\n`);
    process.exitCode = 1;
  } else process.stdout.write(`verify: all ${count} passed (${total} s)\n`);
}

void main();
