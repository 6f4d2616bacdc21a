import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { deriveLastYear } from '../../../src/core/last-year';
import { readWorkbook } from '../../../src/core/reader';
import { readXlsx } from '../../../src/taskpane/last-year/xlsx-read';
import { computeForReading } from '../../../src/hosts/xlsx/evaluate';
import { XlsxHost } from '../../../src/hosts/xlsx/xlsx-host';
import { seedModel } from '../../core/figures/seed-model';
import { lastYearPlans, lastYearSnapshots } from '../../core/last-year/last-year-book';

/**
 * The task pane's .xlsx reader (导入上年报表, the lazily loaded chunk) on real files:
 * last year's report saved by ExcelJS without cached values (computed by the core's
 * evaluator) and with them (used as saved), and a hand-made package with the cell
 * types of ECMA-376 Part 1 §18.18.11 (ST_CellType), rich and phonetic shared strings,
 * entities, merged and hidden sheets.
 */

const IDS = ['summary.total', 'fiscal.total', 'gpb.total', 'gpb.basic', 'threePublic.carOperation', 'gpb.class.210', 'gpb.item.2019999', 'basic.public'];

describe('task pane: readXlsx (上年报表 read in the pane)', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;
  let expected: Record<string, number | undefined>;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-xlsx-read-'));
    file = path.join(dir, '2020.xlsx');
    const host = XlsxHost.create();
    await host.apply({ create: lastYearPlans(), update: [] });
    await host.save(file);
    const d = deriveLastYear(readWorkbook(await lastYearSnapshots()), { current: seedModel() });
    expected = Object.fromEntries(IDS.map((id) => [id, d.get(id)?.value]));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('formulas saved without values are computed: the same figures as HyperFormula gives', async () => {
    const r = await readXlsx(fs.readFileSync(file), '2020.xlsx');
    assert.equal(r.uncomputed, 0);
    const d = deriveLastYear(readWorkbook(r.snapshots), { current: seedModel() });
    for (const id of IDS) assert.equal(d.get(id)?.value, expected[id], id);
    assert.ok(expected['summary.total'] === 1764.99);
  });

  it('values cached in the file are used as saved (as Excel and WPS save them)', async () => {
    const host = await XlsxHost.open(file);
    computeForReading(host);
    // A cached result that differs from what the formula would give shows which is read.
    const ws = host.workbook.getWorksheet('公开01表')!;
    const cell = ws.getCell('B36');
    const v = cell.value as { formula: string; result: number };
    assert.ok(v.formula, 'B36 holds the 总计 formula');
    cell.value = { formula: v.formula, result: 1111.11 };
    const cached = path.join(dir, 'cached.xlsx');
    await host.save(cached);
    const r = await readXlsx(fs.readFileSync(cached));
    const d = deriveLastYear(readWorkbook(r.snapshots), { current: seedModel() });
    assert.equal(d.get('summary.total')?.value, 1111.11);
    assert.equal(d.get('gpb.total')?.value, expected['gpb.total']);
    const s01 = r.snapshots.find((s) => s.name === '公开01表')!;
    assert.equal(s01.formulas?.[35 - s01.top]?.[1 - s01.left], `=${v.formula}`);
  });

  it('reads every cell type, rich and phonetic strings, entities, merges and hidden sheets', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file(
      'xl/workbook.xml',
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        '<sheet name="上年 &amp; 本年" sheetId="1" r:id="rId1"/><sheet name="隐藏" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>',
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
    );
    zip.file(
      'xl/sharedStrings.xml',
      '<sst><si><t>收入支出决算总表</t></si><si><r><t>公开</t></r><r><t xml:space="preserve">01表</t></r><rPh sb="0" eb="1"><t>ゴウカイ</t></rPh></si><si/></sst>',
    );
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<worksheet><sheetData>' +
        '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c></row>' +
        '<row r="3"><c r="B3" t="inlineStr"><is><t>部门：&lt;某单位&gt;</t></is></c><c r="C3"><v>1474.07</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#REF!</v></c>' +
        '<c r="F3"><f>C3*2</f></c><c r="G3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="H3" s="1"/></row>' +
        '</sheetData><mergeCells count="1"><mergeCell ref="B2:D2"/></mergeCells></worksheet>',
    );
    zip.file('xl/worksheets/sheet2.xml', '<worksheet><sheetData><row r="1"><c r="A1"><v>5</v></c></row></sheetData></worksheet>');
    const r = await readXlsx(await zip.generateAsync({ type: 'uint8array' }));
    const [a, b] = r.snapshots;
    assert.equal(a.name, '上年 & 本年');
    assert.equal(a.top, 1);
    assert.equal(a.left, 1);
    assert.deepEqual(a.values, [
      ['收入支出决算总表', '公开01表'],
      ['部门：<某单位>', 1474.07, true, { error: '#REF!' }, 2948.14, 'ab'],
    ]);
    assert.deepEqual(a.merges, [{ top: 1, left: 1, bottom: 1, right: 3 }]);
    assert.equal(a.hidden, false);
    assert.equal(b.hidden, true);
    assert.deepEqual(b.values, [[5]]);
    assert.equal(r.uncomputed, 0);
  });

  it('a file that is not an .xlsx gets a Chinese message naming it', async () => {
    await assert.rejects(readXlsx(Buffer.from('not a zip'), '2020.xls'), /无法读取“2020\.xls”：不是 \.xlsx 格式的工作簿/);
  });
});
