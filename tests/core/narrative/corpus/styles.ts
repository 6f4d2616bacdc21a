import type { DraftStyle } from '../../../../src/core/narrative/draft';

/**
 * The shapes real 情况说明 take (narrative-styles.md), as drafting styles: sentence
 * variants and number forms the drafter renders from the declared grammar, plus the
 * few paragraph shapes a region writes around them (purpose sentences in numbered
 * items, class names with 支出).
 */
export interface NarrativeStyle {
  name: string;
  draft: DraftStyle;
  /** Paragraph shapes outside the grammar (applied to the drafted text). */
  reshape?: (text: string) => string;
}

/** "1、…（项）。\n年初预算为…" → one paragraph with a purpose sentence; class names with 支出. */
function numberedItemsWithPurpose(text: string): string {
  return text
    .replace(/^(\d+、[^\n]*?)（类）/gm, (_m, head: string) => (head.endsWith('支出') ? `${head}（类）` : `${head}支出（类）`))
    .replace(/^(\d+、[^\n]*（项）。)\n/gm, '$1主要用于：保障单位正常运转和履行职能。');
}

export const STYLES: NarrativeStyle[] = [
  { name: '全国模板（种子）', draft: {} },
  { name: '编号项目带用途句、类名带“支出”', draft: { sentences: { yearOnYear: 'than' } }, reshape: numberedItemsWithPurpose },
  { name: '收支总计成对（四川）', draft: { pairedTotals: true, sentences: { yearOnYear: 'than-actual' } } },
  {
    name: '预算在前（广东）',
    draft: { sentences: { budgetActual: 'budget-first', budgetActualNoRate: 'budget-first', budgetActualOnly: 'budget-first', yearOnYear: 'versus-actual' } },
  },
  { name: '千分位与空格（北京）', draft: { numbers: { thousands: true, spaces: true } } },
  {
    name: '一位小数比率',
    draft: { numbers: { percentDecimals: 1 }, sentences: { budgetActual: 'budget-number', budgetActualNoRate: 'budget-number', budgetActualOnly: 'budget-number' } },
  },
  { name: '整数比率', draft: { numbers: { percentDecimals: 0 }, sentences: { yearOnYear: 'same-period' } } },
  { name: '金额以元为单位', draft: { numbers: { yuan: true } } },
];
