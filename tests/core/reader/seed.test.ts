import { strict as assert } from 'assert';
import { TABLE_KEYS, amount, line, type TableModel, type WorkbookModel } from '../../../src/core/model/tables';
import { readWorkbook } from '../../../src/core/reader';
import { SEED_UNIT, seedSnapshots } from '../../fixtures/seed-2021';

function at(t: TableModel | undefined, id: string, col: string): { value: number; address: string; sheet: string } {
  const a = amount(t, id, col);
  assert.ok(a, `${t?.key}: ${id}.${col} not read`);
  return { value: a.value, address: a.cell.address, sheet: a.cell.sheet };
}

describe('reader on the seed report (2021, 株洲市石峰区机关事务服务中心)', () => {
  let wb: WorkbookModel;
  before(() => {
    wb = readWorkbook(seedSnapshots());
  });

  it('finds all nine tables, on their sheets, in the 2021 order', () => {
    assert.deepEqual(wb.missing, []);
    for (const k of TABLE_KEYS) assert.ok(wb.tables[k], k);
    assert.equal(wb.edition, '2021');
    assert.equal(wb.tables.summary!.number, '01');
    assert.equal(wb.tables.fiscalSummary!.number, '04', '"公 开 04 表" is read');
    assert.equal(wb.tables.threePublic!.number, '07');
    assert.equal(wb.tables.govFund!.number, '08');
    assert.equal(wb.tables.stateCapital!.number, undefined, 'the seed prints no 公开09表');
    assert.equal(wb.tables.expenditure!.sheet, '公开03表');
  });

  it('reads 01 both sides, with the class codes and the income line ids', () => {
    const t = wb.tables.summary!;
    assert.deepEqual(at(t, 'inc.gpb', 'amount'), { value: 1406.53, address: 'C6', sheet: '公开01表' });
    assert.deepEqual(at(t, 'inc.other', 'amount'), { value: 67.54, address: 'C13', sheet: '公开01表' });
    assert.deepEqual(at(t, 'inc.total', 'amount'), { value: 1474.07, address: 'C32', sheet: '公开01表' });
    assert.equal(at(t, 'inc.grandTotal', 'amount').value, 1474.07);
    assert.equal(at(t, 'exp.grandTotal', 'amount').address, 'F36');
    assert.deepEqual(at(t, '201', 'amount'), { value: 1256.53, address: 'F6', sheet: '公开01表' });
    assert.deepEqual(at(t, '229', 'amount'), { value: 67.54, address: 'F28', sheet: '公开01表' });
    assert.equal(at(t, 'exp.total', 'amount').value, 1474.07);
    const l201 = line(t, '201')!;
    assert.equal(l201.code, '201');
    assert.equal(l201.level, 'class');
    assert.equal(l201.side, 'expense');
    assert.equal(l201.label, '一、一般公共服务支出');
    assert.equal(line(t, 'inc.gpb')!.side, 'income');
    const classes = t.lines.filter((l) => l.level === 'class').map((l) => l.id);
    assert.equal(classes.length, 26);
    for (const id of ['inc.useNonFiscalBalance', 'inc.opening', 'exp.balanceDistribution', 'exp.closing']) {
      assert.ok(line(t, id), id);
      assert.equal(amount(t, id, 'amount')!.blank, true);
    }
    assert.deepEqual(t.columns, { amount: 2, 'exp.amount': 5 });
    assert.equal(t.moneyUnit, '万元', '金额单位 after the table is found');
    assert.equal(t.notes.length, 2);
    assert.match(t.notes[1], /尾数误差/);
  });

  it('reads 02 by code, realigning its header printed one column right of the data', () => {
    const t = wb.tables.income!;
    assert.deepEqual(at(t, 'total', 'total'), { value: 1474.07, address: 'C8', sheet: '公开02表' });
    assert.deepEqual(at(t, 'total', 'fiscal'), { value: 1406.53, address: 'D8', sheet: '公开02表' });
    assert.deepEqual(at(t, 'total', 'other'), { value: 67.54, address: 'I8', sheet: '公开02表' });
    assert.equal(at(t, '2299999', 'other').value, 67.54);
    assert.equal(line(t, '20103')!.level, 'section');
    assert.equal(line(t, '2010301')!.level, 'item');
    assert.equal(t.lines.length, 17);
    assert.equal(t.unit, SEED_UNIT);
    assert.deepEqual(t.notes, ['注：本表反映部门本年度取得的各项收入情况。']);
  });

  it("reads 03: the 合计 row's 基本支出 335.54 at D11", () => {
    const t = wb.tables.expenditure!;
    assert.deepEqual(at(t, 'total', 'basic'), { value: 335.54, address: 'D11', sheet: '公开03表' });
    assert.deepEqual(at(t, 'total', 'total'), { value: 1474.07, address: 'C11', sheet: '公开03表' });
    assert.deepEqual(at(t, 'total', 'project'), { value: 1138.54, address: 'E11', sheet: '公开03表' });
    assert.deepEqual(at(t, '2010301', 'basic'), { value: 335.54, address: 'D14', sheet: '公开03表' });
    assert.equal(amount(t, '2010301', 'project')!.blank, true);
    assert.deepEqual(Object.keys(t.columns), ['total', 'basic', 'project', 'toSuperior', 'operating', 'toAffiliated']);
    assert.equal(line(t, 'total')!.label, '合计');
  });

  it('reads 04, including the rows the seed prints shifted one column left, and says so', () => {
    const t = wb.tables.fiscalSummary!;
    assert.deepEqual(at(t, 'inc.gpb', 'amount'), { value: 1406.53, address: 'C12', sheet: '公开04表' });
    assert.deepEqual(at(t, '201', 'gpb'), { value: 1256.53, address: 'G12', sheet: '公开04表' });
    assert.deepEqual(at(t, 'exp.total', 'total'), { value: 1406.53, address: 'F39', sheet: '公开04表' });
    assert.equal(at(t, 'inc.grandTotal', 'amount').value, 1406.53);
    // 二十三、其他支出 sits in C35 with its 行次 in D35: read from the shifted cells.
    const other = line(t, '229')!;
    assert.equal(other.row, 34);
    assert.equal(other.values.total!.cell.address, 'E35');
    assert.ok(line(t, 'exp.closing'));
    assert.ok(line(t, 'inc.opening.gpb'));
    assert.ok(line(t, 'exp.closing.stateCapital'));
    const p = wb.problems.filter((x) => x.table === 'fiscalSummary');
    assert.equal(p.length, 1);
    assert.match(p[0].message, /公开04表.*第 35、36、37、38、40、41、42、43 行.*错位/);
    assert.equal(p[0].cells[0].address, 'C35');
    assert.deepEqual(t.columns, { amount: 2, total: 5, gpb: 6, govFund: 7, stateCapital: 8 });
  });

  it('reads 05 and 06 (three groups, footers whose values sit one row below)', () => {
    const t5 = wb.tables.gpbExpenditure!;
    assert.deepEqual(at(t5, 'total', 'basic'), { value: 335.54, address: 'D12', sheet: '公开05表' });
    assert.equal(at(t5, 'total', 'total').value, 1406.53);
    const t6 = wb.tables.gpbBasic!;
    assert.deepEqual(at(t6, '301', 'amount'), { value: 248.39, address: 'C11', sheet: '公开06表' });
    assert.deepEqual(at(t6, '302', 'amount'), { value: 56.7, address: 'F11', sheet: '公开06表' });
    assert.deepEqual(at(t6, '30231', 'amount'), { value: 13.65, address: 'F35', sheet: '公开06表' });
    assert.deepEqual(at(t6, 'personnelTotal', 'amount'), { value: 278.84, address: 'C40', sheet: '公开06表' });
    assert.deepEqual(at(t6, 'publicTotal', 'amount'), { value: 56.7, address: 'I40', sheet: '公开06表' });
    assert.equal(line(t6, '31001')!.label, '房屋建筑物购建');
    assert.equal(line(t6, '399')!.level, 'class');
    assert.equal(t6.lines.filter((l) => l.code).length, 80);
  });

  it('reads 07: 预算数 block then 决算数 block, even with the 决算数 header printed past the data', () => {
    const t = wb.tables.threePublic!;
    assert.deepEqual(at(t, 'budget', 'total'), { value: 95, address: 'A13', sheet: '公开07表' });
    assert.deepEqual(at(t, 'actual', 'total'), { value: 92.51, address: 'G13', sheet: '公开07表' });
    assert.deepEqual(at(t, 'actual', 'carOperation'), { value: 92.51, address: 'K13', sheet: '公开07表' });
    assert.deepEqual(at(t, 'actual', 'carTotal'), { value: 92.51, address: 'I13', sheet: '公开07表' });
    assert.equal(amount(t, 'actual', 'reception')!.cell.address, 'L13');
    assert.equal(amount(t, 'actual', 'abroad')!.blank, true);
    assert.equal(t.columns.total, 6);
    assert.equal(t.columns['budget.total'], 0);
  });

  it('reads the empty 08 and 09 with their 无数据 notes', () => {
    for (const k of ['govFund', 'stateCapital'] as const) {
      const t = wb.tables[k]!;
      assert.deepEqual(
        t.lines.map((l) => l.id),
        ['total'],
      );
      assert.ok(Object.values(line(t, 'total')!.values).every((a) => a!.blank));
      assert.ok(
        t.notes.some((n) => /无数据/.test(n)),
        k,
      );
    }
    assert.deepEqual(Object.keys(wb.tables.govFund!.columns), ['opening', 'income', 'total', 'basic', 'project', 'closing']);
    assert.equal(wb.tables.govFund!.moneyUnit, '万元', '"单位：万元"');
  });

  it('reads the same figures whatever the sheet names, order and position of the used range', () => {
    for (const naming of ['titles', 'generic', 'tableN'] as const) {
      const w = readWorkbook(seedSnapshots({ sheetNames: naming, reverse: true, top: 2, left: 1 }));
      assert.deepEqual(w.missing, [], naming);
      const a = amount(w.tables.expenditure, 'total', 'basic')!;
      assert.equal(a.value, 335.54);
      assert.equal(a.cell.address, 'E13', 'shifted by the used range offset');
      assert.equal(amount(w.tables.threePublic, 'actual', 'total')!.value, 92.51);
    }
  });

  it('reads numbers stored as text ("1,474.07") and flags them numericText without problems', () => {
    const w = readWorkbook(seedSnapshots({ numbersAsText: true }));
    assert.deepEqual(w.missing, []);
    const a = amount(w.tables.summary, 'inc.total', 'amount')!;
    assert.equal(a.value, 1474.07);
    assert.deepEqual(a.issue, { kind: 'numericText', raw: '1,474.07' });
    assert.equal(amount(w.tables.gpbBasic, 'publicTotal', 'amount')!.value, 56.7);
    assert.equal(line(w.tables.income, '2010301')!.values.total!.value, 335.54);
    assert.equal(w.problems.filter((p) => p.table !== 'fiscalSummary').length, 0);
  });

  it('reads codes stored as text', () => {
    const w = readWorkbook(seedSnapshots({ codesAsText: true }));
    assert.equal(w.tables.expenditure!.lines.length, 17);
    assert.equal(amount(w.tables.gpbBasic, '30101', 'amount')!.value, 73.5);
  });

  it('reads all nine tables stacked on one sheet, each with its own 公开NN表 label', () => {
    const w = readWorkbook(seedSnapshots({ oneSheet: 'Sheet1' }));
    assert.deepEqual(w.missing, []);
    assert.equal(w.tables.summary!.number, '01', 'the label under table 01 belongs to 01');
    assert.equal(w.tables.income!.number, '02');
    const t3 = w.tables.expenditure!;
    assert.equal(t3.sheet, 'Sheet1');
    assert.equal(amount(t3, 'total', 'basic')!.value, 335.54);
    assert.ok(t3.range.top > w.tables.income!.range.bottom);
    assert.equal(line(w.tables.summary, '229')!.values.amount!.value, 67.54);
    assert.equal(w.tables.govFund!.notes.length, 2, 'notes stay with their table');
    assert.equal(w.tables.stateCapital!.notes.length, 2);
    assert.equal(amount(w.tables.threePublic, 'actual', 'total')!.value, 92.51);
  });
});
