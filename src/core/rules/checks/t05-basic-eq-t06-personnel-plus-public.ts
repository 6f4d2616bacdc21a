import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 15: 05 合计行基本支出 = 06 人员经费合计 + 公用经费合计. */
const rule: Rule = {
  meta: {
    id: 't05-basic-eq-t06-personnel-plus-public',
    description: '05表基本支出合计等于06表人员经费合计与公用经费合计之和',
    severity: 'error',
    tables: ['gpbExpenditure', 'gpbBasic'],
    rulesMd: 15,
  },
  check(ctx) {
    const left = fixedSide(ctx, 'gpbExpenditure', ['total'], ['basic'], { suffix: '基本支出' });
    const right = fixedSide(ctx, 'gpbBasic', ['personnelTotal', 'publicTotal'], ['amount']);
    if (left && right) ctx.compare({ left, right });
  },
};
export default rule;
