import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { HyperFormula } from 'hyperformula';
import { HostError } from '../../../src/core/host';
import { XlsxHost, MARK_EXPRESSION } from '../../../src/hosts/xlsx/xlsx-host';
import type { SheetPlan } from '../../../src/core/plan/sheet-plan';
import { valueAt, formulaAt } from '../../../src/core/model/snapshot';

/** A small 03-like table: title, header, three item rows and a total by formula. */
function expenditurePlan(name = '公开03表'): SheetPlan {
  return {
    name,
    styles: {
      title: { bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle' },
      head: { bold: true, border: true, horizontal: 'center', wrap: true, fill: '#DDEBF7' },
      num: { border: true, numberFormat: '#,##0.00', horizontal: 'right' },
      text: { border: true, numberFormat: '@' },
    },
    cells: [
      { row: 0, col: 0, value: '支出决算表', style: 'title' },
      { row: 2, col: 0, value: '科目编码', style: 'head' },
      { row: 2, col: 1, value: '科目名称', style: 'head' },
      { row: 2, col: 2, value: '本年支出合计', style: 'head' },
      { row: 2, col: 3, value: '基本支出', style: 'head' },
      { row: 2, col: 4, value: '项目支出', style: 'head' },
      { row: 3, col: 1, value: '合计', style: 'text' },
      { row: 3, col: 2, formula: '=SUM(C5:C7)', style: 'num' },
      { row: 3, col: 3, formula: '=SUM(D5:D7)', style: 'num' },
      { row: 3, col: 4, formula: '=SUM(E5:E7)', style: 'num' },
      { row: 4, col: 0, value: '201', style: 'text' },
      { row: 4, col: 1, value: '一般公共服务支出', style: 'text' },
      { row: 4, col: 2, formula: '=D5+E5', style: 'num' },
      { row: 4, col: 3, value: 335.54, style: 'num' },
      { row: 4, col: 4, value: 870.99, style: 'num' },
      { row: 5, col: 0, value: '210', style: 'text' },
      { row: 5, col: 1, value: '卫生健康支出', style: 'text' },
      { row: 5, col: 2, formula: '=D6+E6', style: 'num' },
      { row: 5, col: 4, value: 100, style: 'num' },
      { row: 6, col: 0, value: '212', style: 'text' },
      { row: 6, col: 1, value: '城乡社区支出', style: 'text' },
      { row: 6, col: 2, formula: '=D7+E7', style: 'num' },
      { row: 6, col: 4, value: 167.55, style: 'num' },
      { row: 7, col: 0, value: '=SUM(A1:A3) 不是公式', style: 'text' },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
    columnWidths: [12, 28, 14, 14, 14],
    rowHeights: { 0: 30 },
    freeze: { rows: 4, cols: 2 },
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, titleRows: [0, 3] },
  };
}

/** ExcelJS keeps a sheet's conditional formats here (not in its typings). */
function cfsOf(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-xlsx-'));
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function roundTrip(host: XlsxHost, file: string): Promise<XlsxHost> {
  const p = path.join(dir, file);
  await host.save(p);
  return XlsxHost.open(p);
}

describe('XlsxHost', () => {
  it('round-trips a plan to a file: values, formulas, merges, styles, views, print setup', async () => {
    const host = XlsxHost.create();
    await host.apply({ create: [expenditurePlan()], update: [], activate: '公开03表' });
    const back = await roundTrip(host, 'plan.xlsx');

    const [info] = await back.listSheets();
    assert.deepEqual(info, { name: '公开03表', index: 0, protected: false, visible: true });

    const [snap] = await back.readSheets();
    assert.equal(snap.top, 0);
    assert.equal(snap.left, 0);
    assert.equal(valueAt(snap, 0, 0), '支出决算表');
    assert.equal(valueAt(snap, 4, 3), 335.54);
    assert.equal(formulaAt(snap, 3, 2), '=SUM(C5:C7)');
    assert.equal(formulaAt(snap, 4, 2), '=D5+E5');
    // ExcelJS writes no cached results: formula values are unknown (null), not 0.
    assert.equal(valueAt(snap, 3, 2), null);
    assert.equal(back.uncomputedFormulaCount(), 6);
    assert.deepEqual(snap.merges, [{ top: 0, left: 0, bottom: 0, right: 4 }]);

    // The formulas read back compute the right totals in a real engine.
    const hf = HyperFormula.buildFromSheets(
      {
        s: snap.values.map((row, r) => row.map((v, c) => snap.formulas?.[r]?.[c] ?? (typeof v === 'object' ? null : v))),
      },
      { licenseKey: 'gpl-v3' },
    );
    const total = hf.getCellValue({ sheet: hf.getSheetId('s')!, row: 3, col: 2 }) as number;
    assert.ok(Math.abs(total - 1474.08) < 1e-9, `total ${total}`);
    hf.destroy();

    const ws = back.workbook.getWorksheet('公开03表')!;
    const head = ws.getCell('C3');
    assert.equal(head.font?.bold, true);
    assert.equal(head.alignment?.wrapText, true);
    assert.equal(head.border?.left?.style, 'thin');
    assert.equal((head.fill as ExcelJS.FillPattern).fgColor?.argb, 'FFDDEBF7');
    assert.equal(ws.getCell('D5').numFmt, '#,##0.00');
    assert.equal(ws.getCell('A1').font?.size, 16);
    assert.equal(ws.getColumn(2).width, 28);
    assert.equal(ws.getRow(1).height, 30);
    const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
    assert.equal(view.state, 'frozen');
    assert.equal(view.ySplit, 4);
    assert.equal(view.xSplit, 2);
    assert.equal(ws.pageSetup.paperSize, 9);
    assert.equal(ws.pageSetup.orientation, 'landscape');
    assert.equal(ws.pageSetup.fitToPage, true);
    assert.equal(ws.pageSetup.fitToWidth, 1);
    assert.equal(ws.pageSetup.fitToHeight, 0);
    assert.equal(ws.pageSetup.printTitlesRow?.replace(/\$/g, ''), '1:4');
  });

  it('keeps a formula-looking string as text', async () => {
    const host = XlsxHost.create();
    await host.apply({ create: [expenditurePlan()], update: [] });
    const p = path.join(dir, 'text.xlsx');
    await host.save(p);
    const back = await XlsxHost.open(p);
    const [snap] = await back.readSheets();
    assert.equal(valueAt(snap, 7, 0), '=SUM(A1:A3) 不是公式');
    assert.equal(formulaAt(snap, 7, 0), null);
    // In the package the cell is a string, not an <f> element.
    const zip = await JSZip.loadAsync(fs.readFileSync(p));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const a8 = /<c r="A8"[^>]*>[\s\S]*?<\/c>/.exec(sheetXml)![0];
    assert.match(a8, /t="(s|str|inlineStr)"/);
    assert.doesNotMatch(a8, /<f>/);
  });

  it('refuses a name clash and writes nothing', async () => {
    const host = XlsxHost.create();
    await host.apply({ create: [expenditurePlan()], update: [] });
    await assert.rejects(
      host.apply({ create: [expenditurePlan('新表'), expenditurePlan('公开03表')], update: [] }),
      (e: unknown) => e instanceof HostError && /已有名为“公开03表”/.test(e.message),
    );
    assert.deepEqual(
      (await host.listSheets()).map((s) => s.name),
      ['公开03表'],
    );
  });

  it('refuses to write into a protected sheet, in Chinese, writing nothing', async () => {
    const host = XlsxHost.create();
    await host.apply({ create: [expenditurePlan(), expenditurePlan('公开05表')], update: [] });
    await host.workbook.getWorksheet('公开03表')!.protect('', {});
    const back = await roundTrip(host, 'protected.xlsx');
    const sheets = await back.listSheets();
    assert.equal(sheets.find((s) => s.name === '公开03表')!.protected, true);
    assert.equal((await back.readSheets(['公开03表']))[0].protected, true);

    await assert.rejects(
      back.apply({
        create: [],
        update: [
          { name: '公开05表', cells: [{ row: 4, col: 3, value: 1 }], merges: [], styles: {} },
          { name: '公开03表', cells: [{ row: 4, col: 3, value: 1 }], merges: [], styles: {} },
        ],
      }),
      (e: unknown) => e instanceof HostError && /工作表“公开03表”受保护/.test(e.message) && e.cells[0]?.sheet === '公开03表' && e.cells[0]?.address === 'D5',
    );
    // Nothing written, not even to the unprotected sheet listed first.
    assert.equal(back.workbook.getWorksheet('公开05表')!.getCell('D5').value, 335.54);
  });

  it('keeps the workbook-structure protection and refuses to add sheets under it', async () => {
    const host = XlsxHost.create();
    await host.apply({ create: [expenditurePlan()], update: [] });
    const plain = await host.toBuffer();
    // Lock the structure as Excel would.
    const zip = await JSZip.loadAsync(plain);
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', xml.replace(/<sheets\b/, '<workbookProtection lockStructure="1"/><sheets'));
    const locked = await zip.generateAsync({ type: 'nodebuffer' });

    const opened = await XlsxHost.fromBuffer(locked, 'locked.xlsx');
    assert.equal(await opened.isStructureProtected(), true);
    await assert.rejects(
      opened.apply({ create: [expenditurePlan('公开05表')], update: [] }),
      (e: unknown) => e instanceof HostError && /工作簿结构受保护/.test(e.message),
    );
    assert.equal((await opened.listSheets()).length, 1);
    // Cell updates are still allowed, and saving keeps the lock.
    await opened.apply({ create: [], update: [{ name: '公开03表', cells: [{ row: 4, col: 3, value: 300 }], merges: [], styles: {} }] });
    const again = await XlsxHost.fromBuffer(await opened.toBuffer());
    assert.equal(await again.isStructureProtected(), true);
    assert.equal(valueAt((await again.readSheets())[0], 4, 3), 300);
  });

  it('updates existing cells without stripping their formatting', async () => {
    const host = XlsxHost.create();
    await host.apply({ create: [expenditurePlan()], update: [] });
    await host.apply({
      create: [],
      update: [
        {
          name: '公开03表',
          cells: [{ row: 4, col: 3, value: 300, style: 'b' }],
          merges: [],
          styles: { b: { bold: true } },
        },
      ],
    });
    const back = await roundTrip(host, 'update.xlsx');
    const d5 = back.workbook.getWorksheet('公开03表')!.getCell('D5');
    assert.equal(d5.value, 300);
    assert.equal(d5.font?.bold, true);
    assert.equal(d5.numFmt, '#,##0.00');
    assert.equal(d5.border?.top?.style, 'thin');
    // A neighbour sharing the same style was not changed by the update.
    assert.notEqual(back.workbook.getWorksheet('公开03表')!.getCell('E5').font?.bold, true);
  });

  it('reads cached values, errors, rich text and dates from a file saved elsewhere', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('补充信息');
    ws.getCell('A1').value = { richText: [{ text: '单位', font: { bold: true } }, { text: '名称' }] };
    ws.getCell('B2').value = { formula: 'SUM(1,2)', result: 3 };
    ws.getCell('B3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('B4').value = { error: '#REF!' };
    ws.getCell('B5').value = new Date(Date.UTC(2021, 11, 31));
    ws.getCell('B6').value = true;
    const host = await XlsxHost.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const [s] = await host.readSheets(['补充信息']);
    assert.equal(valueAt(s, 0, 0), '单位名称');
    assert.equal(valueAt(s, 1, 1), 3);
    assert.equal(formulaAt(s, 1, 1), '=SUM(1,2)');
    assert.deepEqual(valueAt(s, 2, 1), { error: '#DIV/0!' });
    assert.deepEqual(valueAt(s, 3, 1), { error: '#REF!' });
    assert.equal(valueAt(s, 4, 1), '2021-12-31'); // a date reads as a date, not as the serial 44561
    assert.equal(valueAt(s, 5, 1), true);
    assert.equal(host.uncomputedFormulaCount(), 0);
  });

  it("adds and removes its marks without touching the user's fills or conditional formats", async () => {
    const host = XlsxHost.create();
    await host.apply({ create: [expenditurePlan()], update: [] });
    const ws = host.workbook.getWorksheet('公开03表')!;
    ws.getCell('D6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    ws.addConditionalFormatting({
      ref: 'C5:C7',
      rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['1000'], priority: 1, style: { font: { bold: true } } }],
    });

    await host.mark({
      cells: [
        { sheet: '公开03表', address: 'C4' },
        { sheet: '公开03表', address: 'D6' },
      ],
      color: '#FFC7CE',
    });
    let back = await roundTrip(host, 'marked.xlsx');
    assert.deepEqual(back.markedRanges(), { 公开03表: ['C4', 'D6'] });
    const cfs = cfsOf(back.workbook.getWorksheet('公开03表')!);
    const ours = cfs.find((cf) => cf.rules.some((r) => (r as ExcelJS.ExpressionRuleType).formulae?.[0] === MARK_EXPRESSION))!;
    assert.equal((ours.rules[0].style?.fill as ExcelJS.FillPattern).bgColor?.argb, 'FFFFC7CE');
    // Its own priority, after the user's rule (priorities must not collide).
    assert.equal(ours.rules[0].priority, 2);

    // A new mark replaces the old ones.
    await back.mark({ cells: [{ sheet: '公开03表', address: 'E7' }], color: '#FFC7CE' });
    assert.deepEqual(back.markedRanges(), { 公开03表: ['E7'] });
    // keep: added to the marks already there
    await back.mark({ cells: [{ sheet: '公开03表', address: 'C5' }], color: '#F4B183', keep: true });
    assert.deepEqual(back.markedRanges(), { 公开03表: ['E7', 'C5'] });

    await back.clearMarks();
    back = await roundTrip(back, 'cleared.xlsx');
    assert.deepEqual(back.markedRanges(), {});
    const ws2 = back.workbook.getWorksheet('公开03表')!;
    assert.equal((ws2.getCell('D6').fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFFF00');
    assert.equal(cfsOf(ws2).length, 1);
    assert.equal(cfsOf(ws2)[0].ref, 'C5:C7');
  });

  it('selects a cell: active tab and active cell', async () => {
    const host = XlsxHost.create();
    await host.apply({ create: [expenditurePlan(), expenditurePlan('公开05表')], update: [], activate: '公开03表' });
    await host.select([{ sheet: '公开05表', address: 'D6' }]);
    const back = await roundTrip(host, 'select.xlsx');
    assert.equal(back.workbook.views[0].activeTab, 1);
    assert.equal(back.workbook.getWorksheet('公开05表')!.views[0].activeCell, 'D6');
  });

  it('refuses files that are not .xlsx with a Chinese reason', async () => {
    const p = path.join(dir, 'old.xls');
    fs.writeFileSync(p, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    await assert.rejects(XlsxHost.open(p), (e: unknown) => e instanceof HostError && /不是 \.xlsx 格式/.test(e.message));
    await assert.rejects(XlsxHost.open(path.join(dir, 'nope.xlsx')), (e: unknown) => e instanceof HostError && /文件不存在/.test(e.message));
    const broken = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(broken, Buffer.concat([Buffer.from('PK'), Buffer.alloc(40)]));
    await assert.rejects(XlsxHost.open(broken), (e: unknown) => e instanceof HostError && /无法读取/.test(e.message));
  });
});
