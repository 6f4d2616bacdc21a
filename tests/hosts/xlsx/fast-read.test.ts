import { strict as assert } from 'assert';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { variants } from '../../../bench/cli-workbooks';
import { fastFromBuffer, NotFast, readPackage } from '../../../src/hosts/xlsx/fast-read';
import { XlsxHost } from '../../../src/hosts/xlsx/xlsx-host';

/**
 * The fast read-only reader used by `juesuan check` must see exactly what XlsxHost
 * (ExcelJS) sees: the same sheets, cells, values, formula texts, merges, protection and
 * visibility — on packages written by ExcelJS, on a hand-made package in the shape
 * Excel writes (ECMA-376 Part 1: shared strings §18.4, shared formulas §18.3.1.40,
 * inline strings, _xHHHH_ escapes §22.9.2.19), and on random grids. Where it cannot be
 * sure, it must decline (null) so that the full reader decides.
 */

async function same(buf: Buffer): Promise<void> {
  const fast = fastFromBuffer(buf);
  assert.ok(fast, 'the fast reader takes this package');
  const full = await XlsxHost.fromBuffer(buf);
  assert.deepEqual(await fast.listSheets(), await full.listSheets());
  assert.deepEqual(await fast.readSheets(), await full.readSheets());
  assert.equal(await fast.isStructureProtected(), await full.isStructureProtected());
}

const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><workbookProtection lockStructure="1"/><bookViews><workbookView/></bookViews><sheets><sheet name="公开01表 &amp; 说明" sheetId="1" r:id="rId1"/><sheet name="隐藏" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5"><si><t>项目</t></si><si><r><rPr><b/></rPr><t>基本</t></r><r><t xml:space="preserve">支出 </t></r></si><si><t>行1_x000D_行2 &lt;注&gt;</t></si><si><t/></si><si><t>合计</t><rPh sb="0" eb="2"><t>ごうけい</t></rPh></si></sst>`;
const SHEET1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:E6"/><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="3"/></row>
<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1.5</v></c><c r="C2"><v>2.25</v></c><c r="D2"><f t="shared" ref="D2:D4" si="0">B2+C2</f><v>3.75</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>内联</t></is></c><c r="B3"><v>10</v></c><c r="C3"><v>-4</v></c><c r="D3"><f t="shared" si="0"/><v>6</v></c><c r="E3" t="b"><v>1</v></c></row>
<row r="4"><c r="A4" t="s"><v>4</v></c><c r="B4"><v>0.1</v></c><c r="C4"><v>0.2</v></c><c r="D4"><f t="shared" si="0"/><v>0.30000000000000004</v></c><c r="E4" t="e"><v>#N/A</v></c></row>
<row r="5"><c r="A5" t="str"><f>"合"&amp;"计"</f><v>合计</v></c><c r="B5"><f>SUM($B$2:B4)</f><v>11.6</v></c><c r="C5" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D5" t="s"><v>3</v></c></row>
<row r="6"><c r="B6"><v>7</v></c><c r="C6" t="s"><v>0</v></c></row>
</sheetData><sheetProtection sheet="1" objects="1"/><mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="B6:C6"/></mergeCells></worksheet>`;
const SHEET2 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`;

async function handMade(parts: Record<string, string> = {}): Promise<Buffer> {
  const zip = new JSZip();
  const all: Record<string, string> = {
    '[Content_Types].xml': CT,
    '_rels/.rels': ROOT_RELS,
    'xl/workbook.xml': WB,
    'xl/_rels/workbook.xml.rels': WB_RELS,
    'xl/sharedStrings.xml': SST,
    'xl/worksheets/sheet1.xml': SHEET1,
    'xl/worksheets/sheet2.xml': SHEET2,
    ...parts,
  };
  for (const [name, text] of Object.entries(all)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('xlsx fast reader (read-only, for check)', function () {
  this.timeout(60_000);

  it('reads the bench workbooks (real layouts, saved with results, with and without a 情况说明 sheet) as XlsxHost does', async () => {
    for (const buf of await variants()) await same(buf);
  });

  it('reads a package in the shape Excel writes as XlsxHost does: shared strings, rich text, phonetic runs, _x000D_, inline strings, shared formulas, errors, booleans, merges, protection, hidden sheet', async () => {
    const buf = await handMade();
    await same(buf);
    const fast = fastFromBuffer(buf);
    assert.ok(fast);
    const [s1, s2] = await fast.readSheets();
    assert.equal(s1.name, '公开01表 & 说明');
    assert.equal(s1.protected, true);
    assert.equal(s2.hidden, true);
    // The shared formula is slid to each cell, relative references only.
    assert.equal(s1.formulas?.[2][3], '=B3+C3');
    assert.equal(s1.formulas?.[4][1], '=SUM($B$2:B4)');
    assert.equal(s1.values[1][0], null, 'A2 is covered by the merge A1:A2');
    assert.equal(s1.values[0][1], '基本支出 ');
    assert.equal(s1.values[3][0], '合计', 'the phonetic run is not part of the text');
    assert.equal(await fast.isStructureProtected(), true);
  });

  it('declines what it cannot be sure of, so that the full reader decides', async () => {
    // A formula without a saved result (a file written by a program): evaluated on the ExcelJS path.
    const uncomputed = await handMade({ 'xl/worksheets/sheet2.xml': SHEET2.replace('<sheetData/>', '<sheetData><row r="1"><c r="A1"><f>1+1</f></c></row></sheetData>') });
    assert.equal(fastFromBuffer(uncomputed), null);
    assert.throws(() => readPackage(Buffer.from('这不是工作簿')), NotFast);
    assert.equal(fastFromBuffer(Buffer.alloc(0)), null);
    // Prefixed elements (some generators write <x:sheetData>).
    const prefixed = await handMade({ 'xl/worksheets/sheet2.xml': SHEET2.replace('<sheetData/>', '<x:sheetData xmlns:x="urn:x"/>') });
    assert.equal(fastFromBuffer(prefixed), null);
    // A cell without its reference (ExcelJS cannot read it either).
    const noRef = await handMade({ 'xl/worksheets/sheet2.xml': SHEET2.replace('<sheetData/>', '<sheetData><row r="1"><c><v>7</v></c></row></sheetData>') });
    assert.equal(fastFromBuffer(noRef), null);
    // A stray value far from the rest (XFD1048576): the full reader bounds the snapshot.
    const far = await handMade({
      'xl/worksheets/sheet2.xml': SHEET2.replace(
        '<sheetData/>',
        '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>',
      ),
    });
    assert.equal(fastFromBuffer(far), null);
    // A Word document renamed .xlsx.
    const docx = new JSZip();
    docx.file('word/document.xml', '<w:document/>');
    assert.equal(fastFromBuffer(await docx.generateAsync({ type: 'nodebuffer' })), null);
  });

  it('reads random grids written by ExcelJS as XlsxHost does (fast-check, seeded)', async () => {
    const text = fc.string({ unit: fc.constantFrom('公', '开', '表', 'a', ' ', '&', '<', '"', "'", '_x000D_', '1', '\n'), maxLength: 8 });
    const cell = fc.oneof(
      fc.constant(null),
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.integer({ min: -1000, max: 1000 }),
      fc.boolean(),
      text,
      // Saved results are never empty here: an empty one is the evaluator's case (declined above).
      fc.record({
        formula: fc.constantFrom('A1+1', 'SUM(A1:B2)', '"x"', '1/0'),
        result: fc.oneof(
          fc.integer(),
          text.filter((t) => t !== ''),
        ),
      }),
    );
    const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(grid, fc.boolean(), async (rows, merge) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('公开02表');
        rows.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== null) ws.getCell(r + 2, c + 2).value = v;
          }),
        );
        if (merge) ws.mergeCells(2, 2, 3, 3);
        wb.addWorksheet('空表');
        const buf = Buffer.from(await wb.xlsx.writeBuffer());
        await same(buf);
      }),
      { seed: 20261205, numRuns: 60 },
    );
  });
});
