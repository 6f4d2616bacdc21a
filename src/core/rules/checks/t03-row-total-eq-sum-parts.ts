import { checkRowSums } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 4: 03 each row, 本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助. */
const rule: Rule = {
  meta: {
    id: 't03-row-total-eq-sum-parts',
    description: '03表每行本年支出合计等于基本支出、项目支出、上缴上级支出、经营支出、对附属单位补助支出之和',
    severity: 'error',
    tables: ['expenditure'],
    rulesMd: 4,
  },
  check(ctx) {
    checkRowSums(ctx, 'expenditure', 'total', ['basic', 'project', 'toSuperior', 'operating', 'toAffiliated']);
  },
};
export default rule;
