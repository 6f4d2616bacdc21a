import { fixedSide } from '../rows';
import type { Rule } from '../types';

const INCOME_ROWS = ['inc.gpb', 'inc.govFund', 'inc.stateCapital', 'inc.superior', 'inc.business', 'inc.operating', 'inc.affiliated', 'inc.other'];

/** docs/domain/rules.md 1: 01 本年收入合计 = Σ income rows 1–8. */
const rule: Rule = {
  meta: {
    id: 't01-income-total-eq-sum-income-rows',
    description: '01表本年收入合计等于各项收入（第1—8行）之和',
    severity: 'error',
    tables: ['summary'],
    rulesMd: 1,
  },
  check(ctx) {
    const left = fixedSide(ctx, 'summary', ['inc.total'], ['amount']);
    const right = fixedSide(ctx, 'summary', INCOME_ROWS, ['amount']);
    if (left && right) ctx.compare({ left, right, derived: true });
  },
};
export default rule;
