import { checkChildrenSum } from '../hierarchy';
import type { Rule } from '../types';

/** docs/domain/rules.md 5: 类 = Σ 款 (by code prefix), in every column of 02/03/05/08/09. */
const rule: Rule = {
  meta: {
    id: 'classified-class-eq-sum-sections',
    description: '02/03/05/08/09表每个类等于其下各款之和（按科目编码，逐列）',
    severity: 'error',
    tables: ['income', 'expenditure', 'gpbExpenditure', 'govFund', 'stateCapital'],
    rulesMd: 5,
  },
  check(ctx) {
    for (const key of rule.meta.tables) checkChildrenSum(ctx, key, 'class');
  },
};
export default rule;
