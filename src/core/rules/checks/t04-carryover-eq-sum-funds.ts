import { fixedSide } from '../rows';
import type { Rule } from '../types';

/**
 * docs/domain/rules.md 6: 04 年初财政拨款结转和结余 = Σ its three fund rows; the same for 年末
 * (when the table splits the carry-over into rows; by-column layouts are covered by
 * t04-expense-row-total-eq-sum-funds).
 */
const rule: Rule = {
  meta: {
    id: 't04-carryover-eq-sum-funds',
    description: '04表年初、年末财政拨款结转和结余等于其下三项资金之和',
    severity: 'error',
    tables: ['fiscalSummary'],
    rulesMd: 6,
  },
  check(ctx) {
    for (const [head, parts] of [
      ['inc.opening', ['inc.opening.gpb', 'inc.opening.govFund', 'inc.opening.stateCapital']],
      ['exp.closing', ['exp.closing.gpb', 'exp.closing.govFund', 'exp.closing.stateCapital']],
    ] as const) {
      const left = fixedSide(ctx, 'fiscalSummary', [head], ['total', 'amount']);
      const right = fixedSide(ctx, 'fiscalSummary', [...parts], ['total', 'amount']);
      if (left && right) ctx.compare({ left, right });
    }
  },
};
export default rule;
