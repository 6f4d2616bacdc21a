/**
 * The 情况说明's figure sentences, declared once as data. Each pattern is the part of a
 * sentence that states figures about one subject (the subject itself is named before
 * it, by the sentence, the numbered item or the heading). The drafter renders a pattern
 * with a subject's figures (render.ts); the checker compiles every pattern into a
 * matcher that tells what each number of a sentence is (compile.ts).
 *
 * Slots, relative to the subject's figure id S (see src/core/figures/types.ts):
 *   {amount}      S               万元
 *   {budget}      S.budget        万元
 *   {completion}  S.completion    %
 *   {change}      |S.change|      万元, its direction in {changeWord}
 *   {changeRate}  |S.changeRate|  %, its direction in {rateWord}
 *   {share}       S.share         %
 *   {total}       the share's denominator, 万元
 * Word slots: {changeWord} 增加/减少, {rateWord} 增长/下降, {compareWord} 大于/小于/等于.
 * A literal 万元 after an amount slot also matches 元 (amounts written in 元).
 */

export type FigureSlot = 'amount' | 'budget' | 'completion' | 'change' | 'changeRate' | 'share' | 'total';
export type WordSlot = 'changeWord' | 'rateWord' | 'compareWord';
export type Slot = FigureSlot | WordSlot;

export const FIGURE_SLOTS: readonly FigureSlot[] = ['amount', 'budget', 'completion', 'change', 'changeRate', 'share', 'total'];
export const WORD_SLOTS: readonly WordSlot[] = ['changeWord', 'rateWord', 'compareWord'];

/** The families of figure sentences; each has variants, the first being the national one. */
export type SentenceFamily =
  'budgetActual' | 'budgetActualNoRate' | 'budgetActualOnly' | 'yearOnYear' | 'yearOnYearNoRate' | 'share' | 'shareOf' | 'pairedTotal' | 'pairedYearOnYear';

export interface SentencePattern {
  /** Unique within its family; styles and editions choose variants by id. */
  id: string;
  text: string;
}

/** The words each word slot may hold, and their direction. */
export const SLOT_WORDS: Record<WordSlot, Record<string, 1 | 0 | -1>> = {
  changeWord: { 增加: 1, 减少: -1, 增长: 1, 下降: -1, 上升: 1, 降低: -1, 节约: -1 },
  rateWord: { 增长: 1, 下降: -1, 增加: 1, 减少: -1, 上升: 1, 降低: -1 },
  compareWord: { 大于: 1, 小于: -1, 等于: 0, 高于: 1, 低于: -1 },
};

/** The words the drafter writes for each direction. */
export const DRAFT_WORDS: Record<WordSlot, Record<'up' | 'down' | 'flat', string>> = {
  changeWord: { up: '增加', down: '减少', flat: '持平' },
  rateWord: { up: '增长', down: '下降', flat: '持平' },
  compareWord: { up: '大于', down: '小于', flat: '等于' },
};

export const SENTENCES: Record<SentenceFamily, SentencePattern[]> = {
  /** Budget and actual of one subject, with its completion rate. */
  budgetActual: [
    { id: 'initial-budget-last', text: '年初预算为{budget}万元，支出决算为{amount}万元，完成年初预算的{completion}%' },
    { id: 'budget-last', text: '预算为{budget}万元，支出决算为{amount}万元，完成预算的{completion}%' },
    { id: 'budget-first', text: '支出决算为{amount}万元，完成全年预算{budget}万元的{completion}%' },
    { id: 'initial-budget-first', text: '决算数为{amount}万元，完成年初预算{budget}万元的{completion}%' },
    { id: 'budget-number', text: '年初预算数为{budget}万元，支出决算数为{amount}万元，完成年初预算的{completion}%' },
  ],
  /** The same over a zero budget: no rate. */
  budgetActualNoRate: [
    { id: 'initial-budget-last', text: '年初预算为{budget}万元，支出决算为{amount}万元，年初预算为0，不计算完成率' },
    { id: 'budget-last', text: '预算为{budget}万元，支出决算为{amount}万元，预算为0，不计算完成率' },
    { id: 'budget-first', text: '支出决算为{amount}万元，全年预算为{budget}万元，不计算完成率' },
    { id: 'initial-budget-first', text: '决算数为{amount}万元，年初预算为{budget}万元，不计算完成率' },
    { id: 'budget-number', text: '年初预算数为{budget}万元，支出决算数为{amount}万元，年初预算为0，不计算完成率' },
  ],
  /** Budget and actual, both 0: nothing to rate. */
  budgetActualOnly: [
    { id: 'initial-budget-last', text: '年初预算为{budget}万元，支出决算为{amount}万元' },
    { id: 'budget-last', text: '预算为{budget}万元，支出决算为{amount}万元' },
    { id: 'budget-first', text: '支出决算为{amount}万元，全年预算为{budget}万元' },
    { id: 'initial-budget-first', text: '决算数为{amount}万元，年初预算为{budget}万元' },
    { id: 'budget-number', text: '年初预算数为{budget}万元，支出决算数为{amount}万元' },
  ],
  /** Change on last year. */
  yearOnYear: [
    { id: 'compared', text: '与上年相比，{changeWord}{change}万元，{rateWord}{changeRate}%' },
    { id: 'than', text: '比上年{changeWord}{change}万元，{rateWord}{changeRate}%' },
    { id: 'than-actual', text: '比上年决算数{changeWord}{change}万元，{rateWord}{changeRate}%' },
    { id: 'versus-actual', text: '较上年决算数{changeWord}{change}万元，{rateWord}{changeRate}%' },
    { id: 'same-period', text: '同比{changeWord}{change}万元，{rateWord}{changeRate}%' },
  ],
  /** Change on last year over a zero base. */
  yearOnYearNoRate: [
    { id: 'compared', text: '与上年相比，{changeWord}{change}万元，上年为0，不计算增长率' },
    { id: 'than', text: '比上年{changeWord}{change}万元，上年为0，不计算增长率' },
    { id: 'than-actual', text: '比上年决算数{changeWord}{change}万元，上年为0，不计算增长率' },
    { id: 'versus-actual', text: '较上年决算数{changeWord}{change}万元，上年为0，不计算增长率' },
    { id: 'same-period', text: '同比{changeWord}{change}万元，上年为0，不计算增长率' },
  ],
  /** A part and its share of the section's total. */
  share: [
    { id: 'share', text: '{amount}万元，占{share}%' },
    { id: 'share-is', text: '{amount}万元，占比{share}%' },
  ],
  /** A part and its share of a named total. */
  shareOf: [{ id: 'share-of', text: '占本年支出合计{total}万元的{share}%' }],
  /** Two equal totals stated together (收、支总计). */
  pairedTotal: [{ id: 'paired', text: '各是{amount}、{amount}万元' }],
  pairedYearOnYear: [{ id: 'paired', text: '与上年相比各{changeWord}{change}、{change}万元，各{rateWord}{changeRate}%、{changeRate}%' }],
};

/** The variant ids a text (or an edition, or a style) uses per family; absent = the first. */
export type SentenceChoice = Partial<Record<SentenceFamily, string>>;

export function pattern(family: SentenceFamily, choice: SentenceChoice = {}): SentencePattern {
  const list = SENTENCES[family];
  return list.find((p) => p.id === choice[family]) ?? list[0];
}
