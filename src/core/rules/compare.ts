import type { CellRef } from '../cells';
import type { Severity } from '../findings/finding';
import type { Amount } from '../model/tables';
import type { Comparison, Side, Term } from './types';

/** Default rounding tolerance per part: half a cent of the money unit (0.005 万元). */
export const DEFAULT_TOLERANCE = 0.005;

/** A gap at most this big is no gap at all (floating-point noise). */
export const ZERO_GAP = 1e-9;

/** 1234.5 -> "1,234.50"; -0.01 -> "-0.01" (the #,##0.00 format). */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.round(Math.abs(value) * 100) / 100;
  const [int, frac] = rounded.toFixed(2).split('.');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** A difference as #,##0.00, with more decimals when it would otherwise read 0.00 (figures typed with 3+ decimals). */
export function formatDifference(value: number): string {
  return Math.abs(value) >= 0.005 ? formatAmount(value) : String(Number(value.toFixed(6)));
}

/** A tolerance or bound for messages: 0.01, 0.015 (no trailing zeros, at most 4 decimals). */
export function formatBound(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** A side's label (built now when given as a function). */
export function labelOf(side: Side): string {
  return typeof side.label === 'function' ? side.label() : side.label;
}

export function termOf(t: Amount | Term): Term {
  return 'amount' in t ? t : { amount: t, sign: 1 };
}

/**
 * Σ sign × value over a side, NaN when any figure is unusable. Compensated (Neumaier)
 * summation, so that long sums of two-decimal figures carry no visible float error.
 */
export function sideTotal(side: Side): number {
  let sum = 0;
  let compensation = 0;
  for (const t of side.terms) {
    const { amount, sign } = termOf(t);
    const x = (sign ?? 1) * amount.value;
    const next = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - next + x : x - next + sum;
    sum = next;
  }
  return sum + compensation;
}

/** A side's figures are usable when none is NaN (cell errors, text: reported by cell-value-issues). */
export function sideUsable(side: Side): boolean {
  return side.terms.every((t) => Number.isFinite(termOf(t).amount.value));
}

/**
 * The number of rounded parts behind a comparison: the non-blank figures on both
 * sides less one (a total against k parts: k), at least 1. Blank cells are exact
 * zeros and carry no rounding error.
 */
export function roundingParts(c: Comparison): number {
  let n = 0;
  for (const t of [...c.left.terms, ...c.right.terms]) if (!termOf(t).amount.blank) n++;
  return Math.max(1, n - 1);
}

/**
 * The cells a finding points at: every non-blank figure, and all of a side's cells when
 * they are all blank (the cells that should hold the value). Duplicates removed.
 */
export function comparisonCells(c: Comparison): CellRef[] {
  const out: CellRef[] = [];
  const seen = new Set<string>();
  for (const side of [c.left, c.right]) {
    const allBlank = side.terms.every((t) => termOf(t).amount.blank);
    for (const t of side.terms) {
      const { amount } = termOf(t);
      if (amount.blank && !allBlank) continue;
      const key = `${amount.cell.sheet}!${amount.cell.address}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(amount.cell);
    }
  }
  return out;
}

export interface ComparisonOutcome {
  severity: Severity;
  message: string;
  cells: CellRef[];
  /** left − right. */
  difference: number;
  /** n parts × tolerance. */
  bound: number;
}

/**
 * A cheap pre-check for hot loops: true when the comparison of these figures passes
 * (or cannot be made), so a rule need not build labels for it. Same policy as compareSides.
 */
export function holds(left: Array<Amount | Term>, right: Array<Amount | Term>, relation: 'eq' | 'le' | 'ge' = 'eq'): boolean {
  const l = sideTotal({ label: '', terms: left });
  const r = sideTotal({ label: '', terms: right });
  if (!Number.isFinite(l) || !Number.isFinite(r)) return true;
  const difference = Math.round((l - r) * 1e6) / 1e6;
  const gap = relation === 'eq' ? Math.abs(difference) : relation === 'le' ? difference : -difference;
  return gap <= ZERO_GAP;
}

/** Σ left − Σ right, floating-point noise removed; undefined when a figure is unusable (no Side built). */
export function termsDifference(left: ReadonlyArray<Amount | Term>, right: ReadonlyArray<Amount | Term>): number | undefined {
  let sum = 0;
  let compensation = 0;
  for (let side = 0; side < 2; side++) {
    const terms = side === 0 ? left : right;
    for (const t of terms) {
      const { amount, sign } = termOf(t);
      const x = (side === 0 ? 1 : -1) * (sign ?? 1) * amount.value;
      if (!Number.isFinite(x)) return undefined;
      const next = sum + x;
      compensation += Math.abs(sum) >= Math.abs(x) ? sum - next + x : x - next + sum;
      sum = next;
    }
  }
  return Math.round((sum + compensation) * 1e6) / 1e6;
}

/** left − right of a comparison, floating-point noise removed; undefined when a figure is unusable. */
export function differenceOf(c: Comparison): number | undefined {
  if (!sideUsable(c.left) || !sideUsable(c.right)) return undefined;
  return Math.round((sideTotal(c.left) - sideTotal(c.right)) * 1e6) / 1e6;
}

/** The gap in the forbidden direction (≤ 0 or tiny: the comparison holds). */
export function gapOf(difference: number, relation: 'eq' | 'le' | 'ge'): number {
  return relation === 'eq' ? Math.abs(difference) : relation === 'le' ? difference : -difference;
}

const BROKEN: Record<'eq' | 'le' | 'ge', string> = { eq: '≠', le: '>', ge: '<' };

/**
 * The shared comparison: left against right, with the rounding policy of docs/domain/rules.md.
 *   |gap| ≤ 1e-9                 → passes (undefined)
 *   gap within n × tolerance     → 'rounding' (尾数差异)
 *   beyond                       → `severity` (the rule's: 'error' or 'warning')
 * For 'le'/'ge' only a gap in the forbidden direction counts. Comparisons with an
 * unusable figure (cell error, text) are skipped: that cell is reported on its own.
 *
 * Message: "<left> <value> ≠ <right> <value>，差额 <left−right>（尾数差异，容差 <bound>）".
 */
export function compareSides(c: Comparison, options: { tolerance: number; severity: 'error' | 'warning' }): ComparisonOutcome | undefined {
  if (!sideUsable(c.left) || !sideUsable(c.right)) return undefined;
  const relation = c.relation ?? 'eq';
  const left = sideTotal(c.left);
  const right = sideTotal(c.right);
  // Round away floating-point noise (figures carry at most a few decimals).
  const difference = Math.round((left - right) * 1e6) / 1e6;
  const gap = relation === 'eq' ? Math.abs(difference) : relation === 'le' ? difference : -difference;
  if (gap <= ZERO_GAP) return undefined;
  const bound = roundingParts(c) * options.tolerance;
  const rounding = gap <= bound + ZERO_GAP;
  const head = `${labelOf(c.left)} ${formatAmount(left)} ${BROKEN[relation]} ${labelOf(c.right)} ${formatAmount(right)}，` + `差额 ${formatDifference(difference)}`;
  const tail = rounding ? `（尾数差异，容差 ${formatBound(bound)}）` : `（超出尾数容差 ${formatBound(bound)}）`;
  return {
    severity: rounding ? 'rounding' : options.severity,
    message: head + tail,
    cells: comparisonCells(c),
    difference,
    bound,
  };
}

/**
 * "201、210、212类" for a few codes, "4个类" for many: how a message names the parts of a sum.
 */
export function partsLabel(codes: string[], unit: string, max = 4): string {
  if (codes.length === 0) return `各${unit}`;
  if (codes.length <= max) return `${codes.join('、')}${unit}`;
  return `${codes.slice(0, max).join('、')}等${codes.length}个${unit}`;
}
