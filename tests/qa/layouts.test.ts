import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/workflows/check-workbook';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { evaluateFormulas } from '../../src/hosts/xlsx/evaluate';
import { juesuan } from '../support/cli';

/**
 * Layouts as finance-software exports and hand-made copies have them, all holding the
 * sample's figures as plain values (no formulas): the 03 table moved to column D row
 * 20 with blank rows inside, codes as numbers or "201 一般公共服务支出" in one cell,
 * merged amount cells, renamed sheets (Sheet3, 表1), and a sheet of 12,000 unrelated
 * rows. Each reads the same tables and gives no error, as the sample itself does.
 */

type Edit = (wb: ExcelJS.Workbook) => void;

describe('QA: unusual layouts of the sample, read and checked from real .xlsx files', function () {
  this.timeout(120_000);
  let dir: string;
  let values: ExcelJS.Workbook;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-qa-layout-'));
    const demo = path.join(dir, 'demo.xlsx');
    const r = await juesuan(['demo', demo], dir);
    assert.equal(r.status, 0, r.stderr);
    const host = await XlsxHost.open(demo);
    evaluateFormulas(host);
    values = host.workbook;
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The sample as values only, 03 copied through `place` (row, col → new row, col or null to drop). */
  async function build(name: string, place: (r: number, c: number) => [number, number] | null, edit?: Edit): Promise<string> {
    const wb = new ExcelJS.Workbook();
    values.eachSheet((ws) => {
      const to = wb.addWorksheet(ws.name);
      const is03 = ws.name === '公开03表';
      ws.eachRow((row, r) =>
        row.eachCell((c, col) => {
          if (c.isMerged && c.master !== c) return;
          const v = c.value as unknown;
          const plain = v && typeof v === 'object' && 'formula' in v ? (v as { result?: unknown }).result : v;
          const at = is03 ? place(r, col) : [r, col];
          if (at) to.getCell(at[0], at[1]).value = plain as ExcelJS.CellValue;
        }),
      );
    });
    edit?.(wb);
    const file = path.join(dir, `${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    return file;
  }

  async function check(file: string) {
    const host = await XlsxHost.open(file);
    const { model, findings } = await checkWorkbook(host);
    return { model, errors: findings.filter((f) => f.severity === 'error'), findings };
  }

  it('the values-only sample: nine tables, no error (the baseline)', async () => {
    const { model, errors } = await check(await build('plain', (r, c) => [r, c]));
    assert.deepEqual(model.missing, []);
    assert.deepEqual(errors, []);
  });

  it('03 starting at column D row 20, with blank rows inside the table', async () => {
    // Rows 12 and 17 are followed by an empty row; everything shifts 19 rows down, 3 right.
    const extra = (r: number) => (r > 12 ? 1 : 0) + (r > 17 ? 1 : 0);
    const { model, errors } = await check(await build('shifted', (r, c) => [r + 19 + extra(r), c + 3]));
    const t = model.tables.expenditure!;
    assert.equal(t.sheet, '公开03表');
    assert.equal(t.lines.find((l) => l.id === '2010301')!.values.basic?.cell.address, 'G30');
    assert.equal(t.lines.find((l) => l.id === 'total')!.values.total?.value, 1474.07);
    assert.deepEqual(errors, []);
  });

  it('codes as numbers, and code and name in one cell ("201 一般公共服务支出")', async () => {
    const numbers = await check(
      await build(
        'numbers',
        (r, c) => [r, c],
        (wb) => {
          const ws = wb.getWorksheet('公开03表')!;
          for (let r = 9; r <= 24; r++) ws.getCell(r, 1).value = Number(ws.getCell(r, 1).value);
        },
      ),
    );
    assert.deepEqual(numbers.errors, []);
    assert.ok(numbers.model.tables.expenditure!.lines.some((l) => l.id === '2010301'));
    const joined = await check(
      await build(
        'joined',
        (r, c) => [r, c],
        (wb) => {
          const ws = wb.getWorksheet('公开03表')!;
          for (let r = 9; r <= 24; r++) {
            ws.getCell(r, 1).value = `${ws.getCell(r, 1).text} ${ws.getCell(r, 2).text}`;
            ws.getCell(r, 2).value = null;
          }
        },
      ),
    );
    assert.deepEqual(joined.errors, []);
    assert.ok(joined.model.tables.expenditure!.lines.some((l) => l.id === '2120199'));
  });

  it('a merged amount cell (D11:E11 holding the 基本支出 figure) is read at its top-left cell', async () => {
    const { model, errors } = await check(
      await build(
        'merged',
        (r, c) => [r, c],
        (wb) => wb.getWorksheet('公开03表')!.mergeCells('D11:E11'),
      ),
    );
    const line = model.tables.expenditure!.lines.find((l) => l.id === '2010301')!;
    assert.equal(line.values.basic?.value, 335.54);
    assert.deepEqual(errors, []);
  });

  it('renamed sheets (Sheet3, 表1) and a sheet of 12,000 unrelated rows change nothing', async () => {
    const file = await build(
      'renamed',
      (r, c) => [r, c],
      (wb) => {
        wb.getWorksheet('公开03表')!.name = 'Sheet3';
        wb.getWorksheet('公开01表')!.name = '表1';
        const ledger = wb.addWorksheet('明细账');
        ledger.addRow(['日期', '凭证号', '科目', '摘要', '金额']);
        for (let i = 1; i <= 12_000; i++) ledger.addRow([`2021-${(i % 12) + 1}-01`, i, '201 一般公共服务支出', '办公费', (i % 97) + 0.5]);
      },
    );
    const started = Date.now();
    const { model, errors } = await check(file);
    assert.ok(Date.now() - started < 20_000, 'read and checked in well under 20 s');
    assert.equal(model.tables.expenditure?.sheet, 'Sheet3');
    assert.equal(model.tables.summary?.sheet, '表1');
    assert.deepEqual(model.missing, []);
    assert.deepEqual(errors, []);
  });
});
