import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 13: 04 income rows 1–3 = 01 income rows 1–3, fund by fund. */
const rule: Rule = {
  meta: {
    id: 't04-fund-income-eq-t01-fund-income',
    description: '04表三项财政拨款收入（第1—3行）分别等于01表第1—3行',
    severity: 'error',
    tables: ['fiscalSummary', 'summary'],
    rulesMd: 13,
  },
  check(ctx) {
    for (const id of ['inc.gpb', 'inc.govFund', 'inc.stateCapital']) {
      const left = fixedSide(ctx, 'fiscalSummary', [id], ['amount', 'total']);
      const right = fixedSide(ctx, 'summary', [id], ['amount']);
      if (left && right) ctx.compare({ left, right });
    }
  },
};
export default rule;
