import { partsLabel } from '../compare';
import { columnIds, columnName } from '../lines';
import { lineOf } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 6: 04 本年支出合计 = Σ class rows, in each column (合计 and the three funds). */
const rule: Rule = {
  meta: {
    id: 't04-expense-total-eq-sum-classes',
    description: '04表本年支出合计等于各支出功能分类（类）之和（逐列）',
    severity: 'error',
    tables: ['fiscalSummary'],
    rulesMd: 6,
  },
  check(ctx) {
    const t = ctx.table('fiscalSummary');
    const total = lineOf(t, 'exp.total');
    if (!t || !total) return;
    const classes = t.lines.filter((l) => l.level === 'class' && l.side !== 'income');
    for (const col of columnIds(t)) {
      const own = total.values[col];
      if (!own) continue;
      const withCol = classes.filter((l) => l.values[col]);
      const codes = withCol.filter((l) => !l.values[col]!.blank).map((l) => l.code ?? l.id);
      const name = columnName('fiscalSummary', col);
      ctx.compare({
        left: { label: `${ctx.tableLabel('fiscalSummary')}本年支出合计（${name}）`, terms: [own] },
        right: { label: `${partsLabel(codes, '类')}${name}之和`, terms: withCol.map((l) => l.values[col]!) },
      });
    }
  },
};
export default rule;
