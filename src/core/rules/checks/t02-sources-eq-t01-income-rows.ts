import { columnName } from '../lines';
import { fixedSide } from '../rows';
import type { Rule } from '../types';

const PAIRS: Array<[column: string, summaryLine: string]> = [
  ['superior', 'inc.superior'],
  ['business', 'inc.business'],
  ['operating', 'inc.operating'],
  ['affiliated', 'inc.affiliated'],
  ['other', 'inc.other'],
];

/** docs/domain/rules.md 11: 02 合计行 上级补助/事业/经营/附属单位上缴/其他收入 = 01 rows 4–8. */
const rule: Rule = {
  meta: {
    id: 't02-sources-eq-t01-income-rows',
    description: '02表合计行上级补助、事业、经营、附属单位上缴、其他收入分别等于01表第4—8行',
    severity: 'error',
    tables: ['income', 'summary'],
    rulesMd: 11,
  },
  check(ctx) {
    for (const [col, id] of PAIRS) {
      const left = fixedSide(ctx, 'income', ['total'], [col], { suffix: columnName('income', col) });
      const right = fixedSide(ctx, 'summary', [id], ['amount']);
      if (left && right) ctx.compare({ left, right });
    }
  },
};
export default rule;
