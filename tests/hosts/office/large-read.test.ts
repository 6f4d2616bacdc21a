import { strict as assert } from 'node:assert';
import type { CellValue } from '../../../src/core/cells';
import type { SheetSnapshot } from '../../../src/core/model/snapshot';
import { MemoryHost } from '../../../src/hosts/memory/memory-host';
import { OfficeHost } from '../../../src/hosts/office/office-host';
import { FakeBook } from './fake-excel';

/**
 * Excel on the web refuses a response over 5 MB. The fake emulates that by cells
 * (values + formulas, `payloadCells`); the host must then read a sheet in row blocks
 * and give exactly what it gives without the limit — and what the in-memory host holds.
 */
const COLS = 7;

/** One 公开02表-like sheet of `rows` 项 rows, written the same into the fake Excel and a memory host. */
function build(rows: number, opts: { errorLikeText?: boolean } = {}) {
  const book = new FakeBook();
  const calc = new Map<string, CellValue>();
  const memory = new MemoryHost({ calculator: () => new Map([['公开02表', calc]]) });
  const ms = memory.addSheet('公开02表');
  const fs = book.addSheet('公开02表');
  const put = (row: number, col: number, value: string | number, formula?: string, error?: string) => {
    const addr = `${String.fromCharCode(65 + col)}${row + 1}`;
    if (error) fs.setError(addr, error, formula);
    else fs.set(addr, value, formula);
    ms.cells.set(`${row},${col}`, formula ? { value: null, formula } : { value });
    if (formula) calc.set(`${row},${col}`, error ? { error } : value);
  };
  put(0, 0, '收入决算表');
  fs.merges.push('A1:G1');
  ms.merges.push({ top: 0, left: 0, bottom: 0, right: 6 });
  put(1, 6, '公开02表');
  ['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '合计', '其他收入', '备注'].forEach((h, c) => put(2, c, h));
  for (let i = 0; i < rows; i++) {
    const r = 3 + i;
    const a = Math.round(((i * 7919) % 100000) * 1.01) / 100;
    const b = (i % 13) * 10.5;
    put(r, 0, String(2010301 + i));
    put(r, 1, i === 17 ? '=看似公式' : `项目${i}`);
    put(r, 2, a);
    put(r, 3, b);
    if (i === 250) put(r, 4, '#DIV/0!', `=C${r + 1}/0`, '#DIV/0!');
    else put(r, 4, a + b, `=C${r + 1}+D${r + 1}`);
    if (i % 5) put(r, 5, i);
    if (i % 11 === 0) put(r, 6, opts.errorLikeText && i === 330 ? '#N/A' : '注');
  }
  return { book, memory, sheet: fs };
}

const cellsOf = (s: SheetSnapshot) => s.values.reduce((n, row) => n + row.length, 0);

describe("OfficeHost.readSheets past Excel on the web's response limit (row blocks)", () => {
  for (const api of ['1.17', '1.1']) {
    it(`reads a sheet larger than the limit whole, identical to the in-memory host, in a bounded number of syncs (ExcelApi ${api})`, async () => {
      const rows = 600;
      const { book, memory } = build(rows);
      book.addSheet('小表').set('A1', '单位：万元').set('C3', 5, '=2+3');
      memory.setCell('小表', 'A1', '单位：万元');
      const [ref] = await memory.readSheets(['公开02表']);
      const whole = 2 * (rows + 3) * COLS; // the sheet's own read, values + formulas
      const limit = 2000; // a third of it: neither the one read nor the sheet's own fits
      assert.ok(whole > 3 * limit - 1000);
      book.payloadCells = limit;
      const host = new OfficeHost(book.env(api));
      const snaps = await host.readSheets();
      const big = snaps.find((s) => s.name === '公开02表')!;
      if (api === '1.1') {
        assert.equal(big.merges, undefined, 'no merged areas before ExcelApi 1.13');
        delete ref.merges;
      }
      assert.deepEqual(big, ref);
      assert.deepEqual(big.values[253][4], { error: '#DIV/0!' }, 'a formula showing an error text is an error');
      assert.equal(big.formulas![20][1], null, 'a text starting with "=" is not a formula');
      const small = snaps.find((s) => s.name === '小表')!;
      assert.deepEqual(small.values, [
        ['单位：万元', null, null],
        [null, null, null],
        [null, null, 5],
      ]);
      assert.equal(small.formulas![2][2], '=2+3');

      const stats = host.lastRead!;
      assert.equal(stats.syncs, book.syncs, 'every sync counted');
      assert.ok(
        book.responses.every((n) => n <= limit),
        `responses: ${book.responses.join(', ')}`,
      );
      // names, the refused read, the extents; then the budget halves from half the
      // refused read of 4,230 cells until accepted (2,115 → 1,057 → 528 cells: two more
      // refusals), and 528-cell blocks (75 rows of 7 columns) follow: 9 syncs, the last
      // one holding 公开02表's last 3 rows and all of 小表.
      assert.equal(stats.refused, 3, JSON.stringify(stats));
      assert.equal(stats.blockRows, 75);
      assert.equal(stats.syncs, 3 + 2 + 9, JSON.stringify(stats));
      // In general: an accepted budget is over a quarter of the limit (limit/2 cells),
      // so the blocks take at most total / (limit/4 − a row) syncs, plus one per sheet.
      const total = cellsOf(big) + cellsOf(small);
      const bound = 3 + (stats.refused - 1) + Math.ceil(total / (limit / 4 - COLS)) + snaps.length;
      assert.ok(stats.syncs <= bound, `${stats.syncs} syncs > ${bound}`);
    });
  }

  it('a workbook within the limit still takes 2 syncs, with no valueTypes loaded for formula errors', async () => {
    const { book, memory } = build(600);
    book.payloadCells = 2 * 603 * COLS; // exactly fits
    const host = new OfficeHost(book.env('1.17'));
    const [snap] = await host.readSheets();
    assert.equal(book.syncs, 2);
    assert.deepEqual(host.lastRead, { syncs: 2, refused: 0, blockRows: 0 });
    assert.deepEqual(snap, (await memory.readSheets())[0]);
  });

  it('tells a typed error from a text "#N/A" with one more small sync, in the common read and in row blocks', async () => {
    for (const limit of [Infinity, 2000]) {
      const { book, sheet } = build(600, { errorLikeText: true });
      sheet.setError('G40', '#N/A'); // typed: a constant error
      book.payloadCells = limit;
      const host = new OfficeHost(book.env('1.17'));
      const [snap] = await host.readSheets();
      assert.equal(snap.values[333][6], '#N/A', 'the text stays a text');
      assert.deepEqual(snap.values[39][6], { error: '#N/A' });
      assert.equal(snap.formulas![39][6], null);
      const stats = host.lastRead!;
      assert.equal(stats.syncs, limit === Infinity ? 3 : 3 + 2 + 9 + 1, JSON.stringify(stats));
      // the value types of two cells (G40 and G334, one rectangle each), not of the sheet
      assert.ok(book.responses.at(-1)! === 0);
    }
  });

  it("reports Excel's refusal when a single row is over the limit, after a bounded number of tries", async () => {
    const { book } = build(50);
    book.payloadCells = 2 * COLS - 1;
    const host = new OfficeHost(book.env('1.17'));
    await assert.rejects(host.readSheets(), /一次传送的数据超出 Excel 的上限/);
    // names, the refused read, the extents, then halving from 186 cells down to one row
    assert.ok(host.lastRead!.syncs <= 3 + 8, JSON.stringify(host.lastRead));
    assert.equal(host.lastRead!.refused, host.lastRead!.syncs - 2);
  });
});
