import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 6: 04 收入总计 = 支出总计 (合计 column). */
const rule: Rule = {
  meta: {
    id: 't04-income-grand-total-eq-expense-grand-total',
    description: '04表收入总计等于支出总计',
    severity: 'error',
    tables: ['fiscalSummary'],
    rulesMd: 6,
  },
  check(ctx) {
    const left = fixedSide(ctx, 'fiscalSummary', ['inc.grandTotal'], ['amount', 'total']);
    const right = fixedSide(ctx, 'fiscalSummary', ['exp.grandTotal'], ['total', 'amount']);
    if (left && right) ctx.compare({ left, right });
  },
};
export default rule;
