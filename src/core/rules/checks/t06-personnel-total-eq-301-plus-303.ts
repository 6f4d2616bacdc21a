import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 8: 06 人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助. */
const rule: Rule = {
  meta: {
    id: 't06-personnel-total-eq-301-plus-303',
    description: '06表人员经费合计等于301工资福利支出与303对个人和家庭的补助之和',
    severity: 'error',
    tables: ['gpbBasic'],
    rulesMd: 8,
  },
  check(ctx) {
    const left = fixedSide(ctx, 'gpbBasic', ['personnelTotal'], ['amount']);
    const right = fixedSide(ctx, 'gpbBasic', ['301', '303'], ['amount']);
    if (left && right) ctx.compare({ left, right });
  },
};
export default rule;
