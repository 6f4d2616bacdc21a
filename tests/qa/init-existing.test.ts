import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { juesuan } from '../support/cli';

/**
 * `juesuan init` on a workbook an accountant already has: their sheets, cells and
 * formatting survive, and a workbook whose parts ExcelJS cannot carry (chart sheets,
 * charts, pivot tables) is left untouched with a Chinese reason instead of losing them.
 */

/** A user's own workbook: styles, number formats, widths, a merged title, a defined name. */
async function userWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工资表');
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = '2021年工资发放表';
  ws.getCell('A1').font = { name: '宋体', size: 16, bold: true, color: { argb: 'FFC00000' } };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.addRow(['姓名', '基本工资', '津贴补贴', '合计']);
  ws.addRow(['张三', 5200.5, 1800, { formula: 'B3+C3', result: 7000.5 }]);
  ws.getCell('B3').numFmt = '#,##0.00';
  ws.getCell('C3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 24.5;
  wb.definedNames.add('工资表!$D$3', '工资合计');
  const other = wb.addWorksheet('说明');
  other.getCell('B2').value = '本表由财务科填写';
  other.state = 'hidden';
  await wb.xlsx.writeFile(file);
}

interface CellDump {
  address: string;
  value: unknown;
  style: unknown;
}

async function dump(file: string, sheet: string): Promise<{ cells: CellDump[]; widths: unknown[]; merges: unknown; state: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const cells: CellDump[] = [];
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => cells.push({ address: c.address, value: c.value, style: JSON.parse(JSON.stringify(c.style ?? {})) })),
  );
  const widths = Array.from({ length: 4 }, (_, i) => ws.getColumn(i + 1).width);
  return { cells, widths, merges: ws.model.merges, state: ws.state };
}

describe('QA: juesuan init on an existing workbook', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-qa-init-'));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the user's sheets cell by cell: values, fonts, fills, number formats, widths, merges, names, hidden state", async () => {
    const file = path.join(dir, '单位 报表.xlsx');
    await userWorkbook(file);
    const before = { pay: await dump(file, '工资表'), note: await dump(file, '说明') };
    for (const mode of ['skip', 'refresh', 'beside']) {
      const r = await juesuan(['init', file, '--on-conflict', mode, '--unit', '某单位'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(await dump(file, '工资表'), before.pay, mode);
      assert.deepEqual(await dump(file, '说明'), before.note, mode);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      assert.deepEqual(wb.definedNames.getRanges('工资合计').ranges, ["'工资表'!$D$3"], mode);
    }
  });

  it("--on-conflict refresh without --unit keeps the 部门 line the user filled in, and the user's cell styles", async () => {
    const file = path.join(dir, 'demo.xlsx');
    assert.equal((await juesuan(['demo', file], dir)).status, 0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('公开03表')!;
    ws.getCell('D11').value = 400; // a typed figure the user changed
    ws.getCell('D11').style = {
      ...structuredClone(ws.getCell('D11').style),
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } },
      font: { name: '楷体', size: 12, italic: true },
      numFmt: '#,##0.000',
    };
    await wb.xlsx.writeFile(file);
    const sheets = ['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表'];
    const units = async () => {
      const w = new ExcelJS.Workbook();
      await w.xlsx.readFile(file);
      const out: string[] = [];
      for (const name of sheets) {
        w.getWorksheet(name)!.eachRow((row) =>
          row.eachCell((c) => {
            if (typeof c.value === 'string' && c.value.startsWith('部门：')) out.push(`${name}!${c.address}=${c.value}`);
          }),
        );
      }
      return { out, d11: w.getWorksheet('公开03表')!.getCell('D11') };
    };
    const before = await units();
    assert.ok(
      before.out.some((u) => u.endsWith('部门：株洲市石峰区机关事务服务中心')),
      before.out.join('\n'),
    );
    const r = await juesuan(['init', file, '--on-conflict', 'refresh'], dir);
    assert.equal(r.status, 0, r.stderr);
    // The demo already holds the template's formulas: nothing to refresh, nothing written.
    assert.match(r.stdout, /已刷新公式 \d+ 张|均已是最新/);
    const after = await units();
    assert.deepEqual(after.out, before.out);
    assert.equal(after.d11.value, 400);
    assert.deepEqual(JSON.parse(JSON.stringify(after.d11.style)), JSON.parse(JSON.stringify(before.d11.style)));
  });

  it('keeps a chart sheet byte for byte when adding the tables (no longer refused: writes are lossless)', async () => {
    const source = path.join(dir, 'base.xlsx');
    await userWorkbook(source);
    const zip = await JSZip.loadAsync(fs.readFileSync(source));
    const edit = async (part: string, f: (s: string) => string) => zip.file(part, f(await zip.file(part)!.async('string')));
    await edit('xl/workbook.xml', (s) => s.replace('</sheets>', '<sheet name="收支图" sheetId="99" r:id="rIdQaChart"/></sheets>'));
    await edit('xl/_rels/workbook.xml.rels', (s) =>
      s.replace(
        '</Relationships>',
        '<Relationship Id="rIdQaChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      ),
    );
    await edit('[Content_Types].xml', (s) =>
      s.replace(
        '</Types>',
        '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
      ),
    );
    zip.file(
      'xl/chartsheets/sheet1.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
    );
    const file = path.join(dir, '带图表.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const chartBefore = fs.readFileSync(file);
    const r = await juesuan(['init', file], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const after = await JSZip.loadAsync(fs.readFileSync(file));
    const was = await JSZip.loadAsync(chartBefore);
    assert.equal(await after.file('xl/chartsheets/sheet1.xml')!.async('string'), await was.file('xl/chartsheets/sheet1.xml')!.async('string'));
    assert.match(await after.file('xl/workbook.xml')!.async('string'), /<sheet name="收支图" sheetId="99" r:id="rIdQaChart"\/>/);
    assert.notEqual((await juesuan(['check', file], dir)).status, 2);
  });
});
