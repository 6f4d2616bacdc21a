import { fixedSide } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 11: 02 合计行财政拨款收入 = 01 rows 1–3 (the three 财政拨款收入). */
const rule: Rule = {
  meta: {
    id: 't02-fiscal-eq-t01-fiscal-income',
    description: '02表合计行财政拨款收入等于01表三项财政拨款收入（第1—3行）之和',
    severity: 'error',
    tables: ['income', 'summary'],
    rulesMd: 11,
  },
  check(ctx) {
    const left = fixedSide(ctx, 'income', ['total'], ['fiscal'], { suffix: '财政拨款收入' });
    const right = fixedSide(ctx, 'summary', ['inc.gpb', 'inc.govFund', 'inc.stateCapital'], ['amount']);
    if (left && right) ctx.compare({ left, right });
  },
};
export default rule;
