import { strict as assert } from 'assert';
import { a1 } from '../../src/core/cells';
import { isDiagnosed, type Finding } from '../../src/core/findings/finding';
import { checkWorkbook } from '../../src/core/workflows/check-workbook';
import { seedSnapshots } from '../fixtures/seed-2021';
import { findCell, layout2023, layoutShanghai, setCell, toSnapshots, type LayoutSheet } from '../fixtures/seed-2021/variants';
import { hostOf } from '../support/memory-workbook';

const brief = (f: Finding) => ({ rule: f.rule, severity: f.severity, cells: f.cells.map((c) => `${c.sheet}!${c.address}`) });

/**
 * The seed report's real table-level slips, recomputed by hand from the published tables:
 *   03 合计行: 本年支出合计 1,474.07 vs 基本 335.54 + 项目 1,138.54 = 1,474.08 (−0.01, two parts → 尾数差异);
 *   03 合计行项目支出 1,138.54 vs its classes 920.99 + 100.00 + 50.00 + 67.54 = 1,138.53 (+0.01, 尾数差异);
 *   06 303 对个人和家庭的补助 30.45 vs 23.95 + 2.74 + 0.86 + 2.89 = 30.44 (+0.01, 尾数差异).
 * Everything else holds to the cent: 01 = 02 = 03 totals (1,474.07), 01/04/05 财政拨款 1,406.53,
 * 05 基本 335.54 = 06 278.84 + 56.70, 301 = 248.39, 302 = 56.70, 07 95.00 / 92.51, 30231 13.65 ≤ 92.51,
 * 08/09 empty with their 无数据 notes while 04 has no 政府性基金/国有资本 money.
 * (The narrative's 项目支出 1,138.53 is the narrative checker's business, not the tables'.)
 */
function expectSeedSlips(findings: Finding[], sheet03: string, c03: [string, string, string], rows03: string[], sheet06: string, c06: string[]) {
  const rounding = findings.filter((f) => f.severity === 'rounding');
  assert.deepEqual(rounding.map(brief), [
    { rule: 't03-row-total-eq-sum-parts', severity: 'rounding', cells: c03.map((c) => `${sheet03}!${c}${rows03[0]}`) },
    { rule: 'classified-total-eq-sum-classes', severity: 'rounding', cells: rows03.map((r) => `${sheet03}!${c03[2]}${r}`) },
    { rule: 't06-class-eq-sum-sections', severity: 'rounding', cells: c06.map((c) => `${sheet06}!${c}`) },
  ]);
  assert.equal(rounding[0].message, '03表合计行本年支出合计 1,474.07 ≠ 基本支出+项目支出之和 1,474.08，差额 -0.01（尾数差异，容差 0.01）');
  assert.equal(rounding[1].message, '03表合计行项目支出 1,138.54 ≠ 201、210、212、229类项目支出之和 1,138.53，差额 0.01（尾数差异，容差 0.02）');
  assert.equal(rounding[2].message, '06表303类决算数 30.45 ≠ 30305、30307、30309、30399款决算数之和 30.44，差额 0.01（尾数差异，容差 0.02）');
  assert.deepEqual(findings.filter((f) => f.severity === 'error').map(brief), [], 'no error on the seed');
}

describe('checkWorkbook on the seed report (acceptance)', () => {
  it('as published (2021 layout): the three 0.01 slips as 尾数差异, the 04 misalignment as the reader’s warning, nothing else', async () => {
    const host = hostOf(seedSnapshots());
    const { model, findings } = await checkWorkbook(host);
    assert.equal(host.roundTrips, 1, 'one read');
    assert.deepEqual(host.calls, ['readSheets']);
    assert.deepEqual(model.missing, []);
    expectSeedSlips(findings, '公开03表', ['C', 'D', 'E'], ['11', '12', '19', '22', '25'], '公开06表', ['C25', 'C30', 'C32', 'C34', 'C37']);
    const warnings = findings.filter((f) => f.severity === 'warning');
    assert.deepEqual(
      warnings.map((f) => f.rule),
      ['read-problems'],
    );
    assert.match(warnings[0].message, /公开04表.*错位/);
    assert.deepEqual(
      findings.map((f) => f.severity),
      ['warning', 'rounding', 'rounding', 'rounding'],
      'sorted by severity',
    );
  });

  it('typed into the 2023 layout (表1…表9, 类·款·项 columns, no 行次, 07/08/09 reordered): the same slips', async () => {
    const { model, findings } = await checkWorkbook(hostOf(toSnapshots(layout2023())));
    assert.equal(model.edition, '2023');
    assert.equal(model.tables.threePublic?.number, '09');
    expectSeedSlips(findings, '表3', ['E', 'F', 'G'], ['11', '12', '19', '22', '25'], '表6', ['C25', 'C30', 'C32', 'C34', 'C37']);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'warning'),
      [],
    );
  });

  it('in Shanghai’s layout (sheets named by title, interleaved 三公): the same slips', async () => {
    const { findings } = await checkWorkbook(hostOf(toSnapshots(layoutShanghai())));
    expectSeedSlips(findings, '支出决算表', ['C', 'D', 'E'], ['11', '12', '19', '22', '25'], '一般公共预算财政拨款基本支出决算明细表', [
      'C25',
      'C30',
      'C32',
      'C34',
      'C37',
    ]);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'warning').map((f) => f.rule),
      ['read-problems'],
    );
  });

  it('all nine tables stacked on one sheet, in reverse: the same slips', async () => {
    const { findings } = await checkWorkbook(hostOf(seedSnapshots({ oneSheet: '决算表', reverse: true })));
    assert.equal(findings.filter((f) => f.severity === 'rounding').length, 3);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
  });

  it('a real slip typed into the foreign layout: 05 2010302 项目支出 643.31 for 634.31', async () => {
    const sheets: LayoutSheet[] = layout2023();
    const t05 = sheets[4];
    const at = findCell(t05.grid, (t) => t === '634.31');
    assert.ok(at);
    // 小计 · 基本支出 · 项目支出: the 项目支出 cell is two to the right of 小计.
    const row = at.row;
    assert.equal(t05.grid[row][at.col + 2], '634.31');
    t05.grid = setCell(t05.grid, row, at.col + 2, '643.31');
    const { findings } = await checkWorkbook(hostOf(toSnapshots(sheets)));
    const cell = `表5!${a1(row, at.col + 2)}`;
    // One slip, one finding (issue #9): a likely-slip at the cell, its failures nested under it.
    const errors = findings.filter((f) => f.severity === 'error');
    assert.equal(errors.length, 1, errors.map((f) => f.message).join('\n'));
    const slip = errors[0];
    assert.ok(isDiagnosed(slip));
    assert.equal(`${slip.cells[0].sheet}!${slip.cells[0].address}`, cell);
    assert.equal(slip.expected, 634.31);
    assert.match(slip.message, /643\.31 应为 634\.31（疑为相邻两位数字颠倒）/);
    const explained = slip.explains;
    assert.deepEqual(explained.map((f) => f.rule).sort(), [
      'classified-section-eq-sum-items',
      't05-08-09-row-total-eq-basic-plus-project',
      't05-le-t03-by-code-and-column',
    ]);
    for (const e of explained)
      assert.ok(
        e.cells.some((c) => `${c.sheet}!${c.address}` === cell),
        `${e.rule} points at ${cell}`,
      );
    assert.match(
      explained.find((f) => f.rule === 't05-08-09-row-total-eq-basic-plus-project')!.message,
      /05表2010302项小计 634\.31 ≠ 项目支出 643\.31，差额 -9\.00（超出尾数容差 0\.005）/,
    );
    assert.match(explained.find((f) => f.rule === 't05-le-t03-by-code-and-column')!.message, /05表2010302项项目支出 643\.31 > 03表2010302项项目支出 634\.31/);
    assert.deepEqual(
      findings.filter((f) => f.severity === 'warning'),
      [],
      'the 05 ≤ 03 warning is explained by the slip',
    );
    assert.equal(findings.filter((f) => f.severity === 'rounding').length, 3, 'the seed’s own slips stay 尾数差异');
  });

  it('takes 机关运行经费 from the 补充信息 sheet (docs/domain/rules.md 19), and the user’s tolerance', async () => {
    const host = hostOf(seedSnapshots());
    host.setCell('补充信息', 'A1', '补充信息');
    host.setCell('补充信息', 'A3', '项目');
    host.setCell('补充信息', 'B3', '数值');
    host.setCell('补充信息', 'A4', '本年机关运行经费');
    host.setCell('补充信息', 'B4', 60);
    const { findings } = await checkWorkbook(host, { tolerance: 0.001 });
    const op = findings.find((f) => f.rule === 'office-operation-cost-le-t06-public-total');
    assert.ok(op, 'rule 19 ran');
    assert.equal(op.severity, 'warning');
    assert.match(op.message, /补充信息机关运行经费 60\.00 > 06表公用经费合计 56\.70/);
    assert.deepEqual(op.cells.map((c) => `${c.sheet}!${c.address}`).sort(), ['公开06表!I40', '补充信息!B4'].sort());
    // With tolerance 0.001 per part, the seed's 0.01 slips are errors: 03 合计行项目支出 1,138.54
    // (two failures, one likely slip: 1,138.53) and 06 303 ≠ Σ款 (one failure, any 款 could be it).
    assert.equal(findings.filter((f) => f.severity === 'rounding').length, 0);
    const errors = findings.filter((f) => f.severity === 'error');
    assert.deepEqual(
      errors.map((f) => f.rule),
      ['likely-slip', 't06-class-eq-sum-sections'],
    );
    const slip = errors[0];
    assert.ok(isDiagnosed(slip));
    assert.equal(slip.expected, 1138.53);
    assert.equal(slip.explains.length, 2);
  });

  it('skips docs/domain/rules.md 19 when the 补充信息 sheet leaves 机关运行经费 blank', async () => {
    const host = hostOf(seedSnapshots());
    host.setCell('补充信息', 'A1', '补充信息');
    host.setCell('补充信息', 'A3', '项目');
    host.setCell('补充信息', 'B3', '数值');
    host.setCell('补充信息', 'A4', '本年机关运行经费');
    const { findings } = await checkWorkbook(host);
    assert.equal(findings.filter((f) => f.rule === 'office-operation-cost-le-t06-public-total').length, 0);
    assert.equal(findings.length, 4);
  });

  it('reports missing tables once each and still checks the rest', async () => {
    const { findings } = await checkWorkbook(hostOf(seedSnapshots({ omit: ['gpbBasic', 'stateCapital'] })));
    const missing = findings.filter((f) => f.rule === 'table-missing');
    assert.deepEqual(
      missing.map((f) => f.table),
      ['gpbBasic', 'stateCapital'],
    );
    assert.match(missing[0].message, /未找到公开06表（一般公共预算财政拨款基本支出决算明细表）/);
    assert.equal(findings.filter((f) => f.severity === 'rounding').length, 2, '03’s two slips; 06 not read');
  });
});
