import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Io } from '../../src/cli/io';
import { bundledMain } from '../support/cli-build';
import { XlsxHost, boundEntries } from '../../src/hosts/xlsx/xlsx-host';
import { snapshotExtent } from '../../src/core/model/snapshot';
import ExcelJS from 'exceljs';
import { decodeText, type Decoder } from '../../src/core/text/decode';

const node: Decoder = (encoding, bytes) => {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};
import { removeInvisible, originalQuote } from '../../src/core/text/invisible';

/**
 * The cases of the bad-input folder (tests/fixtures/bad-input, README there) run
 * in-process through the compiled CLI's main(argv, io) (tests/support/cli-build.ts): crashes become "not computed" or a Chinese
 * message, reading stays bounded, text checks do not pass what they cannot read.
 */

const FIX = path.join(__dirname, '..', 'fixtures', 'bad-input');
const BOOK = path.join(FIX, 'protected-sheet-legacy-password.xlsx');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) };
  const code = await bundledMain()(args, io);
  return { code, out, err };
}

describe('QA (issue 15): bad input from the bad-input folder', function () {
  this.timeout(300_000);

  it('a cell at XFD1048576 does not allocate the rectangle: the snapshot stays small and the stray cell is reported', async () => {
    for (const f of ['farcell.xlsx', 'far-extra-XFD1048576.xlsx']) {
      const host = await XlsxHost.open(path.join(FIX, f));
      const heapBefore = process.memoryUsage().heapUsed;
      const snaps = await host.readSheets();
      for (const s of snaps) {
        const { bottom, right } = snapshotExtent(s);
        assert.ok((bottom - s.top + 1) * (right - s.left + 1) < 100_000, `${f} ${s.name}: ${bottom}×${right}`);
      }
      assert.ok(process.memoryUsage().heapUsed - heapBefore < 200 * 1024 * 1024, 'memory follows the data');
      const far = host.farCells();
      assert.equal(far.length, 1);
      assert.deepEqual(far[0].sample, ['XFD1048576']);
      const r = await run(['check', path.join(FIX, f), '--json']);
      assert.ok(r.code === 0 || r.code === 1, r.err);
      const findings = JSON.parse(r.out) as Array<{ rule: string; message: string; cells: Array<{ address: string }> }>;
      const note = findings.find((x) => x.rule === 'cells-not-read');
      assert.ok(note && note.cells[0].address === 'XFD1048576' && /远离表格其余内容/.test(note.message), r.out);
    }
  });

  it('the same through the CLI’s fast read path (values only, every result saved): bounded, the stray cell reported', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-far-'));
    try {
      const file = path.join(dir, 'far-values.xlsx');
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Sheet1');
      ws.getCell('A1').value = '底稿';
      ws.getCell('B2').value = 12;
      ws.getCell('XFD1048576').value = 7;
      await wb.xlsx.writeFile(file);
      const heapBefore = process.memoryUsage().heapUsed;
      const r = await run(['check', file, '--json']);
      assert.ok(process.memoryUsage().heapUsed - heapBefore < 200 * 1024 * 1024, 'memory follows the data');
      assert.ok(r.code === 0 || r.code === 1, r.err);
      const findings = JSON.parse(r.out) as Array<{ rule: string; cells: Array<{ address: string }> }>;
      assert.ok(
        findings.some((x) => x.rule === 'cells-not-read' && x.cells[0].address === 'XFD1048576'),
        r.out,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('boundEntries keeps the cluster, drops far cells, and never exceeds its budget', () => {
    const cells = [];
    for (let r = 0; r < 50; r++) for (let c = 0; c < 10; c++) cells.push({ r, c });
    cells.push({ r: 1048575, c: 16383 }, { r: 0, c: 16000 }, { r: 900000, c: 0 });
    const { kept, omitted } = boundEntries(cells, 10_000);
    assert.equal(kept.length, 500);
    assert.equal(omitted.length, 3);
    // Adversarial: a sparse diagonal still ends within the budget.
    const diag = Array.from({ length: 5000 }, (_, i) => ({ r: i * 200, c: i * 3 }));
    const b = boundEntries(diag, 50_000);
    const rows = b.kept.map((e) => e.r);
    const cols = b.kept.map((e) => e.c);
    const area = b.kept.length ? (Math.max(...rows) - Math.min(...rows) + 1) * (Math.max(...cols) - Math.min(...cols) + 1) : 0;
    assert.ok(area <= 50_000, String(area));
    assert.equal(b.kept.length + b.omitted.length, diag.length);
  });

  for (const f of ['nest-paren4000.xlsx', 'nest-sum2000.xlsx', 'long-plus20000.xlsx', 'unary-minus50000.xlsx', 'pow-chain.xlsx']) {
    it(`${f}: deep formulas are computed or "not computed", never a crash, never a false error from 0`, async () => {
      const r = await run(['check', path.join(FIX, f), '--json']);
      assert.notEqual(r.code, 70, r.err);
      assert.ok(r.code === 0 || r.code === 1, r.err);
      const findings = JSON.parse(r.out) as Array<{ rule: string; severity: string; message: string }>;
      // A table total that depends on a formula nobody computed (nested beyond 100 levels,
      // or longer than Excel's 8,192 characters) is 无法核对, not 错误.
      assert.ok(
        findings.some((x) => x.severity === 'unverified'),
        'the uncomputed figures are named',
      );
      const errors = findings.filter((x) => x.severity === 'error');
      assert.deepEqual(
        errors.map((e) => e.message),
        [],
        'no false error from an uncomputed total',
      );
    });
  }

  it('a batch with a deep-formula file still checks the other files', async () => {
    const r = await run(['check', path.join(FIX, 'nest-paren4000.xlsx'), BOOK, '--json']);
    assert.notEqual(r.code, 70, r.err);
    const findings = JSON.parse(r.out) as Array<{ file: string }>;
    assert.ok(findings.some((x) => x.file === BOOK));
  });

  it('openpyxl workbooks with comments, images or charts, and a table without a style, are read', async () => {
    for (const f of ['openpyxl-one-comment.xlsx', 'openpyxl-comment-demo.xlsx', 'table-no-style.xlsx']) {
      const r = await run(['check', path.join(FIX, f)]);
      assert.ok(r.code === 0 || r.code === 1, `${f}: ${r.err}`);
      assert.doesNotMatch(r.err + r.out, /Cannot read|undefined|theme|文件已损坏/);
    }
  });

  it('sheet="true" (LibreOffice) and a legacy password hash are recognised as protection', async () => {
    for (const f of ['lo-protected-sheets.xlsx', 'protected-sheet-legacy-password.xlsx']) {
      const host = await XlsxHost.open(path.join(FIX, f));
      const locked = (await host.listSheets()).filter((s) => s.protected).map((s) => s.name);
      assert.ok(locked.includes('公开07表') && locked.includes('我的底稿'), `${f}: ${locked.join(',')}`);
    }
  });

  it('a soft hyphen before a figure does not hide an error; the quote shows the text as written', async () => {
    const control = await run(['verify-text', BOOK, path.join(FIX, 'softhyphen-control.txt'), '--json']);
    const evasion = await run(['verify-text', BOOK, path.join(FIX, 'softhyphen-evasion.txt'), '--json']);
    assert.equal(control.code, 1);
    assert.equal(evasion.code, 1, evasion.out);
    const a = JSON.parse(control.out) as Array<{ severity: string; rule: string }>;
    const b = JSON.parse(evasion.out) as Array<{ severity: string; rule: string }>;
    assert.deepEqual(
      b.map((x) => `${x.rule}:${x.severity}`),
      a.map((x) => `${x.rule}:${x.severity}`),
    );
    const text = '财政拨款收入\u00AD1406.53万元，占\u200D99.42%';
    const clean = removeInvisible(text);
    assert.equal(clean.text, '财政拨款收入1406.53万元，占99.42%');
    assert.equal(originalQuote('收入1406.53万元', clean, text), '收入\u00AD1406.53万元');
    for (const ch of ['\u2060', '\u200E', '\u202E', '\u2066', '\uFEFF', '\u001B']) {
      assert.equal(removeInvisible(`1${ch}2`).text, '12', `U+${ch.charCodeAt(0).toString(16)}`);
    }
  });

  it('no figures, random bytes: exit 2 saying so; UTF-32 is read', async () => {
    const nofig = await run(['verify-text', BOOK, path.join(FIX, 'nofig.txt')]);
    assert.equal(nofig.code, 2);
    assert.match(nofig.err, /没有任何数字/);
    const hi = await run(['verify-text', BOOK, path.join(FIX, 'hibytes.txt')]);
    assert.equal(hi.code, 2);
    assert.match(hi.err, /无法识别其文字编码/);
    const u32 = await run(['verify-text', BOOK, path.join(FIX, 'u32le-bom.txt'), '--json']);
    assert.ok(u32.code === 0 || u32.code === 1, u32.err);
    assert.ok((JSON.parse(u32.out) as unknown[]).length > 0, 'the UTF-32 text was read and checked');
    const d = decodeText(new Uint8Array(fs.readFileSync(path.join(FIX, 'u32le-bom.txt'))), node);
    assert.ok(d.ok && d.encoding === 'UTF-32LE' && d.text.startsWith('2021'));
    const utf32be = Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x31, 0, 0x11, 0, 0]); // U+110000 does not exist
    assert.equal(decodeText(new Uint8Array(utf32be), node).ok, false, 'a broken UTF-32 is refused by name');
    assert.match((decodeText(new Uint8Array(utf32be), node) as { reason: string }).reason, /UTF-32/);
  });

  it('a date in an amount cell is reported as a date, not read as 44561', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-qa15-'));
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(BOOK);
      const ws = wb.getWorksheet('公开05表')!;
      let target: ExcelJS.Cell | undefined;
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (!target && typeof c.value === 'number' && c.value > 100) target = c;
        }),
      );
      assert.ok(target, 'an amount cell');
      target.value = new Date(Date.UTC(2021, 11, 31));
      target.style = { ...(JSON.parse(JSON.stringify(target.style)) as Partial<ExcelJS.Style>), numFmt: 'yyyy-mm-dd' }; // its own style object (ExcelJS shares them)
      const file = path.join(dir, 'date.xlsx');
      await wb.xlsx.writeFile(file);
      const r = await run(['check', file, '--json']);
      const findings = JSON.parse(r.out) as Array<{ severity: string; message: string; cells: Array<{ address: string }> }>;
      const hit = findings.find((f) => /日期或时间/.test(f.message) && f.message.includes(`${target!.address}“2021-12-31”`));
      assert.ok(hit, r.out);
      assert.ok(!r.out.includes('44561'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a text line of 130,000 characters is checked without a stack overflow', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-qa15-'));
    try {
      const file = path.join(dir, 'long.txt');
      fs.writeFileSync(file, `本年收入合计${'一'.repeat(130_000)}1474.07万元。\n`);
      const r = await run(['verify-text', BOOK, file, '--json']);
      assert.ok(r.code === 0 || r.code === 1, r.err);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
