import { checkChildrenSum } from '../hierarchy';
import type { Rule } from '../types';

/** docs/domain/rules.md 5: 合计 = Σ 类, in every column of 02/03/05/08/09. */
const rule: Rule = {
  meta: {
    id: 'classified-total-eq-sum-classes',
    description: '02/03/05/08/09表合计行等于各类之和（逐列）',
    severity: 'error',
    tables: ['income', 'expenditure', 'gpbExpenditure', 'govFund', 'stateCapital'],
    rulesMd: 5,
  },
  check(ctx) {
    for (const key of rule.meta.tables) checkChildrenSum(ctx, key, 'total');
  },
};
export default rule;
