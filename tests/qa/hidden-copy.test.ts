import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/core/reader';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { evaluateFormulas } from '../../src/hosts/xlsx/evaluate';
import { juesuan } from '../support/cli';

/**
 * Accountants put last year's copy of a table away in a hidden sheet. When the hidden
 * copy comes first in the workbook, the visible table must still be the one checked,
 * and the duplicate is reported as hidden.
 */

describe('QA: a hidden old copy of a table before the visible one', function () {
  this.timeout(120_000);
  let dir: string;
  let file: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-qa-hidden-'));
    const demo = path.join(dir, 'demo.xlsx');
    const r = await juesuan(['demo', demo], dir);
    assert.equal(r.status, 0, r.stderr);
    const host = await XlsxHost.open(demo);
    evaluateFormulas(host);
    const out = new ExcelJS.Workbook();
    // Last year's 03, figures doubled, hidden, first in the workbook.
    const old = out.addWorksheet('上年支出表', { state: 'hidden' });
    const copy = (from: ExcelJS.Worksheet, to: ExcelJS.Worksheet, f: (v: unknown) => unknown) =>
      from.eachRow((row, r) =>
        row.eachCell((c, col) => {
          const v = c.value as unknown;
          const plain = v && typeof v === 'object' && 'formula' in v ? (v as { result?: unknown }).result : v;
          to.getCell(r, col).value = f(plain) as ExcelJS.CellValue;
        }),
      );
    copy(host.workbook.getWorksheet('公开03表')!, old, (v) => (typeof v === 'number' ? v * 2 : v));
    host.workbook.eachSheet((ws) => copy(ws, out.addWorksheet(ws.name), (v) => v));
    file = path.join(dir, '含隐藏旧表.xlsx');
    await out.xlsx.writeFile(file);
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the reader uses the visible 公开03表 and names the hidden sheet as the extra copy', async () => {
    const host = await XlsxHost.open(file);
    const snaps = await host.readSheets();
    assert.equal(snaps[0].name, '上年支出表');
    assert.equal(snaps[0].hidden, true);
    assert.ok(!snaps.find((s) => s.name === '公开03表')!.hidden);
    const model = readWorkbook(snaps);
    assert.equal(model.tables.expenditure?.sheet, '公开03表');
    const dup = model.problems.find((p) => p.message.includes('又有一张支出决算表'));
    assert.ok(dup, JSON.stringify(model.problems));
    assert.match(dup.message, /“上年支出表”表（隐藏的工作表） A1 又有一张支出决算表（已使用“公开03表”表中的那一张）/);
  });

  it("juesuan check finds no error from the hidden copy's figures", async () => {
    const r = await juesuan(['check', file, '--json'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const found = JSON.parse(r.stdout) as Array<{ severity: string; message: string }>;
    assert.ok(!found.some((f) => f.severity === 'error'), r.stdout);
    assert.ok(found.some((f) => f.message.includes('隐藏的工作表')));
  });
});
