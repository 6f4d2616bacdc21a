import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 2: 01 收入总计 = 支出总计. */
const rule: Rule = {
  meta: {
    id: 't01-income-grand-total-eq-expense-grand-total',
    description: '01表收入总计等于支出总计',
    severity: 'error',
    tables: ['summary'],
    rulesMd: 2,
  },
  check(ctx) {
    const left = fixedSide(ctx, 'summary', ['inc.grandTotal'], ['amount']);
    const right = fixedSide(ctx, 'summary', ['exp.grandTotal'], ['amount']);
    if (left && right) ctx.compare({ left, right });
  },
};
export default rule;
