import { strict as assert } from 'node:assert';
import { rangeAddress } from '../../../src/core/cells';
import { loadProfile } from '../../../src/core/profiles';
import { buildTable, buildTablePlan, layoutOf, layoutOfPlan } from '../../../src/core/template';

const p21 = loadProfile('2021');
const p23 = loadProfile('2023');
const opts = { unit: '测试单位', year: 2021 };

const textAt = (plan: ReturnType<typeof buildTablePlan>, row: number, col: number) => plan.cells.find((c) => c.row === row && c.col === col);

describe('template: buildTablePlan', () => {
  it('lays out 03 (2021): title, label, unit rows, merged header, 栏次, 合计 row only in the blank template, note', () => {
    const plan = buildTablePlan(p21, 'expenditure', opts);
    assert.equal(plan.name, '公开03表');
    assert.equal(textAt(plan, 0, 0)?.value, '支出决算表');
    assert.equal(plan.styles[textAt(plan, 0, 0)!.style!].bold, true);
    assert.ok(plan.styles[textAt(plan, 0, 0)!.style!].fontSize! >= 16);
    assert.equal(textAt(plan, 1, 0)?.value, '公开03表');
    assert.equal(textAt(plan, 2, 0)?.value, '部门：测试单位');
    assert.equal(textAt(plan, 3, 0)?.value, '金额单位：万元');
    const merges = plan.merges.map(rangeAddress);
    for (const m of ['A1:H1', 'A2:H2', 'A5:B5', 'C5:C6', 'H5:H6', 'A7:B7', 'A8:B8']) assert.ok(merges.includes(m), m);
    assert.equal(textAt(plan, 4, 2)?.value, '本年支出合计');
    assert.equal(textAt(plan, 5, 0)?.value, '功能分类科目编码');
    assert.equal(textAt(plan, 6, 0)?.value, '栏次');
    assert.equal(textAt(plan, 6, 7)?.value, '6');
    assert.equal(textAt(plan, 7, 0)?.value, '合计');
    assert.equal(textAt(plan, 8, 0)?.value, '注：本表反映部门本年度各项支出情况。');
    // blank template: the 合计 row has no children, so no formula at all
    assert.ok(!plan.cells.some((c) => c.formula));
    assert.equal(plan.styles[textAt(plan, 7, 2)!.style!].numberFormat, '#,##0.00');
    assert.ok(plan.styles.header.border);
    assert.deepEqual(plan.freeze, { rows: 7, cols: 0 });
    assert.deepEqual(plan.print, { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, titleRows: [4, 6] });
    assert.equal(plan.columnWidths?.length, 8);
  });

  it('lays out given rows sorted by code, with codes as text and formulas only in subtotal cells', () => {
    const b = buildTable(p21, 'gpbExpenditure', {
      ...opts,
      rows: [
        { code: '2010302', name: '一般行政管理事务' },
        { code: '201', name: '一般公共服务支出' },
        { code: '2010301', name: '行政运行' },
        { code: '20103', name: '政府办公厅（室）及相关机构事务' },
      ],
    });
    const codes = b.layout.lines.map((l) => l.id);
    assert.deepEqual(codes, ['total', '201', '20103', '2010301', '2010302']);
    const f = (row: number, col: number) => textAt(b.plan, row, col)?.formula;
    assert.equal(f(7, 2), '=SUM(C9)'); // 合计 = 201
    assert.equal(f(8, 2), '=SUM(C10)'); // 201 = 20103
    assert.equal(f(9, 3), '=SUM(D11:D12)'); // 20103 = its 项
    assert.equal(f(10, 2), '=SUM(D11:E11)'); // 项 小计 = 基本 + 项目
    assert.equal(f(10, 3), undefined); // typed by the accountant
    assert.equal(textAt(b.plan, 8, 0)?.value, '201');
    assert.equal(b.plan.styles[textAt(b.plan, 8, 0)!.style!].numberFormat, '@');
  });

  it('01 layout: line ids, 行次, the expense side under exp.amount', () => {
    const t = layoutOf(p21, 'summary', opts);
    assert.equal(t.columns.amount, 2);
    assert.equal(t.columns['exp.amount'], 5);
    const l = t.lines.find((x) => x.id === '229')!;
    assert.equal(l.side, 'expense');
    assert.equal(l.level, 'class');
    assert.equal(l.values.amount?.cell.address, 'F30');
    assert.equal(t.lines.find((x) => x.id === 'inc.total')!.values.amount?.cell.address, 'C34');
    const plan = buildTablePlan(p21, 'summary', opts);
    assert.equal(textAt(plan, 33, 2)?.formula, '=SUM(C8:C15)');
    assert.equal(textAt(plan, 37, 2)?.formula, '=SUM(C34:C36)');
    assert.equal(textAt(plan, 33, 5)?.formula, '=SUM(F8:F33)');
    assert.equal(textAt(plan, 37, 5)?.formula, '=SUM(F34:F36)');
  });

  it('06 footer and 07 blocks', () => {
    const plan = buildTablePlan(p21, 'gpbBasic', opts);
    const footer = plan.cells.find((c) => c.value === '人员经费合计')!;
    assert.equal(textAt(plan, footer.row, 2)?.formula, '=SUM(C7,C21)');
    assert.equal(textAt(plan, footer.row, 8)?.formula, '=SUM(F7,I7,I10,I27)');
    assert.equal(textAt(plan, footer.row, 3)?.value, '公用经费合计');
    const p07 = buildTablePlan(p21, 'threePublic', opts);
    assert.equal(textAt(p07, 4, 0)?.value, '预算数');
    assert.equal(textAt(p07, 4, 6)?.value, '决算数');
    assert.equal(textAt(p07, 8, 0)?.formula, '=SUM(B9:C9,F9)');
    assert.equal(textAt(p07, 8, 8)?.formula, '=SUM(J9:K9)');
  });

  it('2023: codes split into 类·款·项, no 行次, 01 header 决算数', () => {
    const b = buildTable(p23, 'expenditure', {
      ...opts,
      rows: [
        { code: '201', name: '一般公共服务支出' },
        { code: '20103', name: '政府办公厅（室）及相关机构事务' },
        { code: '2010301', name: '行政运行' },
      ],
    });
    const row = b.layout.lines.find((l) => l.id === '2010301')!.row;
    assert.deepEqual(
      [0, 1, 2, 3].map((c) => textAt(b.plan, row, c)?.value),
      ['201', '03', '01', '行政运行'],
    );
    const sec = b.layout.lines.find((l) => l.id === '20103')!.row;
    assert.deepEqual(
      [0, 1, 2].map((c) => textAt(b.plan, sec, c)?.value),
      ['201', '03', null],
    );
    const p01 = buildTablePlan(p23, 'summary', opts);
    assert.equal(textAt(p01, 5, 1)?.value, '决算数');
    assert.equal(p01.columnWidths?.length, 4);
    assert.equal(buildTablePlan(p23, 'threePublic', opts).name, '公开09表');
  });

  it('writes the 无数据 note for an empty 08/09 with the unit', () => {
    const plan = buildTablePlan(p21, 'stateCapital', { ...opts, empty: true });
    assert.ok(plan.cells.some((c) => c.value === '测试单位本年度没有国有资本经营预算财政拨款支出，故本表无数据。'));
    const plain = buildTablePlan(p21, 'stateCapital', opts);
    assert.ok(!plain.cells.some((c) => typeof c.value === 'string' && c.value.includes('无数据')));
  });
});

describe('template: layoutOf a plan', () => {
  it('recognises a plan this template made, with its own rows', () => {
    const plan = buildTablePlan(p23, 'income', {
      ...opts,
      rows: [
        { code: '229', name: '其他支出' },
        { code: '2299999', name: '其他支出' },
      ],
    });
    const t = layoutOfPlan(plan)!;
    assert.equal(t.key, 'income');
    assert.deepEqual(
      t.lines.map((l) => [l.id, l.row]),
      [
        ['total', 8],
        ['229', 9],
        ['2299999', 10],
      ],
    );
    assert.equal(t.lines[2].values.other?.cell.address, 'K11');
    assert.equal(layoutOfPlan({ name: 'x', cells: [{ row: 0, col: 0, value: '别的表' }], merges: [], styles: {} }), undefined);
  });
});
