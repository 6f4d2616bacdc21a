import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { juesuan } from '../support/cli';

/**
 * Bad input as accountants and reviewers produce it, run through the juesuan command line
 * (main(argv, io), tests/support/cli.ts) on real files in a temporary folder: every
 * refusal is a Chinese message naming the file (exit 2), every odd cell is named by sheet and cell, nothing passes silently.
 */

/**
 * A minimal but well-formed OLE compound file holding the two streams of an encrypted
 * OOXML package (MS-OFFCRYPTO): what Excel/WPS write for an .xlsx with an open password.
 */
function encryptedPackage(): Buffer {
  const SECTOR = 512;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const header = Buffer.alloc(SECTOR);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18);
  header.writeUInt16LE(0x0003, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  header.writeUInt32LE(0, 0x4c); // DIFAT[0] = sector 0 holds the FAT
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 0x4c + i * 4);
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // FATSECT
  fat.writeUInt32LE(END, 4); // the directory chain
  const dir = Buffer.alloc(SECTOR);
  const entry = (i: number, name: string, type: number, right: number, child: number) => {
    const o = i * 128;
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(dir, o);
    dir.writeUInt16LE(n.length, o + 0x40);
    dir[o + 0x42] = type;
    dir[o + 0x43] = 1;
    dir.writeUInt32LE(FREE, o + 0x44);
    dir.writeUInt32LE(right, o + 0x48);
    dir.writeUInt32LE(child, o + 0x4c);
    dir.writeUInt32LE(END, o + 0x74);
  };
  entry(0, 'Root Entry', 5, FREE, 1);
  entry(1, 'EncryptionInfo', 2, 2, FREE);
  entry(2, 'EncryptedPackage', 2, FREE, FREE);
  return Buffer.concat([header, fat, dir]);
}

/** An OLE compound file without encryption streams: an .xls renamed to .xlsx. */
function xlsPackage(): Buffer {
  const b = encryptedPackage();
  // Rename the two streams to the one stream of a BIFF8 workbook.
  const dir = b.subarray(1024);
  dir.fill(0, 128, 384);
  Buffer.from('Workbook\0', 'utf16le').copy(dir, 128);
  dir.writeUInt16LE(18, 128 + 0x40);
  dir[128 + 0x42] = 2;
  return b;
}

describe('QA: bad input files (juesuan CLI)', function () {
  this.timeout(180_000);
  let dir: string;
  let demo: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-qa-'));
    const r = await juesuan(['demo', 'demo.xlsx'], dir);
    assert.equal(r.status, 0, r.stderr);
    demo = path.join(dir, 'demo.xlsx');
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a password-protected (encrypted) .xlsx: exit 2, the message says it has an open password', async () => {
    const file = path.join(dir, '加密 报表.xlsx');
    fs.writeFileSync(file, encryptedPackage());
    for (const cmd of [
      ['check', file],
      ['narrate', file],
      ['init', file],
    ]) {
      const r = await juesuan(cmd, dir);
      assert.equal(r.status, 2, `${cmd[0]}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /加密 报表\.xlsx/);
      assert.match(r.stderr, /设置了打开密码（已加密）/);
      assert.doesNotMatch(r.stderr, /\.xls\/\.et 旧格式/, 'an encrypted .xlsx is not called an old .xls');
    }
    assert.ok(!fs.existsSync(`${file}.bak`), 'init wrote nothing');
  });

  it('an .xls renamed to .xlsx keeps the old-format message', async () => {
    const file = path.join(dir, 'old.xlsx');
    fs.writeFileSync(file, xlsPackage());
    const r = await juesuan(['check', file], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.xls\/\.et 旧格式/);
  });

  it('a zero-byte file: exit 2, the message says the file is empty', async () => {
    const file = path.join(dir, 'zero.xlsx');
    fs.writeFileSync(file, '');
    const r = await juesuan(['check', file], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /无法读取“.*zero\.xlsx”：文件是空的（0 字节）/);
  });

  it('a .docx or plain zip renamed to .xlsx is refused (exit 2), not read as a workbook without sheets', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('word/document.xml', '<w:document/>');
    const file = path.join(dir, 'letter.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await juesuan(['check', file], dir);
    assert.equal(r.status, 2, r.stdout);
    assert.match(r.stderr, /letter\.xlsx.*没有工作簿内容.*Word 文档/);
  });

  it('a CSV, a directory and a missing path: a Chinese reason each; check goes on with the other files (exit 1, not a clean pass)', async () => {
    const csv = path.join(dir, 'export.xlsx');
    fs.writeFileSync(csv, '科目编码,金额\n201,1474.07\n');
    const folder = path.join(dir, 'folder.xlsx');
    fs.mkdirSync(folder);
    const r = await juesuan(['check', csv, folder, path.join(dir, '没有这个文件.xlsx'), demo], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /export\.xlsx”：不是 \.xlsx 格式的工作簿/);
    assert.match(r.stderr, /folder\.xlsx”：这是一个文件夹/);
    assert.match(r.stderr, /没有这个文件\.xlsx”：文件不存在/);
    assert.match(r.stdout, /文件：.*demo\.xlsx/, 'the readable file is still checked');
  });

  it('a workbook with only unrelated sheets (工资表) is an error of the file, not a pass', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工资表');
    ws.addRow(['姓名', '基本工资', '津贴补贴']);
    ws.addRow(['张三', 5200, 1800]);
    const file = path.join(dir, '2021 工资 表.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await juesuan(['check', file, '--json'], dir);
    assert.equal(r.status, 1, r.stderr);
    const found = JSON.parse(r.stdout) as Array<{ rule: string; severity: string; message: string; file: string }>;
    const none = found.find((f) => f.rule === 'no-tables');
    assert.ok(none, r.stdout);
    assert.equal(none.severity, 'error');
    assert.match(none.message, /没有找到任何公开01–09表（工作表：工资表）/);
    assert.equal(none.file, file);
    // The demo still passes: the error is only for a file without any table.
    assert.equal((await juesuan(['check', demo], dir)).status, 0);
  });

  it('text in an amount cell is named by sheet and cell; "-" and "—" are blanks', async () => {
    for (const [raw, expect] of [
      ['待定', /D11“待定”，请改为数字或留空/],
      ['1,474.07元', /D11“1,474\.07元”，请改为数字或留空/],
      ['壹佰', /D11“壹佰”/],
      ['(335.54)', /D11“\(335\.54\)”，已按数字校验/],
      ['３３５.５４', /D11“３３５\.５４”，已按数字校验/],
      ['335.54 ', /D11“335\.54 ”，已按数字校验/],
    ] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(demo);
      wb.getWorksheet('公开03表')!.getCell('D11').value = raw;
      const file = path.join(dir, 'text-amount.xlsx');
      await wb.xlsx.writeFile(file);
      const r = await juesuan(['check', file], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, expect, raw);
      assert.match(r.stdout, /公开03表!D11/, raw);
    }
    for (const blank of ['-', '—']) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(demo);
      wb.getWorksheet('公开03表')!.getCell('D11').value = blank;
      const file = path.join(dir, 'dash.xlsx');
      await wb.xlsx.writeFile(file);
      const r = await juesuan(['check', file, '--json'], dir);
      const found = JSON.parse(r.stdout) as Array<{ message: string }>;
      assert.ok(!found.some((f) => f.message.includes(`“${blank}”`)), `${blank} is a blank, not text`);
    }
  });

  describe('verify-text', () => {
    let text: string;
    before(async () => {
      const r = await juesuan(['narrate', demo], dir);
      assert.equal(r.status, 0, r.stderr);
      text = r.stdout;
    });

    it('an empty (or blank) text file: exit 2 and says it is empty, not "no differences"', async () => {
      for (const [name, body] of [
        ['empty.txt', ''],
        ['blank.txt', '\uFEFF\r\n  \u3000\r\n'],
      ] as const) {
        const file = path.join(dir, name);
        fs.writeFileSync(file, body);
        const r = await juesuan(['verify-text', demo, file], dir);
        assert.equal(r.status, 2, `${name}: ${r.stdout}`);
        assert.match(r.stderr, new RegExp(`${name.replace('.', '\\.')}”是空的`));
        assert.doesNotMatch(r.stdout, /未发现/);
      }
    });

    it('a text with a BOM and Windows line endings gives the same findings as plain UTF-8', async () => {
      const wrong = text.replace('1474.07万元', '1475.07万元');
      const variants: Array<[string, Buffer]> = [
        ['utf8.txt', Buffer.from(wrong, 'utf8')],
        ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(wrong.replace(/\n/g, '\r\n'), 'utf8')])],
      ];
      const outs: string[][] = [];
      for (const [name, buf] of variants) {
        fs.writeFileSync(path.join(dir, name), buf);
        const r = await juesuan(['verify-text', demo, path.join(dir, name), '--json'], dir);
        assert.equal(r.status, 1, r.stderr);
        outs.push((JSON.parse(r.stdout) as Array<{ rule: string; quote: string }>).map((f) => `${f.rule}|${f.quote}`));
      }
      assert.deepEqual(outs[1], outs[0]);
      assert.ok(outs[0].includes('text-amount-matches-table|1475.07万元'));
    });

    it('a Word document, a PDF or the workbook itself given as the text: exit 2, not "no differences"', async () => {
      const docx = new JSZip();
      docx.file('[Content_Types].xml', '<Types/>');
      docx.file('word/document.xml', `<w:document><w:body><w:p><w:r><w:t>${text.replace('1474.07万元', '1475.07万元')}</w:t></w:r></w:p></w:body></w:document>`);
      const files: Array<[string, Buffer, RegExp]> = [
        ['情况说明.docx', await docx.generateAsync({ type: 'nodebuffer' }), /是 Word 文档（\.docx），不是纯文本文件/],
        ['情况说明.pdf', Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n', 'latin1'), /是 PDF 文件/],
        ['情况说明.doc', xlsPackage(), /是旧版 Office 文件/],
        ['book-as-text.xlsx', fs.readFileSync(demo), /是 Excel 工作簿（\.xlsx）/],
      ];
      for (const [name, buf, re] of files) {
        const file = path.join(dir, name);
        fs.writeFileSync(file, buf);
        const r = await juesuan(['verify-text', demo, file], dir);
        assert.equal(r.status, 2, `${name}: ${r.stdout}`);
        assert.match(r.stderr, re, name);
        assert.ok(r.stderr.includes(name));
        assert.match(r.stderr, /另存为”纯文本/);
      }
    });

    it('a UTF-16 text with a BOM (Notepad "Unicode") is read like UTF-8', async () => {
      const wrong = text.replace('1474.07万元', '1475.07万元').replace(/\n/g, '\r\n');
      const file = path.join(dir, 'utf16.txt');
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(wrong, 'utf16le')]));
      const r = await juesuan(['verify-text', demo, file, '--json'], dir);
      assert.equal(r.status, 1, r.stderr);
      const found = JSON.parse(r.stdout) as Array<{ rule: string; quote: string }>;
      assert.ok(
        found.some((f) => f.rule === 'text-amount-matches-table' && f.quote === '1475.07万元'),
        r.stdout,
      );
    });

    it('an amount written in 元 is shown in 元 with its 万元 figure, not as 万元', async () => {
      const file = path.join(dir, 'yuan.txt');
      fs.writeFileSync(file, text.replace('1474.07万元', '14750700元'));
      const r = await juesuan(['verify-text', demo, file, '--json'], dir);
      assert.equal(r.status, 1, r.stderr);
      const f = (JSON.parse(r.stdout) as Array<{ quote: string; message: string }>).find((x) => x.quote === '14750700元');
      assert.ok(f, r.stdout);
      assert.match(f.message, /14750700元（即1475\.07万元）/);
      assert.doesNotMatch(f.message, /14750700万元/);
      // The same figure, correct in 元, is no error.
      fs.writeFileSync(file, text.replace('1474.07万元', '14,740,700.00元'));
      assert.equal((await juesuan(['verify-text', demo, file], dir)).status, 0);
    });
  });
});
