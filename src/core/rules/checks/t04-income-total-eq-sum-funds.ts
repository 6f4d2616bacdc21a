import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 6: 04 本年收入合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算财政拨款 (rows 1–3). */
const rule: Rule = {
  meta: {
    id: 't04-income-total-eq-sum-funds',
    description: '04表本年收入合计等于三项财政拨款收入（第1—3行）之和',
    severity: 'error',
    tables: ['fiscalSummary'],
    rulesMd: 6,
  },
  check(ctx) {
    const left = fixedSide(ctx, 'fiscalSummary', ['inc.total'], ['amount', 'total']);
    const right = fixedSide(ctx, 'fiscalSummary', ['inc.gpb', 'inc.govFund', 'inc.stateCapital'], ['amount', 'total']);
    if (left && right) ctx.compare({ left, right });
  },
};
export default rule;
