import { a1, type CellRef } from '../../cells';
import type { Amount, TableKey } from '../../model/tables';
import { formatAmount } from '../compare';
import { lineOf } from '../rows';
import type { Rule } from '../types';

const FUNDS: Array<{ col: string; table: TableKey; name: string; lines: string[] }> = [
  {
    col: 'govFund',
    table: 'govFund',
    name: '政府性基金预算财政拨款',
    lines: ['inc.govFund', 'inc.opening.govFund', 'exp.closing.govFund'],
  },
  {
    col: 'stateCapital',
    table: 'stateCapital',
    name: '国有资本经营预算财政拨款',
    lines: ['inc.stateCapital', 'inc.opening.stateCapital', 'exp.closing.stateCapital'],
  },
];

const NO_DATA = /无数据/;

/**
 * docs/domain/rules.md 20: a fund with no money in 04 (its column and rows all zero) leaves its
 * table (08 / 09) empty with the 无数据 note; a fund with money fills its table.
 */
const rule: Rule = {
  meta: {
    id: 't04-fund-without-money-t08-t09-no-data',
    description: '04表政府性基金、国有资本经营预算财政拨款无数时，08、09表应为空并注明无数据；有数时不应为空',
    severity: 'error',
    tables: ['govFund', 'stateCapital', 'fiscalSummary'],
    rulesMd: 20,
  },
  check(ctx) {
    const t04 = ctx.table('fiscalSummary');
    if (!t04) return;
    for (const fund of FUNDS) {
      const t = ctx.table(fund.table);
      if (!t) continue;
      // The fund's money in 04: its expense column and its income / carry-over rows.
      const known: Amount[] = [];
      if (t04.columns[fund.col] !== undefined) {
        for (const l of t04.lines) if (l.side !== 'income' && l.values[fund.col]) known.push(l.values[fund.col]!);
      }
      for (const id of fund.lines) {
        const l = lineOf(t04, id);
        const a = l?.values.amount ?? l?.values.total;
        if (a) known.push(a);
      }
      if (known.length === 0) continue;
      const withMoney = known.filter((a) => !a.blank && a.value !== 0 && !Number.isNaN(a.value));
      const filled: CellRef[] = [];
      for (const l of t.lines) {
        for (const a of Object.values(l.values)) if (a && !a.blank && a.value !== 0) filled.push(a.cell);
      }
      const hasNote = t.notes.some((n) => NO_DATA.test(n));
      const tl = ctx.tableLabel(fund.table);
      const fl = ctx.tableLabel('fiscalSummary');
      const head: CellRef = { sheet: t.sheet, address: a1(t.range.top, t.range.left) };
      if (withMoney.length === 0 && filled.length > 0) {
        ctx.report({
          table: fund.table,
          message: `${fl}${fund.name}各项均为零，但${tl}填有 ${filled.length} 个非零数，两表矛盾`,
          cells: filled,
        });
      } else if (withMoney.length > 0 && filled.length === 0) {
        const biggest = withMoney.reduce((m, a) => (Math.abs(a.value) > Math.abs(m.value) ? a : m));
        ctx.report({
          table: fund.table,
          message: `${fl}${fund.name}有数（如 ${formatAmount(biggest.value)}），但${tl}没有数据`,
          cells: [...withMoney.map((a) => a.cell), head],
        });
      } else if (withMoney.length === 0 && !hasNote) {
        ctx.report({
          table: fund.table,
          severity: 'warning',
          message: `${tl}没有数据，但表下未注明“本表无数据”及原因`,
          cells: [head],
        });
      } else if (withMoney.length > 0 && hasNote) {
        ctx.report({
          table: fund.table,
          severity: 'warning',
          message: `${tl}填有数据，表下却注明“本表无数据”`,
          cells: [head],
        });
      }
    }
  },
};
export default rule;
