import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { initWorkbook } from '../../../src/cli/commands/init';
import { XlsxHost } from '../../../src/hosts/xlsx/xlsx-host';
import { assertOnlyProductPartsChanged, partsOf } from './support/parts';

/**
 * Property: whatever a user put in a workbook — sheets with any names, defined names,
 * data validations, comments, images, protected sheets with passwords, fonts, fills and
 * number formats, written by a real library (ExcelJS) — `init` and then
 * `init --on-conflict refresh` change no part but the product's, and the second refresh
 * writes nothing. Seeded: a failure prints its seed and path (fast-check) to replay.
 */

/** A 2×2 PNG, built with zlib (no fixture file). */
function png(r: number, g: number, b: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const x of buf) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.from([0, r, g, b, r, g, b]);
  const raw = Buffer.concat([row, row]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const NAMES = ['底稿', '工资表', 'Sheet1', '说明 & 备注', "O'Brien", '预算（调整）', '数据-2021', '附表一', 'Summary', '汇总 表'];

interface UserSheet {
  name: string;
  cells: Array<{ row: number; col: number; value: string | number }>;
  note?: string;
  validation?: string[];
  image?: [number, number, number];
  password?: string;
  bold: boolean;
  fill?: string;
  numFmt?: string;
}

const sheetArb = (name: string): fc.Arbitrary<UserSheet> =>
  fc.record({
    name: fc.constant(name),
    cells: fc.array(
      fc.record({
        row: fc.integer({ min: 1, max: 60 }),
        col: fc.integer({ min: 1, max: 12 }),
        value: fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.string({ maxLength: 20 }), fc.constantFrom('合计', '=不是公式', '_x001B_', 'a&b<c>')),
      }),
      { maxLength: 25 },
    ),
    note: fc.option(fc.string({ minLength: 1, maxLength: 30 }), { nil: undefined }),
    validation: fc.option(fc.array(fc.constantFrom('是', '否', 'A', 'B'), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    image: fc.option(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)), { nil: undefined }),
    password: fc.option(fc.constantFrom('', '123', '口令abc'), { nil: undefined }),
    bold: fc.boolean(),
    fill: fc.option(fc.constantFrom('FFFFFF00', 'FF00B050', 'FFDDEBF7'), { nil: undefined }),
    numFmt: fc.option(fc.constantFrom('#,##0.000', '0.0%', 'yyyy-mm-dd', '@'), { nil: undefined }),
  });

const bookArb = fc
  .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 })
  .chain((names) => fc.tuple(fc.tuple(...names.map(sheetArb)), fc.boolean(), fc.boolean()));

async function writeBook(file: string, sheets: UserSheet[], names: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const c of s.cells) {
      const cell = ws.getCell(c.row, c.col);
      cell.value = c.value;
      if (s.bold) cell.font = { bold: true, name: '楷体' };
      if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill } };
      if (s.numFmt) cell.numFmt = s.numFmt;
    }
    if (s.note) ws.getCell('A1').note = s.note;
    if (s.validation) ws.getCell('B2').dataValidation = { type: 'list', allowBlank: true, formulae: [`"${s.validation.join(',')}"`] };
    if (s.image) ws.addImage(wb.addImage({ buffer: png(...s.image) as unknown as ExcelJS.Buffer, extension: 'png' }), 'D2:E4');
    // spinCount 1000, not ExcelJS's 100,000: the same SHA-512 protection, a hundredth of the hashing (ECMA-376 Part 1 §18.3.1.85 lets the file choose)
    if (s.password !== undefined) await ws.protect(s.password, { selectLockedCells: true, formatCells: false, spinCount: 1000 });
  }
  if (names) {
    wb.definedNames.add(`'${sheets[0].name.replace(/'/g, "''")}'!$A$1:$B$3`, '用户区域');
    wb.definedNames.add(`'${sheets[0].name.replace(/'/g, "''")}'!$C$5`, 'Rate');
  }
  await wb.xlsx.writeFile(file);
}

describe('property: init and init --on-conflict refresh never change a part the product does not own', function () {
  this.timeout(600_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-lossless-prop-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('random user workbooks (names, validations, comments, images, protection, styles)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(bookArb, async ([sheets, names, withUnit]) => {
        const file = path.join(dir, `book-${n++}.xlsx`);
        await writeBook(file, sheets, names);
        const original = fs.readFileSync(file);
        const options = { profile: '2021', unit: withUnit ? '测试单位' : '', year: 2021 };
        const first = await initWorkbook(file, { ...options, onConflict: 'skip' });
        assert.ok(first.saved);
        const afterInit = fs.readFileSync(file);
        await assertOnlyProductPartsChanged(original, afterInit);
        // The user's protected sheets are still protected, with their hashes.
        const host = await XlsxHost.open(file);
        const listed = await host.listSheets();
        for (const s of sheets) assert.equal(listed.find((x) => x.name === s.name)?.protected, s.password !== undefined, s.name);

        // A refresh with another unit rewrites the 部门 line of every 公开 sheet: the product's parts change.
        const refreshed = { ...options, unit: '另一单位' };
        const refresh = await initWorkbook(file, { ...refreshed, onConflict: 'refresh' });
        assert.ok(refresh.saved && refresh.result.refreshed.length === 9, refresh.result.refreshed.join(','));
        const afterRefresh = fs.readFileSync(file);
        if (refresh.saved) await assertOnlyProductPartsChanged(afterInit, afterRefresh);
        await assertOnlyProductPartsChanged(original, afterRefresh);
        const again = await initWorkbook(file, { ...refreshed, onConflict: 'refresh' });
        assert.equal(again.saved, false, 'a refresh that changes nothing writes nothing');
        assert.ok(fs.readFileSync(file).equals(afterRefresh));
        // Every part of the original is still there.
        const before = await partsOf(original);
        const now = await partsOf(afterRefresh);
        for (const p of before.keys()) assert.ok(now.has(p), p);
        const back = await XlsxHost.open(file);
        const [t01] = await back.readSheets(['公开01表']);
        assert.ok(
          t01.values.some((r) => r.some((v) => typeof v === 'string' && v.includes('另一单位'))),
          'the refreshed 部门 line is read back',
        );
      }),
      { numRuns: 12, seed: 20261205 },
    );
  });
});
