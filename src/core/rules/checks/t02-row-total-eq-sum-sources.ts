import { checkRowSums, FISCAL_FUND_COLUMNS, fiscalColumns } from '../rows';
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
    const t = ctx.table('income');
    checkRowSums(ctx, 'income', 'total', [...fiscalColumns(t), 'superior', 'business', 'operating', 'affiliated', 'other']);
    // 财政拨款收入 split by fund beside its own 小计: the 小计 adds up the funds.
    if (t && t.columns.fiscal !== undefined) checkRowSums(ctx, 'income', 'fiscal', FISCAL_FUND_COLUMNS);
  },
};
export default rule;
