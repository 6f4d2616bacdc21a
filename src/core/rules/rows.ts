import type { Amount, ColumnId, Line, LineId, TableKey, TableModel } from '../model/tables';
import { columnName, lineName } from './lines';
import type { RuleContext, Side } from './types';

/** "基本支出+项目支出之和": names of the non-blank parts (all parts when every one is blank). */
export function namesSumLabel(names: Array<{ name: string; amount: Amount }>): string {
  const shown = names.filter((n) => !n.amount.blank);
  const list = (shown.length > 0 ? shown : names).map((n) => n.name);
  return list.length === 1 ? list[0] : `${list.join('+')}之和`;
}

/**
 * Each line: totalCol = Σ partCols (docs/domain/rules.md 3, 4, 7, 9). Lines lacking the total
 * column, or all the part columns, are not checked.
 */
export function checkRowSums(ctx: RuleContext, key: TableKey, totalCol: ColumnId, partCols: ColumnId[], lineFilter: (l: Line) => boolean = () => true): void {
  const t = ctx.table(key);
  if (!t) return;
  const tl = ctx.tableLabel(key);
  for (const l of t.lines) {
    if (!lineFilter(l)) continue;
    const total = l.values[totalCol];
    if (!total) continue;
    const terms: Amount[] = [];
    const cols: ColumnId[] = [];
    for (const c of partCols) {
      const a = l.values[c];
      if (a) {
        terms.push(a);
        cols.push(c);
      }
    }
    if (terms.length === 0 || ctx.passes([total], terms, { derived: true })) continue;
    ctx.compare({
      table: key,
      derived: true,
      left: { label: () => `${tl}${lineName(l, key)}${columnName(key, totalCol)}`, terms: [total] },
      right: { label: () => namesSumLabel(cols.map((c, i) => ({ name: columnName(key, c), amount: terms[i] }))), terms },
    });
  }
}

/** 02's 财政拨款收入 split by fund (no single 财政拨款收入 column in some regions' layouts). */
export const FISCAL_FUND_COLUMNS: ColumnId[] = ['fiscal.gpb', 'fiscal.govFund', 'fiscal.stateCapital'];

/**
 * 02's 财政拨款收入 columns as parts of a sum: the 财政拨款收入 column, or, when the table
 * splits it by fund without one, the fund columns.
 */
export function fiscalColumns(t: TableModel | undefined): ColumnId[] {
  if (!t || t.columns.fiscal !== undefined) return ['fiscal'];
  return FISCAL_FUND_COLUMNS.filter((c) => t.columns[c] !== undefined);
}

/** 02 合计行财政拨款收入 as a side (the fund columns added up when split). */
export function incomeFiscalSide(ctx: RuleContext): Side | undefined {
  const t = ctx.table('income');
  const total = lineOf(t, 'total');
  if (!t || !total) return undefined;
  const cols = fiscalColumns(t);
  const terms = cols.map((c) => total.values[c]).filter((a): a is Amount => a !== undefined);
  if (terms.length === 0) return undefined;
  const label = cols.length === 1 && cols[0] === 'fiscal' ? '财政拨款收入' : '财政拨款收入（各项资金之和）';
  return { label: `${ctx.tableLabel('income')}合计行${label}`, terms };
}

/** A line's value in the first of `cols` it has. */
export function firstValue(l: Line | undefined, cols: ColumnId[]): Amount | undefined {
  if (!l) return undefined;
  for (const c of cols) if (l.values[c]) return l.values[c];
  return undefined;
}

export function lineOf(t: TableModel | undefined, id: LineId): Line | undefined {
  return t?.lines.find((l) => l.id === id);
}

/**
 * A side made of fixed lines of one table ("01表本年收入合计", or "使用非财政拨款结余+…之和"):
 * undefined when none of the lines exists. `prefix` prepends the table label to the label.
 */
export function fixedSide(ctx: RuleContext, key: TableKey, ids: LineId[], cols: ColumnId[], options: { suffix?: string } = {}): Side | undefined {
  const t = ctx.table(key);
  if (!t) return undefined;
  const parts: Array<{ name: string; amount: Amount }> = [];
  for (const id of ids) {
    const l = lineOf(t, id);
    const a = firstValue(l, cols);
    if (l && a) parts.push({ name: lineName(l, key), amount: a });
  }
  if (parts.length === 0) return undefined;
  const suffix = options.suffix ?? '';
  return { label: `${ctx.tableLabel(key)}${namesSumLabel(parts)}${suffix}`, terms: parts.map((p) => p.amount) };
}
