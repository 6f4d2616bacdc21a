import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 13: 04 本年收入合计 = 02 合计行财政拨款收入. */
const rule: Rule = {
  meta: {
    id: 't04-income-total-eq-t02-fiscal',
    description: '04表本年收入合计等于02表合计行财政拨款收入',
    severity: 'error',
    tables: ['fiscalSummary', 'income'],
    rulesMd: 13,
  },
  check(ctx) {
    const left = fixedSide(ctx, 'fiscalSummary', ['inc.total'], ['amount', 'total']);
    const right = fixedSide(ctx, 'income', ['total'], ['fiscal'], { suffix: '财政拨款收入' });
    if (left && right) ctx.compare({ left, right });
  },
};
export default rule;
