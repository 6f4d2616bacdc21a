import { compareByCode } from '../cross';
import type { Rule } from '../types';

/** docs/domain/rules.md 14: 04 政府性基金预算财政拨款 column = 08 本年支出, in total and per class. */
const rule: Rule = {
  meta: {
    id: 't04-govfund-column-eq-t08',
    description: '04表政府性基金预算财政拨款列（本年支出合计及各类）等于08表对应数',
    severity: 'error',
    tables: ['fiscalSummary', 'govFund'],
    rulesMd: 14,
  },
  check(ctx) {
    compareByCode(ctx, {
      left: { key: 'fiscalSummary', cols: ['govFund'] },
      right: { key: 'govFund', cols: ['total'] },
      filter: (l) => l.level === 'class' && l.side !== 'income',
      totals: { left: 'exp.total', right: 'total' },
    });
  },
};
export default rule;
