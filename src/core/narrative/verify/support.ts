import type { CellRef } from '../../cells';
import type { Severity } from '../../findings/finding';
import { formatAmount, formatPercent, roundHalfAway } from '../../figures/format';
import type { Figure, FigureId } from '../../figures/types';
import type { Section, Statement } from '../parse/types';
import type { NarrativeContext } from './types';

/** "七.二.3" → "七（二）3". */
export function sectionName(s: Section | undefined): string {
  return s?.name || '开头';
}

export function cellsText(cells: CellRef[]): string {
  const bySheet = new Map<string, string[]>();
  for (const c of cells) {
    const list = bySheet.get(c.sheet) ?? [];
    if (!list.includes(c.address)) list.push(c.address);
    bySheet.set(c.sheet, list);
  }
  return [...bySheet].map(([sheet, addrs]) => `${sheet} ${addrs.join('、')}`).join('；');
}

/** Where a figure comes from, for messages: "公开03表 D7" / "补充信息 C12" / "". */
export function sourceText(f: Figure): string {
  const cells = [...f.cells, ...f.inputs];
  return cells.length ? `（${cellsText(cells)}）` : '';
}

export function figureCells(f: Figure | undefined): CellRef[] {
  return f ? [...f.cells, ...f.inputs] : [];
}

export function money(x: number): string {
  return `${formatAmount(x)}万元`;
}

export function pct(x: number): string {
  return `${formatPercent(x)}%`;
}

/** The figure id a statement's value is: base, base.budget or base.prior. */
export function figureIdOf(st: Statement): FigureId | undefined {
  if (!st.subject) return undefined;
  if (st.measure === 'budget') return `${st.subject}.budget`;
  if (st.measure === 'prior') return `${st.subject}.prior`;
  return st.subject;
}

/** Figures that come only from the 补充信息 sheet. */
export function needsInputs(id: FigureId): boolean {
  return (
    /\.(prior|change|changeRate)$/.test(id) ||
    /^gpb\.(item\.\d+|total)\.(budget|budgetDiff|completion)$/.test(id) ||
    /^(operatingCost|procurement|assets|performance|staff)(\.|$)/.test(id) ||
    /^threePublic\.(abroad|car|reception)\.(groups|persons|purchased|fleet|batches)$/.test(id)
  );
}

/** Bases that exist only when the table has money there (a stated 0 then agrees). */
export function moneyOnly(id: FigureId): boolean {
  return /^(gpb\.class|gpb\.item|basic\.econ)\.\d+$/.test(id);
}

/** "无法核对" reason for a figure the context does not hold. */
export function missingReason(ctx: NarrativeContext, id: FigureId): string {
  if (needsInputs(id)) {
    return ctx.inputs.found ? '补充信息表中没有填写该数' : '未提供补充信息表（上年数、预算数、数量等）';
  }
  return '表中找不到对应的数字';
}

/** "表中" for table figures, "补充信息中" for inputs. */
export function whereText(f: Figure): string {
  return f.cells.length ? '表中' : f.inputs.length ? '补充信息中' : '表中';
}

/** A name for the statement's subject in messages. */
export function subjectName(ctx: NarrativeContext, st: Statement): string {
  return ctx.figure(st.subject)?.label ?? st.subjectText ?? '该数字';
}

/** Judge a stated amount against the table's: '' (agrees), 'rounding' or 'error'. */
export function judgeAmount(stated: number, expected: number, decimals: number, tolerance: number): '' | Severity {
  const diff = Math.abs(stated - roundHalfAway(expected));
  if (diff < 1e-9) return '';
  // A figure written with fewer decimals ("95万元" for 95.00) agrees when it rounds the same.
  if (decimals < 2 && Math.abs(stated - expected) <= 0.5 * 10 ** -decimals + 1e-9) return decimals === 0 && expected % 1 !== 0 ? 'rounding' : '';
  if (diff <= 2 * tolerance + 1e-9) return 'rounding';
  return 'error';
}

/**
 * Judge a stated percentage against num ÷ den × 100. Within what rounding the two
 * amounts (each ± tolerance) can move it, 'rounding'; beyond, 'error'.
 */
export function judgePercent(stated: number, num: number, den: number, decimals: number, tolerance: number): '' | Severity {
  const expected = (num / den) * 100;
  if (Math.abs(stated - roundHalfAway(expected)) < 1e-9) return '';
  // A rate written with one or no decimal (73.2%, 43%) agrees when it is the rate rounded so.
  if (decimals < 2 && Math.abs(stated - roundHalfAway(expected, decimals)) < 1e-9) return '';
  if (decimals < 2 && Math.abs(stated - expected) <= 0.5 * 10 ** -decimals + 1e-9) return 'rounding';
  const rel = (num === 0 ? 0 : tolerance / Math.abs(num)) + tolerance / Math.abs(den);
  const bound = Math.abs(expected) * rel + (num === 0 ? (tolerance / Math.abs(den)) * 100 : 0) + 0.005 + 1e-9;
  if (Math.abs(stated - expected) <= Math.max(bound, 0.01 + 1e-9)) return 'rounding';
  return 'error';
}

/** Statements of a subject and measure near `st`: same paragraph first, then same section. */
export function nearby(ctx: NarrativeContext, st: Statement, pick: (s: Statement) => boolean): Statement | undefined {
  const all = ctx.narrative.statements.filter((s) => s.id !== st.id && !s.inReason && pick(s));
  const before = (s: Statement) => s.id < st.id;
  const sameParagraph = all.filter((s) => s.sentence.paragraph === st.sentence.paragraph);
  const sameSection = all.filter((s) => s.section.id === st.section.id);
  return sameParagraph.filter(before).pop() ?? sameParagraph[0] ?? sameSection.filter(before).pop() ?? sameSection[0];
}

export const ROUNDING_NOTE = '（尾数差异）';
