import { compareByCode } from '../cross';
import type { Rule } from '../types';

/** docs/domain/rules.md 12: each 01 expense class row = the 03 类 row of that class (本年支出合计). */
const rule: Rule = {
  meta: {
    id: 't01-classes-eq-t03-classes',
    description: '01表各支出功能分类（类）金额等于03表对应类的本年支出合计',
    severity: 'error',
    tables: ['summary', 'expenditure'],
    rulesMd: 12,
  },
  check(ctx) {
    compareByCode(ctx, {
      left: { key: 'summary', cols: ['amount'] },
      right: { key: 'expenditure', cols: ['total'] },
      filter: (l) => l.level === 'class' && l.side !== 'income',
    });
  },
};
export default rule;
