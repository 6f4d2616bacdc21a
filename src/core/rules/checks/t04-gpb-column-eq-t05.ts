import { compareByCode } from '../cross';
import type { Rule } from '../types';

/** docs/domain/rules.md 14: 04 一般公共预算财政拨款 column = 05 本年支出, in total and per class. */
const rule: Rule = {
  meta: {
    id: 't04-gpb-column-eq-t05',
    description: '04表一般公共预算财政拨款列（本年支出合计及各类）等于05表对应数',
    severity: 'error',
    tables: ['fiscalSummary', 'gpbExpenditure'],
    rulesMd: 14,
  },
  check(ctx) {
    compareByCode(ctx, {
      left: { key: 'fiscalSummary', cols: ['gpb'] },
      right: { key: 'gpbExpenditure', cols: ['total'] },
      filter: (l) => l.level === 'class' && l.side !== 'income',
      totals: { left: 'exp.total', right: 'total' },
    });
  },
};
export default rule;
