import { checkRowSums } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 3: 02 each row, 本年收入合计 = the six source columns. */
const rule: Rule = {
  meta: {
    id: 't02-row-total-eq-sum-sources',
    description: '02表每行本年收入合计等于财政拨款、上级补助、事业、经营、附属单位上缴、其他收入之和',
    severity: 'error',
    tables: ['income'],
    rulesMd: 3,
  },
  check(ctx) {
    checkRowSums(ctx, 'income', 'total', ['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other']);
  },
};
export default rule;
