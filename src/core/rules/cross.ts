import type { ColumnId, Line, TableKey } from '../model/tables';
import { columnName, linesByCode, lineName } from './lines';
import { lineOf } from './rows';
import type { RuleContext } from './types';

export interface CodeMatch {
  left: { key: TableKey; col: ColumnId };
  right: { key: TableKey; col: ColumnId };
  relation?: 'eq' | 'le' | 'ge';
  /** Which lines take part (e.g. only 类 rows). */
  filter: (l: Line) => boolean;
  /** Also compare the two tables' total lines (by id). */
  totals?: { left: string; right: string };
  /** Name the column in labels (off when the column is obvious, e.g. 01's 金额). */
  nameColumns?: boolean;
}

/**
 * Line by line across two tables, matched by code (rules.md 12, 14, 16): every code
 * either table has takes part; a code missing on one side counts as 0 there. Each
 * table's lines are indexed once (linear).
 */
export function compareByCode(ctx: RuleContext, m: CodeMatch): void {
  const lt = ctx.table(m.left.key);
  const rt = ctx.table(m.right.key);
  if (!lt || !rt) return;
  // A layout without the column (e.g. a foreign 04 lacking 国有资本经营) is not compared.
  if (lt.columns[m.left.col] === undefined || rt.columns[m.right.col] === undefined) return;
  const ll = ctx.tableLabel(m.left.key);
  const rl = ctx.tableLabel(m.right.key);
  const lname = m.nameColumns === false ? '' : columnName(m.left.key, m.left.col);
  const rname = m.nameColumns === false ? '' : columnName(m.right.key, m.right.col);
  const pairs: Array<[Line | undefined, Line | undefined, string]> = [];
  if (m.totals) {
    const a = lineOf(lt, m.totals.left);
    const b = lineOf(rt, m.totals.right);
    if (a || b) pairs.push([a, b, '']);
  }
  const leftByCode = linesByCode(lt, m.filter);
  const rightByCode = linesByCode(rt, m.filter);
  for (const [code, a] of leftByCode) pairs.push([a, rightByCode.get(code), code]);
  for (const [code, b] of rightByCode) if (!leftByCode.has(code)) pairs.push([undefined, b, code]);
  for (const [a, b] of pairs) {
    const av = a?.values[m.left.col];
    const bv = b?.values[m.right.col];
    if (!av && !bv) continue;
    const ref = (a ?? b)!;
    const absentName = ref.id.startsWith('exp.') || ref.id === 'total' ? '' : lineName(ref);
    ctx.compare({
      table: m.left.key,
      relation: m.relation,
      left: {
        label: a ? `${ll}${lineName(a, m.left.key)}${lname}` : `${ll}${absentName}${lname}（无此行）`,
        terms: av ? [av] : [],
      },
      right: {
        label: b ? `${rl}${lineName(b, m.right.key)}${rname}` : `${rl}${absentName}${rname}（无此行）`,
        terms: bv ? [bv] : [],
      },
    });
  }
}
