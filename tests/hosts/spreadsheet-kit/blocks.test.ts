import { strict as assert } from 'node:assert';
import type { CellWrite } from '../../../src/core/plan/sheet-plan';
import { cellContent, charsToPoints, planBlocks, styleRects, widthRuns, wouldBeCoerced } from '../../../src/hosts/spreadsheet-kit/blocks';
import { checkBatch } from '../../../src/core/plan/check-batch';
import { parseAreas } from '../../../src/hosts/office/office-host';
import { emptyPlan } from '../../../src/core/plan/sheet-plan';

describe('host write blocks (shared by the Office.js and WPS hosts)', () => {
  it('knows which strings Excel would turn into something else', () => {
    for (const s of ['=SUM(A1)', '+1', '-', '-5', '@x', "'a", '2010301', '1,474.07', '12%', '2021-12-31', '2021/1/1', 'TRUE', 'false', '#REF!', '1/2', '2021年']) {
      assert.equal(wouldBeCoerced(s), true, s);
    }
    for (const s of ['', '收入合计', '公开01表', '一、收入', 'Sheet1', '栏次', '2021年度部门决算', '（一）']) {
      assert.equal(wouldBeCoerced(s), false, s);
    }
  });

  it('writes formulas as formulas, numbers as numbers, coercible text with the quote prefix', () => {
    assert.equal(cellContent({ row: 0, col: 0, formula: 'SUM(A1:A2)' }, undefined), '=SUM(A1:A2)');
    assert.equal(cellContent({ row: 0, col: 0, value: 3.5 }, undefined), 3.5);
    assert.equal(cellContent({ row: 0, col: 0, value: '201' }, undefined), "'201");
    assert.equal(cellContent({ row: 0, col: 0, value: '201' }, { numberFormat: '@' }), '201');
    assert.equal(cellContent({ row: 0, col: 0, value: null }, undefined), '');
    assert.equal(cellContent({ row: 0, col: 0, style: 's' }, undefined), null);
  });

  it('keeps a dense table as one block and splits scattered cells', () => {
    const table: CellWrite[] = [];
    for (let r = 0; r < 30; r++) for (let c = 0; c < 8; c++) table.push({ row: r, col: c, value: r * c });
    assert.equal(planBlocks(table).length, 1);
    const scattered: CellWrite[] = [
      { row: 0, col: 0, value: 1 },
      { row: 0, col: 1, value: 2 },
      { row: 500, col: 3, value: 3 },
      { row: 900, col: 40, value: 4 },
    ];
    const blocks = planBlocks(scattered);
    assert.equal(blocks.length, 3);
    assert.deepEqual(blocks[0].rect, { top: 0, left: 0, bottom: 0, right: 1 });
    // a later write to the same cell wins
    const [b] = planBlocks([
      { row: 0, col: 0, value: 1 },
      { row: 0, col: 0, value: 2 },
    ]);
    assert.equal(b.cells[0][0]!.value, 2);
  });

  it('merges style runs into rectangles', () => {
    const cells: CellWrite[] = [];
    for (let r = 3; r < 6; r++) for (let c = 0; c < 4; c++) cells.push({ row: r, col: c, style: 'head' });
    cells.push({ row: 7, col: 2, style: 'head' });
    assert.deepEqual(styleRects(cells).get('head'), [
      { top: 3, left: 0, bottom: 5, right: 3 },
      { top: 7, left: 2, bottom: 7, right: 2 },
    ]);
  });

  it('converts column widths and groups equal ones', () => {
    assert.equal(charsToPoints(8.43), 48);
    assert.deepEqual(widthRuns([14, 14, 36, 14]), [
      [0, 1, 14],
      [2, 2, 36],
      [3, 3, 14],
    ]);
  });

  it('refuses bad sheet names before writing', () => {
    const err = checkBatch({ create: [emptyPlan('公开[01]表')], update: [] }, [], false);
    assert.match(err!.message, /不允许的字符/);
    assert.match(checkBatch({ create: [emptyPlan('x'.repeat(32))], update: [] }, [], false)!.message, /31/);
    assert.equal(checkBatch({ create: [emptyPlan('公开01表')], update: [] }, [{ name: 'Sheet1', protected: true }], false), null);
  });

  it('reads merged-area addresses, quoted sheet names with commas included', () => {
    assert.deepEqual(parseAreas("'公开01表,副本'!A1:H1,'公开01表,副本'!$A$4:$B$5"), [
      { top: 0, left: 0, bottom: 0, right: 7 },
      { top: 3, left: 0, bottom: 4, right: 1 },
    ]);
    assert.deepEqual(parseAreas('Sheet1!C3'), [{ top: 2, left: 2, bottom: 2, right: 2 }]);
  });
});
