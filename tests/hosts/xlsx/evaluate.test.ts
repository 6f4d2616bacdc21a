import { strict as assert } from 'assert';
import { valueAt } from '../../../src/core/model/snapshot';
import { computeForReading, evaluateFormulas } from '../../../src/hosts/xlsx/evaluate';
import { XlsxHost } from '../../../src/hosts/xlsx/xlsx-host';

/** In-memory evaluation of formulas a program wrote without cached results. */
describe('evaluateFormulas (xlsx host, built-in evaluator)', () => {
  async function book(): Promise<XlsxHost> {
    const host = XlsxHost.create();
    await host.apply({
      create: [
        {
          name: '公开03表',
          styles: {},
          merges: [],
          cells: [
            { row: 0, col: 0, value: '201' },
            { row: 0, col: 1, value: 335.54 },
            { row: 1, col: 0, value: '210' },
            { row: 1, col: 1, value: '1,000.00' },
            { row: 2, col: 0, value: '=B1+B2' },
            { row: 2, col: 1, formula: '=SUM(B1:B2)' },
            { row: 3, col: 1, formula: '=A1+1' },
            { row: 4, col: 1, formula: '=B1/0' },
          ],
        },
        { name: '公开05表', styles: {}, merges: [], cells: [{ row: 0, col: 0, formula: "='公开03表'!B3*2" }] },
      ],
      update: [],
    });
    return XlsxHost.fromBuffer(await host.toBuffer());
  }

  it('computes every uncomputed formula, across quoted Chinese sheet names, and leaves text as text', async () => {
    const host = await book();
    assert.equal(host.uncomputedFormulaCount(), 4);
    const r = evaluateFormulas(host);
    assert.deepEqual(r, { computed: 4, engine: 'built-in', uncomputed: [] });
    assert.equal(host.uncomputedFormulaCount(), 0);
    const [s03, s05] = await host.readSheets();
    // Text "1,000.00" is not a number to SUM, as in Excel.
    assert.equal(valueAt(s03, 2, 1), 335.54);
    assert.equal(valueAt(s05, 0, 0), 671.08);
    // "201" typed as text: text + 1 coerces in Excel and here alike.
    assert.equal(valueAt(s03, 3, 1), 202);
    assert.deepEqual(valueAt(s03, 4, 1), { error: '#DIV/0!' });
    // A formula-looking string stays a string.
    assert.equal(valueAt(s03, 2, 0), '=B1+B2');
  });

  it('leaves formulas outside the subset (and cells reading them) uncomputed, and computeForReading warns with those cells', async () => {
    const x = XlsxHost.create();
    await x.apply({
      create: [
        {
          name: '公开03表',
          styles: {},
          merges: [],
          cells: [
            { row: 0, col: 0, value: 5 },
            { row: 1, col: 0, formula: '=VLOOKUP(A1,C1:D3,2,FALSE)' },
            { row: 2, col: 0, formula: '=A2+1' },
            { row: 3, col: 0, formula: '=SUM(A1,7)' },
          ],
        },
      ],
      update: [],
    });
    const host = await XlsxHost.fromBuffer(await x.toBuffer());
    const { computed, notes } = computeForReading(host);
    assert.equal(computed, 1);
    assert.equal(notes.length, 1);
    assert.equal(notes[0].rule, 'formulas-not-computed');
    assert.equal(notes[0].severity, 'warning');
    assert.deepEqual(notes[0].cells, [
      { sheet: '公开03表', address: 'A2' },
      { sheet: '公开03表', address: 'A3' },
    ]);
    assert.match(notes[0].message, /2 个公式单元格没有计算结果.*VLOOKUP.*Excel 或 WPS 打开并保存/);
    const [s] = await host.readSheets();
    assert.equal(valueAt(s, 3, 0), 12);
    // Unknown, not blank: an uncomputed error naming the formula's own cell (A3 reads A2).
    assert.deepEqual(valueAt(s, 1, 0), { error: '#N/A', uncomputed: '公开03表!A2 =VLOOKUP(A1,C1:D3,2,FALSE)：不支持的函数 VLOOKUP' });
    assert.match((valueAt(s, 2, 0) as { uncomputed: string }).uncomputed, /^引用的单元格 公开03表!A2 未能计算（不支持的函数 VLOOKUP）$/);
    assert.equal(host.uncomputedFormulaCount(), 2);
  });

  it('recomputes every formula when asked (onlyUncomputed = false), cached or not', async () => {
    const host = await book();
    evaluateFormulas(host);
    host.workbook.getWorksheet('公开03表')!.getCell('B1').value = 100;
    assert.equal(evaluateFormulas(host, false)?.computed, 4);
    const [s03, s05] = await host.readSheets();
    assert.equal(valueAt(s03, 2, 1), 100);
    assert.equal(valueAt(s05, 0, 0), 200);
  });

  it('returns null (computes nothing) with JUESUAN_NO_ENGINE=1, and computeForReading warns that nothing was computed', async () => {
    const host = await book();
    const saved = process.env.JUESUAN_NO_ENGINE;
    process.env.JUESUAN_NO_ENGINE = '1';
    try {
      assert.equal(evaluateFormulas(host), null);
      const { computed, notes } = computeForReading(host);
      assert.equal(computed, 0);
      assert.equal(notes.length, 1);
      assert.match(notes[0].message, /^该文件有 4 个公式单元格没有计算结果/);
    } finally {
      if (saved === undefined) delete process.env.JUESUAN_NO_ENGINE;
      else process.env.JUESUAN_NO_ENGINE = saved;
    }
    assert.equal(host.uncomputedFormulaCount(), 4);
    assert.match((valueAt((await host.readSheets())[0], 2, 1) as { uncomputed: string }).uncomputed, /公开03表!B3 的公式没有计算结果/);
  });
});
