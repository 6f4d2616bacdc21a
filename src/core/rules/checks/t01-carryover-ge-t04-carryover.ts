import { fixedSide } from '../rows';
import type { Rule } from '../types';

/**
 * docs/domain/rules.md 17 (W): 01 年初结转和结余 ≥ 04 年初财政拨款结转和结余; the same for 年末.
 * 04's carry-over is its own line, or (when that line holds nothing) the sum of its fund rows.
 */
const rule: Rule = {
  meta: {
    id: 't01-carryover-ge-t04-carryover',
    description: '01表年初、年末结转和结余不应小于04表年初、年末财政拨款结转和结余',
    severity: 'warning',
    tables: ['summary', 'fiscalSummary'],
    rulesMd: 17,
  },
  check(ctx) {
    for (const [id, funds] of [
      ['inc.opening', ['inc.opening.gpb', 'inc.opening.govFund', 'inc.opening.stateCapital']],
      ['exp.closing', ['exp.closing.gpb', 'exp.closing.govFund', 'exp.closing.stateCapital']],
    ] as const) {
      const left = fixedSide(ctx, 'summary', [id], ['amount']);
      const own = fixedSide(ctx, 'fiscalSummary', [id], ['total', 'amount']);
      const split = fixedSide(ctx, 'fiscalSummary', [...funds], ['total', 'amount']);
      const ownEmpty = !own || own.terms.every((t) => 'blank' in t && t.blank);
      const right = ownEmpty && split ? split : own;
      if (left && right) ctx.compare({ left, right, relation: 'ge' });
    }
  },
};
export default rule;
