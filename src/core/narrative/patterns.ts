/**
 * Edition-independent words of the 情况说明: section numbers, sign words, prompts.
 * Section titles, their order and the names that change between editions live in
 * the editions (src/core/editions); the figure sentences in ../grammar.
 */

/** A section's number: 一 … 十五, by its position in the edition's order. */
export type SectionId = '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '十一' | '十二' | '十三' | '十四' | '十五';

export const SECTION_IDS: SectionId[] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** Sign words: they follow the numbers (docs/domain/rules.md 24). */
export const SIGN_WORDS = {
  change: { up: '增加', down: '减少' },
  rate: { up: '增长', down: '下降' },
  flat: '持平',
  compare: { gt: '大于', lt: '小于', eq: '等于' },
} as const;

/** Visible prompts for what the user has not given. */
export const PROMPTS = {
  reason: '【请填写：主要原因】',
  value: (what: string) => `【请填写：${what}】`,
} as const;

/** Phrases said instead of a rate over a zero base. */
export const NO_RATE = {
  priorZero: '上年为0，不计算增长率',
  budgetZero: '预算为0，不计算完成率',
  initialBudgetZero: '年初预算为0，不计算完成率',
} as const;

export const SUBHEAD_NUMBERS = ['（一）', '（二）', '（三）', '（四）'];
