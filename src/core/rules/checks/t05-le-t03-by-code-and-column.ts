import { compareByCode } from '../cross';
import type { Rule } from '../types';

/** docs/domain/rules.md 16 (W): for each code and column, 05 ≤ 03 (05 is the 一般公共预算 part of 03). */
const rule: Rule = {
  meta: {
    id: 't05-le-t03-by-code-and-column',
    description: '05表各科目的支出、基本支出、项目支出不应大于03表同一科目的对应数',
    severity: 'warning',
    tables: ['gpbExpenditure', 'expenditure'],
    rulesMd: 16,
  },
  check(ctx) {
    compareByCode(ctx, {
      left: { key: 'gpbExpenditure', cols: ['total', 'basic', 'project'] },
      right: { key: 'expenditure', cols: ['total', 'basic', 'project'] },
      relation: 'le',
      filter: (l) => l.level !== undefined,
      totals: { left: 'total', right: 'total' },
    });
  },
};
export default rule;
