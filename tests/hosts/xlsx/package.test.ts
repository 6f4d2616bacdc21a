import { strict as assert } from 'assert';
import JSZip from 'jszip';
import { XlsxHost } from '../../../src/hosts/xlsx/xlsx-host';
import { writeLossless } from '../../../src/hosts/xlsx/package/write';
import { ooxmlString, PackageRefusal, patchSheetXml } from '../../../src/hosts/xlsx/package/sheet-xml';
import { StyleAppender } from '../../../src/hosts/xlsx/package/styles';
import { scanElements } from '../../../src/hosts/xlsx/package/xml';
import { valueAt, formulaAt } from '../../../src/core/model/snapshot';
import type { SheetPlan } from '../../../src/core/plan/sheet-plan';
import { partsOf, wellFormed } from './support/parts';

/**
 * The package writer on hand-made packages (ECMA-376 Part 1 §18, Part 2 OPC): prefixed
 * SpreadsheetML as the .NET Open XML SDK writes it, Strict OOXML, shared formulas.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

async function prefixedPackage(strict = false): Promise<Buffer> {
  const main = strict ? 'http://purl.oclc.org/ooxml/spreadsheetml/main' : MAIN;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml" Id="R1"/></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:r="${R}" xmlns:x="${main}"><x:sheets><x:sheet name="数据" sheetId="1" r:id="R2"/></x:sheets><x:definedNames><x:definedName name="税率">0.13</x:definedName></x:definedNames></x:workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml" Id="R2"/><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml" Id="R3"/></Relationships>',
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="${main}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>42</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
  );
  zip.file(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="utf-8"?><x:styleSheet xmlns:x="${main}"><x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Calibri"/></x:font></x:fonts><x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border/></x:borders><x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></x:cellXfs></x:styleSheet>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

const PLAN: SheetPlan = {
  name: '公开03表',
  styles: { head: { bold: true, border: true, fill: '#DDEBF7', horizontal: 'center' }, num: { numberFormat: '#,##0.00' }, pct: { numberFormat: '0.0000%' } },
  cells: [
    { row: 0, col: 0, value: '支出决算表 & <附注>', style: 'head' },
    { row: 1, col: 0, value: 10, style: 'num' },
    { row: 2, col: 0, value: 20, style: 'num' },
    { row: 3, col: 0, formula: "=SUM(A2:A3)+'数据'!A1", style: 'num' },
    { row: 4, col: 0, value: '=不是公式', style: 'pct' },
  ],
  merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
  columnWidths: [20],
  freeze: { rows: 1, cols: 0 },
  print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, titleRows: [0, 0] },
};

describe('lossless package writer', () => {
  it('adds a sheet to a prefixed (x:) workbook: entries in its own prefix, every other part as it was, readable by ExcelJS', async () => {
    const before = await prefixedPackage();
    const { bytes, changed } = await writeLossless(before, [{ create: [PLAN], update: [] }]);
    assert.ok(bytes);
    const a = await partsOf(before);
    const b = await partsOf(bytes);
    assert.ok(b.get('xl/worksheets/sheet1.xml')!.equals(a.get('xl/worksheets/sheet1.xml')!));
    assert.ok(b.get('_rels/.rels')!.equals(a.get('_rels/.rels')!));
    assert.deepEqual(changed.sort(), ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet2.xml'].sort());
    for (const p of changed) wellFormed(b.get(p)!.toString('utf8'), p);
    const wb = b.get('xl/workbook.xml')!.toString('utf8');
    assert.match(wb, /<x:sheet name="公开03表" sheetId="2" r:id="rId1"\/><\/x:sheets>/);
    assert.match(wb, /<x:definedName name="_xlnm.Print_Titles" localSheetId="1">'公开03表'!\$1:\$1<\/x:definedName>/);
    assert.match(wb, /<x:calcPr fullCalcOnLoad="1"\/><\/x:workbook>$/);
    assert.match(b.get('xl/styles.xml')!.toString('utf8'), /<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0000%"\/><\/x:numFmts><x:fonts count="2">/);
    const host = await XlsxHost.fromBuffer(bytes);
    assert.deepEqual(
      (await host.listSheets()).map((s) => s.name),
      ['数据', '公开03表'],
    );
    const [s] = await host.readSheets(['公开03表']);
    assert.equal(valueAt(s, 0, 0), '支出决算表 & <附注>');
    assert.equal(valueAt(s, 4, 0), '=不是公式');
    assert.equal(formulaAt(s, 3, 0), "=SUM(A2:A3)+'数据'!A1");
    assert.deepEqual(s.merges, [{ top: 0, left: 0, bottom: 0, right: 2 }]);
  });

  it('refuses Strict Open XML, naming it', async () => {
    await assert.rejects(
      writeLossless(await prefixedPackage(true), [{ create: [PLAN], update: [] }]),
      (e: unknown) => e instanceof PackageRefusal && /严格 Open XML/.test(e.message),
    );
  });

  it('writes cells into an existing sheet part: keeps the cell style, inserts in order, refuses a shared-formula head', () => {
    const xml =
      `<worksheet xmlns="${MAIN}"><sheetData><row r="2"><c r="A2" s="3"><v>1</v></c><c r="C2"><v>3</v></c></row>` +
      '<row r="5"><c r="B5"><f t="shared" ref="B5:B7" si="0">A5*2</f><v>2</v></c></row><row r="6"><c r="B6"><f t="shared" si="0"/><v>4</v></c></row></sheetData></worksheet>';
    const out = patchSheetXml(
      xml,
      '表',
      [
        { row: 1, col: 0, formula: '=SUM(B1:B9)', xf: 9 },
        { row: 1, col: 1, value: '新', xf: 9 },
        { row: 0, col: 0, value: 5 },
        { row: 9, col: 3, value: 1 },
      ],
      [{ top: 0, left: 0, bottom: 0, right: 1 }],
    );
    wellFormed(out, 'patched');
    assert.match(
      out,
      /<row r="1"><c r="A1"><v>5<\/v><\/c><\/row><row r="2"><c r="A2" s="3"><f>SUM\(B1:B9\)<\/f><\/c><c r="B2" s="9" t="inlineStr"><is><t>新<\/t><\/is><\/c><c r="C2"><v>3<\/v><\/c><\/row>/,
    );
    assert.match(out, /<row r="10"><c r="D10"><v>1<\/v><\/c><\/row><\/sheetData><mergeCells count="1"><mergeCell ref="A1:B1"\/><\/mergeCells><\/worksheet>$/);
    assert.throws(
      () => patchSheetXml(xml, '表', [{ row: 4, col: 1, value: 1 }], []),
      (e: unknown) => e instanceof PackageRefusal && /共用公式的起点/.test(e.message),
    );
    // A cell inside the shared range (not its head) may be written.
    assert.doesNotThrow(() => patchSheetXml(xml, '表', [{ row: 5, col: 1, value: 1 }], []));
  });

  it('escapes what XML cannot hold as _xHHHH_, and a literal _x0041_ so it stays literal', () => {
    assert.equal(ooxmlString('a\u001Bb'), 'a_x001B_b');
    assert.equal(ooxmlString('_x0041_'), '_x005F_x0041_');
    assert.equal(ooxmlString('<&>'), '&lt;&amp;&gt;');
    assert.equal(ooxmlString('\uD800'), '_xD800_');
  });

  it('reuses a style it appended before instead of appending it again', () => {
    const styles = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;
    const first = new StyleAppender(styles);
    const i = first.xf({ bold: true, border: true, numberFormat: '#,##0.00' });
    const once = first.result();
    const second = new StyleAppender(once);
    assert.equal(second.xf({ bold: true, border: true, numberFormat: '#,##0.00' }), i);
    assert.equal(second.changed, false);
    assert.equal(scanElements(once).filter((e) => e.local === 'xf').length, 2);
  });
});
