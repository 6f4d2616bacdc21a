import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { variants } from '../../bench/cli-workbooks';
import { expandInputs, globRegExp } from '../../src/cli/batch/inputs';
import { Progress } from '../../src/cli/batch/progress';
import type { Io } from '../../src/cli/io';
import { bundledMain } from '../support/cli-build';
import type { JsonFinding } from '../../src/cli/report/json';
import { docx } from '../support/docx';

/**
 * `juesuan check` on many files, run in-process through the compiled CLI's main(argv, io)
 * (dist/cli, rebuilt first when the sources are newer; its check workers start from the
 * bundle, as users' do): folders, globs, worker threads, input order, the narrative in
 * the same run, unreadable and crashing files, exit codes, progress.
 */

interface Captured {
  io: Io;
  out: string[];
  err: string[];
  status: string[];
  stdout(): string;
  stderr(): string;
}

function capture(tty = false): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const status: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), ...(tty ? { status: (t: string) => status.push(t) } : {}) };
  return { io, out, err, status, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}

async function run(argv: string[], tty = false): Promise<Captured & { code: number }> {
  const c = capture(tty);
  const code = await bundledMain()(argv, c.io);
  return { ...c, code };
}

/** The files in the order `check` printed them. */
function filesPrinted(stdout: string): string[] {
  return [...stdout.matchAll(/^文件：(.+)$/gm)].map((m) => m[1]);
}

const HEAD = '（二）收入决算情况说明\n本年收入合计1474.07万元，其中：财政拨款收入1406.53万元，占';
const WRONG_SHARE = `${HEAD}96.42%；其他收入67.54万元，占4.58%。`;
const RIGHT_SHARE = `${HEAD}95.42%；其他收入67.54万元，占4.58%。`;

describe('juesuan check: many files', function () {
  this.timeout(180_000);
  let dir: string;
  let clean: Buffer;
  let slip: Buffer;
  let withSheet: Buffer;
  const cwd = process.cwd();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-batch-'));
    [clean, slip, withSheet] = await variants();
    process.chdir(dir);
  });
  after(() => {
    process.chdir(cwd);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('walks folders recursively for .xlsx/.xlsm, skipping hidden and ~$ lock files; globs; each file once, in order', () => {
    fs.mkdirSync('walk/b/sub', { recursive: true });
    fs.mkdirSync('walk/.git', { recursive: true });
    for (const f of ['walk/a.xlsx', 'walk/b/c.XLSM', 'walk/b/sub/d.xlsx', 'walk/~$a.xlsx', 'walk/.e.xlsx', 'walk/.git/f.xlsx', 'walk/g.xls', 'walk/h.txt']) {
      fs.writeFileSync(f, clean);
    }
    const files = (xs: string[]) => expandInputs(xs).map((x) => (x.problem ? `!${x.file}` : x.file.split(path.sep).join('/')));
    assert.deepEqual(files(['walk']), ['walk/a.xlsx', 'walk/b/c.XLSM', 'walk/b/sub/d.xlsx']);
    assert.deepEqual(files(['walk/b/sub/d.xlsx', 'walk']), ['walk/b/sub/d.xlsx', 'walk/a.xlsx', 'walk/b/c.XLSM']);
    assert.deepEqual(files(['walk/**/*.xlsx']), ['walk/a.xlsx', 'walk/b/sub/d.xlsx']);
    assert.deepEqual(files(['walk/*.{xlsx,xls}']), ['walk/a.xlsx', 'walk/g.xls']);
    // A file named explicitly is taken as it is (the reader then says what it is).
    assert.deepEqual(files(['walk/~$a.xlsx', 'walk/h.txt']), ['walk/~$a.xlsx', 'walk/h.txt']);
    // A hidden folder named explicitly is walked; a pattern that matches nothing is said.
    assert.deepEqual(files(['walk/nothing-*.xlsx', 'walk/.git']), ['!walk/nothing-*.xlsx', 'walk/.git/f.xlsx']);
    assert.ok(globRegExp('a/**/*.xlsx').test('a/x.xlsx'));
    assert.ok(globRegExp('a/**/*.xlsx').test('a/b/c/x.xlsx'));
    assert.ok(!globRegExp('a/*.xlsx').test('a/b/x.xlsx'));
    assert.ok(globRegExp('部门[0-9]?.xlsx').test('部门12.xlsx'));
  });

  it('checks on worker threads and prints the results in input order; exit 1 when a file has an error', async () => {
    fs.mkdirSync('order', { recursive: true });
    const names: string[] = [];
    for (let i = 0; i < 6; i++) {
      const f = `order/部门${i}.xlsx`;
      fs.writeFileSync(f, i === 3 ? slip : clean);
      names.push(f);
    }
    const given = [names[5], names[0], names[3], names[1], names[4], names[2]];
    const r = await run(['check', ...given, '--jobs', '2']);
    assert.equal(r.code, 1, r.stderr());
    assert.deepEqual(filesPrinted(r.stdout()), given);
    assert.match(r.stdout(), /共 6 个文件：有错误 1 个/);
    const ok = await run(['check', names[0], names[1], '--jobs', '2', '--json']);
    assert.equal(ok.code, 0, ok.stderr());
    const found = JSON.parse(ok.stdout()) as JsonFinding[];
    assert.ok(found.every((f) => f.severity !== 'error'));
  });

  it('lists an unreadable file with its reason and checks the others; exit 2 only when nothing could be read', async () => {
    fs.mkdirSync('mixed', { recursive: true });
    fs.writeFileSync('mixed/a.xlsx', clean);
    fs.writeFileSync('mixed/b.xlsx', '这不是工作簿');
    fs.writeFileSync('mixed/c.xlsx', Buffer.alloc(0));
    fs.writeFileSync('mixed/d.xlsx', clean);
    const r = await run(['check', 'mixed', 'mixed/missing.xlsx', '--jobs', '2']);
    assert.equal(r.code, 1, 'some files could not be read: not a clean pass');
    assert.deepEqual(
      filesPrinted(r.stdout()),
      ['mixed/a.xlsx', 'mixed/d.xlsx'].map((f) => f.split('/').join(path.sep)),
    );
    assert.match(r.stderr(), /无法读取“mixed.b\.xlsx”：不是 \.xlsx 格式/);
    assert.match(r.stderr(), /无法读取“mixed.c\.xlsx”：文件是空的/);
    assert.match(r.stderr(), /无法读取“mixed.missing\.xlsx”：文件不存在/);
    assert.match(r.stdout(), /无法读取 3 个/);
    const none = await run(['check', 'mixed/b.xlsx', 'mixed/c.xlsx', 'mixed/missing.xlsx', '--json']);
    assert.equal(none.code, 2);
    assert.deepEqual(JSON.parse(none.stdout()), []);
    const nothing = await run(['check', 'no-such-folder/*.xlsx']);
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr(), /无法读取“no-such-folder\/\*\.xlsx”：没有与之匹配的工作簿/);
  });

  for (const how of ['exit', 'throw'] as const) {
    it(`a worker that dies on one file (${how === 'exit' ? 'process.exit' : 'an uncaught exception'}) costs only that file`, async () => {
      fs.mkdirSync(`crash-${how}`, { recursive: true });
      const files = ['a', 'b', 'crash-me', 'd', 'e'].map((n) => `crash-${how}/${n}.xlsx`);
      for (const f of files) fs.writeFileSync(f, clean);
      process.env.JUESUAN_TEST_WORKER_FAULT = `${how}:crash-me`;
      try {
        const r = await run(['check', ...files, '--jobs', '2', '--report', `crash-${how}.json`]);
        assert.equal(r.code, 1, r.stderr());
        assert.deepEqual(
          filesPrinted(r.stdout()),
          files.filter((f) => !f.includes('crash-me')),
        );
        assert.match(r.stderr(), how === 'exit' ? /crash-me\.xlsx.*校验进程意外退出/ : /crash-me\.xlsx.*程序出错（simulated crash/);
        const report = JSON.parse(fs.readFileSync(`crash-${how}.json`, 'utf8')) as { files: Array<{ file: string; status: string }> };
        assert.deepEqual(
          report.files.map((f) => f.status),
          ['rounding', 'rounding', 'unreadable', 'rounding', 'rounding'].map((s) => s),
          JSON.stringify(report.files),
        );
      } finally {
        delete process.env.JUESUAN_TEST_WORKER_FAULT;
      }
    });
  }

  it('verifies the narrative in the same run: a .docx or .txt beside the workbook, else its 情况说明 sheet; --no-text skips it', async () => {
    fs.mkdirSync('text', { recursive: true });
    fs.writeFileSync('text/甲.xlsx', clean);
    fs.writeFileSync('text/甲.docx', await docx(WRONG_SHARE.split('\n')));
    fs.writeFileSync('text/乙.xlsx', clean);
    fs.writeFileSync('text/乙.TXT', `\uFEFF${RIGHT_SHARE}\n`);
    fs.writeFileSync('text/丙.xlsx', withSheet);
    fs.writeFileSync('text/丁.xlsx', clean);
    const r = await run(['check', 'text/甲.xlsx', 'text/乙.xlsx', 'text/丙.xlsx', 'text/丁.xlsx', '--json', '--jobs', '2']);
    assert.equal(r.code, 1, r.stderr());
    const found = JSON.parse(r.stdout()) as JsonFinding[];
    const share = found.find((f) => f.quote === '96.42%');
    assert.ok(share, r.stdout());
    assert.equal(share.file, 'text/甲.xlsx');
    assert.equal(share.severity, 'error');
    assert.equal(share.expected, '95.42%');
    assert.equal(share.source, path.join('text', '甲.docx'));
    assert.ok(!found.some((f) => f.file === 'text/乙.xlsx' && f.severity === 'error'), 'the right .txt has no error');
    assert.ok(found.filter((f) => f.file === 'text/丙.xlsx' && f.source).every((f) => f.source === '情况说明'));
    assert.ok(!found.some((f) => f.file === 'text/丁.xlsx' && f.source !== undefined));
    // Table findings keep exactly the public fields.
    for (const f of found.filter((x) => x.source === undefined)) assert.deepEqual(Object.keys(f).sort(), ['cells', 'file', 'message', 'rule', 'severity']);

    const text = await run(['check', 'text/甲.xlsx', 'text/乙.xlsx', '--jobs', '1']);
    assert.match(text.stdout(), /情况说明（文件 text.甲\.docx）：\n\s+【错误】1 条\n.*“96\.42%”/);
    assert.match(text.stdout(), /情况说明（文件 text.乙\.TXT）：\n\s+未发现情况说明与表中数据不一致之处/);
    const off = await run(['check', 'text/甲.xlsx', '--no-text', '--json']);
    assert.equal(off.code, 0);
    assert.ok(!(JSON.parse(off.stdout()) as JsonFinding[]).some((f) => f.source !== undefined));
  });

  it('a narrative that cannot be read is said, and the tables are still checked', async () => {
    fs.mkdirSync('badtext', { recursive: true });
    fs.writeFileSync('badtext/戊.xlsx', clean);
    fs.writeFileSync('badtext/戊.docx', '不是 Word 文档');
    const r = await run(['check', 'badtext/戊.xlsx']);
    assert.equal(r.code, 0, r.stderr());
    assert.match(r.stdout(), /情况说明（文件 badtext.戊\.docx）：\n\s+无法读取“badtext.戊\.docx”：不是有效的 Word 文档/);
    assert.match(r.stdout(), /合计 1 条：错误 0 条/);
  });

  it('progress: plain lines when not a terminal, a bar with rate and time left on one, nothing with --quiet', async () => {
    fs.mkdirSync('prog', { recursive: true });
    for (const n of ['a', 'b', 'c']) fs.writeFileSync(`prog/${n}.xlsx`, clean);
    const plain = await run(['check', 'prog', '--jobs', '1']);
    assert.deepEqual(
      plain.err.filter((l) => /^\[\d\/3\]/.test(l)).map((l) => l.slice(0, 5)),
      ['[1/3]', '[2/3]', '[3/3]'],
    );
    const quiet = await run(['check', 'prog', '--quiet', '--jobs', '1']);
    assert.deepEqual(quiet.err, []);
    assert.deepEqual(
      filesPrinted(quiet.stdout()),
      ['prog/a.xlsx', 'prog/b.xlsx', 'prog/c.xlsx'].map((f) => f.split('/').join(path.sep)),
      'files with a finding are still listed',
    );
    const tty = await run(['check', 'prog', '--jobs', '1'], true);
    assert.ok(
      tty.status.some((l) => /校验 [█░]+ \d\/3 个文件/.test(l)),
      tty.status.join('\n'),
    );
    assert.equal(tty.status[tty.status.length - 1], '', 'the bar is cleared at the end');
    assert.ok(!tty.err.some((l) => /^\[\d\/3\]/.test(l)));

    let t = 0;
    const p = new Progress(capture(true).io, 200, false, () => t);
    t = 20_000;
    assert.equal(p.line(50), `校验 █████░░░░░░░░░░░░░░░ 50/200 个文件  2.5 个/秒  剩余约 1 分`);
  });
});
