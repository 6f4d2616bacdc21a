import { strict as assert } from 'assert';
import type { CellValue } from '../../../src/core/cells';
import { INPUT_FIELDS, INPUT_SHEET_NAME, inputAddress, inputNumber, inputSheetPlan, inputText, readInputs } from '../../../src/core/inputs';
import type { SheetSnapshot } from '../../../src/core/model/snapshot';
import { SEED_2021_INPUTS } from '../../../src/core/sample/seed-2021-inputs';
import { MemoryHost } from '../../../src/hosts/memory/memory-host';
import { budgetRowsFromModel } from '../../../src/core/inputs';
import { seedModel } from '../figures/seed-model';

async function written(fill = SEED_2021_INPUTS) {
  const host = new MemoryHost();
  await host.apply({ create: [inputSheetPlan(fill)], update: [] });
  return host;
}

/** A snapshot built by hand: rows of cells from (top, left). */
function snap(name: string, rows: CellValue[][], top = 0, left = 0): SheetSnapshot {
  return { name, top, left, values: rows };
}

describe('补充信息: template and reader', () => {
  it('the template holds every field once, labelled, on the sheet 补充信息', () => {
    const plan = inputSheetPlan();
    assert.equal(plan.name, INPUT_SHEET_NAME);
    const labels = plan.cells.filter((c) => c.col === 0 && typeof c.value === 'string').map((c) => c.value as string);
    for (const f of INPUT_FIELDS) assert.equal(labels.filter((l) => l === f.label).length, 1, f.label);
    assert.equal(new Set(INPUT_FIELDS.map((f) => f.label)).size, INPUT_FIELDS.length, 'labels are unique');
    assert.ok(
      plan.cells.every((c) => c.formula === undefined),
      'the input sheet has no formulas',
    );
    for (const c of plan.cells) if (c.style) assert.ok(plan.styles[c.style], c.style);
  });

  it('round trip: the seed inputs written by the plan read back with their cells', async () => {
    const host = await written();
    const inputs = readInputs(await host.readSheets());
    assert.equal(inputs.found, true);
    assert.deepEqual(inputs.problems, []);
    assert.equal(inputNumber(inputs, 'year'), 2021);
    assert.equal(inputNumber(inputs, 'prior.summaryTotal'), 1764.99);
    assert.equal(inputNumber(inputs, 'count.car.fleet'), 35);
    assert.equal(inputText(inputs, 'reason.operatingCost'), '按区委区政府要求增收节支，厉行节约');
    assert.deepEqual(inputs.values['prior.summaryTotal']!.cell, { sheet: '补充信息', address: inputAddress('prior.summaryTotal') });
    assert.equal(inputs.budgets.length, 6);
    assert.deepEqual(
      inputs.budgets.map((b) => [b.code, b.budget]),
      [
        ['2010301', 328.99],
        ['2010302', 588.5],
        ['2010399', 0],
        ['2019999', 0],
        ['2100410', 0],
        ['2120199', 0],
      ],
    );
    assert.equal(inputs.budgets[0].reason, '基本支出人员经费年初预算不足，年中调增预算6.55万元');
    // 会议费 left blank: not given (the figures then use 06).
    assert.equal(inputs.values.meeting!.blank, true);
    assert.equal(inputNumber(inputs, 'meeting'), undefined);
  });

  it('a fresh template reads as defaults: counts 0, amounts and reasons not given', async () => {
    const host = new MemoryHost();
    await host.apply({ create: [inputSheetPlan()], update: [] });
    const inputs = readInputs(await host.readSheets());
    assert.equal(inputNumber(inputs, 'count.abroad.groups'), 0);
    assert.equal(inputNumber(inputs, 'prior.summaryTotal'), undefined);
    assert.equal(inputText(inputs, 'reason.summaryTotal'), '');
    assert.deepEqual(inputs.budgets, []);
  });

  it('reads by label, not by address: rows moved, extra columns, another sheet name with the title', () => {
    const s = snap(
      '其他名字',
      [
        ['补充信息（生成情况说明用）'],
        [],
        [null, '项目', '数值', '说明'],
        [null, '上年机关运行经费', '91.13'],
        [null, '决算年度', '2021年'],
        [null, ' 上年收、支总计 ', 1764.99],
        [null, '机关运行经费增减变动的主要原因', '厉行节约。'],
        [null, '年末公务用车保有量', '35辆'],
        [],
        [null, '科目编码', '科目名称', '年初预算数', '决算数与年初预算数差异的主要原因'],
        [null, 2010301, '行政运行', '328.99', '人员经费不足'],
        [null, '2010302 一般行政管理事务', null, 588.5, null],
      ],
      4,
      2,
    );
    const inputs = readInputs([snap('公开01表', [['收入支出决算总表']]), s]);
    assert.equal(inputs.sheet, '其他名字');
    assert.equal(inputNumber(inputs, 'prior.operatingCost'), 91.13);
    assert.deepEqual(inputs.values['prior.operatingCost']!.cell, { sheet: '其他名字', address: 'E8' });
    assert.equal(inputNumber(inputs, 'year'), 2021);
    assert.equal(inputNumber(inputs, 'prior.summaryTotal'), 1764.99);
    assert.equal(inputText(inputs, 'reason.operatingCost'), '厉行节约。');
    assert.equal(inputNumber(inputs, 'count.car.fleet'), 35);
    assert.deepEqual(
      inputs.budgets.map((b) => [b.code, b.name, b.budget, b.reason]),
      [
        ['2010301', '行政运行', 328.99, '人员经费不足'],
        ['2010302', '', 588.5, ''],
      ],
    );
    assert.deepEqual(inputs.budgets[0].cells.budget, { sheet: '其他名字', address: 'F15' });
  });

  it('bad values give Chinese messages naming sheet and cell, and are not used', () => {
    const s = snap(INPUT_SHEET_NAME, [
      ['项目', '数值'],
      ['上年收、支总计', '约一千七百万'],
      ['年末公务用车保有量', { error: '#REF!' }],
      ['因公出国（境）团组数', 1.5],
      ['科目编码', '科目名称', '年初预算数'],
      ['20103', '政府办公厅（室）及相关机构事务', 'abc'],
    ]);
    const inputs = readInputs([s]);
    assert.equal(inputNumber(inputs, 'prior.summaryTotal'), undefined);
    const messages = inputs.problems.map((p) => p.message);
    assert.deepEqual(messages, [
      '补充信息!B2：“上年收、支总计”应填写数字，现为“约一千七百万”。',
      '补充信息!B3：“年末公务用车保有量”的值是错误值 #REF!，请改为数字。',
      '补充信息!B4：“因公出国（境）团组数”应为整数，现为 1.5。',
      '补充信息!C6：年初预算数应填写数字，现为“abc”。',
      '补充信息!A6：科目编码“20103”不是7位的项级编码。',
    ]);
    assert.deepEqual(inputs.problems[0].cells, [{ sheet: '补充信息', address: 'B2' }]);
  });

  it('no 补充信息 sheet: found is false and nothing is given', () => {
    const inputs = readInputs([snap('公开01表', [['收入支出决算总表']])]);
    assert.equal(inputs.found, false);
    assert.equal(inputNumber(inputs, 'count.car.fleet'), undefined);
  });

  it('pre-fills the budget table with the 项 of 公开05表 that have money, budgets left blank', async () => {
    const rows = budgetRowsFromModel(seedModel());
    assert.deepEqual(
      rows.map((r) => r.code),
      ['2010301', '2010302', '2010399', '2019999', '2100410', '2120199'],
    );
    const host = new MemoryHost();
    await host.apply({ create: [inputSheetPlan({ budgets: rows })], update: [] });
    const inputs = readInputs(await host.readSheets());
    assert.deepEqual(inputs.budgets.map((b) => [b.code, b.name, b.budget]).slice(0, 2), [
      ['2010301', '行政运行', null],
      ['2010302', '一般行政管理事务', null],
    ]);
  });
});
