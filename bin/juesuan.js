#!/usr/bin/env node
'use strict';
// The `juesuan` command: runs the TypeScript sources through tsx (a runtime dependency).
require('tsx/cjs');
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
