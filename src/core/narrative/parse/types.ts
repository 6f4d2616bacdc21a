import type { SectionKey } from '../../editions/types';
import type { FigureBase } from '../../figures/types';
import type { FigureSlot, SentenceFamily } from '../grammar/sentences';
import type { NormalizedText } from './normalize';

/**
 * What the parser makes of a 情况说明: sections, sentences and statements.
 * Offsets named `start`/`end` are into the ORIGINAL text (so original.slice(start, end)
 * is the quote); `from`/`to` are into the normalised text.
 */

/** 一、 / （一） / 1、 or 1. / （1） / ①. */
export type MarkerKind = 'cn' | 'parenCn' | 'num' | 'parenNum' | 'circled';

/** What a section is about, from its (top-level) heading; picks the meaning of 基本支出 etc. */
export type Topic = SectionKey;

export interface Section {
  /** "七", "七.二", "七.二.3"; "" for text before the first heading. */
  id: string;
  /** The marker as written, normalised: "七、", "(二)", "3、". */
  marker: string;
  kind?: MarkerKind;
  /** For people: "七（二）3", "十四（1）"; "" before the first heading. */
  name: string;
  /** 1 for the outermost heading kind met. */
  level: number;
  /** Heading text after the marker, up to the first 。 (normalised). */
  title: string;
  topic: Topic;
  parentId?: string;
  /** Subject named by the heading (a 项 chain, a 三公 item), for the paragraphs under it. */
  subject?: FigureBase;
  from: number;
  to: number;
  start: number;
  end: number;
}

export interface Sentence {
  index: number;
  /** Normalised text. */
  text: string;
  from: number;
  to: number;
  start: number;
  end: number;
  section: Section;
  /** Index of the paragraph (line of the normalised text). */
  paragraph: number;
}

export type StatementKind =
  | 'amount' // 1474.07万元
  | 'count' // 35辆
  | 'share' // 占95.42%
  | 'completion' // 完成年初预算的101.99%
  | 'change' // 减少290.92万元 (year on year)
  | 'changeRate' // 减少16.48%
  | 'comparison' // 决算数大于年初预算数
  | 'percent'; // a percentage the parser cannot classify

/** actual 决算数 (default), budget 预算数 / 年初预算数, prior 上年. */
export type Measure = 'actual' | 'budget' | 'prior';

export interface Statement {
  id: number;
  kind: StatementKind;
  /**
   * The figure as the text means it: 万元 (元 converted), percent, count; for a change
   * or a change rate signed by its word (减少 → negative); for a comparison 1 / 0 / −1
   * (大于 / 等于 / 小于).
   */
  value: number;
  /** The number as written (unsigned, in the written unit). */
  written: string;
  /** Decimals as written. */
  decimals: number;
  /** '万元', '%', or the count's measure word ('辆', '人次', '个' …); '' for comparisons. */
  unit: string;
  /** The figure base it speaks of, when the parser could tell. */
  subject?: FigureBase;
  /** The words that named the subject (normalised), for messages. */
  subjectText?: string;
  measure: Measure;
  /** Shares: the denominator as written after 占 ('' when not stated) and what it resolves to. */
  denominator?: { text: string; subject?: FigureBase };
  /** Changes, rates, comparisons: the sign word and its direction. */
  word?: string;
  direction?: 1 | 0 | -1;
  /** Original span of the sign word. */
  wordStart?: number;
  wordEnd?: number;
  /** A template leftover sitting on this statement's word ("减少（增长）"). */
  leftover?: string;
  /** 'denominator': an amount written inside a share's 占…的 (占本年支出合计1474.07万元的95.42%). */
  role?: 'denominator';
  /** Inside a 原因 clause: an amount that belongs to an explanation, not a table figure. */
  inReason: boolean;
  /** Shares, completions, change rates: the statement they refer to (an amount or change). */
  anchor?: number;
  /**
   * The grammar sentence (../grammar) the number was read by: its family, variant, slot,
   * and a group number shared by the statements of one match (budget, actual and rate of
   * one subject). Absent for numbers read by the fallback heuristics.
   */
  pattern?: { family: SentenceFamily; variant: string; slot: FigureSlot; group: number };
  /** Original span and exact text of the number with its unit. */
  start: number;
  end: number;
  quote: string;
  from: number;
  to: number;
  sentence: Sentence;
  section: Section;
}

export interface Leftover {
  /** The leftover as written (exact substring of the original). */
  quote: string;
  start: number;
  end: number;
  /** Normalised form, e.g. "大于(小于)". */
  text: string;
  section: Section;
}

export interface ParsedNarrative {
  original: string;
  normalized: NormalizedText;
  sections: Section[];
  sentences: Sentence[];
  statements: Statement[];
  leftovers: Leftover[];
}
