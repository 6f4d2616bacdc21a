#!/usr/bin/env node
'use strict';
// The `juesuan` command: runs the TypeScript sources through tsx (a runtime dependency).
require('tsx/cjs');

// `juesuan check … | head`: a closed pipe ends the command quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode || 0);
    throw e;
  });
}

const { main } = require('../src/cli/main.ts');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`内部错误：${(e && e.stack) || e}\n`);
    process.exitCode = 70;
  },
);
