import { fixedSide } from '../rows';
import type { Rule } from '../types';

/**
 * docs/domain/rules.md 19 (W): 机关运行经费 (from the 补充信息 inputs) ≤ 06 公用经费合计; often equal.
 * Skipped when the inputs do not give 机关运行经费.
 */
const rule: Rule = {
  meta: {
    id: 'office-operation-cost-le-t06-public-total',
    description: '机关运行经费（补充信息）不应大于06表公用经费合计',
    severity: 'warning',
    tables: ['gpbBasic'],
    rulesMd: 19,
  },
  check(ctx) {
    const cost = ctx.inputs.officeOperationCost;
    if (!cost) return;
    const right = fixedSide(ctx, 'gpbBasic', ['publicTotal'], ['amount']);
    if (!right) return;
    ctx.compare({ relation: 'le', left: { label: '补充信息机关运行经费', terms: [cost] }, right });
  },
};
export default rule;
