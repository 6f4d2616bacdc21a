import { checkRowSums } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 6: 04 each expense row, 合计 = 一般公共预算 + 政府性基金 + 国有资本经营. */
const rule: Rule = {
  meta: {
    id: 't04-expense-row-total-eq-sum-funds',
    description: '04表支出每行合计等于一般公共预算、政府性基金预算、国有资本经营预算财政拨款三列之和',
    severity: 'error',
    tables: ['fiscalSummary'],
    rulesMd: 6,
  },
  check(ctx) {
    checkRowSums(ctx, 'fiscalSummary', 'total', ['gpb', 'govFund', 'stateCapital'], (l) => l.side !== 'income');
  },
};
export default rule;
