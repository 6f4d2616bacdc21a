#!/usr/bin/env node
'use strict';
// The `juesuan` command: runs the compiled CLI, dist/cli/juesuan.js (scripts/build-cli.js;
// built by `npm ci` through `prepare`, by `npm run build` and before `npm pack`).

// `juesuan check … | head`: a closed pipe ends the command quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode || 0);
    throw e;
  });
}

let cli;
try {
  cli = require('../dist/cli/juesuan.js');
} catch (e) {
  if (!(e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('juesuan.js'))) throw e;
  process.stderr.write('命令行尚未编译（缺少 dist/cli/juesuan.js）。请在本仓库中运行 npm run build:cli（npm ci 会自动编译）。\n');
  process.exit(70);
}

// This process is the CLI's own: V8 optimises only truly hot code (src/cli/v8-tiering.ts).
cli.tuneTieringForShortRuns();
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`内部错误：${(e && e.stack) || e}\n`);
    process.exitCode = 70;
  },
);
