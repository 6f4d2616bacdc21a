import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 11: 01 本年收入合计 = 02 合计行本年收入合计. */
const rule: Rule = {
  meta: {
    id: 't01-income-total-eq-t02-total',
    description: '01表本年收入合计等于02表合计行本年收入合计',
    severity: 'error',
    tables: ['summary', 'income'],
    rulesMd: 11,
  },
  check(ctx) {
    const left = fixedSide(ctx, 'summary', ['inc.total'], ['amount']);
    const right = fixedSide(ctx, 'income', ['total'], ['total'], { suffix: '本年收入合计' });
    if (left && right) ctx.compare({ left, right });
  },
};
export default rule;
