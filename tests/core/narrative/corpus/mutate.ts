/**
 * Planted mistakes of each class real reports publish (narrative-styles.md), made on
 * the text by its own words, independent of the checker's parser: the candidates are
 * found with plain patterns over the text as written (any style).
 */
export type MistakeClass =
  | 'amount' // an amount that is not its cell
  | 'rounding' // an amount 0.01 off (尾数差异)
  | 'completion' // a completion rate that does not follow from its two amounts
  | 'share' // a share that does not follow from its part and total
  | 'share-swap' // two shares swapped between items
  | 'change' // a change amount that is not this year − last year
  | 'change-rate' // a change rate that does not follow from the change and the total
  | 'sign-change' // 增加 where the figure fell (or the reverse)
  | 'sign-compare' // 大于 when below budget, 小于 after 100% (等于)
  | 'leftover'; // 增加（减少）, 大于（小于）

export const MISTAKE_CLASSES: MistakeClass[] = [
  'amount',
  'rounding',
  'completion',
  'share',
  'share-swap',
  'change',
  'change-rate',
  'sign-change',
  'sign-compare',
  'leftover',
];

export interface Planted {
  cls: MistakeClass;
  text: string;
  /** Spans of the planted words in the mutated text; a finding must overlap each. */
  spans: Array<[number, number]>;
  /** The severity a finding must have: 'rounding' for 0.01 gaps, else 'error'. */
  severity: 'error' | 'rounding';
}

interface Hit {
  start: number;
  end: number;
  /** The number as written (separators and all). */
  num: string;
  unit: string;
}

const NUM = '(\\d[\\d,]*(?:\\.\\d+)?)\\s?';

function hits(text: string, re: RegExp): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(re)) {
    const full = m[0];
    const numAt = (m.index ?? 0) + full.indexOf(m[1]);
    out.push({ start: numAt, end: numAt + m[1].length, num: m[1], unit: m[2] ?? '' });
  }
  return out;
}

const value = (h: Hit) => Number(h.num.replace(/,/g, ''));

function decimalsOf(h: Hit): number {
  const d = h.num.split('.')[1];
  return d ? d.length : 0;
}

function replace(text: string, h: { start: number; end: number }, by: string): string {
  return text.slice(0, h.start) + by + text.slice(h.end);
}

/** Lines that hold statements about the tables (not titles, not the free-text sections). */
function figureLines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (/[\d]/.test(line) && !/主要原因是[^，。]*\d/.test(line)) out.push([at, at + line.length]);
    at += line.length + 1;
  }
  return out;
}

function inLines(lines: Array<[number, number]>, h: { start: number }): boolean {
  return lines.some(([a, b]) => h.start >= a && h.start < b);
}

/** Amounts: not a change (after 增加/减少), not a threshold (50万元以上), not a pair's first. */
function amounts(text: string): Hit[] {
  const lines = figureLines(text);
  return hits(text, new RegExp(`${NUM}(万元|元)`, 'g')).filter((h) => {
    const before = text.slice(Math.max(0, h.start - 2), h.start);
    const after = text.slice(h.end, h.end + 6);
    return (
      inLines(lines, h) &&
      !/增加|减少/.test(before) &&
      !/以上/.test(after) &&
      !/^\s?万元的/.test(after) &&
      !/占[^，。；]*$/.test(text.slice(Math.max(0, h.start - 12), h.start))
    );
  });
}

function pick<T>(list: T[], r: number): T | undefined {
  return list.length ? list[Math.floor(r * list.length) % list.length] : undefined;
}

/** The text with one planted mistake of class `cls`, or undefined when the text has no place for it. */
export function plant(text: string, cls: MistakeClass, r: number, r2: number): Planted | undefined {
  const lines = figureLines(text);
  const bumpAmount = (h: Hit, delta: number): Planted => {
    const yuan = h.unit === '元';
    const v = value(h) + (yuan ? delta * 10000 : delta);
    const s = yuan ? String(Math.round(v)) : v.toFixed(Math.max(2, decimalsOf(h)));
    return { cls, text: replace(text, h, s), spans: [[h.start, h.start + s.length]], severity: Math.abs(delta) < 0.015 ? 'rounding' : 'error' };
  };
  const bumpPercent = (h: Hit): Planted => {
    const v = value(h) * (1.5 + r2 * 0.5) + 1 + Math.floor(r2 * 5);
    const s = v.toFixed(decimalsOf(h));
    return { cls, text: replace(text, h, s), spans: [[h.start, h.start + s.length]], severity: 'error' };
  };
  switch (cls) {
    case 'amount': {
      const h = pick(amounts(text), r);
      return h && bumpAmount(h, 1 + Math.round(r2 * 5000) / 100);
    }
    case 'rounding': {
      const h = pick(amounts(text), r);
      return h && bumpAmount(h, value(h) > 0 && r2 < 0.5 ? -0.01 : 0.01);
    }
    case 'completion': {
      const h = pick(hits(text, new RegExp(`完成[^，。；%]*?的${NUM}(%)`, 'g')), r);
      return h && bumpPercent(h);
    }
    case 'share': {
      const h = pick(
        hits(text, new RegExp(`占[^，。；%\\d]*${NUM}(%)`, 'g')).filter((x) => inLines(lines, x)),
        r,
      );
      return h && bumpPercent(h);
    }
    case 'share-swap': {
      const all = hits(text, new RegExp(`占[^，。；%\\d]*${NUM}(%)`, 'g'));
      const pairs: Array<[Hit, Hit]> = [];
      for (let i = 0; i < all.length; i++) {
        for (let j = i + 1; j < all.length; j++) {
          const same = !text.slice(all[i].end, all[j].start).includes('\n');
          if (same && Math.abs(value(all[i]) - value(all[j])) >= 1) pairs.push([all[i], all[j]]);
        }
      }
      const p = pick(pairs, r);
      if (!p) return undefined;
      const [a, b] = p;
      const swapped = text.slice(0, a.start) + b.num + text.slice(a.end, b.start) + a.num + text.slice(b.end);
      const shift = b.num.length - a.num.length;
      return {
        cls,
        text: swapped,
        spans: [
          [a.start, a.start + b.num.length],
          [b.start + shift, b.start + shift + a.num.length],
        ],
        severity: 'error',
      };
    }
    case 'change': {
      const h = pick(hits(text, new RegExp(`(?:增加|减少)${NUM}(万元|元)`, 'g')), r);
      return h && bumpAmount(h, 1 + Math.round(r2 * 5000) / 100);
    }
    case 'change-rate': {
      const h = pick(hits(text, new RegExp(`(?:增长|下降)${NUM}(%)`, 'g')), r);
      return h && bumpPercent(h);
    }
    case 'sign-change': {
      const words = [...text.matchAll(/(增加|减少)(?=\s?\d)/g)].filter((m) => !/各$/.test(text.slice(0, m.index)));
      const m = pick(words, r);
      if (!m || m.index === undefined) return undefined;
      const to = m[1] === '增加' ? '减少' : '增加';
      return { cls, text: replace(text, { start: m.index, end: m.index + 2 }, to), spans: [[m.index, m.index + 2]], severity: 'error' };
    }
    case 'sign-compare': {
      const words = [...text.matchAll(/决算数(大于|小于|等于)/g)];
      const m = pick(words, r);
      if (!m || m.index === undefined) return undefined;
      const at = m.index + 3;
      const to = m[1] === '大于' ? '小于' : m[1] === '小于' ? '大于' : r2 < 0.5 ? '小于' : '大于';
      return { cls, text: replace(text, { start: at, end: at + 2 }, to), spans: [[at, at + 2]], severity: 'error' };
    }
    case 'leftover': {
      const words = [...text.matchAll(/(增加|减少|大于|小于)(?=\s?\d|年初|预算)/g)];
      const m = pick(words, r);
      if (!m || m.index === undefined) return undefined;
      const other: Record<string, string> = { 增加: '减少', 减少: '增加', 大于: '小于', 小于: '大于' };
      const by = `${m[1]}（${other[m[1]]}）`;
      return { cls, text: replace(text, { start: m.index, end: m.index + 2 }, by), spans: [[m.index, m.index + by.length]], severity: 'error' };
    }
  }
}
