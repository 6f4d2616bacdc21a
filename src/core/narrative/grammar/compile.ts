import { SENTENCES, SLOT_WORDS, WORD_SLOTS, type FigureSlot, type SentenceFamily, type WordSlot } from './sentences';

/**
 * The sentence patterns compiled into matchers over the normalised text (see
 * parse/normalize.ts: half-width brackets, no spaces, quotes or thousands separators).
 * A match tells what each number of the clause is: its slot (budget, amount,
 * completion, change, …) and the sign word that governs it.
 */
export interface SlotMatch {
  slot: FigureSlot;
  /** Offsets of the number (without unit) in the searched string. */
  from: number;
  to: number;
  /** The unit as written: 万元, 元, % ('' for the first of a pair written without one). */
  unit: string;
  /** For change and changeRate: the word slot before it and its word. */
  word?: { slot: WordSlot; text: string; from: number; to: number };
}

export interface GrammarMatch {
  family: SentenceFamily;
  variant: string;
  from: number;
  to: number;
  slots: SlotMatch[];
}

interface Compiled {
  family: SentenceFamily;
  variant: string;
  re: RegExp;
  /** Capture group index → what it captures. */
  groups: Array<{ kind: 'figure'; slot: FigureSlot; unitGroup?: number } | { kind: 'word'; slot: WordSlot } | { kind: 'unit' }>;
}

const NUMBER = '(\\d+(?:\\.\\d+)?)';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Literal text as the normaliser leaves it. */
function normalLiteral(s: string): string {
  return s
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[“”"‘’\s]/g, '');
}

function compileOne(family: SentenceFamily, variant: string, text: string): Compiled {
  const groups: Compiled['groups'] = [];
  let src = '';
  const re = /\{([a-zA-Z]+)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let pendingFigure: number | undefined;
  const literal = (s: string) => {
    let lit = normalLiteral(s);
    if (pendingFigure !== undefined && lit.startsWith('万元')) {
      groups.push({ kind: 'unit' });
      const g = groups[pendingFigure];
      if (g.kind === 'figure') g.unitGroup = groups.length; // 1-based capture index
      src += '(万元|元)';
      lit = lit.slice(2);
    } else if (pendingFigure !== undefined && lit.startsWith('%')) {
      groups.push({ kind: 'unit' });
      const g = groups[pendingFigure];
      if (g.kind === 'figure') g.unitGroup = groups.length;
      src += '(%)';
      lit = lit.slice(1);
    }
    pendingFigure = undefined;
    src += escapeRe(lit);
  };
  while ((m = re.exec(text))) {
    literal(text.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[1];
    if ((WORD_SLOTS as readonly string[]).includes(name)) {
      const slot = name as WordSlot;
      groups.push({ kind: 'word', slot });
      src += `(${Object.keys(SLOT_WORDS[slot]).join('|')})`;
    } else {
      groups.push({ kind: 'figure', slot: name as FigureSlot });
      pendingFigure = groups.length - 1;
      src += NUMBER;
    }
  }
  literal(text.slice(last));
  return { family, variant, re: new RegExp(src, 'g'), groups };
}

let compiled: Compiled[] | undefined;

/** Every pattern of every family, compiled once; longer patterns first. */
export function compiledSentences(): Compiled[] {
  if (!compiled) {
    compiled = [];
    for (const [family, list] of Object.entries(SENTENCES) as Array<[SentenceFamily, Array<{ id: string; text: string }>]>) {
      for (const p of list) compiled.push(compileOne(family, p.id, p.text));
    }
    compiled.sort((a, b) => b.re.source.length - a.re.source.length);
  }
  return compiled;
}

/** Every non-overlapping pattern match in `text` (longest first, then leftmost). */
export function matchSentences(text: string): GrammarMatch[] {
  const found: GrammarMatch[] = [];
  const taken: Array<[number, number]> = [];
  for (const c of compiledSentences()) {
    c.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = c.re.exec(text))) {
      const from = m.index;
      const to = from + m[0].length;
      if (taken.some(([a, b]) => from < b && to > a)) continue;
      // Offsets of each group: search forward inside the match in order.
      const slots: SlotMatch[] = [];
      let cursor = from;
      let word: SlotMatch['word'];
      const offsets: Array<{ from: number; to: number } | undefined> = [];
      for (let g = 1; g < m.length; g++) {
        const v = m[g];
        if (v === undefined) {
          offsets.push(undefined);
          continue;
        }
        const at = text.indexOf(v, cursor);
        offsets.push({ from: at, to: at + v.length });
        cursor = at + v.length;
      }
      c.groups.forEach((g, i) => {
        const off = offsets[i];
        if (!off) return;
        if (g.kind === 'word') word = { slot: g.slot, text: m![i + 1], from: off.from, to: off.to };
        if (g.kind === 'figure') {
          const unit = g.unitGroup !== undefined ? (m![g.unitGroup] ?? '') : '';
          const takesWord = g.slot === 'change' || g.slot === 'changeRate';
          slots.push({ slot: g.slot, from: off.from, to: off.to, unit, word: takesWord ? word : undefined });
        }
      });
      taken.push([from, to]);
      found.push({ family: c.family, variant: c.variant, from, to, slots });
    }
  }
  return found.sort((a, b) => a.from - b.from);
}
