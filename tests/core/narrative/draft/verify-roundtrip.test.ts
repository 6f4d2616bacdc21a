import { strict as assert } from 'assert';
import fc from 'fast-check';
import { inputsFromValues } from '../../../../src/core/inputs';
import { draftFromModel, narrativeText } from '../../../../src/core/narrative/draft';
import { verifyText } from '../../../../src/core/narrative/verify';
import { SEED_2021_INPUTS } from '../../../../src/core/sample/seed-2021-inputs';
import { seedModel } from '../../figures/seed-model';
import { smallModel } from './small-model';

/** The draft and the narrative verifier (issue #5) agree: a drafted text has no errors. */
describe('narrative draft ↔ verifier', () => {
  it('the seed draft: no errors; only the tables’ own 尾数差异 and the numbers inside user reasons remain', () => {
    const inputs = inputsFromValues(SEED_2021_INPUTS);
    const findings = verifyText(seedModel(), inputs, narrativeText(draftFromModel(seedModel(), inputs)));
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error').map((f) => f.message),
      [],
    );
    const rounding = findings.filter((f) => f.severity === 'rounding');
    assert.equal(rounding.length, 1);
    assert.match(rounding[0].message, /335\.54\+1138\.54/);
    assert.ok(findings.filter((f) => f.severity === 'warning').every((f) => f.message.includes('原因说明')));
  });

  it('random tables and inputs: the verifier finds no errors in the draft', () => {
    const money = fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 2_000_000 }).map((x) => x / 100),
    );
    fc.assert(
      fc.property(fc.array(money, { minLength: 8, maxLength: 8 }), ([a, b, c, d, e, p1, p2, bud]) => {
        const m = smallModel({
          items: { '2010301': ['行政运行', a, 0], '2120199': ['其他城乡社区管理事务支出', 0, b] },
          personnel: { '30101': ['基本工资', a] },
          public: {},
          threePublic: { abroad: [c, d], carPurchase: [0, 0], carOperation: [e, d], reception: [0, 0] },
        });
        const inputs = inputsFromValues({
          values: {
            year: 2022,
            'prior.summaryTotal': p1,
            'prior.fiscalTotal': p2,
            'prior.gpbTotal': p1,
            'prior.threePublic.abroad': p2,
            'prior.threePublic.carPurchase': 0,
            'prior.threePublic.carOperation': p1,
            'prior.threePublic.reception': 0,
          },
          budgets: [
            { code: '2010301', name: '行政运行', budget: bud },
            { code: '2120199', name: '其他城乡社区管理事务支出', budget: 0 },
          ],
        });
        const text = narrativeText(draftFromModel(m, inputs));
        const errors = verifyText(m, inputs, text).filter((f) => f.severity === 'error');
        assert.deepEqual(
          errors.map((f) => f.message),
          [],
          text,
        );
      }),
      { numRuns: 100 },
    );
  });
});
