import { checkChildrenSum } from '../hierarchy';
import type { Rule } from '../types';

/** docs/domain/rules.md 5: 款 = Σ 项 (by code prefix), in every column of 02/03/05/08/09. */
const rule: Rule = {
  meta: {
    id: 'classified-section-eq-sum-items',
    description: '02/03/05/08/09表每个款等于其下各项之和（按科目编码，逐列）',
    severity: 'error',
    tables: ['income', 'expenditure', 'gpbExpenditure', 'govFund', 'stateCapital'],
    rulesMd: 5,
  },
  check(ctx) {
    for (const key of rule.meta.tables) checkChildrenSum(ctx, key, 'section');
  },
};
export default rule;
