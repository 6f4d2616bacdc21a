/**
 * Last year's figures from last year's published workbook (and 情况说明): see README.md.
 *
 *   const last = deriveLastYear(readWorkbook(lastSnapshots), { current: model, text: lastText });
 *   last.get('summary.total')   // { value: 1764.99, key: 'prior.summaryTotal', origin: { kind: 'table', cells: [...] } }
 *   last.unmatched              // 类/项 not paired across the years (never guessed)
 */
export * from './types';
export { deriveLastYear, type DeriveOptions } from './derive';
export { matchLines, nameKey, type LinePair, type MatchResult } from './match';
export { figuresFromText, FROM_TEXT_NOTE } from './from-text';
export { originCells, originText, describeOrigin } from './origin';
