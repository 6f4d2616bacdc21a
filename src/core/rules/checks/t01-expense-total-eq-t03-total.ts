import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 12: 01 本年支出合计 = 03 合计行本年支出合计. */
const rule: Rule = {
  meta: {
    id: 't01-expense-total-eq-t03-total',
    description: '01表本年支出合计等于03表合计行本年支出合计',
    severity: 'error',
    tables: ['summary', 'expenditure'],
    rulesMd: 12,
  },
  check(ctx) {
    const left = fixedSide(ctx, 'summary', ['exp.total'], ['amount']);
    const right = fixedSide(ctx, 'expenditure', ['total'], ['total'], { suffix: '本年支出合计' });
    if (left && right) ctx.compare({ left, right });
  },
};
export default rule;
