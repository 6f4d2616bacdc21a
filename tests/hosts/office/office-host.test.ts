import { strict as assert } from 'node:assert';
import { HostError } from '../../../src/core/host';
import { MARK_FORMULA } from '../../../src/hosts/spreadsheet-kit/marks';
import { OfficeHost, SAVED_FILLS_KEY } from '../../../src/hosts/office/office-host';
import { FakeBook } from './fake-excel';
import { ninePlans, tablePlan } from './plan-fixture';

function setup(api = '1.17') {
  const book = new FakeBook();
  book.addSheet('Sheet1').set('A1', '用户自己的数据');
  const env = book.env(api);
  return { book, env, host: new OfficeHost(env) };
}

describe('OfficeHost (over a recording fake of the Excel object model)', () => {
  describe('apply', () => {
    for (const api of ['1.17', '1.6', '1.1']) {
      it(`inserts nine sheets in at most 3 syncs, writing by blocks (ExcelApi ${api})`, async () => {
        const { book, host } = setup(api);
        const plans = ninePlans();
        await host.apply({ create: plans, update: [], activate: '公开01表' });
        assert.ok(book.syncs <= 3, `syncs: ${book.syncs}`);
        assert.equal(book.syncs, api === '1.1' ? 2 : 3, 'checks, writes, then the recalculation (suspended from ExcelApi 1.6) and print setup (1.9)');
        assert.deepEqual(
          book.sheets.map((s) => s.name),
          ['Sheet1', ...plans.map((p) => p.name)],
        );
        // one formulas write and one numberFormat write per sheet: no per-cell commands
        const formulaWrites = book.log.filter((l) => l.op === 'formulas');
        assert.equal(formulaWrites.length, 9);
        assert.equal(book.log.filter((l) => l.op === 'numberFormat').length, 9);
        const cellCount = plans.reduce((n, p) => n + p.cells.length, 0);
        assert.ok(book.log.length < cellCount / 2, `${book.log.length} commands for ${cellCount} cells`);
        const s3 = book.sheet('公开03表');
        assert.equal(s3.peek('A1')!.value, '支出决算表');
        assert.equal(s3.peek('C7')!.formula?.startsWith('=SUMPRODUCT('), true);
        assert.equal(s3.peek('C8')!.value, 1256.53);
        assert.equal(s3.peek('C8')!.numberFormat, '#,##0.00');
        // functional codes stay text, and keep the General format
        assert.equal(s3.peek('A10')!.value, '2010301');
        assert.equal(typeof s3.peek('A10')!.value, 'string');
        assert.equal(s3.peek('A10')!.numberFormat, 'General');
        // 栏次 "1" stays text
        assert.equal(s3.peek('C6')!.value, '1');
        assert.equal(book.active, '公开01表');
        assert.equal(book.sheet('Sheet1').peek('A1')!.value, '用户自己的数据');
        if (api === '1.1') {
          assert.deepEqual(s3.merges, []);
          assert.equal(s3.peek('A1')!.horizontal, 'CenterAcrossSelection');
          assert.equal(book.calcSuspended, 0);
          assert.equal(s3.freeze, null);
        } else {
          assert.deepEqual(s3.merges, ['A1:H1', 'A4:B4']);
          assert.equal(book.calcSuspended, 1);
          assert.equal(s3.freeze, api === '1.17' ? 'at:A1:B7' : null, 'freeze panes need ExcelApi 1.7');
          assert.equal(s3.peek('A8')!.borders?.has('EdgeTop:Continuous'), true);
          assert.equal(s3.peek('B8')!.borders, undefined);
        }
        if (api === '1.17') assert.equal(s3.page.orientation, 'Landscape');
        // column widths need ExcelApi 1.2 (RangeFormat.columnWidth): Excel 2016 gets the tables without them
        assert.equal(s3.columnWidths.get(1), api === '1.1' ? undefined : Math.round(Math.trunc(36 * 7 + 5) * 0.75 * 100) / 100);
      });
    }

    it('writes a string starting with "=" (and other coercible strings) as text, not as a formula', async () => {
      const { book, host } = setup();
      const plan = {
        name: '文本',
        cells: [
          { row: 0, col: 0, value: '=SUM(A2:A3)' },
          { row: 0, col: 1, value: '+86 0731' },
          { row: 0, col: 2, value: '-' },
          { row: 0, col: 3, value: "'引号" },
          { row: 0, col: 4, value: '1,474.07' },
          { row: 0, col: 5, value: 'TRUE' },
          { row: 0, col: 6, value: '收入合计' },
          { row: 1, col: 0, formula: '=1+2' },
          { row: 1, col: 1, value: '=A1', style: 'txt' },
        ],
        merges: [],
        styles: { txt: { numberFormat: '@' } },
      };
      await host.apply({ create: [plan], update: [] });
      const s = book.sheet('文本');
      assert.equal(s.peek('A1')!.value, '=SUM(A2:A3)');
      assert.equal(s.peek('A1')!.formula, undefined);
      assert.equal(s.peek('A1')!.numberFormat, 'General', 'the quote prefix keeps the number format');
      assert.equal(s.peek('B1')!.value, '+86 0731');
      assert.equal(s.peek('C1')!.value, '-');
      assert.equal(s.peek('D1')!.value, "'引号");
      assert.equal(s.peek('E1')!.value, '1,474.07');
      assert.equal(s.peek('F1')!.value, 'TRUE');
      assert.equal(s.peek('G1')!.value, '收入合计');
      assert.equal(s.peek('G1')!.quotePrefix, false, 'plain Chinese text needs no prefix');
      assert.equal(s.peek('A2')!.formula, '=1+2');
      // a "@" cell takes the string as it is (a prefix would be kept literally there)
      assert.equal(s.peek('B2')!.value, '=A1');
      assert.equal(s.peek('B2')!.formula, undefined);
    });

    it('refuses a protected workbook structure before writing anything (ExcelApi 1.7+)', async () => {
      const { book, host } = setup('1.17');
      book.structureProtected = true;
      assert.equal(await host.isStructureProtected(), true);
      const before = book.syncs;
      await assert.rejects(host.apply({ create: ninePlans(), update: [] }), (e: unknown) => {
        assert.ok(e instanceof HostError);
        assert.match(e.message, /工作簿结构受保护/);
        return true;
      });
      assert.equal(book.syncs - before, 1, 'only the check round trip');
      assert.equal(book.sheets.length, 1);
      assert.equal(book.log.length, 0);
    });

    it("on ExcelApi 1.1 reports Excel's refusal of a protected structure, with nothing written", async () => {
      const { book, host } = setup('1.1');
      book.structureProtected = true;
      assert.equal(await host.isStructureProtected(), false, 'not knowable before 1.7');
      await assert.rejects(host.apply({ create: ninePlans(), update: [] }), (e: unknown) => {
        assert.ok(e instanceof HostError);
        assert.match(e.message, /受保护/);
        return true;
      });
      assert.equal(book.sheets.length, 1);
      assert.equal(book.log.length, 0, 'sheets are added before any cell is written');
    });

    it('refuses to update a protected sheet, and writes nothing of the batch', async () => {
      const { book, host } = setup();
      book.addSheet('公开03表').protected = true;
      const update = tablePlan('公开03表', '支出决算表');
      const create = tablePlan('公开04表', '财政拨款收入支出决算总表');
      await assert.rejects(host.apply({ create: [create], update: [update] }), (e: unknown) => {
        assert.ok(e instanceof HostError);
        assert.match(e.message, /工作表“公开03表”受保护/);
        assert.ok(e.cells.length > 0);
        return true;
      });
      assert.equal(book.sheets.length, 2, 'the new sheet was not added either');
      assert.equal(book.log.length, 0);
    });

    it('refuses a name clash (case-insensitive) before writing', async () => {
      const { book, host } = setup();
      await assert.rejects(host.apply({ create: [tablePlan('公开01表', 'x'), tablePlan('SHEET1', 'y')], update: [] }), /已有名为“Sheet1”的工作表/);
      assert.equal(book.sheets.length, 1);
      assert.equal(book.log.length, 0);
    });

    it('updates only the listed cells of an existing sheet, keeping the others', async () => {
      const { book, host } = setup();
      const s = book.addSheet('公开03表');
      s.set('A1', '用户标题').set('C8', 999).set('Z200', '远处的备注');
      await host.apply({
        create: [],
        update: [
          {
            name: '公开03表',
            cells: [
              { row: 6, col: 2, formula: '=SUM(C8:C9)' },
              { row: 199, col: 24, value: 5 },
            ],
            merges: [],
            styles: {},
          },
        ],
      });
      assert.equal(book.syncs, 3, 'checks, writes, recalculation');
      assert.equal(s.peek('A1')!.value, '用户标题');
      assert.equal(s.peek('C8')!.value, 999);
      assert.equal(s.peek('Z200')!.value, '远处的备注');
      assert.equal(s.peek('C7')!.formula, '=SUM(C8:C9)');
      assert.equal(s.peek('Y200')!.value, 5);
      // scattered cells are written as two small blocks, not one 200×25 rectangle
      const writes = book.log.filter((l) => l.op === 'formulas').map((l) => l.address);
      assert.deepEqual(writes.sort(), ['C7', 'Y200']);
    });

    it('keeps the tables when Excel refuses the print setup (third sync), with a warning', async () => {
      const { book } = setup('1.17');
      const plan = tablePlan('公开03表', '支出决算表');
      plan.print = { ...plan.print!, titleRows: [3, 5] };
      // make the fake refuse page layout like a printer-less machine might
      const env = book.env('1.17');
      const refusing = new OfficeHost({
        ...env,
        run: (batch) =>
          env.run(async (ctx) => {
            const real = ctx.sync.bind(ctx);
            let n = 0;
            (ctx as unknown as { sync: () => Promise<void> }).sync = async () => {
              n++;
              if (n === 3) {
                (ctx as unknown as { queue: unknown[] }).queue = [];
                throw Object.assign(new Error('打印机不可用'), { code: 'GeneralException' });
              }
              return real();
            };
            return batch(ctx);
          }),
      });
      await refusing.apply({ create: [plan], update: [] });
      assert.equal(book.sheet('公开03表').peek('A10')!.value, '2010301');
      assert.match(refusing.warnings[0], /打印设置未能应用/);
    });
  });

  describe('readSheets / listSheets', () => {
    function seeded(api: string) {
      const { book, host } = setup(api);
      const s = book.addSheet('公开03表');
      s.set('B3', '合计').set('C3', 1474.07, '=SUM(C4:C5)').set('C4', 335.54).set('D4', '=看似公式');
      s.setError('C5', '#REF!', '=#REF!+1');
      s.merges.push('B3:B4');
      book.addSheet('空表');
      book.addSheet('公开01表').set('A1', '收入支出决算总表');
      book.sheet('公开01表').protected = true;
      return { book, host };
    }

    for (const api of ['1.17', '1.1']) {
      it(`reads every sheet in at most 2 syncs (ExcelApi ${api})`, async () => {
        const { book, host } = seeded(api);
        const snaps = await host.readSheets();
        assert.ok(book.syncs <= 2, `syncs: ${book.syncs}`);
        assert.deepEqual(
          snaps.map((s) => s.name),
          ['Sheet1', '公开03表', '空表', '公开01表'],
        );
        const t = snaps[1];
        assert.equal(t.top, 2);
        assert.equal(t.left, 1);
        assert.deepEqual(t.values[0], ['合计', 1474.07, null]);
        assert.deepEqual(t.values[1], [null, 335.54, '=看似公式']);
        assert.deepEqual(t.values[2], [null, { error: '#REF!' }, null]);
        assert.equal(t.formulas![0][1], '=SUM(C4:C5)');
        assert.equal(t.formulas![1][2], null, 'a text that looks like a formula is not one');
        assert.equal(t.formulas![2][1], '=#REF!+1');
        const empty = snaps[2];
        assert.ok(empty.values.every((r) => r.every((v) => v === null)));
        assert.equal(snaps[3].protected, api !== '1.1');
        if (api === '1.17') {
          assert.deepEqual(t.merges, [{ top: 2, left: 1, bottom: 3, right: 1 }], 'merged areas from ExcelApi 1.13');
          assert.deepEqual(snaps[0].merges, []);
        } else assert.equal(t.merges, undefined);
      });
    }

    for (const api of ['1.17', '1.1']) {
      it(`says which sheets are hidden or very hidden, still in 2 syncs (ExcelApi ${api})`, async () => {
        const { book, host } = seeded(api);
        book.sheet('公开03表').visibility = 'Hidden';
        book.sheet('公开01表').visibility = 'VeryHidden';
        const snaps = await host.readSheets();
        assert.equal(book.syncs, 2);
        assert.deepEqual(
          snaps.map((s) => [s.name, s.hidden === true]),
          [
            ['Sheet1', false],
            ['公开03表', true],
            ['空表', false],
            ['公开01表', true],
          ],
        );
        assert.equal(snaps[0].hidden, undefined, 'a visible sheet leaves hidden out, as the other hosts do');
        assert.deepEqual(snaps[1].values[0], ['合计', 1474.07, null], 'a hidden sheet is read all the same');
      });
    }

    it('says hidden also when the sheets are read in row blocks (Excel on the web)', async () => {
      const { book, host } = seeded('1.17');
      book.sheet('公开03表').visibility = 'Hidden';
      book.payloadCells = 10;
      const snaps = await host.readSheets(['公开03表', '公开01表']);
      assert.ok(host.lastRead!.refused >= 1, 'read in blocks');
      assert.deepEqual(
        snaps.map((s) => [s.name, s.hidden === true]),
        [
          ['公开03表', true],
          ['公开01表', false],
        ],
      );
    });

    it('reads the named sheets only, in the order asked, skipping missing ones', async () => {
      const { book, host } = seeded('1.17');
      const snaps = await host.readSheets(['公开01表', '不存在', '公开03表']);
      assert.equal(book.syncs, 2);
      assert.deepEqual(
        snaps.map((s) => s.name),
        ['公开01表', '公开03表'],
      );
    });

    it('reads in row blocks when one response would exceed the payload limit (Excel on the web)', async () => {
      const plain = await seeded('1.17').host.readSheets();
      const { book, host } = seeded('1.17');
      book.payloadCells = 10; // 公开03表's used range alone is 9 cells (values) + 9 (formulas)
      const snaps = await host.readSheets();
      assert.deepEqual(snaps, plain);
      assert.deepEqual(snaps[1].values[0], ['合计', 1474.07, null]);
      assert.ok(book.responses.every((n) => n <= 10));
      // names, the refused read (11 cells), the extents, then blocks of up to 5 cells:
      // Sheet1 + 公开03表 row 3, row 4, row 5 + 公开01表
      assert.deepEqual(host.lastRead, { syncs: 3 + 3, refused: 1, blockRows: 1 });
      book.payloadCells = 5; // one row of 公开03表 is 3 + 3
      await assert.rejects(host.readSheets(), /上限/);
    });

    it('lists sheets in one sync', async () => {
      const { book, host } = seeded('1.17');
      const list = await host.listSheets();
      assert.equal(book.syncs, 1);
      assert.deepEqual(list[3], { name: '公开01表', index: 3, protected: true, visible: true });
    });
  });

  describe('marks', () => {
    it('marks with conditional formats and clearMarks removes exactly ours (ExcelApi 1.6)', async () => {
      const { book, host } = setup('1.6');
      await host.apply({ create: [tablePlan('公开03表', '支出决算表')], update: [] });
      const s = book.sheet('公开03表');
      // the user's own conditional formats: one custom, one of another type
      s.cfs.push({ type: 'Custom', rect: { top: 7, left: 2, bottom: 20, right: 2 }, formula: '=C8>1000', fill: '#00FF00' });
      s.cfs.push({ type: 'CellValue', rect: { top: 7, left: 3, bottom: 20, right: 3 }, formula: null, fill: '#0000FF' });
      const fillBefore = s.peek('C8')!.fill;
      const syncs0 = book.syncs;
      await host.mark({
        cells: [
          { sheet: '公开03表', address: 'C8' },
          { sheet: '公开03表', address: 'D8:E8' },
        ],
        color: '#FFC7CE',
      });
      assert.ok(book.syncs - syncs0 <= 2, `mark syncs: ${book.syncs - syncs0}`);
      const ours = s.cfs.filter((c) => c.formula === MARK_FORMULA);
      assert.equal(ours.length, 1, 'C8 and D8:E8 are one rectangle, one conditional format');
      assert.deepEqual(ours[0].rect, { top: 7, left: 2, bottom: 7, right: 4 });
      assert.equal(ours[0].fill, '#FFC7CE');
      assert.equal(s.peek('C8')!.fill, fillBefore, 'cell fills are untouched');
      // marking again replaces our marks, not adds to them
      await host.mark({ cells: [{ sheet: '公开03表', address: 'C9' }], color: '#FFEB9C' });
      assert.equal(s.cfs.filter((c) => c.formula === MARK_FORMULA).length, 1);
      // keep: the suspect of a likely slip is added over its consequences' marks
      await host.mark({ cells: [{ sheet: '公开03表', address: 'C12' }], color: '#F4B183', keep: true });
      assert.deepEqual(
        s.cfs.filter((c) => c.formula === MARK_FORMULA).map((c) => c.fill),
        ['#F4B183', '#FFEB9C'], // the newer first: priority 0 puts it on top
      );
      await host.clearMarks();
      assert.equal(s.cfs.length, 2);
      assert.deepEqual(
        s.cfs.map((c) => c.formula),
        ['=C8>1000', null],
      );
    });

    it('clearMarks on a fresh host loads the sheet names first (3 syncs), and survives a stale name cache', async () => {
      const { book, env } = setup('1.6');
      book.addSheet('公开03表').cfs.push({ type: 'Custom', rect: { top: 0, left: 0, bottom: 0, right: 0 }, formula: MARK_FORMULA, fill: '#FFC7CE' });
      const fresh = new OfficeHost(env);
      await fresh.clearMarks();
      assert.equal(book.syncs, 3);
      assert.equal(book.sheet('公开03表').cfs.length, 0);
      // the cache now says 公开03表; the user renames it; marking still works
      book.sheet('公开03表').name = '支出表';
      await fresh.mark({ cells: [{ sheet: '支出表', address: 'B2' }], color: '#FFC7CE' });
      assert.equal(book.sheet('支出表').cfs.length, 1);
    });

    it('degrades to saved fills on ExcelApi 1.1 and restores them exactly', async () => {
      const { book, host } = setup('1.1');
      const s = book.sheet('Sheet1');
      s.cell(1, 1).fill = '#DDEBF7'; // B2 has the user's own fill
      await host.mark({
        cells: [
          { sheet: 'Sheet1', address: 'A1' },
          { sheet: 'Sheet1', address: 'B2' },
        ],
        color: '#FFC7CE',
      });
      assert.equal(s.peek('A1')!.fill, '#FFC7CE');
      assert.equal(s.peek('B2')!.fill, '#FFC7CE');
      assert.deepEqual(book.settings.get(SAVED_FILLS_KEY), { Sheet1: { A1: null, B2: '#DDEBF7' } });
      assert.ok(book.settingsSaves >= 1);
      // a second mark keeps B2's original and restores A1
      await host.mark({ cells: [{ sheet: 'Sheet1', address: 'B2' }], color: '#FFEB9C' });
      assert.equal(s.peek('A1')!.fill, null);
      assert.equal(s.peek('B2')!.fill, '#FFEB9C');
      // keep: C3 is painted as well, B2 stays marked; both originals restored by clearMarks
      s.cell(2, 2).fill = '#E2EFDA';
      await host.mark({ cells: [{ sheet: 'Sheet1', address: 'C3' }], color: '#F4B183', keep: true });
      assert.equal(s.peek('B2')!.fill, '#FFEB9C');
      assert.equal(s.peek('C3')!.fill, '#F4B183');
      await host.clearMarks();
      assert.equal(s.peek('C3')!.fill, '#E2EFDA');
      assert.equal(s.peek('B2')!.fill, '#DDEBF7');
      assert.equal(book.settings.get(SAVED_FILLS_KEY), null);
      assert.equal(s.peek('A1')!.value, '用户自己的数据');
    });
  });

  it('select activates the sheet and selects the first range', async () => {
    const { book, host } = setup();
    book.addSheet('公开05表');
    await host.select([
      { sheet: '公开05表', address: 'C8' },
      { sheet: 'Sheet1', address: 'A1' },
    ]);
    assert.equal(book.active, '公开05表');
    assert.equal(book.selected, '公开05表!C8');
    assert.equal(book.syncs, 1);
  });

  it('turns a missing sheet into a Chinese HostError', async () => {
    const { host } = setup();
    await assert.rejects(host.select([{ sheet: '不存在', address: 'A1' }]), (e: unknown) => {
      assert.ok(e instanceof HostError);
      assert.match(e.message, /找不到工作表/);
      return true;
    });
  });
});
