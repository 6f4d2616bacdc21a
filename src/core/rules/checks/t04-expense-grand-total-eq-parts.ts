import { columnName } from '../lines';
import { lineOf } from '../rows';
import type { Amount } from '../../model/tables';
import type { Rule } from '../types';

/**
 * docs/domain/rules.md 6: 04 支出总计 = 本年支出合计 + 年末财政拨款结转和结余, in the 合计 column and
 * in each fund column the carry-over line fills.
 */
const rule: Rule = {
  meta: {
    id: 't04-expense-grand-total-eq-parts',
    description: '04表支出总计等于本年支出合计与年末财政拨款结转和结余之和',
    severity: 'error',
    tables: ['fiscalSummary'],
    rulesMd: 6,
  },
  check(ctx) {
    const t = ctx.table('fiscalSummary');
    const grand = lineOf(t, 'exp.grandTotal');
    const total = lineOf(t, 'exp.total');
    const closing = lineOf(t, 'exp.closing');
    if (!grand || !total) return;
    const tl = ctx.tableLabel('fiscalSummary');
    for (const col of ['total', 'gpb', 'govFund', 'stateCapital', 'amount']) {
      const g = grand.values[col];
      const s = total.values[col];
      if (!g || !s) continue;
      // The 合计 column's carry-over may sit in the 合计 cell or (merged) in 金额.
      const c = closing?.values[col] ?? (col === 'total' ? closing?.values.amount : undefined);
      if (col !== 'total' && !c) continue;
      const terms: Amount[] = c ? [s, c] : [s];
      const name = columnName('fiscalSummary', col);
      ctx.compare({
        left: { label: `${tl}支出总计（${name}）`, terms: [g] },
        right: { label: c ? '本年支出合计+年末财政拨款结转和结余之和' : '本年支出合计', terms },
      });
    }
  },
};
export default rule;
