import { checkRowSums } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 7: 05/08/09 each row, 小计（合计）= 基本支出 + 项目支出. */
const rule: Rule = {
  meta: {
    id: 't05-08-09-row-total-eq-basic-plus-project',
    description: '05/08/09表每行支出小计（合计）等于基本支出与项目支出之和',
    severity: 'error',
    tables: ['gpbExpenditure', 'govFund', 'stateCapital'],
    rulesMd: 7,
  },
  check(ctx) {
    for (const key of rule.meta.tables) checkRowSums(ctx, key, 'total', ['basic', 'project']);
  },
};
export default rule;
