import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 2: 01 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余. */
const rule: Rule = {
  meta: {
    id: 't01-income-grand-total-eq-parts',
    description: '01表收入总计等于本年收入合计、使用非财政拨款结余、年初结转和结余之和',
    severity: 'error',
    tables: ['summary'],
    rulesMd: 2,
  },
  check(ctx) {
    const left = fixedSide(ctx, 'summary', ['inc.grandTotal'], ['amount']);
    const right = fixedSide(ctx, 'summary', ['inc.total', 'inc.useNonFiscalBalance', 'inc.opening'], ['amount']);
    if (left && right) ctx.compare({ left, right });
  },
};
export default rule;
