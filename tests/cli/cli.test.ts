import { strict as assert } from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseA1 } from '../../src/core/cells';
import { formulaAt, valueAt } from '../../src/core/model/snapshot';
import { sampleBatch } from '../../src/core/sample/seed-2021';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { juesuan, juesuanSpawned } from '../support/cli';

/**
 * The `juesuan` command line, on files in a temporary folder: every command through
 * the compiled CLI's main(argv, io) in this process (tests/support/cli.ts), and a few runs of `node bin/juesuan.js` as users'
 * and reviewers' scripts run it (start-up, exit codes, stdout and stderr of a process).
 */

const TABLE_SHEETS = ['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表'];

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

const CJK = /[\u4e00-\u9fff]/;

describe('juesuan CLI', function () {
  this.timeout(120_000);
  let dir: string;
  let demo: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-cli-'));
    const r = await juesuan(['demo', 'demo.xlsx'], dir);
    assert.equal(r.status, 0, r.stderr);
    demo = path.join(dir, 'demo.xlsx');
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints its help in Chinese; an unknown command exits 2 with a Chinese message', async () => {
    const help = await juesuan(['--help'], dir);
    assert.equal(help.status, 0);
    for (const c of ['init', 'demo', 'check', 'narrate', 'verify-text', '--json', '--tolerance', '--on-conflict', '退出码']) {
      assert.ok(help.stdout.includes(c), `help mentions ${c}`);
    }
    assert.match(help.stdout, /用法/);
    const check = await juesuan(['check', '--help'], dir);
    assert.equal(check.status, 0);
    assert.match(check.stdout, /校验/);
    const bad = await juesuan(['frobnicate'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /未知命令“frobnicate”/);
    const badOpt = await juesuan(['check', 'x.xlsx', '--frob'], dir);
    assert.equal(badOpt.status, 2);
    assert.match(badOpt.stderr, /未知选项 --frob/);
  });

  it('init creates the nine tables and the 补充信息 sheet, with formulas and the unit', async () => {
    const r = await juesuan(['init', 'book.xlsx', '--unit', '测试单位', '--year', '2021'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /已创建/);
    const host = await XlsxHost.open(path.join(dir, 'book.xlsx'));
    const names = (await host.listSheets()).map((s) => s.name);
    assert.deepEqual(names, [...TABLE_SHEETS, '补充信息']);
    const snaps = await host.readSheets();
    const formulas = snaps.flatMap((s) => (s.formulas ?? []).flat().filter(Boolean));
    assert.ok(formulas.length > 30, `formulas: ${formulas.length}`);
    const texts = snaps.flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === 'string');
    assert.ok(
      texts.some((t) => t.includes('测试单位')),
      'the unit is written',
    );
    assert.ok(texts.some((t) => t.includes('收入支出决算总表')));
  });

  it("init on an existing workbook never overwrites the user's sheets", async () => {
    const file = path.join(dir, 'mine.xlsx');
    assert.equal((await juesuan(['init', 'mine.xlsx', '--unit', '测试单位'], dir)).status, 0);
    // The user types a figure, colours a cell and adds a sheet of their own.
    const host = await XlsxHost.open(file);
    const ws = host.workbook.getWorksheet('公开03表')!;
    ws.getCell('B20').value = '用户自己的备注';
    ws.getCell('B20').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    host.workbook.addWorksheet('我的底稿').getCell('A1').value = 12345;
    await host.save(file);
    const before = sha(file);

    const again = await juesuan(['init', 'mine.xlsx', '--unit', '别的单位'], dir);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /跳过 9 张/);
    assert.equal(sha(file), before, 'the file is not rewritten when nothing is added');

    const beside = await juesuan(['init', 'mine.xlsx', '--on-conflict', 'beside'], dir);
    assert.equal(beside.status, 0, beside.stderr);
    assert.match(beside.stdout, /公开01表\(2\)/);
    assert.ok(fs.existsSync(`${file}.bak`), 'a backup of the original is kept');
    assert.equal(sha(`${file}.bak`), before, 'the backup is the original');
    const besideAgain = await juesuan(['init', 'mine.xlsx', '--on-conflict', 'beside'], dir);
    assert.equal(besideAgain.status, 0, besideAgain.stderr);
    assert.equal(sha(`${file}.bak`), before, 'a second run keeps the first backup');
    assert.ok(fs.existsSync(`${file}.bak.2`), 'and backs up the second version beside it');
    const after = await XlsxHost.open(file);
    const names = (await after.listSheets()).map((s) => s.name);
    assert.ok(names.includes('我的底稿') && names.includes('公开01表') && names.includes('公开09表(2)'), names.join(','));
    const cell = after.workbook.getWorksheet('公开03表')!.getCell('B20');
    assert.equal(cell.value, '用户自己的备注');
    assert.equal((cell.fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFFF00');
    assert.equal(after.workbook.getWorksheet('我的底稿')!.getCell('A1').value, 12345);
  });

  it('init refuses bad options in Chinese (exit 2)', async () => {
    const r = await juesuan(['init', 'x.xlsx', '--on-conflict', 'overwrite'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--on-conflict 只能是 skip、beside 或 refresh/);
    const p = await juesuan(['init', 'x.xlsx', '--profile', '1999'], dir);
    assert.equal(p.status, 2);
    assert.match(p.stderr, /未知的格式“1999”/);
    assert.equal(fs.existsSync(path.join(dir, 'x.xlsx')), false);
  });

  it('check exits 0 on the demo (no error-level finding) and prints findings grouped in Chinese', async () => {
    const r = await juesuan(['check', 'demo.xlsx'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /文件：demo\.xlsx/);
    assert.match(r.stdout, /合计 \d+ 条：错误 0 条/);
    const j = await juesuan(['check', 'demo.xlsx', '--json'], dir);
    assert.equal(j.status, 0);
    const findings = JSON.parse(j.stdout) as Array<{ severity: string }>;
    assert.ok(Array.isArray(findings));
    assert.ok(
      findings.every((f) => f.severity !== 'error'),
      j.stdout,
    );
  });

  it('check exits 1 when a table contradicts itself; --json has exactly the public fields', async () => {
    // Overwrite the 03 合计 基本支出 formula with a wrong constant.
    const { layouts } = sampleBatch();
    const t03 = layouts.find((l) => l.key === 'expenditure')!;
    const cell = t03.lines.find((l) => l.id === 'total')!.values.basic!.cell;
    const host = await XlsxHost.open(demo);
    const { row, col } = parseA1(cell.address);
    const [snap] = await host.readSheets([cell.sheet]);
    assert.ok(formulaAt(snap, row, col), 'the total is a formula in the demo');
    await host.apply({ create: [], update: [{ name: cell.sheet, cells: [{ row, col, value: 999 }], merges: [], styles: {} }] });
    assert.equal(valueAt((await host.readSheets([cell.sheet]))[0], row, col), 999);
    await host.save(path.join(dir, 'wrong.xlsx'));

    const r = await juesuan(['check', 'wrong.xlsx', '--json', '--tolerance', '0.005'], dir);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const findings = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    assert.ok(findings.length > 0);
    // A diagnosed slip (issue #9) adds `expected` and `explains` (findings of the usual shape, without `file`).
    const shapeOf = (f: Record<string, unknown>, top: boolean) => {
      const keys = ['cells', ...(top ? ['file'] : []), 'message', 'rule', 'severity'];
      if (f.rule === 'likely-slip') {
        keys.push('expected', 'explains');
        assert.equal(typeof f.expected, 'number');
        for (const e of f.explains as Array<Record<string, unknown>>) shapeOf(e, false);
      }
      assert.deepEqual(Object.keys(f).sort(), keys.sort());
    };
    for (const f of findings) {
      shapeOf(f, true);
      assert.equal(f.file, 'wrong.xlsx');
      assert.ok(['error', 'warning', 'rounding'].includes(f.severity as string));
      assert.equal(typeof f.rule, 'string');
      assert.ok(CJK.test(f.message as string), `message in Chinese: ${JSON.stringify(f.message)}`);
      for (const c of f.cells as Array<Record<string, unknown>>) {
        assert.deepEqual(Object.keys(c).sort(), ['address', 'sheet']);
        assert.match(c.address as string, /^[A-Z]+\d+$/);
      }
    }
    const errors = findings.filter((f) => f.severity === 'error');
    assert.ok(errors.length > 0);
    assert.ok(
      errors.some((f) => (f.cells as Array<{ sheet: string; address: string }>).some((c) => c.sheet === cell.sheet && c.address === cell.address)),
      `an error points at ${cell.sheet}!${cell.address}: ${JSON.stringify(errors)}`,
    );
    assert.ok(errors.some((f) => (f.message as string).includes('999')));

    const text = await juesuan(['check', 'wrong.xlsx'], dir);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /【错误】\d+ 条/);
    assert.match(text.stdout, /支出决算表：/);
  });

  it('check says why a file cannot be read, in Chinese, and still checks the others (exit 1: not a clean pass)', async () => {
    fs.writeFileSync(path.join(dir, 'notes.xlsx'), '这不是工作簿');
    fs.writeFileSync(path.join(dir, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const r = await juesuan(['check', 'notes.xlsx', 'demo.xlsx', 'missing.xlsx', 'old.xls', '--json'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /无法读取“notes\.xlsx”.*不是 \.xlsx 格式/);
    assert.match(r.stderr, /missing\.xlsx.*文件不存在/);
    assert.match(r.stderr, /无法读取“old\.xls”/);
    const findings = JSON.parse(r.stdout) as Array<{ file: string }>;
    assert.ok(findings.every((f) => f.file === 'demo.xlsx'));
    const text = await juesuan(['check', 'missing.xlsx', 'demo.xlsx'], dir);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /文件：demo\.xlsx/);
    const tol = await juesuan(['check', 'demo.xlsx', '--tolerance', 'abc'], dir);
    assert.equal(tol.status, 2);
    assert.match(tol.stderr, /--tolerance 应为不小于 0 的数/);
  });

  it('narrate --json gives sections with figures tied to cells, and a todo list', async () => {
    const r = await juesuan(['narrate', 'demo.xlsx', '--json'], dir);
    assert.equal(r.status, 0, r.stderr);
    const n = JSON.parse(r.stdout) as {
      sections: Array<{ id: string; title: string; text: string; figures: Array<{ id: string; value: unknown; cells: unknown[] }> }>;
      todo: unknown[];
    };
    assert.deepEqual(Object.keys(n).sort(), ['sections', 'todo']);
    assert.ok(n.sections.length >= 5);
    assert.ok(Array.isArray(n.todo));
    for (const s of n.sections) assert.deepEqual(Object.keys(s).sort(), ['figures', 'id', 'text', 'title']);
    const all = n.sections.flatMap((s) => s.figures);
    const total = all.find((f) => f.value === 1474.07);
    assert.ok(total, '本年收入合计 1474.07 is among the figures');
    assert.ok(total.cells.length > 0);
    assert.ok(n.sections.some((s) => s.text.includes('1474.07')));
    const text = await juesuan(['narrate', 'demo.xlsx'], dir);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /收入支出决算总体情况说明/);
  });

  it('verify-text exits 0 on a correct text, 1 on a wrong share with quote/expected/cells, 2 on a missing file', async () => {
    const head = '（二）收入决算情况说明\n本年收入合计1474.07万元，其中：财政拨款收入1406.53万元，占';
    fs.writeFileSync(path.join(dir, 'ok.txt'), `${head}95.42%；其他收入67.54万元，占4.58%。\n`);
    fs.writeFileSync(path.join(dir, 'bad.txt'), `\uFEFF${head}96.42%；其他收入67.54万元，占4.58%。\n`);
    const ok = await juesuan(['verify-text', 'demo.xlsx', 'ok.txt'], dir);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /未发现/);

    const bad = await juesuan(['verify-text', 'demo.xlsx', 'bad.txt', '--json'], dir);
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    const found = JSON.parse(bad.stdout) as Array<Record<string, unknown>>;
    const share = found.find((f) => f.quote === '96.42%');
    assert.ok(share, bad.stdout);
    assert.deepEqual(Object.keys(share).sort(), ['cells', 'expected', 'message', 'quote', 'rule', 'severity']);
    assert.equal(share.severity, 'error');
    assert.equal(share.expected, '95.42%');
    assert.ok(CJK.test(share.message as string));
    assert.ok((share.cells as Array<{ sheet: string }>).some((c) => c.sheet === '公开02表'));

    const text = await juesuan(['verify-text', 'demo.xlsx', 'bad.txt'], dir);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /【错误】1 条/);
    assert.match(text.stdout, /“96\.42%”/);

    const missing = await juesuan(['verify-text', 'demo.xlsx', 'nope.txt'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /无法读取“nope\.txt”：文件不存在/);
  });

  it('without a formula engine, check warns that a program-written file has no computed values', async () => {
    const noEngine = { JUESUAN_NO_ENGINE: '1' };
    const r = await juesuan(['check', 'demo.xlsx', '--json'], dir, noEngine);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const findings = JSON.parse(r.stdout) as Array<{ rule: string; severity: string; message: string }>;
    const w = findings.find((f) => f.rule === 'formulas-not-computed');
    assert.ok(w, r.stdout);
    assert.equal(w.severity, 'warning');
    assert.match(w.message, /没有计算结果.*Excel 或 WPS 打开并保存/);
    const d = await juesuan(['demo', 'demo-no-engine.xlsx'], dir, noEngine);
    assert.equal(d.status, 0, d.stderr);
    assert.match(d.stdout, /示例工作簿已生成/);
    assert.match(d.stdout, /请用 Excel 或 WPS 打开/);
  });
});

describe('juesuan as a process (node bin/juesuan.js)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bin-'));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts, prints its help to stdout (exit 0) and refuses an unknown command on stderr (exit 2)', () => {
    const help = juesuanSpawned(['--help'], dir);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /用法：juesuan <命令>/);
    assert.equal(help.stderr, '');
    const bad = juesuanSpawned(['frobnicate'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /未知命令“frobnicate”/);
    assert.equal(bad.stdout, '');
  });

  it('demo then check --json: a workbook on disk, JSON alone on stdout, the exit code of the findings', () => {
    const demo = juesuanSpawned(['demo', 'demo.xlsx'], dir);
    assert.equal(demo.status, 0, demo.stderr);
    assert.ok(fs.statSync(path.join(dir, 'demo.xlsx')).size > 10_000);
    const check = juesuanSpawned(['check', 'demo.xlsx', '--json'], dir);
    assert.equal(check.status, 0, check.stderr);
    const findings = JSON.parse(check.stdout) as Array<{ file: string; severity: string }>;
    assert.ok(
      findings.every((f) => f.file === 'demo.xlsx' && f.severity !== 'error'),
      check.stdout,
    );
  });
});
