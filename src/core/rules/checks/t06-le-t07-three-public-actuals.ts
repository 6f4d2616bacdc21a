import { columnName } from '../lines';
import { lineOf } from '../rows';
import type { Rule } from '../types';

const PAIRS: Array<[code: string, name: string, column: string]> = [
  ['30212', '因公出国（境）费用', 'abroad'],
  ['30217', '公务接待费', 'reception'],
  ['30231', '公务用车运行维护费', 'carOperation'],
  ['31013', '公务用车购置', 'carPurchase'],
];

/**
 * docs/domain/rules.md 18 (W): 06 basic-expenditure items cannot exceed the matching 07 决算 items
 * (07 also counts 项目支出, so they need not be equal).
 */
const rule: Rule = {
  meta: {
    id: 't06-le-t07-three-public-actuals',
    description: '06表因公出国（境）费用、公务接待费、公务用车运行维护费、公务用车购置不应大于07表对应决算数',
    severity: 'warning',
    tables: ['gpbBasic', 'threePublic'],
    rulesMd: 18,
  },
  check(ctx) {
    const t06 = ctx.table('gpbBasic');
    const actual = lineOf(ctx.table('threePublic'), 'actual');
    if (!t06 || !actual) return;
    const codes = new Map(t06.lines.filter((l) => l.code).map((l) => [l.code!, l] as const));
    for (const [code, name, col] of PAIRS) {
      const item = codes.get(code);
      const a = item?.values.amount;
      const b = actual.values[col];
      if (!item || !a || !b) continue;
      ctx.compare({
        relation: 'le',
        left: { label: `${ctx.tableLabel('gpbBasic')}${code}${name}`, terms: [a] },
        right: { label: `${ctx.tableLabel('threePublic')}决算数${columnName('threePublic', col)}`, terms: [b] },
      });
    }
  },
};

export default rule;
