import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { variants } from '../../bench/cli-workbooks';
import { BIN, ensureCliBuilt, ROOT } from '../support/cli-build';
import { docx } from '../support/docx';

/**
 * Smoke tests of the compiled command line, spawned as users run it: bin/juesuan.js on
 * the esbuild bundle (workers started from the bundle itself; ExcelJS, mammoth and JSZip
 * in their own files beside it, loaded on first use), and the `npm pack` tarball
 * installed offline into an empty project.
 */

function juesuan(bin: string, args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return r;
}

describe('compiled juesuan (dist/cli)', function () {
  this.timeout(300_000);
  let dir: string;

  before(async () => {
    ensureCliBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-compiled-'));
    const [clean, slip] = await variants();
    fs.mkdirSync(path.join(dir, 'district', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'district', 'a.xlsx'), clean);
    fs.writeFileSync(path.join(dir, 'district', 'sub', 'b.xlsx'), slip);
    fs.writeFileSync(path.join(dir, 'district', 'c.xlsx'), 'not a workbook');
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('bin/juesuan.js runs the bundle: no TypeScript at run time, version and help', () => {
    const bin = fs.readFileSync(BIN, 'utf8');
    assert.match(bin, /require\('\.\.\/dist\/cli\/juesuan\.js'\)/);
    assert.ok(!/tsx/.test(bin.replace(/^\s*\/\/.*$/gm, '')), 'bin does not register tsx');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), [], 'everything the CLI needs is bundled');
    const v = juesuan(BIN, ['--version'], dir);
    assert.equal(v.status, 0, v.stderr);
    assert.equal(v.stdout.trim(), pkg.version);
  });

  it('checks a folder on worker threads started from the bundle, in order, with the reasons on stderr', () => {
    const r = juesuan(BIN, ['check', 'district', '--jobs', '2', '--report', 'r.csv'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(
      [...r.stdout.matchAll(/^文件：(.+)$/gm)].map((m) => m[1]),
      [path.join('district', 'a.xlsx'), path.join('district', 'sub', 'b.xlsx')],
    );
    assert.match(r.stderr, /无法读取“district.c\.xlsx”：不是 \.xlsx 格式/);
    assert.match(r.stdout, /共 3 个文件：有错误 1 个/);
    assert.ok(fs.readFileSync(path.join(dir, 'r.csv'), 'utf8').startsWith('\uFEFF文件,表,规则,级别,问题,单元格,原文'));
  });

  it('runs with ExcelJS, mammoth and JSZip in their own files beside the bundle: a .docx beside a workbook is verified, a file goes through the full reader', async () => {
    const [clean] = await variants();
    fs.mkdirSync(path.join(dir, 'text'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'text', '甲.xlsx'), clean);
    fs.writeFileSync(
      path.join(dir, 'text', '甲.docx'),
      await docx(['（二）收入决算情况说明', '本年收入合计1474.07万元，其中：财政拨款收入1406.53万元，占96.42%；其他收入67.54万元，占4.58%。']),
    );
    const r = juesuan(BIN, ['check', 'text', '--jobs', '1'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /情况说明（文件 text.甲\.docx）/);
    assert.match(r.stdout, /“96\.42%”：文中占比为96\.42%/);
    for (const f of ['exceljs.js', 'mammoth.js', 'jszip.js']) assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli', f)), f);
    const full = spawnSync(process.execPath, [BIN, 'check', path.join('text', '甲.xlsx'), '--no-text', '--jobs', '1'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, JUESUAN_NO_FAST_READ: '1' },
    });
    assert.equal(full.status, 0, full.stderr);
    assert.match(full.stdout, /尾数差异/);
  });

  it('npm pack gives a tarball that installs offline and runs juesuan with nothing else', () => {
    const packDir = path.join(dir, 'pack');
    fs.mkdirSync(packDir);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const name =
      execFileSync(npm, ['pack', '--silent', '--ignore-scripts', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop() ?? '';
    const tgz = path.join(packDir, name);
    assert.ok(fs.existsSync(tgz), name);
    const app = path.join(dir, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}');
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tgz], { cwd: app, encoding: 'utf8' });
    const installed = path.join(app, 'node_modules', 'juesuan-gongkai');
    assert.deepEqual(
      fs.readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.')),
      ['juesuan-gongkai'],
      'no dependency installed',
    );
    const bin = path.join(installed, 'bin', 'juesuan.js');
    const d = juesuan(bin, ['demo', 'demo.xlsx'], app);
    assert.equal(d.status, 0, d.stderr);
    const c = juesuan(bin, ['check', 'demo.xlsx', path.join(dir, 'district', 'sub', 'b.xlsx')], app);
    assert.equal(c.status, 1, c.stderr);
    assert.match(c.stdout, /文件：demo\.xlsx/);
  });
});
