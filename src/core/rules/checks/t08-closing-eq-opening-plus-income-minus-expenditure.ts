import { lineName } from '../lines';
import type { Rule, Term } from '../types';

/** docs/domain/rules.md 10 (W): 08 each row, 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出. */
const rule: Rule = {
  meta: {
    id: 't08-closing-eq-opening-plus-income-minus-expenditure',
    description: '08表年末结转和结余应等于年初结转和结余加本年收入减本年支出',
    severity: 'warning',
    tables: ['govFund'],
    rulesMd: 10,
  },
  check(ctx) {
    const t = ctx.table('govFund');
    if (!t) return;
    const tl = ctx.tableLabel('govFund');
    for (const l of t.lines) {
      const { closing, opening, income, total } = l.values;
      if (!closing || !total || (!opening && !income)) continue;
      const terms: Term[] = [];
      if (opening) terms.push({ amount: opening });
      if (income) terms.push({ amount: income });
      terms.push({ amount: total, sign: -1 });
      ctx.compare({
        left: { label: `${tl}${lineName(l, 'govFund')}年末结转和结余`, terms: [closing] },
        right: { label: '年初结转和结余+本年收入−本年支出', terms },
      });
    }
  },
};
export default rule;
