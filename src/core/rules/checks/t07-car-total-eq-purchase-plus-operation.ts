import { checkRowSums } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 9: 07 预算数 and 决算数: 公务用车小计 = 购置费 + 运行费. */
const rule: Rule = {
  meta: {
    id: 't07-car-total-eq-purchase-plus-operation',
    description: '07表预算数、决算数的公务用车购置及运行费小计等于购置费与运行费之和',
    severity: 'error',
    tables: ['threePublic'],
    rulesMd: 9,
  },
  check(ctx) {
    checkRowSums(ctx, 'threePublic', 'carTotal', ['carPurchase', 'carOperation']);
  },
};
export default rule;
