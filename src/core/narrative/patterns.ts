import type { WordingEdition } from '../figures/types';

/**
 * The 情况说明's fixed wording as data: section titles by edition, the names that
 * change between the 2021 and the 2023+ templates, sign words, and prompts. The
 * draft (draft/) assembles sentences from these; it never invents a reason.
 */

export type SectionId =
  | '一'
  | '二'
  | '三'
  | '四'
  | '五'
  | '六'
  | '七'
  | '八'
  | '九'
  | '十'
  | '十一'
  | '十二'
  | '十三'
  | '十四'
  | '十五';

export const SECTION_IDS: SectionId[] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

export interface EditionWording {
  /** Section titles without the 一、 prefix. */
  titles: Record<SectionId, string>;
  /** How the 三公 money is named in sentences. */
  threePublicName: string;
  /** Subheadings of section 七. */
  threePublicSub: [string, string];
  /** Subheadings of section 五. */
  gpbSub: [string, string, string];
}

const QUOTED = '“三公”';

export const WORDING: Record<WordingEdition, EditionWording> = {
  '2021': {
    titles: {
      一: '收入支出决算总体情况说明',
      二: '收入决算情况说明',
      三: '支出决算情况说明',
      四: '财政拨款收入支出决算总体情况说明',
      五: '一般公共预算财政拨款支出决算情况说明',
      六: '一般公共预算财政拨款基本支出决算情况说明',
      七: `一般公共预算财政拨款${QUOTED}经费支出决算情况说明`,
      八: '政府性基金预算收入支出决算情况说明',
      九: '国有资本经营预算支出决算情况说明',
      十: '机关运行经费支出情况说明',
      十一: '一般性支出情况说明',
      十二: '政府采购支出情况说明',
      十三: '国有资产占用情况说明',
      十四: '预算绩效情况说明',
      十五: '其他重要事项情况说明',
    },
    threePublicName: `一般公共预算财政拨款${QUOTED}经费`,
    threePublicSub: [`${QUOTED}经费支出决算总体情况说明`, `${QUOTED}经费支出决算具体情况说明`],
    gpbSub: ['一般公共预算财政拨款支出决算总体情况', '一般公共预算财政拨款支出决算结构情况', '一般公共预算财政拨款支出决算具体情况'],
  },
  '2023': {
    titles: {
      一: '收入支出决算总体情况说明',
      二: '收入决算情况说明',
      三: '支出决算情况说明',
      四: '财政拨款收入支出决算总体情况说明',
      五: '一般公共预算财政拨款支出决算情况说明',
      六: '一般公共预算财政拨款基本支出决算情况说明',
      七: `财政拨款${QUOTED}经费支出决算情况说明`,
      八: '政府性基金预算财政拨款收入支出决算情况说明',
      九: '国有资本经营预算财政拨款支出决算情况说明',
      十: '机关运行经费支出情况说明',
      十一: '一般性支出情况说明',
      十二: '政府采购支出情况说明',
      十三: '国有资产占用情况说明',
      十四: '预算绩效情况说明',
      十五: '其他重要事项情况说明',
    },
    threePublicName: `财政拨款${QUOTED}经费`,
    threePublicSub: [`${QUOTED}经费支出决算总体情况说明`, `${QUOTED}经费支出决算具体情况说明`],
    gpbSub: ['一般公共预算财政拨款支出决算总体情况', '一般公共预算财政拨款支出决算结构情况', '一般公共预算财政拨款支出决算具体情况'],
  },
};

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
