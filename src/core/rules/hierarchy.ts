import type { Amount, CodeLevel, Line, TableKey } from '../model/tables';
import { holds, partsLabel } from './compare';
import { codeChildren, columnIds, columnName } from './lines';
import type { RuleContext } from './types';
import { LEVEL_NAMES } from './vocabulary';

/**
 * Shared by the 类/款/项 rules (docs/domain/rules.md 5 and 8): a parent line equals the sum of its
 * children by code prefix, in every column. Linear: children are indexed once.
 *   parentLevel 'total'   合计 = Σ 类
 *   parentLevel 'class'   类 = Σ 款
 *   parentLevel 'section' 款 = Σ 项
 * A parent without children is a leaf and is not checked (a 款 with no 项 rows is legitimate).
 */
export function checkChildrenSum(ctx: RuleContext, key: TableKey, parentLevel: 'total' | 'class' | 'section'): void {
  const t = ctx.table(key);
  if (!t) return;
  const tl = ctx.tableLabel(key);
  const cols = columnIds(t);
  const childLevel: CodeLevel = parentLevel === 'total' ? 'class' : parentLevel === 'class' ? 'section' : 'item';
  // 01/04-style tables carry side; classified tables do not. Only the expense side has codes.
  const onCodeSide = (l: Line) => !l.side || l.side === 'expense';
  const pairs: Array<{ parent: Line; children: Line[] }> = [];
  if (parentLevel === 'total') {
    const total = t.lines.find((l) => l.id === 'total');
    const classes = t.lines.filter((l) => l.level === 'class' && onCodeSide(l));
    if (total) pairs.push({ parent: total, children: classes });
  } else {
    const children = codeChildren(t, onCodeSide);
    for (const l of t.lines) {
      if (l.level !== parentLevel || !l.code || !onCodeSide(l)) continue;
      const kids = children.get(l.code);
      if (kids && kids.length > 0) pairs.push({ parent: l, children: kids });
    }
  }
  const unit = LEVEL_NAMES[childLevel];
  for (const { parent, children } of pairs) {
    for (const col of cols) {
      const own = parent.values[col];
      if (!own) continue;
      const parts: Amount[] = [];
      for (const c of children) {
        const a = c.values[col];
        if (a) parts.push(a);
      }
      // A 合计 with no class lines at all and nothing in it: an empty table, nothing to compare.
      if (parts.length === 0 && (own.blank || own.value === 0)) continue;
      if (holds([own], parts)) continue;
      const name = () => columnName(key, col);
      const parentName = () => (parent.id === 'total' ? '合计行' : `${parent.code}${LEVEL_NAMES[parentLevel as CodeLevel]}`);
      const codes = () => children.filter((c) => c.values[col] && !c.values[col].blank).map((c) => c.code ?? c.id);
      ctx.compare({
        table: key,
        left: { label: () => `${tl}${parentName()}${name()}`, terms: [own] },
        right: { label: () => `${partsLabel(codes(), unit)}${name()}之和`, terms: parts },
      });
    }
  }
}
