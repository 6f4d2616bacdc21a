import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 8: 06 公用经费合计 = 302 + 307 + 310 + 399 (whichever the profile shows). */
const rule: Rule = {
  meta: {
    id: 't06-public-total-eq-302-307-310-399',
    description: '06表公用经费合计等于302商品和服务支出、307债务利息及费用支出、310资本性支出、399其他支出之和',
    severity: 'error',
    tables: ['gpbBasic'],
    rulesMd: 8,
  },
  check(ctx) {
    const left = fixedSide(ctx, 'gpbBasic', ['publicTotal'], ['amount']);
    const right = fixedSide(ctx, 'gpbBasic', ['302', '307', '310', '399'], ['amount']);
    if (left && right) ctx.compare({ left, right });
  },
};
export default rule;
