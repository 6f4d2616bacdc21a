import { strict as assert } from 'node:assert';
import { parseA1 } from '../../../src/core/cells';
import {
  classifiedFormulas,
  fiscalSummaryFormulas,
  gpbBasicFormulas,
  linkFormulas,
  refList,
  summaryFormulas,
  tableFormulas,
  threePublicFormulas,
} from '../../../src/core/formulas';
import { modelTable, modelWorkbook } from '../../../src/core/model/build';
import type { TableModel } from '../../../src/core/model/tables';
import type { CellWrite } from '../../../src/core/plan/sheet-plan';
import { MemoryHost } from '../../../src/hosts/memory/memory-host';
import { evaluate } from '../../support/hyperformula';

const at = (ws: CellWrite[], address: string) => {
  const { row, col } = parseA1(address);
  return ws.find((w) => w.row === row && w.col === col)?.formula;
};

/** Put a model's typed figures and the formulas into a memory sheet and evaluate. */
function evaluateModel(models: TableModel[], formulas: Array<CellWrite & { sheet?: string }>) {
  const host = new MemoryHost();
  for (const t of models) {
    host.addSheet(t.sheet);
    for (const l of t.lines) for (const a of Object.values(l.values)) if (a && !a.blank) host.setCell(t.sheet, a.cell.address, a.value);
  }
  for (const f of formulas) {
    const sheet = f.sheet ?? models[0].sheet;
    const s = host.sheet(sheet)!;
    s.cells.set(`${f.row},${f.col}`, { value: null, formula: f.formula });
  }
  return evaluate(host);
}

describe('formula builders', () => {
  it('compresses contiguous cells into ranges', () => {
    assert.deepEqual(
      refList([
        { row: 7, col: 2 },
        { row: 8, col: 2 },
        { row: 9, col: 2 },
        { row: 11, col: 2 },
      ]),
      ['C8:C10', 'C12'],
    );
    assert.deepEqual(
      refList([
        { row: 7, col: 3 },
        { row: 7, col: 4 },
        { row: 7, col: 6 },
      ]),
      ['D8:E8', 'G8'],
    );
    assert.deepEqual(refList([{ row: 0, col: 0 }], "'公开03表'!"), ["'公开03表'!A1"]);
  });

  it('classified (a sheet read from others): 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, row totals on leaf rows only', () => {
    // Lines in sheet order: 合计, 201, 20103, 2010301, 2010302, 20199, 2019999, 210 (no 款, one 项), 2100410, 229 (typed, no children)
    const t = modelTable('expenditure', [
      ['total', { total: null, basic: null, project: null }],
      ['201', { total: null, basic: null, project: null }],
      ['20103', { total: null, basic: null, project: null }],
      ['2010301', { total: null, basic: 335.54, project: null }],
      ['2010302', { total: null, basic: null, project: 634.31 }],
      ['20199', { total: null, basic: null, project: null }],
      ['2019999', { total: null, basic: null, project: 4.52 }],
      ['210', { total: null, basic: null, project: null }],
      ['2100410', { total: null, basic: null, project: 100 }],
      ['229', { total: null, basic: null, project: 67.54 }],
    ]);
    // modelTable: rows from 6 (0-based 5), columns total C, basic D, project E
    const ws = classifiedFormulas(t);
    assert.equal(at(ws, 'C6'), '=SUM(C7,C13,C15)'); // 合计 = the 类 rows
    assert.equal(at(ws, 'D7'), '=SUM(D8,D11)'); // 201 = its 款
    assert.equal(at(ws, 'E8'), '=SUM(E9:E10)'); // 20103 = its 项
    assert.equal(at(ws, 'C13'), '=SUM(C14)'); // 210 without 款 sums its 项
    assert.equal(at(ws, 'C9'), '=SUM(D9:E9)'); // 项 row total
    assert.equal(at(ws, 'C15'), '=SUM(D15:E15)'); // a 类 without children: row total only
    // never a formula in a typed cell
    for (const address of ['D9', 'E10', 'E12', 'E14', 'E15']) assert.equal(at(ws, address), undefined, address);
    const ev = evaluateModel([t], ws);
    assert.equal(Math.round(ev.num('公开03表', 'C6') * 100) / 100, 1141.91);
    assert.equal(Math.round(ev.num('公开03表', 'E6') * 100) / 100, 806.37);
    assert.equal(ev.num('公开03表', 'D7'), 335.54);
  });

  it('02 row totals take whichever source columns the sheet has', () => {
    const t = modelTable('income', [
      ['total', { total: null, fiscal: null, other: null }],
      ['2010301', { total: null, fiscal: 1, other: 2 }],
    ]);
    const ws = classifiedFormulas(t);
    assert.equal(at(ws, 'C7'), '=SUM(D7:E7)');
    assert.equal(at(ws, 'D6'), '=SUM(D7)');
  });

  it('01 and 04 totals', () => {
    const t01 = modelTable('summary', [
      ['inc.gpb', { amount: 100 }],
      ['inc.other', { amount: 5 }],
      ['inc.total', { amount: null }],
      ['inc.useNonFiscalBalance', { amount: 1 }],
      ['inc.opening', { amount: 2 }],
      ['inc.grandTotal', { amount: null }],
      { id: '201', side: 'expense', values: { amount: 90 } },
      { id: '229', side: 'expense', values: { amount: 15 } },
      ['exp.total', { amount: null }],
      ['exp.balanceDistribution', { amount: null }],
      ['exp.closing', { amount: 3 }],
      ['exp.grandTotal', { amount: null }],
    ]);
    const ws = summaryFormulas(t01);
    assert.equal(at(ws, 'C8'), '=SUM(C6:C7)');
    assert.equal(at(ws, 'C11'), '=SUM(C8:C10)');
    assert.equal(at(ws, 'C14'), '=SUM(C12:C13)');
    assert.equal(at(ws, 'C17'), '=SUM(C14:C16)');
    const ev = evaluateModel([t01], ws);
    assert.equal(ev.num('公开01表', 'C11'), 108);
    assert.equal(ev.num('公开01表', 'C17'), 108);

    const t04 = modelTable('fiscalSummary', [
      ['inc.gpb', { amount: 100 }],
      ['inc.total', { amount: null }],
      ['inc.opening', { amount: null }],
      ['inc.opening.gpb', { amount: 7 }],
      ['inc.opening.govFund', { amount: 1 }],
      ['inc.grandTotal', { amount: null }],
      { id: '201', side: 'expense', values: { total: null, gpb: 95, govFund: 3, stateCapital: null } },
      ['exp.total', { total: null, gpb: null, govFund: null, stateCapital: null }],
      ['exp.closing', { total: null, gpb: 9, govFund: 1, stateCapital: null }],
      ['exp.grandTotal', { total: null, gpb: null, govFund: null, stateCapital: null }],
    ]);
    const w4 = fiscalSummaryFormulas(t04);
    const ev4 = evaluateModel([t04], w4);
    // columns: amount C, total D, gpb E, govFund F, stateCapital G; rows 6..15
    assert.equal(ev4.num('公开04表', 'C7'), 100);
    assert.equal(ev4.num('公开04表', 'C8'), 8);
    assert.equal(ev4.num('公开04表', 'C11'), 108);
    assert.equal(ev4.num('公开04表', 'D12'), 98);
    assert.equal(ev4.num('公开04表', 'D13'), 98);
    assert.equal(ev4.num('公开04表', 'D14'), 10);
    assert.equal(ev4.num('公开04表', 'D15'), 108);
    assert.equal(ev4.num('公开04表', 'E15'), 104);
    assert.equal(at(w4, 'E12'), undefined);
  });

  it('06 classes and footers use whichever classes the sheet has', () => {
    const t = modelTable('gpbBasic', [
      ['301', { amount: null }],
      ['30101', { amount: 10 }],
      ['30102', { amount: 5 }],
      ['302', { amount: null }],
      ['30201', { amount: 2 }],
      ['310', { amount: null }],
      ['31002', { amount: 1 }],
      ['personnelTotal', { amount: null }],
      ['publicTotal', { amount: null }],
    ]);
    const ws = gpbBasicFormulas(t);
    const ev = evaluateModel([t], ws);
    assert.equal(ev.num('公开06表', 'C13'), 15);
    assert.equal(ev.num('公开06表', 'C14'), 3);
    assert.equal(at(ws, 'C7'), undefined);
  });

  it('07 合计 and 小计 for both blocks, located by each amount cell', () => {
    const t = modelTable('threePublic', [['budget', { total: null, abroad: 1, carTotal: null, carPurchase: 2, carOperation: 3, reception: 4 }]]);
    // a second block in other columns of the same row (as in the seed)
    const actual = { ...t.lines[0], id: 'actual', values: {} as (typeof t.lines)[0]['values'] };
    const cols = ['total', 'abroad', 'carTotal', 'carPurchase', 'carOperation', 'reception'];
    const figures: Record<string, number | null> = { total: null, abroad: 0, carTotal: null, carPurchase: 0, carOperation: 92.51, reception: 0 };
    cols.forEach((c, i) => {
      const v = figures[c];
      actual.values[c] = { value: v ?? 0, blank: v === null, cell: { sheet: t.sheet, address: `${String.fromCharCode(73 + i)}6` } };
    });
    t.lines.push(actual);
    const ws = threePublicFormulas(t);
    const ev = evaluateModel([t], ws);
    assert.equal(ev.num('公开07表', 'C6'), 10);
    assert.equal(ev.num('公开07表', 'E6'), 5);
    assert.equal(ev.num('公开07表', 'I6'), 92.51);
    assert.equal(at(ws, 'I6'), '=SUM(J6:K6,N6)');
  });

  it('links across sheets with quoted sheet names, only where both ends exist', () => {
    const t03 = modelTable(
      'expenditure',
      [
        ['total', { total: null }],
        ['201', { total: 10 }],
      ],
      { sheet: '支出 表' },
    );
    const t02 = modelTable('income', [['total', { total: null, other: 4 }]]);
    const t01 = modelTable('summary', [
      ['inc.other', { amount: null }],
      { id: '201', side: 'expense', values: { amount: null } },
      { id: '205', side: 'expense', values: { amount: null } },
    ]);
    const links = linkFormulas(modelWorkbook(t01, t02, t03));
    assert.deepEqual(
      links.map((l) => `${l.sheet}!${l.row},${l.col} ${l.formula}`),
      ["公开01表!6,2 ='支出 表'!C7", "公开01表!5,2 ='公开02表'!D6"],
    );
    const all = [...tableFormulas(t03).map((w) => ({ ...w, sheet: t03.sheet })), ...links];
    const ev = evaluateModel([t01, t02, t03], all);
    assert.equal(ev.num('公开01表', 'C7'), 10);
    assert.equal(ev.num('公开01表', 'C6'), 4);
  });
});

describe('formula builders: rows whose parent row is missing', () => {
  it('a 项 without its 款 row is summed into its 类; a 款 without its 类 into 合计', () => {
    const t = modelTable('gpbExpenditure', [
      ['total', { total: null, basic: null, project: null }],
      ['201', { total: null, basic: null, project: null }],
      ['20103', { total: null, basic: null, project: null }],
      ['2010301', { total: null, basic: 1, project: null }],
      ['2019999', { total: null, basic: null, project: 2 }], // no 20199 row
      ['21004', { total: null, basic: null, project: null }], // no 210 row
      ['2100410', { total: null, basic: null, project: 4 }],
    ]);
    const ws = classifiedFormulas(t);
    assert.equal(at(ws, 'C7'), '=SUM(C8,C10)'); // 201 = 20103 + the orphan 2019999
    assert.equal(at(ws, 'C6'), '=SUM(C7,C11)'); // 合计 = 201 + the orphan 21004
    const ev = evaluateModel([t], ws);
    assert.equal(ev.num('公开05表', 'C6'), 7);
  });
});
