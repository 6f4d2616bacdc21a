import type { ColumnId, Line, TableKey } from '../model/tables';
import { columnName, linesByCode, lineName } from './lines';
import { lineOf } from './rows';
import type { RuleContext } from './types';

export interface CodeMatch {
  /** The two tables and the columns compared, paired by position (left.cols[i] with right.cols[i]). */
  left: { key: TableKey; cols: ColumnId[] };
  right: { key: TableKey; cols: ColumnId[] };
  relation?: 'eq' | 'le' | 'ge';
  /** Which lines take part (e.g. only 类 rows). */
  filter: (l: Line) => boolean;
  /** Also compare the two tables' total lines (by id). */
  totals?: { left: string; right: string };
  /** The left table's lines may be linked to the right's by formula (they follow it); not the totals. */
  follows?: boolean;
}

/**
 * Line by line across two tables, matched by code (docs/domain/rules.md 12, 14, 16): every code
 * either table has takes part; a code missing on one side counts as 0 there. Each
 * table's lines are indexed once (linear in the lines).
 */
export function compareByCode(ctx: RuleContext, m: CodeMatch): void {
  const lt = ctx.table(m.left.key);
  const rt = ctx.table(m.right.key);
  if (!lt || !rt) return;
  // Column pairs both layouts have (a foreign 04 lacking 国有资本经营, say, is not compared there).
  const cols = m.left.cols.map((c, i) => [c, m.right.cols[i]] as const).filter(([a, b]) => lt.columns[a] !== undefined && rt.columns[b] !== undefined);
  if (cols.length === 0) return;
  const ll = ctx.tableLabel(m.left.key);
  const rl = ctx.tableLabel(m.right.key);
  const pairs: Array<[Line | undefined, Line | undefined]> = [];
  let totalPair: [Line | undefined, Line | undefined] | undefined;
  if (m.totals) {
    const a = lineOf(lt, m.totals.left);
    const b = lineOf(rt, m.totals.right);
    if (a || b) pairs.push((totalPair = [a, b]));
  }
  const leftByCode = linesByCode(lt, m.filter);
  const rightByCode = linesByCode(rt, m.filter);
  for (const [code, a] of leftByCode) pairs.push([a, rightByCode.get(code)]);
  for (const [code, b] of rightByCode) if (!leftByCode.has(code)) pairs.push([undefined, b]);
  for (const [lc, rc] of cols) {
    // 01's and 06's single 金额/决算数 column goes without saying.
    const named = (key: TableKey, col: ColumnId) => (col === 'amount' ? '' : columnName(key, col));
    const lname = () => named(m.left.key, lc);
    const rname = () => named(m.right.key, rc);
    for (const pair of pairs) {
      const [a, b] = pair;
      const av = a?.values[lc];
      const bv = b?.values[rc];
      if (!av && !bv) continue;
      const derived = m.follows === true && pair !== totalPair;
      if (ctx.passes(av ? [av] : [], bv ? [bv] : [], { relation: m.relation, derived })) continue;
      const ref = (a ?? b)!;
      const absentName = () => (ref.id.startsWith('exp.') || ref.id === 'total' ? '' : lineName(ref));
      ctx.compare({
        table: m.left.key,
        relation: m.relation,
        derived,
        left: {
          label: () => (a ? `${ll}${lineName(a, m.left.key)}${lname()}` : `${ll}${absentName()}${lname()}（无此行）`),
          terms: av ? [av] : [],
        },
        right: {
          label: () => (b ? `${rl}${lineName(b, m.right.key)}${rname()}` : `${rl}${absentName()}${rname()}（无此行）`),
          terms: bv ? [bv] : [],
        },
      });
    }
  }
}
