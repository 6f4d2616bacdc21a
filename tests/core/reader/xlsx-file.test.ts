import { strict as assert } from 'assert';
import ExcelJS from 'exceljs';
import { columnLetter, type RangeRect } from '../../../src/core/cells';
import { amount, line } from '../../../src/core/model/tables';
import { readWorkbook } from '../../../src/core/reader';
import { XlsxHost } from '../../../src/hosts/xlsx/xlsx-host';
import { cellOf, seedGrid } from '../../fixtures/seed-2021';
import { interleaved07, merged07, splitCodes, type LayoutSheet } from '../../fixtures/seed-2021/variants';

/**
 * A real .xlsx written by ExcelJS (merged headers, numbers stored as text in one sheet),
 * read through the xlsx host: what the CLI does with a foreign file.
 */
async function xlsxOf(sheets: Array<LayoutSheet & { numbersAsText?: boolean }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.grid.forEach((row, r) =>
      row.forEach((text, c) => {
        const v = cellOf(text, { numbersAsText: s.numbersAsText });
        if (v !== null) ws.getCell(r + 1, c + 1).value = v as string | number;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(`${columnLetter(m.left)}${m.top + 1}:${columnLetter(m.right)}${m.bottom + 1}`);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reader on an .xlsx file with merged headers (through the xlsx host)', () => {
  it("reads the seed 07 from its merges, a split-code 03 with numbers as text, and Shanghai's 07", async () => {
    const m07 = merged07();
    const g03 = splitCodes(seedGrid('expenditure'));
    const head = g03.findIndex((r) => r[0] === '项目');
    const merges03: RangeRect[] = [{ top: head, left: 0, bottom: head, right: 3 }];
    const sh = interleaved07();
    const shMerges: RangeRect[] = [0, 2, 4, 10].map((c) => ({ top: 3, left: c, bottom: 3, right: c === 4 ? 9 : c + 1 }));
    shMerges.push(...[4, 6, 8].map((c) => ({ top: 4, left: c, bottom: 4, right: c + 1 })));
    const buf = await xlsxOf([
      { name: 'Sheet3', grid: m07.grid, merges: m07.merges },
      { name: '表1', grid: g03, merges: merges03, numbersAsText: true },
      { name: '三公(上海)', grid: sh, merges: shMerges },
    ]);
    const host = await XlsxHost.fromBuffer(buf);
    const snaps = await host.readSheets();
    assert.ok(snaps[0].merges && snaps[0].merges.length >= 10, 'the host reports merges');
    // The two 07 are two copies of one table: read them one at a time.
    const wb = readWorkbook(snaps.slice(0, 2));
    assert.deepEqual(wb.missing.sort(), ['fiscalSummary', 'gpbBasic', 'gpbExpenditure', 'govFund', 'income', 'stateCapital', 'summary'].sort());
    assert.deepEqual(wb.problems, []);
    const t7 = wb.tables.threePublic!;
    assert.deepEqual(amount(t7, 'actual', 'total')!.cell, { sheet: 'Sheet3', address: 'G13' });
    assert.equal(amount(t7, 'actual', 'carOperation')!.value, 92.51);
    const t3 = wb.tables.expenditure!;
    assert.equal(amount(t3, 'total', 'basic')!.value, 335.54);
    assert.equal(amount(t3, 'total', 'basic')!.issue?.kind, 'numericText');
    assert.equal(amount(t3, 'total', 'basic')!.cell.address, 'F11');
    assert.equal(line(t3, '2120199')!.values.project!.value, 50);
    const sh7 = readWorkbook(snaps.slice(2)).tables.threePublic!;
    assert.deepEqual(amount(sh7, 'actual', 'reception')!.cell, { sheet: '三公(上海)', address: 'L7' });
    assert.equal(amount(sh7, 'budget', 'carOperation')!.cell.address, 'I7');
  });
});
