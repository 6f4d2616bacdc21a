import { partsLabel } from '../compare';
import { lineOf } from '../rows';
import type { Rule } from '../types';

/** docs/domain/rules.md 1: 01 本年支出合计 = Σ the functional class rows. */
const rule: Rule = {
  meta: {
    id: 't01-expense-total-eq-sum-classes',
    description: '01表本年支出合计等于各支出功能分类（类）之和',
    severity: 'error',
    tables: ['summary'],
    rulesMd: 1,
  },
  check(ctx) {
    const t = ctx.table('summary');
    const total = lineOf(t, 'exp.total')?.values.amount;
    if (!t || !total) return;
    const classes = t.lines.filter((l) => l.level === 'class' && l.side !== 'income' && l.values.amount);
    const terms = classes.map((l) => l.values.amount!);
    const codes = classes.filter((l) => !l.values.amount!.blank).map((l) => l.code ?? l.id);
    ctx.compare({
      left: { label: `${ctx.tableLabel('summary')}本年支出合计`, terms: [total] },
      right: { label: `${partsLabel(codes, '类')}支出之和`, terms },
    });
  },
};
export default rule;
