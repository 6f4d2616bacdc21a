import { strict as assert } from 'assert';
import { computeFigures, formatFigure, roundHalfAway, type Figures } from '../../../src/core/figures';
import type { FigureId } from '../../../src/core/figures/types';
import { emptyInputs, inputsFromValues } from '../../../src/core/inputs';
import { modelTable, modelWorkbook } from '../../../src/core/model/build';
import { SEED_2021_INPUTS } from '../../../src/core/sample/seed-2021-inputs';
import { seedModel } from './seed-model';

const at = (f: Figures, id: FigureId) => {
  const fig = f.get(id);
  assert.ok(fig, `figure ${id} missing`);
  return formatFigure(fig);
};
const cells = (f: Figures, id: FigureId) => f.get(id)!.cells.map((c) => `${c.sheet}!${c.address}`);

describe('figures: computeFigures on the seed (2021)', () => {
  const f = computeFigures(seedModel(), inputsFromValues(SEED_2021_INPUTS));

  it('totals and year-on-year changes follow from the tables and last year', () => {
    assert.equal(at(f, 'summary.total'), '1474.07');
    assert.equal(at(f, 'summary.total.prior'), '1764.99');
    assert.equal(at(f, 'summary.total.change'), '-290.92');
    assert.equal(at(f, 'summary.total.changeRate'), '-16.48');
    assert.equal(at(f, 'fiscal.total.change'), '-121.91');
    assert.equal(at(f, 'fiscal.total.changeRate'), '-7.98');
    assert.equal(at(f, 'operatingCost.changeRate'), '-37.78');
  });

  it('shares use their proper denominators', () => {
    assert.equal(at(f, 'income.fiscal.share'), '95.42');
    assert.deepEqual(f.get('income.fiscal.share')!.basis, { numerator: 'income.fiscal', denominator: 'income.total' });
    assert.equal(at(f, 'income.other.share'), '4.58');
    assert.equal(at(f, 'expenditure.basic.share'), '22.76');
    assert.equal(at(f, 'expenditure.project.share'), '77.24');
    assert.equal(at(f, 'gpb.total.share'), '95.42');
    assert.deepEqual(f.get('gpb.total.share')!.basis, { numerator: 'gpb.total', denominator: 'expenditure.total' });
    assert.equal(at(f, 'basic.personnel.share'), '83.10');
    assert.equal(at(f, 'basic.public.share'), '16.90');
    assert.deepEqual(f.get('basic.public.share')!.basis, { numerator: 'basic.public', denominator: 'basic.total' });
  });

  it('states 项目支出 as 03 holds it (1138.54), not the seed text’s 1138.53', () => {
    assert.equal(at(f, 'expenditure.project'), '1138.54');
    assert.deepEqual(cells(f, 'expenditure.project'), ['公开03表!E11']);
  });

  it('gives the class structure from 05 (一般公共服务 1256.53 = 89.34%, not 1406.53 = 100%)', () => {
    assert.equal(at(f, 'gpb.class.201'), '1256.53');
    assert.equal(at(f, 'gpb.class.201.share'), '89.34');
    assert.equal(at(f, 'gpb.class.210.share'), '7.11');
    assert.equal(at(f, 'gpb.class.212.share'), '3.55');
    assert.equal(f.get('gpb.class.201')!.label, '一般公共服务（类）');
    assert.equal(f.has('gpb.class.229'), false, '229 has no 一般公共预算 money');
  });

  it('computes 三公 completion as 92.51 ÷ 95 = 97.38% (the seed says 124.13%) and 公务用车 share 100%', () => {
    assert.equal(at(f, 'threePublic.total.completion'), '97.38');
    assert.deepEqual(cells(f, 'threePublic.total.completion'), ['公开07表!G13', '公开07表!A13']);
    assert.equal(at(f, 'threePublic.car.share'), '100.00');
    assert.equal(at(f, 'threePublic.car'), '92.51');
    assert.equal(at(f, 'threePublic.car.budgetDiff'), '-2.49');
    assert.equal(at(f, 'threePublic.car.changeRate'), '-30.31');
  });

  it('gives no rate over a zero base: no completion for a 0 budget, no rate for a 0 prior year', () => {
    assert.equal(at(f, 'gpb.item.2010399.budget'), '0.00');
    assert.equal(f.has('gpb.item.2010399.completion'), false);
    assert.equal(at(f, 'gpb.item.2010399.budgetDiff'), '282.16');
    assert.equal(f.has('threePublic.abroad.completion'), false);
    assert.equal(at(f, 'threePublic.abroad.change'), '0.00');
    assert.equal(f.has('threePublic.abroad.changeRate'), false);
  });

  it('per-项 budget vs actual and the total 年初预算 (917.49, 153.30%)', () => {
    assert.equal(at(f, 'gpb.item.2010301.completion'), '101.99');
    assert.equal(at(f, 'gpb.item.2010302.completion'), '107.78');
    assert.equal(at(f, 'gpb.total.budget'), '917.49');
    assert.equal(at(f, 'gpb.total.completion'), '153.30');
    assert.equal(f.get('gpb.item.2010301')!.label, '一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）');
    assert.deepEqual(
      f.get('gpb.item.2010301.budget')!.inputs.map((c) => c.sheet),
      ['补充信息'],
    );
  });

  it('takes 会议费/培训费 from 06 when the input sheet leaves them blank (培训费 0.44)', () => {
    assert.equal(at(f, 'training'), '0.44');
    assert.deepEqual(cells(f, 'training'), ['公开06表!F26']);
    assert.equal(at(f, 'meeting'), '0.00');
  });

  it('政府采购 total is goods + works + services, vehicles the sum of the kinds', () => {
    assert.equal(at(f, 'procurement.total'), '533.82');
    assert.equal(at(f, 'procurement.sme.share'), '99.68');
    assert.equal(at(f, 'assets.vehicles'), '36');
    assert.equal(f.get('assets.vehicles')!.countUnit, '辆');
  });

  it('matching() finds the figures a stated number may mean', () => {
    const ids = f.matching(95.42, '%').map((x) => x.id);
    assert.deepEqual(ids.sort(), ['gpb.total.share', 'income.fiscal.share']);
    assert.ok(f.matching(1406.53).some((x) => x.id === 'gpb.total'));
    assert.equal(f.matching(124.13).length, 0);
  });

  it('uses the 2021 wording for the 2021 table order, 2023 wording when the year is 2023', () => {
    assert.equal(f.edition.id, '2021');
    const m = seedModel();
    delete m.edition;
    const g = computeFigures(m, inputsFromValues({ values: { year: 2023 } }));
    assert.equal(g.edition.id, '2023');
    // A recognised edition wins over the year; an explicit one over both.
    assert.equal(computeFigures(seedModel(), inputsFromValues({ values: { year: 2023 } })).edition.id, '2021');
    assert.equal(computeFigures(seedModel(), inputsFromValues({ values: {} }), { edition: 'shanghai' }).edition.id, 'shanghai');
    assert.equal(g.get('threePublic.car')!.label, '公务用车购置及运行维护费');
  });
});

describe('figures: edge cases', () => {
  it('a missing prior year gives no change figures; a missing 三公 table gives no 三公 figures', () => {
    const m = modelWorkbook(modelTable('summary', [['inc.grandTotal', { amount: 10 }]]));
    const f = computeFigures(m, emptyInputs());
    assert.equal(f.value('summary.total'), 10);
    assert.equal(f.has('summary.total.change'), false);
    assert.equal(f.has('threePublic.total'), false);
  });

  it('a zero total gives no shares at all', () => {
    const m = modelWorkbook(modelTable('income', [['total', { total: 0, fiscal: 0, other: 0 }]]));
    const f = computeFigures(m, emptyInputs());
    assert.equal(f.value('income.total'), 0);
    assert.equal(f.has('income.fiscal.share'), false);
  });

  it('the total 年初预算 is left out while a 项 with money has no budget given', () => {
    const m = modelWorkbook(
      modelTable('gpbExpenditure', [
        ['total', { total: 30, basic: 10, project: 20 }],
        ['2010301', { total: 10, basic: 10, project: null }],
        ['2010302', { total: 20, basic: null, project: 20 }],
      ]),
    );
    const f = computeFigures(m, inputsFromValues({ budgets: [{ code: '2010301', name: '行政运行', budget: 8 }] }));
    assert.equal(f.value('gpb.item.2010301.completion'), 125);
    assert.equal(f.has('gpb.item.2010302.budget'), false);
    assert.equal(f.has('gpb.total.budget'), false);
  });

  it('rounds half away from zero at two decimals without binary noise', () => {
    assert.equal(roundHalfAway(1.005), 1.01);
    assert.equal(roundHalfAway(-1.005), -1.01);
    assert.equal(roundHalfAway(2.675), 2.68);
    assert.equal(roundHalfAway(0.004), 0);
  });
});
