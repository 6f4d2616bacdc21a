import { compareByCode } from '../cross';
import type { Rule } from '../types';

/** docs/domain/rules.md 14: 04 国有资本经营预算财政拨款 column = 09 本年支出, in total and per class. */
const rule: Rule = {
  meta: {
    id: 't04-statecapital-column-eq-t09',
    description: '04表国有资本经营预算财政拨款列（本年支出合计及各类）等于09表对应数',
    severity: 'error',
    tables: ['fiscalSummary', 'stateCapital'],
    rulesMd: 14,
  },
  check(ctx) {
    compareByCode(ctx, {
      left: { key: 'fiscalSummary', cols: ['stateCapital'] },
      right: { key: 'stateCapital', cols: ['total'] },
      filter: (l) => l.level === 'class' && l.side !== 'income',
      totals: { left: 'exp.total', right: 'total' },
    });
  },
};
export default rule;
