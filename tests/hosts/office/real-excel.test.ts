/**
 * OfficeHost against the ways real Excel fails (issue #10, items 2–4, 6 and 10), each
 * reproduced by the fake (tests/hosts/office/fake-excel.ts) after the page cited.
 */
import { strict as assert } from 'node:assert';
import { HostError } from '../../../src/core/host';
import { OfficeHost, SAVED_FILLS_KEY, officeVersionFor, toHostError } from '../../../src/hosts/office/office-host';
import { insertTables } from '../../../src/core/workflows/insert-tables';
import { apiSetOf, apiSetCount } from './api-sets';
import { FakeBook, FakeOfficeError, type FakeSheet } from './fake-excel';
import { ninePlans, tablePlan } from './plan-fixture';

function setup(api = '1.17') {
  const book = new FakeBook();
  book.addSheet('Sheet1').set('A1', '用户自己的数据');
  return { book, host: new OfficeHost(book.env(api)) };
}

/** A table-like sheet of `rows` × `cols` numbers under a title. */
function bigSheet(book: FakeBook, name: string, rows: number, cols: number): FakeSheet {
  const s = book.addSheet(name);
  s.set('A1', '支出决算表');
  for (let r = 1; r < rows; r++) for (let c = 0; c < cols; c++) s.cell(r, c).value = r * 100 + c;
  return s;
}

describe('OfficeHost: what real Excel does (issue #10)', () => {
  describe('requirement sets per member, from @types/office-js', () => {
    // https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-columnwidth-member
    it('reads the sets from the typings’ remarks', () => {
      assert.ok(apiSetCount() > 1000, `${apiSetCount()} members`);
      assert.equal(apiSetOf('RangeFormat', 'columnWidth', 'set'), '1.2');
      assert.equal(apiSetOf('RangeFormat', 'rowHeight', 'set'), '1.2');
      assert.equal(apiSetOf('Application', 'calculationMode', 'get'), '1.1');
      assert.equal(apiSetOf('Application', 'calculationMode', 'set'), '1.8');
      assert.equal(apiSetOf('Range', 'getMergedAreasOrNullObject'), '1.13');
    });

    it('the fake refuses format.columnWidth under ExcelApi 1.1 when the batch runs, as Excel 2016 does', async () => {
      const book = new FakeBook();
      book.addSheet('S');
      await assert.rejects(
        book.env('1.1').run(async (ctx) => {
          ctx.workbook.worksheets.getItem('S').getRange('A:A').format.columnWidth = 50;
          await ctx.sync();
        }),
        (e: unknown) => e instanceof FakeOfficeError && e.code === 'ApiNotFound',
      );
    });

    // https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-1-requirement-set
    it('Excel 2016 (ExcelApi 1.1): the nine tables are inserted whole, without column widths and row heights', async () => {
      const { book, host } = setup('1.1');
      await host.apply({ create: ninePlans(), update: [], activate: '公开01表' });
      assert.equal(book.sheets.length, 10);
      const s9 = book.sheet('公开09表');
      assert.equal(s9.peek('A1')!.value, '国有资本经营预算财政拨款支出决算表');
      assert.equal(s9.columnWidths.size, 0);
      assert.equal(s9.rowHeights.size, 0);
    });

    it('an API the Excel lacks is named with the Office version that has it', () => {
      const e = toHostError(new FakeOfficeError('ApiNotFound', 'RangeFormat.columnWidth (set) needs ExcelApi 1.2'), '插入报表');
      assert.match(e.message, /ExcelApi 1\.2.*Office 2019/);
      assert.match(officeVersionFor('1.1'), /Office 2016/);
      assert.match(officeVersionFor('1.14'), /Office 2021/);
      assert.match(officeVersionFor('1.20'), /Microsoft 365/);
    });
  });

  it('a failed insert deletes the sheets it added, so that a retry does not meet 已有同名工作表', async () => {
    const { book, host } = setup('1.17');
    book.failWrite = (op, sheet) => op === 'formulas' && sheet === '公开05表';
    await assert.rejects(host.apply({ create: ninePlans(), update: [] }), (e: unknown) => e instanceof HostError && /已删除本次新增的工作表/.test(e.message));
    assert.deepEqual(
      book.sheets.map((s) => s.name),
      ['Sheet1'],
    );
    book.failWrite = null;
    await host.apply({ create: ninePlans(), update: [] });
    assert.equal(book.sheets.length, 10);
  });

  describe('reads of other people’s workbooks', () => {
    // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)
    it('more than 512 merged areas cost the merge information only, not the read', async () => {
      const { book, host } = setup('1.17');
      const s = bigSheet(book, '明细', 40, 8);
      for (let i = 0; i < 600; i++) s.merges.push(`J${i + 1}:K${i + 1}`);
      const small = book.addSheet('公开07表');
      small.set('A1', '三公经费').merges.push('A1:D1');
      const snaps = await host.readSheets();
      const big = snaps.find((x) => x.name === '明细')!;
      assert.equal(big.values[5][3], 503);
      assert.equal(big.merges, undefined, 'merges unknown, not "none"');
      assert.ok(snaps.every((x) => x.merges === undefined));
    });

    // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization
    for (const [what, limit] of [
      ['RangeExceedsLimit (5,000,000 cells per range)', 'rangeCellLimit'],
      ['GeneralException on a large payload', 'generalExceptionCells'],
      ['null values for a large range', 'nullValuesCells'],
    ] as const) {
      it(`${what}: read in row blocks, as for the 5 MB refusal`, async () => {
        const { book, host } = setup('1.17');
        bigSheet(book, '明细', 120, 10);
        book[limit] = 500; // scaled down: 1,200 cells over a 500-cell limit
        const [snap] = await host.readSheets(['明细']);
        assert.equal(snap.values.length, 120);
        assert.equal(snap.values[119][9], 11909);
        assert.ok(host.lastRead!.blockRows > 0 && host.lastRead!.blockRows < 120, `blocks of ${host.lastRead!.blockRows} rows`);
      });
    }
  });

  describe('stale numbers', () => {
    // https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-calculate-member(1)
    it('in manual calculation, recalculates before reading (no extra round trip)', async () => {
      const { book, host } = setup('1.1');
      const s = book.addSheet('公开03表');
      s.set('C7', 100, '=SUM(C8:C9)');
      s.cell(6, 2).calculated = 300;
      book.calculationMode = 'Manual';
      const [snap] = await host.readSheets(['公开03表']);
      assert.equal(snap.values[6 - snap.top][2 - snap.left], 300);
      assert.equal(host.lastRead!.syncs, 2);
    });

    // https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-suspendapicalculationuntilnextsync-member(1)
    it('after suspendApiCalculationUntilNextSync, the totals written are calculated before anyone reads them', async () => {
      const { book, host } = setup('1.6');
      book.calculator = (_s, f) => (f.startsWith('=SUMPRODUCT(') ? 42 : 7);
      await host.apply({ create: [tablePlan('公开03表', '支出决算表')], update: [] });
      assert.equal(book.calcSuspended, 1);
      const c7 = book.sheet('公开03表').peek('C7')!;
      assert.equal(c7.value, 42, 'recalculated by apply itself');
      assert.ok(book.calculations >= 1);
    });

    it('when Excel cannot recalculate a workbook in manual calculation, the read says so instead of handing out old totals', async () => {
      const { book, host } = setup('1.1');
      book.addSheet('公开03表').set('C7', 100, '=SUM(C8:C9)');
      book.calculationMode = 'Manual';
      book.failCalculate = true;
      await assert.rejects(host.readSheets(), /手动计算.*可能不是最新的/);
      book.calculationMode = 'Automatic'; // automatic: nothing can be stale, the read goes on
      const snaps = await host.readSheets();
      assert.equal(snaps.length, 2);
    });
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-priority-member
  it('puts its conditional-format marks first, so that a user rule on the same cells does not hide them', async () => {
    const { book, host } = setup('1.17');
    const s = book.addSheet('公开03表');
    s.cfs.push({ type: 'Custom', rect: { top: 0, left: 0, bottom: 50, right: 10 }, formula: '=TRUE', fill: '#FFFFFF' });
    await host.mark({ cells: [{ sheet: '公开03表', address: 'C8' }], color: '#FFC7CE' });
    assert.match(s.cfs[0].formula ?? '', /决算公开助手标记/);
    assert.equal(s.cfs[0].fill, '#FFC7CE');
    await host.clearMarks();
    assert.deepEqual(
      s.cfs.map((c) => c.formula),
      ['=TRUE'],
    );
  });

  describe('the fill fallback below ExcelApi 1.6', () => {
    it('saves the original fills before painting: a paint that fails half-way loses nothing', async () => {
      const { book, host } = setup('1.5');
      const a = book.addSheet('公开03表');
      a.cell(0, 0).fill = '#DDEBF7';
      const b = book.addSheet('公开05表');
      book.failWrite = null;
      b.protected = true; // the paint of the second sheet fails
      await assert.rejects(
        host.mark({
          cells: [
            { sheet: '公开03表', address: 'A1' },
            { sheet: '公开05表', address: 'A1' },
          ],
          color: '#FFC7CE',
        }),
      );
      assert.equal(a.peek('A1')!.fill, '#FFC7CE', 'the first sheet was painted before Excel stopped');
      assert.ok(book.settings.get(SAVED_FILLS_KEY), 'and its fill was saved first');
      b.protected = false;
      await host.clearMarks();
      assert.equal(a.peek('A1')!.fill, '#DDEBF7');
      assert.equal(book.settings.get(SAVED_FILLS_KEY), null);
    });
  });

  describe('the fake keeps Excel’s own rules', () => {
    // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)
    it('a merge keeps the upper-left value only', async () => {
      const book = new FakeBook();
      const s = book.addSheet('S').set('A1', '金额单位：元').set('B1', '说明');
      await book.env('1.17').run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:C1').merge(false);
        await ctx.sync();
      });
      assert.equal(s.peek('A1')!.value, '金额单位：元');
      assert.equal(s.peek('B1')!.value, '');
    });

    it('a formula naming a sheet the workbook does not have reads #REF!; the Office host adds all sheets first, so its links never do', async () => {
      const book = new FakeBook();
      const s = book.addSheet('S');
      await book.env('1.17').run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').formulas = [["='公开02表'!C7"]];
        await ctx.sync();
      });
      assert.equal(s.peek('A1')!.error, '#REF!');
      const { book: b2, host } = setup('1.17');
      await insertTables(host, { profile: '2021', unit: '某单位', year: 2021, onConflict: 'skip' });
      const refs = b2.sheets.flatMap((x) => [...x.cells.values()].filter((c) => c.error === '#REF!').map((c) => `${x.name} ${c.formula}`));
      assert.deepEqual(refs, []);
    });
  });
});
