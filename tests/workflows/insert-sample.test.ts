import { strict as assert } from 'node:assert';
import { a1, parseA1 } from '../../src/core/cells';
import type { ColumnId, Line, LineId, TableKey, TableModel } from '../../src/core/model/tables';
import { buildSampleWorkbook, SEED_2021_UNIT } from '../../src/core/sample';
import { readWorkbook } from '../../src/core/reader';
import { loadProfile } from '../../src/core/profiles';
import { layoutOf } from '../../src/core/template';
import { insertTables } from '../../src/core/workflows/insert-tables';
import { calculatingHost, evaluate } from '../support/hyperformula';

/**
 * The seed sample written through the memory host and evaluated by HyperFormula:
 * every total comes from a formula and must equal the figure the seed publishes.
 * Published figures from the seed report (tests/fixtures/seed-2021/).
 */

type Published = [TableKey, LineId, ColumnId, number];

const PUBLISHED: Published[] = [
  // 01 收入支出决算总表
  ['summary', 'inc.gpb', 'amount', 1406.53],
  ['summary', 'inc.other', 'amount', 67.54],
  ['summary', 'inc.total', 'amount', 1474.07],
  ['summary', 'inc.grandTotal', 'amount', 1474.07],
  ['summary', '201', 'amount', 1256.53],
  ['summary', '210', 'amount', 100.0],
  ['summary', '212', 'amount', 50.0],
  ['summary', '229', 'amount', 67.54],
  ['summary', 'exp.total', 'amount', 1474.07],
  ['summary', 'exp.grandTotal', 'amount', 1474.07],
  // 02 收入决算表
  ['income', 'total', 'total', 1474.07],
  ['income', 'total', 'fiscal', 1406.53],
  ['income', 'total', 'other', 67.54],
  ['income', '201', 'total', 1256.53],
  ['income', '20103', 'total', 1252.01],
  ['income', '2010301', 'total', 335.54],
  ['income', '20199', 'fiscal', 4.52],
  ['income', '210', 'total', 100.0],
  ['income', '212', 'fiscal', 50.0],
  ['income', '229', 'other', 67.54],
  ['income', '22999', 'total', 67.54],
  // 03 支出决算表
  ['expenditure', 'total', 'total', 1474.07],
  ['expenditure', 'total', 'basic', 335.54],
  ['expenditure', '201', 'total', 1256.53],
  ['expenditure', '201', 'basic', 335.54],
  ['expenditure', '201', 'project', 920.99],
  ['expenditure', '20103', 'total', 1252.01],
  ['expenditure', '20103', 'project', 916.47],
  ['expenditure', '2010302', 'total', 634.31],
  ['expenditure', '229', 'project', 67.54],
  // 04 财政拨款收入支出决算总表
  ['fiscalSummary', 'inc.gpb', 'amount', 1406.53],
  ['fiscalSummary', 'inc.total', 'amount', 1406.53],
  ['fiscalSummary', 'inc.grandTotal', 'amount', 1406.53],
  ['fiscalSummary', '201', 'total', 1256.53],
  ['fiscalSummary', '201', 'gpb', 1256.53],
  ['fiscalSummary', '210', 'total', 100.0],
  ['fiscalSummary', '212', 'gpb', 50.0],
  ['fiscalSummary', 'exp.total', 'total', 1406.53],
  ['fiscalSummary', 'exp.total', 'gpb', 1406.53],
  ['fiscalSummary', 'exp.grandTotal', 'total', 1406.53],
  ['fiscalSummary', 'exp.grandTotal', 'gpb', 1406.53],
  // 05 一般公共预算财政拨款支出决算表
  ['gpbExpenditure', 'total', 'total', 1406.53],
  ['gpbExpenditure', 'total', 'basic', 335.54],
  ['gpbExpenditure', 'total', 'project', 1070.99],
  ['gpbExpenditure', '201', 'total', 1256.53],
  ['gpbExpenditure', '201', 'project', 920.99],
  ['gpbExpenditure', '20103', 'total', 1252.01],
  ['gpbExpenditure', '20103', 'project', 916.47],
  ['gpbExpenditure', '21004', 'total', 100.0],
  // 06 一般公共预算财政拨款基本支出决算明细表
  ['gpbBasic', '301', 'amount', 248.39],
  ['gpbBasic', '302', 'amount', 56.7],
  ['gpbBasic', 'publicTotal', 'amount', 56.7],
  // 07 "三公"经费
  ['threePublic', 'budget', 'total', 95.0],
  ['threePublic', 'budget', 'carTotal', 95.0],
  ['threePublic', 'actual', 'total', 92.51],
  ['threePublic', 'actual', 'carTotal', 92.51],
];

/**
 * Figures the seed itself has off by a rounding cent (尾数差异): its printed total is
 * not the sum of its own printed parts, so the formula gives the parts' sum.
 *   03 合计 项目支出: printed 1,138.54; its 类 rows 920.99 + 100.00 + 50.00 + 67.54 = 1,138.53
 *     (the narrative also says 1138.53; 03 合计 本年支出合计 1,474.07 = 335.54 + 1,138.53).
 *   06 303 对个人和家庭的补助: printed 30.45; its items 23.95 + 2.74 + 0.86 + 2.89 = 30.44.
 *   06 人员经费合计: printed 278.84 = 248.39 + 30.45 (the printed 303); from the items 278.83.
 */
const OFF_BY_A_CENT: Array<[TableKey, LineId, ColumnId, number, number]> = [
  ['expenditure', 'total', 'project', 1138.54, 1138.53],
  ['gpbBasic', '303', 'amount', 30.45, 30.44],
  ['gpbBasic', 'personnelTotal', 'amount', 278.84, 278.83],
];

function cellOf(layouts: TableModel[], key: TableKey, line: LineId, col: ColumnId) {
  const t = layouts.find((l) => l.key === key)!;
  const a = t.lines.find((l) => l.id === line)?.values[col];
  assert.ok(a, `no cell for ${key} ${line} ${col}`);
  return { sheet: t.sheet, address: a.cell.address };
}

describe('seed sample 2021 (株洲市石峰区机关事务服务中心)', () => {
  it('evaluates every total to the published figure, with no formula errors', async () => {
    const host = calculatingHost();
    const { layouts } = await buildSampleWorkbook(host);
    assert.equal(host.sheets.length, 9);
    assert.deepEqual(
      host.sheets.map((s) => s.name),
      ['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表'],
    );
    const ev = evaluate(host);
    assert.deepEqual(ev.errors(), []);
    for (const [key, line, col, expected] of PUBLISHED) {
      const { sheet, address } = cellOf(layouts, key, line, col);
      assert.ok(Math.abs(ev.num(sheet, address) - expected) < 0.005, `${sheet}!${address} (${line}/${col}) = ${ev.num(sheet, address)}, published ${expected}`);
    }
    for (const [key, line, col, published, computed] of OFF_BY_A_CENT) {
      const { sheet, address } = cellOf(layouts, key, line, col);
      const v = ev.num(sheet, address);
      assert.ok(Math.abs(v - computed) < 0.005, `${sheet}!${address} = ${v}, expected ${computed}`);
      assert.ok(Math.abs(published - v - 0.01) < 0.0001, `seed prints ${published}, a cent above its parts`);
    }
    // 05 基本支出 = 06 人员经费合计 + 公用经费合计 holds on the published figures (278.84 + 56.70 = 335.54)
    // and is a cent off on the computed ones because of 303 above.
    const basic05 = ev.num('公开05表', cellOf(layouts, 'gpbExpenditure', 'total', 'basic').address);
    const p = ev.num('公开06表', cellOf(layouts, 'gpbBasic', 'personnelTotal', 'amount').address);
    const q = ev.num('公开06表', cellOf(layouts, 'gpbBasic', 'publicTotal', 'amount').address);
    assert.ok(Math.abs(basic05 - (p + q) - 0.01) < 0.0001);
  });

  it('types only input cells: every total is a formula, every typed cell a constant', async () => {
    const host = calculatingHost();
    const { layouts } = await buildSampleWorkbook(host);
    for (const [key, line, col] of [...PUBLISHED, ...OFF_BY_A_CENT]) {
      if ((key === 'summary' && line === 'inc.gpb') || (key === 'income' && line === '2010301' && col !== 'total')) continue;
      const { sheet, address } = cellOf(layouts, key, line, col);
      assert.ok(host.cell(sheet, address)?.formula, `${sheet}!${address} should be a formula`);
    }
    const typed = host.cell('公开01表', cellOf(layouts, 'summary', 'inc.gpb', 'amount').address)!;
    assert.equal(typed.formula, undefined);
    assert.equal(typed.value, 1406.53);
    // 01 links: class rows to 03, rows 4–8 to 02; 04 income rows to 01, the gpb column to 05.
    assert.match(host.cell('公开01表', cellOf(layouts, 'summary', '201', 'amount').address)!.formula!, /^='公开03表'!C\d+$/);
    assert.match(host.cell('公开01表', cellOf(layouts, 'summary', 'inc.other', 'amount').address)!.formula!, /^='公开02表'!I\d+$/);
    assert.match(host.cell('公开04表', cellOf(layouts, 'fiscalSummary', 'inc.gpb', 'amount').address)!.formula!, /^='公开01表'!C8$/);
    assert.match(host.cell('公开04表', cellOf(layouts, 'fiscalSummary', '201', 'gpb').address)!.formula!, /^='公开05表'!C\d+$/);
  });

  it('lays out the frame as the seed: titles, labels, unit, notes, 无数据 notes on 08/09', async () => {
    const host = calculatingHost();
    await buildSampleWorkbook(host);
    const text = (sheet: string, address: string) => host.cell(sheet, address)?.value;
    assert.equal(text('公开01表', 'A1'), '收入支出决算总表');
    assert.equal(text('公开01表', 'A2'), '公开01表');
    assert.equal(text('公开01表', 'A3'), `部门：${SEED_2021_UNIT}`);
    assert.equal(text('公开01表', 'A4'), '金额单位：万元');
    assert.equal(text('公开01表', 'A8'), '一、一般公共预算财政拨款收入');
    assert.equal(text('公开01表', 'D8'), '一、一般公共服务支出');
    assert.equal(text('公开01表', 'E8'), 32);
    assert.equal(text('公开01表', 'A34'), '本年收入合计');
    assert.equal(text('公开01表', 'B34'), 27);
    assert.equal(text('公开01表', 'E38'), 62);
    assert.equal(text('公开07表', 'A1'), '一般公共预算财政拨款“三公”经费支出决算表');
    const notes08 = [...host.sheet('公开08表')!.cells.values()].map((c) => c.value);
    assert.ok(notes08.includes('株洲市石峰区机关事务服务中心本年度没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。'));
    const s03 = host.sheet('公开03表')!;
    const r = parseA1('A8');
    assert.equal(s03.cells.get(`${r.row},${r.col}`)?.value, '合计');
    assert.equal(host.cell('公开03表', 'A9')?.value, '201');
    assert.equal(host.cell('公开03表', 'C9')?.style?.numberFormat, '#,##0.00');
    assert.equal(a1(0, 0), 'A1');
  });

  it('reads back with the table reader: every line and amount cell where the template put it (2021 sample, 2023 blank)', async () => {
    const check = (layouts: TableModel[], wb: ReturnType<typeof readWorkbook>) => {
      assert.deepEqual(wb.missing, []);
      assert.deepEqual(wb.problems, []);
      for (const l of layouts) {
        const t = wb.tables[l.key];
        assert.ok(t, l.key);
        assert.equal(t.sheet, l.sheet);
        for (const line of l.lines) {
          const m: Line | undefined = t.lines.find((x) => x.id === line.id);
          assert.ok(m, `${l.key} ${line.id}`);
          for (const [c, a] of Object.entries(line.values)) assert.equal(m.values[c]?.cell.address, a!.cell.address, `${l.key} ${line.id} ${c}`);
        }
      }
    };
    const host = calculatingHost();
    const { layouts } = await buildSampleWorkbook(host);
    const wb = readWorkbook(await host.readSheets());
    check(layouts, wb);
    // the reader sees the evaluated figures too
    assert.equal(wb.tables.summary?.lines.find((l) => l.id === 'inc.total')?.values.amount?.value, 1474.07);

    const h23 = calculatingHost();
    await insertTables(h23, { profile: '2023', unit: SEED_2021_UNIT, year: 2023, onConflict: 'skip' });
    const p23 = loadProfile('2023');
    const l23 = p23.tables.map((t) => layoutOf(p23, t.key, { unit: SEED_2021_UNIT, year: 2023 }));
    check(l23, readWorkbook(await h23.readSheets()));
  });
});
