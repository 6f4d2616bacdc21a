import { checkRowSums } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 9: 07 预算数 and 决算数: 合计 = 因公出国（境）费 + 公务用车小计 + 公务接待费. */
const rule: Rule = {
  meta: {
    id: 't07-total-eq-abroad-car-reception',
    description: '07表预算数、决算数的合计等于因公出国（境）费、公务用车购置及运行费、公务接待费之和',
    severity: 'error',
    tables: ['threePublic'],
    rulesMd: 9,
  },
  check(ctx) {
    checkRowSums(ctx, 'threePublic', 'total', ['abroad', 'carTotal', 'reception']);
  },
};
export default rule;
