import { strict as assert } from 'assert';
import type { SheetSnapshot } from '../../../src/core/model/snapshot';
import { amount, line, TABLE_KEYS } from '../../../src/core/model/tables';
import { readWorkbook } from '../../../src/core/reader';
import { gridToSnapshot, seedGrid, seedSnapshots, SEED_TABLES } from '../../fixtures/seed-2021';
import {
  findCell,
  fullWidthNumbers,
  interleaved07,
  layout2023,
  layoutShanghai,
  merged07,
  noLineNumbers,
  renumber,
  retitle,
  setCell,
  splitCodes,
  stack,
  toSnapshots,
  twoGroup06,
} from '../../fixtures/seed-2021/variants';

const one = (name: string, grid: string[][], opts = {}): SheetSnapshot[] => [gridToSnapshot(name, grid, opts)];

describe('reader on other layouts', () => {
  describe('codes split into 类 · 款 · 项', () => {
    for (const codesAsText of [false, true]) {
      it(`reads 201 · 03 · 01 as 2010301 (${codesAsText ? "'03' as text" : '3 as a number'})`, () => {
        const wb = readWorkbook(one('Sheet3', splitCodes(seedGrid('expenditure')), { codesAsText }));
        const t = wb.tables.expenditure!;
        assert.deepEqual(wb.problems, []);
        assert.deepEqual(
          t.lines.map((l) => l.id),
          ['total', '201', '20103', '2010301', '2010302', '2010399', '20199', '2019999', '210', '21004', '2100410', '212', '21201', '2120199', '229', '22999', '2299999'],
        );
        assert.equal(line(t, '20103')!.level, 'section');
        assert.deepEqual(amount(t, 'total', 'basic')!.cell, { sheet: 'Sheet3', address: 'F11' });
        assert.equal(amount(t, '2010301', 'basic')!.value, 335.54);
        assert.equal(line(t, '2010301')!.label, '行政运行');
      });
    }

    it('carries 类 and 款 down to rows that leave them empty', () => {
      const g = splitCodes(seedGrid('gpbExpenditure')).map((r) => {
        if (/^\d{2}$/.test(r[1] ?? '') && r[0] !== '') return ['', ...r.slice(1)]; // 类 only on 类 rows
        return r;
      });
      const t = readWorkbook(one('表5', g)).tables.gpbExpenditure!;
      assert.ok(line(t, '2010301'), 'item under a carried class');
      assert.ok(line(t, '21004'));
      assert.equal(amount(t, '2120199', 'project')!.value, 50);
    });

    it('reads the 2023 files: split codes in 02, 03, 05, 08, 09', () => {
      const wb = readWorkbook(toSnapshots(layout2023()));
      assert.equal(amount(wb.tables.income, '2299999', 'other')!.value, 67.54);
      assert.equal(line(wb.tables.gpbExpenditure, '2100410')!.values.project!.value, 100);
      assert.deepEqual(
        wb.tables.govFund!.lines.map((l) => l.id),
        ['total'],
      );
    });
  });

  it('does not take a group header for its sub-columns; strips (万元) from headers; reads codes like "2010301.0"', () => {
    const g = [
      ['一般公共预算财政拨款支出决算表'],
      ['项目', '', '本年支出', '', '', ''],
      ['科目编码', '科目名称', '合计（万元）', '基本支出', '', '项目支出'],
      ['', '', '', '人员经费', '公用经费', ''],
      ['合计', '', '10.00', '4.00', '2.00', '4.00'],
      ['2010301.0', '行政运行', '10.00', '4.00', '2.00', '4.00'],
    ];
    const t = readWorkbook(one('表5', g)).tables.gpbExpenditure!;
    assert.deepEqual(t.columns, { total: 2, project: 5 });
    assert.equal(amount(t, '2010301', 'total')!.value, 10);
  });

  it('reads codes written with their names in one cell ("2010301 行政运行")', () => {
    const g = seedGrid('expenditure').map((r) =>
      /^\d{3,7}$/.test(r[0]) ? [`${r[0]} ${r[1]}`, ...r.slice(2)] : r[1] === '合计' ? ['合计', ...r.slice(2)] : [r[0], ...r.slice(2)],
    );
    const t = readWorkbook(one('支出', g)).tables.expenditure!;
    assert.equal(line(t, '2010301')!.label, '行政运行');
    assert.deepEqual(amount(t, '2010301', 'basic')!.cell.address, 'C14');
    assert.equal(amount(t, 'total', 'total')!.value, 1474.07);
  });

  describe('07 "三公"经费', () => {
    it("reads Shanghai's interleaved 预算数 / 决算数 columns", () => {
      const t = readWorkbook(one('三公', interleaved07())).tables.threePublic!;
      assert.deepEqual(amount(t, 'budget', 'total')!.cell.address, 'A7');
      assert.deepEqual(amount(t, 'actual', 'total')!.cell.address, 'B7');
      assert.equal(amount(t, 'budget', 'carOperation')!.value, 95);
      assert.equal(amount(t, 'actual', 'carOperation')!.value, 92.51);
      assert.equal(amount(t, 'actual', 'carOperation')!.cell.address, 'J7');
      assert.equal(amount(t, 'actual', 'reception')!.cell.address, 'L7');
      assert.equal(amount(t, 'actual', 'carTotal')!.cell.address, 'F7');
      assert.equal(t.columns.carPurchase, 7);
      assert.equal(t.columns['budget.carPurchase'], 6);
    });

    it('reads the block layout from merge information', () => {
      const { grid, merges } = merged07();
      const t = readWorkbook(toSnapshots([{ name: 'Sheet3', grid, merges }])).tables.threePublic!;
      assert.equal(amount(t, 'actual', 'total')!.cell.address, 'G13');
      assert.equal(amount(t, 'actual', 'carPurchase')!.cell.address, 'J13');
      assert.equal(amount(t, 'budget', 'reception')!.cell.address, 'F13');
      assert.equal(amount(t, 'budget', 'total')!.value, 95);
    });

    it('reads items as rows with 预算数 / 决算数 columns', () => {
      const g = [
        ['2021年度一般公共预算财政拨款“三公”经费支出决算表'],
        ['单位：万元'],
        ['项目', '预算数', '决算数'],
        ['合计', '95.00', '92.51'],
        ['1.因公出国（境）费', '', ''],
        ['2.公务用车购置及运行维护费', '95.00', '92.51'],
        ['其中：公务用车购置费', '', ''],
        ['      公务用车运行维护费', '95.00', '92.51'],
        ['3.公务接待费', '-', '-'],
      ];
      const wb = readWorkbook(one('三公', g));
      const t = wb.tables.threePublic!;
      assert.deepEqual(wb.problems, []);
      assert.equal(amount(t, 'actual', 'total')!.cell.address, 'C4');
      assert.equal(amount(t, 'budget', 'carTotal')!.cell.address, 'B6');
      assert.equal(amount(t, 'actual', 'carOperation')!.value, 92.51);
      assert.equal(amount(t, 'actual', 'carPurchase')!.cell.address, 'C7');
      assert.equal(amount(t, 'actual', 'reception')!.blank, true);
      assert.deepEqual(t.columns, { budget: 1, actual: 2 });
    });

    it('reads rows labelled 预算数 and 决算数 with the items across', () => {
      const g = [
        ['财政拨款“三公”经费支出决算表'],
        ['项目', '合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费'],
        ['', '', '', '小计', '公务用车购置费', '公务用车运行维护费', ''],
        ['预算数', '95.00', '', '95.00', '', '95.00', ''],
        ['决算数', '92.51', '', '92.51', '', '92.51', ''],
      ];
      const t = readWorkbook(one('Sheet1', g)).tables.threePublic!;
      assert.equal(amount(t, 'budget', 'total')!.cell.address, 'B4');
      assert.equal(amount(t, 'actual', 'total')!.cell.address, 'B5');
      assert.equal(amount(t, 'actual', 'carOperation')!.value, 92.51);
      assert.equal(amount(t, 'actual', 'carPurchase')!.cell.address, 'E5');
    });
  });

  it('reads 06 in two column groups', () => {
    const t = readWorkbook(one('表6', twoGroup06())).tables.gpbBasic!;
    assert.equal(amount(t, '301', 'amount')!.value, 248.39);
    assert.equal(amount(t, '302', 'amount')!.cell.address, 'F11');
    assert.equal(amount(t, '30231', 'amount')!.value, 13.65);
    assert.match(amount(t, '310', 'amount')!.cell.address, /^F\d+$/, '310 in the 公用经费 group');
    assert.match(amount(t, '303', 'amount')!.cell.address, /^C\d+$/, '303 in the 人员经费 group');
    assert.equal(amount(t, 'personnelTotal', 'amount')!.value, 278.84);
    assert.equal(amount(t, 'publicTotal', 'amount')!.value, 56.7);
    assert.equal(t.lines.filter((l) => l.code).length, 80);
  });

  it('reads 06 as one vertical list with code and name in one cell and bare 人员经费 / 公用经费 subtotal rows', () => {
    const g = [
      ['一般公共预算财政拨款基本支出决算表'],
      ['单位：万元'],
      ['项目', '决算数'],
      ['人员经费', '278.84'],
      ['301 工资福利支出', '248.39'],
      ['  30101 基本工资', '73.50'],
      ['303 对个人和家庭的补助', '30.45'],
      ['公用经费', '56.70'],
      ['302 商品和服务支出', '56.70'],
      ['[30231]公务用车运行维护费', '13.65'],
    ];
    const wb = readWorkbook(one('基本支出', g));
    const t = wb.tables.gpbBasic!;
    assert.deepEqual(wb.problems, []);
    assert.equal(amount(t, '30101', 'amount')!.cell.address, 'B6');
    assert.equal(line(t, '30101')!.label, '基本工资');
    assert.equal(amount(t, '30231', 'amount')!.value, 13.65);
    assert.equal(amount(t, 'personnelTotal', 'amount')!.cell.address, 'B4');
    assert.equal(amount(t, 'publicTotal', 'amount')!.value, 56.7);
    assert.deepEqual(t.columns, { amount: 1 });
  });

  it('reads 01 and 04 without 行次 columns (2023), with 使用非财政拨款结余（含专用结余）', () => {
    const w1 = readWorkbook(one('表1', noLineNumbers('summary')));
    const t1 = w1.tables.summary!;
    assert.deepEqual(t1.columns, { amount: 1, 'exp.amount': 3 });
    assert.equal(amount(t1, 'inc.total', 'amount')!.cell.address, 'B32');
    assert.ok(line(t1, 'inc.useNonFiscalBalance'));
    assert.equal(line(t1, 'inc.useNonFiscalBalance')!.label, '使用非财政拨款结余（含专用结余）');
    const w4 = readWorkbook(one('表4', noLineNumbers('fiscalSummary')));
    const t4 = w4.tables.fiscalSummary!;
    assert.deepEqual(w4.problems, []);
    assert.deepEqual(t4.columns, { amount: 1, total: 3, gpb: 4, govFund: 5, stateCapital: 6 });
    assert.equal(amount(t4, '229', 'total')!.cell.address, 'D34');
    for (const id of ['exp.closing.gpb', 'exp.closing.govFund', 'exp.closing.stateCapital', 'inc.opening.govFund']) assert.ok(line(t4, id), id);
  });

  describe('table orders', () => {
    it('2023+: 07 政府性基金, 08 国有资本经营, 09 三公 — identified by title, not number', () => {
      const wb = readWorkbook(toSnapshots(layout2023()));
      assert.deepEqual(wb.missing, []);
      assert.equal(wb.edition, '2023');
      assert.equal(wb.tables.govFund!.number, '07');
      assert.equal(wb.tables.stateCapital!.number, '08');
      assert.equal(wb.tables.threePublic!.number, '09');
      assert.equal(wb.tables.threePublic!.sheet, '表9');
      assert.equal(amount(wb.tables.threePublic, 'actual', 'total')!.value, 92.51);
    });

    it('Shanghai: 07 三公 (interleaved), 08 政府性基金, 09 国有资本经营预算财政拨款收入支出决算表', () => {
      const wb = readWorkbook(toSnapshots(layoutShanghai()));
      assert.deepEqual(wb.missing, []);
      assert.equal(wb.edition, 'shanghai');
      const t9 = wb.tables.stateCapital!;
      assert.equal(t9.number, '09');
      assert.deepEqual(Object.keys(t9.columns), ['opening', 'income', 'total', 'basic', 'project', 'closing']);
      assert.equal(wb.tables.threePublic!.sheet, '三公经费');
      assert.equal(amount(wb.tables.threePublic, 'actual', 'total')!.value, 92.51);
    });
  });

  describe('sheets and placement', () => {
    it('reads tables stacked on one sheet named Sheet3, labels above their titles', () => {
      const grids = SEED_TABLES.map((t) => {
        const g = seedGrid(t.key).filter((r) => !/公\s*开\s*\d+\s*表/.test(r.join('')));
        return [[`公开${t.number}表`], ...g];
      });
      const wb = readWorkbook(one('Sheet3', stack(grids, 1)));
      assert.deepEqual(wb.missing, []);
      for (const k of TABLE_KEYS) assert.equal(wb.tables[k]!.number, SEED_TABLES.find((t) => t.key === k)!.number, k);
      assert.equal(amount(wb.tables.gpbBasic, 'publicTotal', 'amount')!.value, 56.7);
    });

    it('finds titles with a unit/year prefix or a bracketed suffix, and full-width 公开 labels', () => {
      const g1 = renumber(retitle(seedGrid('income'), '株洲市石峰区机关事务服务中心2021年度收入决算表'), '０２');
      const g2 = retitle(seedGrid('expenditure'), '支出决算表（公开03表）');
      const wb = readWorkbook([...one('表1', g1), ...one('表2', g2)]);
      assert.equal(wb.tables.income!.number, '02');
      assert.equal(wb.tables.expenditure!.number, '03');
      assert.equal(amount(wb.tables.income, 'total', 'total')!.value, 1474.07);
      assert.deepEqual(wb.missing.sort(), TABLE_KEYS.filter((k) => k !== 'income' && k !== 'expenditure').sort());
    });

    it('reads the number from a title that carries it, and does not take 项目支出决算表 for 03', () => {
      const g = retitle(seedGrid('summary'), '公开01表  收入支出决算总表').filter((r) => r.join('') !== '公开01表');
      const extra = [['项目支出决算表'], ['项目', '金额'], ['某项目', '12.00']];
      const wb = readWorkbook([...one('A', g), ...one('B', extra), ...one('C', seedGrid('expenditure'))]);
      assert.equal(wb.tables.summary!.number, '01');
      assert.equal(wb.tables.expenditure!.sheet, 'C');
      assert.deepEqual(wb.problems, []);
    });

    it('reports a titled table with no rows under it', () => {
      const wb = readWorkbook(one('Sheet2', [['收入决算表'], ['公开02表'], ['项目', '', '本年收入合计']]));
      assert.ok(wb.tables.income);
      assert.equal(wb.problems.length, 1);
      assert.deepEqual(wb.problems[0].cells, [{ sheet: 'Sheet2', address: 'A1' }]);
      assert.match(wb.problems[0].message, /没有读到任何数据行/);
    });

    it('reads full-width digits stored as text', () => {
      const wb = readWorkbook(one('x', fullWidthNumbers(seedGrid('expenditure')), { numbersAsText: true }));
      const a = amount(wb.tables.expenditure, 'total', 'basic')!;
      assert.equal(a.value, 335.54);
      assert.equal(a.issue?.kind, 'numericText');
      assert.equal(line(wb.tables.expenditure, '2010301')!.values.total!.value, 335.54);
    });

    it('reads sheets without a title by their header texts (05 and 09 by their notes)', () => {
      const snaps = SEED_TABLES.map((t, i) => gridToSnapshot(`Sheet${i + 1}`, seedGrid(t.key).slice(1)));
      const wb = readWorkbook(snaps);
      assert.deepEqual(wb.missing, []);
      assert.equal(wb.tables.gpbExpenditure!.sheet, 'Sheet5');
      assert.equal(wb.tables.stateCapital!.sheet, 'Sheet9');
      assert.equal(wb.tables.gpbBasic!.sheet, 'Sheet6', '06 is not taken for 三公 because of 30212 因公出国（境）费用');
      assert.equal(wb.tables.threePublic!.sheet, 'Sheet7');
      assert.equal(amount(wb.tables.expenditure, 'total', 'basic')!.cell.address, 'D10');
      assert.equal(amount(wb.tables.summary, 'inc.total', 'amount')!.value, 1474.07);
    });

    it('tells 05 from 09 without titles or notes by their codes (09: only 223 国有资本经营预算支出)', () => {
      const bare = (g: string[][]) => g.slice(1).filter((r) => !r.some((c) => /^注|无数据|本表/.test(c)));
      const t05 = bare(seedGrid('gpbExpenditure'));
      const t09 = bare(seedGrid('stateCapital'));
      const total = t09.findIndex((r) => r[0] === '合计');
      t09.splice(total + 1, 0, ['223', '国有资本经营预算支出', '8.00', '', '8.00'], ['22301', '解决历史遗留问题及改革成本支出', '8.00', '', '8.00']);
      t09[total] = ['合计', '', '8.00', '', '8.00'];
      const wb = readWorkbook([gridToSnapshot('Sheet5', t05), gridToSnapshot('Sheet9', t09)]);
      assert.equal(wb.tables.gpbExpenditure!.sheet, 'Sheet5');
      assert.equal(wb.tables.stateCapital!.sheet, 'Sheet9');
      assert.equal(amount(wb.tables.stateCapital, '22301', 'project')!.value, 8);
      // an empty copy with no note and no code says nothing: not guessed
      const empty = t09.filter((r) => !/^223/.test(r[0]));
      assert.deepEqual(readWorkbook([gridToSnapshot('Sheet9', empty)]).missing.includes('stateCapital'), true);
      assert.equal(readWorkbook([gridToSnapshot('Sheet9', empty)]).tables.gpbExpenditure, undefined);
    });

    it('is not misled by a contents sheet listing the nine titles', () => {
      const toc = gridToSnapshot('目录', [['目录'], ...SEED_TABLES.map((t) => [`公开${t.number}表`, t.title])]);
      const wb = readWorkbook([toc, ...seedSnapshots()]);
      assert.deepEqual(wb.missing, []);
      for (const k of TABLE_KEYS) assert.notEqual(wb.tables[k]!.sheet, '目录', k);
      assert.deepEqual(
        wb.problems.map((p) => p.table),
        ['fiscalSummary'],
        "only the seed's own shifted 04 rows",
      );
    });

    it('falls back to the sheet name when a sheet has no title row', () => {
      const g = seedGrid('gpbExpenditure').slice(1);
      const t = readWorkbook(one('一般公共预算财政拨款支出决算表', g)).tables.gpbExpenditure!;
      assert.equal(amount(t, 'total', 'total')!.value, 1406.53);
    });
  });

  describe('what it cannot read', () => {
    it('reports a missing table instead of crashing', () => {
      const wb = readWorkbook(seedSnapshots({ omit: ['gpbBasic', 'threePublic'] }));
      assert.deepEqual(wb.missing, ['gpbBasic', 'threePublic']);
      assert.equal(wb.tables.gpbBasic, undefined);
      const none = readWorkbook([{ name: 'Sheet1', top: 0, left: 0, values: [['hello']] }]);
      assert.deepEqual(none.missing, TABLE_KEYS);
      assert.deepEqual(readWorkbook([]).missing, TABLE_KEYS);
    });

    it('reports text in an amount cell with the sheet and the cell, and marks the amount', () => {
      const at = findCell(seedGrid('expenditure'), (t) => t === '634.31')!; // 2010302 合计 C15
      const g = setCell(seedGrid('expenditure'), at.row, at.col, '待补');
      const wb = readWorkbook(one('公开03表', g));
      const a = amount(wb.tables.expenditure, '2010302', 'total')!;
      assert.ok(Number.isNaN(a.value));
      assert.deepEqual(a.issue, { kind: 'text', raw: '待补' });
      assert.equal(wb.problems.length, 1);
      const p = wb.problems[0];
      assert.equal(p.table, 'expenditure');
      assert.deepEqual(p.cells, [{ sheet: '公开03表', address: 'C15' }]);
      assert.match(p.message, /公开03表.*C15/);
      assert.match(p.message, /待补/);
    });

    it('reports error values', () => {
      const snaps = seedSnapshots({ omit: TABLE_KEYS.filter((k) => k !== 'expenditure') });
      snaps[0].values[10][3] = { error: '#REF!' };
      const wb = readWorkbook(snaps);
      const a = amount(wb.tables.expenditure, 'total', 'basic')!;
      assert.deepEqual(a.issue, { kind: 'error', raw: '#REF!' });
      assert.deepEqual(
        wb.problems.map((p) => p.cells[0].address),
        ['D11'],
      );
      assert.match(wb.problems[0].message, /#REF!/);
    });

    it('reports a code it cannot parse, naming the cell, and skips the row', () => {
      const at = findCell(seedGrid('gpbExpenditure'), (t) => t === '2010302')!;
      const g = setCell(seedGrid('gpbExpenditure'), at.row, at.col, '20103O2');
      const wb = readWorkbook(one('表5', g));
      assert.equal(line(wb.tables.gpbExpenditure, '2010302'), undefined);
      assert.equal(wb.problems.length, 1);
      assert.deepEqual(wb.problems[0].cells, [{ sheet: '表5', address: `A${at.row + 1}` }]);
      assert.match(wb.problems[0].message, /无法识别科目编码“20103O2”/);
    });

    it('reports an unknown row label on 01 that carries an amount', () => {
      const g = setCell(setCell(seedGrid('summary'), 13, 0, '九、用事业基金弥补收支差额'), 13, 2, '5.00');
      const wb = readWorkbook(one('公开01表', g));
      assert.equal(wb.problems.length, 1);
      assert.deepEqual(wb.problems[0].cells, [{ sheet: '公开01表', address: 'A14' }]);
    });

    it('keeps the first of two copies of a table and reports the second', () => {
      const wb = readWorkbook([...seedSnapshots({ omit: TABLE_KEYS.filter((k) => k !== 'income') }), ...one('收入决算表(2)', seedGrid('income'))]);
      assert.equal(wb.tables.income!.sheet, '公开02表');
      assert.equal(wb.problems.length, 1);
      assert.match(wb.problems[0].message, /收入决算表\(2\)/);
    });
  });
});
