import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 6: 04 收入总计 = 本年收入合计 + 年初财政拨款结转和结余. */
const rule: Rule = {
  meta: {
    id: 't04-income-grand-total-eq-parts',
    description: '04表收入总计等于本年收入合计与年初财政拨款结转和结余之和',
    severity: 'error',
    tables: ['fiscalSummary'],
    rulesMd: 6,
  },
  check(ctx) {
    const cols = ['amount', 'total'];
    const left = fixedSide(ctx, 'fiscalSummary', ['inc.grandTotal'], cols);
    const right = fixedSide(ctx, 'fiscalSummary', ['inc.total', 'inc.opening'], cols);
    if (left && right) ctx.compare({ left, right });
  },
};
export default rule;
