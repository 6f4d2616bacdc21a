import fc from 'fast-check';
import { roundHalfAway } from '../../../../src/core/figures';
import { inputsFromValues, type InputKey, type Inputs } from '../../../../src/core/inputs';
import type { WorkbookModel } from '../../../../src/core/model/tables';
import { smallModel, type SmallSpec } from '../draft/small-model';

/**
 * Random consistent workbooks with a filled 补充信息 sheet (last year's figures, 年初预算
 * per 项, 三公 budgets in 07, 政府采购, reasons), for the generated narrative corpus.
 */
export interface CorpusWorkbook {
  model: WorkbookModel;
  inputs: Inputs;
  year: number;
}

const money = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  // From 1.00 万元: a total of a few 元 makes every share a rounding question.
  { weight: 6, arbitrary: fc.integer({ min: 100, max: 500_000 }).map((x) => x / 100) },
);
const positive = fc.integer({ min: 100, max: 800_000 }).map((x) => x / 100);

const ITEMS: Record<string, string> = {
  '2010301': '行政运行',
  '2010302': '一般行政管理事务',
  '2050201': '小学教育',
  '2080505': '机关事业单位基本养老保险缴费支出',
  '2100410': '突发公共卫生事件应急处理',
  '2120199': '其他城乡社区管理事务支出',
};

const REASONS = ['按要求厉行节约，压减一般性支出', '新增项目资金', '人员增加，工资标准调整', '年中追加项目经费'];

/** The workbook of a seed (counterexamples then print as one number, not a model). */
export function workbookOfSeed(seed: number): CorpusWorkbook {
  return fc.sample(corpusWorkbook, { seed, numRuns: 1 })[0];
}

export const corpusWorkbook: fc.Arbitrary<CorpusWorkbook> = fc
  .record({
    codes: fc.subarray(Object.keys(ITEMS), { minLength: 1, maxLength: 4 }),
    amounts: fc.array(fc.tuple(money, positive, money), { minLength: 4, maxLength: 4 }),
    personnel: positive,
    public: positive,
    tp: fc.array(fc.tuple(money, money), { minLength: 4, maxLength: 4 }),
    priors: fc.array(positive, { minLength: 8, maxLength: 8 }),
    proc: fc.array(money, { minLength: 3, maxLength: 3 }),
    sme: fc.integer({ min: 0, max: 100 }),
    govFund: fc.option(fc.array(money, { minLength: 5, maxLength: 5 }), { nil: undefined, freq: 3 }),
    year: fc.constantFrom(2021, 2022, 2023, 2024),
    reason: fc.constantFrom(...REASONS),
  })
  .map((s) => {
    const items: SmallSpec['items'] = {};
    const budgets: Array<{ code: string; name: string; budget: number; reason: string }> = [];
    s.codes.forEach((code, i) => {
      const [basic, project, budget] = s.amounts[i];
      // 基本支出 sits on the first 项 and equals 06's 人员经费 + 公用经费.
      items[code] = [ITEMS[code], i === 0 ? roundHalfAway(s.personnel + s.public) : 0, project];
      void basic;
      budgets.push({ code, name: ITEMS[code], budget, reason: s.reason });
    });
    const [ab, aa] = s.tp[0];
    const [pb, pa] = s.tp[1];
    const [ob, oa] = s.tp[2];
    const [rb, ra] = s.tp[3];
    const spec: SmallSpec = {
      items,
      personnel: { '30101': ['基本工资', s.personnel] },
      public: { '30201': ['办公费', s.public] },
      threePublic: { abroad: [ab, aa], carPurchase: [pb, pa], carOperation: [ob, oa], reception: [rb, ra] },
      govFund: s.govFund && { opening: s.govFund[0], income: s.govFund[1], basic: s.govFund[2], project: s.govFund[3], closing: s.govFund[4] },
    };
    const total = roundHalfAway(s.proc[0] + s.proc[1] + s.proc[2]);
    const sme = roundHalfAway((total * s.sme) / 100);
    const values: Partial<Record<InputKey, number | string>> = {
      year: s.year,
      'prior.summaryTotal': s.priors[0],
      'prior.fiscalTotal': s.priors[1],
      'prior.gpbTotal': s.priors[2],
      'prior.threePublic.abroad': s.priors[3],
      'prior.threePublic.carPurchase': s.priors[4],
      'prior.threePublic.carOperation': s.priors[5],
      'prior.threePublic.reception': s.priors[6],
      'prior.operatingCost': s.priors[7],
      operatingCost: s.public,
      meeting: s.proc[0],
      training: s.proc[1],
      'procurement.goods': s.proc[0],
      'procurement.works': s.proc[1],
      'procurement.services': s.proc[2],
      'procurement.sme': sme,
      'procurement.small': roundHalfAway(sme / 2),
      'reason.summaryTotal': s.reason,
      'reason.fiscalTotal': s.reason,
      'reason.gpbTotal': s.reason,
      'reason.operatingCost': s.reason,
      'reason.threePublic.abroad.budget': s.reason,
      'reason.threePublic.abroad.change': s.reason,
      'reason.threePublic.car.budget': s.reason,
      'reason.threePublic.car.change': s.reason,
      'reason.threePublic.reception.budget': s.reason,
      'reason.threePublic.reception.change': s.reason,
    };
    return { model: smallModel(spec), inputs: inputsFromValues({ values, budgets }), year: s.year };
  });
