import { formatAmount, roundHalfAway } from '../../figures/format';
import { FIGURE_SLOTS, WORD_SLOTS, type FigureSlot, type SentencePattern, type WordSlot } from './sentences';

/**
 * How numbers are written. The national template: amounts in 万元 with two decimals,
 * no separators, percentages with two decimals. Real reports also write thousands
 * separators (北京), a space before the unit, one or no decimal in rates, or amounts
 * in 元 (small units).
 */
export interface NumberStyle {
  percentDecimals?: 0 | 1 | 2;
  thousands?: boolean;
  /** A space between a number and its unit ("1560.05 万元"). */
  spaces?: boolean;
  /** Amounts in 元 (whole 元, from 万元 with two decimals). */
  yuan?: boolean;
}

export const NATIONAL_NUMBERS: NumberStyle = {};

function group(s: string): string {
  const [int, dec] = s.split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return dec === undefined ? g : `${g}.${dec}`;
}

/** An amount in 万元 as the style writes it, with its unit. */
export function writeAmount(x: number, style: NumberStyle = NATIONAL_NUMBERS): string {
  const sp = style.spaces ? ' ' : '';
  if (style.yuan) {
    const yuan = String(Math.round(roundHalfAway(x) * 100) * 100);
    return `${style.thousands ? group(yuan) : yuan}${sp}元`;
  }
  const s = formatAmount(x);
  return `${style.thousands ? group(s) : s}${sp}万元`;
}

/** A percentage as the style writes it, with %. */
export function writePercent(x: number, style: NumberStyle = NATIONAL_NUMBERS): string {
  const d = style.percentDecimals ?? 2;
  const s = roundHalfAway(x, d).toFixed(d);
  return `${s}${style.spaces ? ' ' : ''}%`;
}

const AMOUNT_SLOTS = new Set<FigureSlot>(['amount', 'budget', 'change', 'total']);

export interface RenderValues {
  /** Values per figure slot, in order of appearance (a slot used twice takes two values). */
  figures: Partial<Record<FigureSlot, number[]>>;
  words?: Partial<Record<WordSlot, string>>;
}

const SLOT_RE = /\{([a-zA-Z]+)\}(万元|%)?/g;

/**
 * Render a pattern: each figure slot with its value (amount slots with their 万元 or 元,
 * percent slots with %), each word slot with its word. Throws when a slot has no value
 * (a programming error in a section writer).
 */
export function render(p: SentencePattern, values: RenderValues, style: NumberStyle = NATIONAL_NUMBERS): string {
  const used: Partial<Record<FigureSlot, number>> = {};
  return p.text.replace(SLOT_RE, (_m: string, name: string, unit: string | undefined) => {
    if ((WORD_SLOTS as readonly string[]).includes(name)) {
      const w = values.words?.[name as WordSlot];
      if (w === undefined) throw new Error(`sentence ${p.id}: no word for {${name}}`);
      return w + (unit ?? '');
    }
    if (!(FIGURE_SLOTS as readonly string[]).includes(name)) throw new Error(`sentence ${p.id}: unknown slot {${name}}`);
    const slot = name as FigureSlot;
    const i = used[slot] ?? 0;
    used[slot] = i + 1;
    const v = values.figures[slot]?.[i];
    if (v === undefined) throw new Error(`sentence ${p.id}: no value for {${slot}} #${i + 1}`);
    if (AMOUNT_SLOTS.has(slot)) {
      // A pair "{amount}、{amount}万元" writes the unit once, after the last.
      if (unit !== '万元') return writeAmount(v, style).replace(/\s*万?元$/, '');
      return writeAmount(v, style);
    }
    return unit === '%' ? writePercent(v, style) : writePercent(v, style).replace(/\s*%$/, '');
  });
}
