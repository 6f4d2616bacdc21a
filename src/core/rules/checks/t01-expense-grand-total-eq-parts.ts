import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 2: 01 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余. */
const rule: Rule = {
  meta: {
    id: 't01-expense-grand-total-eq-parts',
    description: '01表支出总计等于本年支出合计、结余分配、年末结转和结余之和',
    severity: 'error',
    tables: ['summary'],
    rulesMd: 2,
  },
  check(ctx) {
    const left = fixedSide(ctx, 'summary', ['exp.grandTotal'], ['amount']);
    const right = fixedSide(ctx, 'summary', ['exp.total', 'exp.balanceDistribution', 'exp.closing'], ['amount']);
    if (left && right) ctx.compare({ left, right });
  },
};
export default rule;
