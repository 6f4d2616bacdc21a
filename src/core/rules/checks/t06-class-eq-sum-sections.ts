import { checkChildrenSum } from '../hierarchy';
import type { Rule } from '../types';

/** docs/domain/rules.md 8: in 06 each economic 类 (301, 302 …) = Σ its 款 (30101 …). */
const rule: Rule = {
  meta: {
    id: 't06-class-eq-sum-sections',
    description: '06表每个经济分类的类等于其下各款之和',
    severity: 'error',
    tables: ['gpbBasic'],
    rulesMd: 8,
  },
  check(ctx) {
    checkChildrenSum(ctx, 'gpbBasic', 'class');
  },
};
export default rule;
