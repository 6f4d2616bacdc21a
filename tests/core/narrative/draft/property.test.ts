import { strict as assert } from 'assert';
import fc from 'fast-check';
import { roundHalfAway } from '../../../../src/core/figures';
import { inputsFromValues, type InputKey } from '../../../../src/core/inputs';
import { draftFromModel } from '../../../../src/core/narrative/draft';
import { smallModel, type SmallSpec } from './small-model';

/**
 * For random consistent tables and inputs, every percentage the draft states
 * recomputes from the amounts stated in the same sentence:
 *   占/完成 … p%      p = a ÷ b × 100 for two amounts a, b of the sentence;
 *   增长 p% / 下降 p%  p = Δ ÷ (T − Δ) or Δ ÷ (T + Δ) for the sentence's amount T
 *                     and the change Δ just before;
 * and the sign words agree (增加 … 增长, 减少 … 下降, never the other pair).
 */

const money = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 2_000_000 }).map((x) => x / 100) });
const ITEM_CODES = ['2010301', '2010302', '2050201', '2080505', '2100410', '2120199'];
const ITEM_NAMES: Record<string, string> = {
  '2010301': '行政运行',
  '2010302': '一般行政管理事务',
  '2050201': '小学教育',
  '2080505': '机关事业单位基本养老保险缴费支出',
  '2100410': '突发公共卫生事件应急处理',
  '2120199': '其他城乡社区管理事务支出',
};

const scenario = fc.record({
  items: fc
    .subarray(ITEM_CODES, { minLength: 1 })
    .chain((codes) => fc.tuple(...codes.map((c) => fc.tuple(fc.constant(c), money, money, fc.option(money, { nil: undefined }))))),
  personnel: money,
  public: money,
  tp: fc.array(money, { minLength: 8, maxLength: 8 }),
  priors: fc.array(money, { minLength: 8, maxLength: 8 }),
  proc: fc.array(money, { minLength: 3, maxLength: 3 }),
  sme: fc.float({ min: 0, max: 1, noNaN: true }),
  govFund: fc.option(fc.array(money, { minLength: 5, maxLength: 5 }), { nil: undefined }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario) {
  const items: SmallSpec['items'] = {};
  for (const [code, b, p] of s.items) items[code] = [ITEM_NAMES[code], b, p];
  const [ab, aa, pb, pa, ob, oa, rb, ra] = s.tp;
  const spec: SmallSpec = {
    items,
    personnel: { '30101': ['基本工资', s.personnel] },
    public: { '30201': ['办公费', s.public] },
    threePublic: { abroad: [ab, aa], carPurchase: [pb, pa], carOperation: [ob, oa], reception: [rb, ra] },
    govFund: s.govFund && { opening: s.govFund[0], income: s.govFund[1], basic: s.govFund[2], project: s.govFund[3], closing: s.govFund[4] },
  };
  const total = s.proc[0] + s.proc[1] + s.proc[2];
  const sme = roundHalfAway(total * s.sme);
  const values: Partial<Record<InputKey, number | string>> = {
    year: 2022,
    'prior.summaryTotal': s.priors[0],
    'prior.fiscalTotal': s.priors[1],
    'prior.gpbTotal': s.priors[2],
    'prior.threePublic.abroad': s.priors[3],
    'prior.threePublic.carPurchase': s.priors[4],
    'prior.threePublic.carOperation': s.priors[5],
    'prior.threePublic.reception': s.priors[6],
    'prior.operatingCost': s.priors[7],
    operatingCost: s.personnel,
    'procurement.goods': s.proc[0],
    'procurement.works': s.proc[1],
    'procurement.services': s.proc[2],
    'procurement.sme': sme,
    'procurement.small': roundHalfAway(sme / 2),
  };
  const budgets = s.items.filter(([, , , b]) => b !== undefined).map(([code, , , b]) => ({ code, name: ITEM_NAMES[code], budget: b as number }));
  return draftFromModel(smallModel(spec), inputsFromValues({ values, budgets }));
}

/** Split into sentences: full stops and paragraph breaks. */
function sentences(text: string): string[] {
  return text.split(/[。\n]/).filter((s) => s.trim());
}

function checkSentence(s: string): void {
  const amounts = [...s.matchAll(/(\d+\.\d{2})万元/g)].map((m) => Number(m[1]));
  for (const m of s.matchAll(/(增长|下降|占[^0-9%]*?|完成[^0-9%]*?)(\d+\.\d{2})%/g)) {
    const word = m[1];
    const p = Number(m[2]);
    const before = s.slice(0, m.index);
    if (word === '增长' || word === '下降') {
      // The change is the amount right before: "增加Δ万元，增长p%".
      const change = /(增加|减少)(\d+\.\d{2})万元，$/.exec(before);
      assert.ok(change, `rate without its change: ${s}`);
      assert.equal(change[1] === '增加', word === '增长', `sign words disagree: ${s}`);
      const delta = Number(change[2]);
      const ok = amounts.some((t) => {
        const prior = roundHalfAway(word === '增长' ? t - delta : t + delta);
        return prior !== 0 && roundHalfAway((delta / prior) * 100) === p;
      });
      assert.ok(ok, `rate ${p}% does not recompute: ${s}`);
    } else {
      const ok = amounts.some((a) => amounts.some((b) => b !== 0 && roundHalfAway((a / b) * 100) === p));
      assert.ok(ok, `share ${p}% does not recompute from the sentence's amounts: ${s}`);
    }
  }
  assert.doesNotMatch(s, /增加[\d.]+万元，下降|减少[\d.]+万元，增长/);
}

describe('narrative draft: property — percentages recompute from their sentence', () => {
  it('holds for random consistent tables and inputs', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const d = build(s);
        let pcts = 0;
        for (const sec of d.sections) {
          for (const sent of sentences(sec.text)) {
            checkSentence(sent);
            pcts += (sent.match(/%/g) ?? []).length;
          }
          assert.doesNotMatch(sec.text, /NaN|Infinity|undefined|-\d/, `bad number in ${sec.id}`);
        }
        assert.ok(pcts > 0);
      }),
      { numRuns: 300 },
    );
  });

  it('the checker rejects a wrong percentage (the seed’s 124.13%)', () => {
    assert.throws(() => checkSentence('“三公”经费财政拨款支出预算为95.00万元，支出决算为92.51万元，完成预算的124.13%'));
    assert.throws(() => checkSentence('收、支总计1474.07万元，与上年相比，减少290.92万元，增长16.48%'));
    checkSentence('收、支总计1474.07万元，与上年相比，减少290.92万元，下降16.48%');
  });
});
