/**
 * Figures layer: computeFigures(model, inputs) → Figures (see types.ts for the id scheme).
 *
 *   const figs = computeFigures(model, inputs);
 *   figs.get('income.fiscal.share')?.value        // 95.42…
 *   figs.matching(95.42, '%')                      // figures a text's "95.42%" may mean
 */
export * from './types';
export { computeFigures, cleanName, className, itemPath, threePublicLabels, INCOME_ITEMS, EXPENDITURE_ITEMS } from './compute';
export { roundHalfAway, formatAmount, formatPercent, formatCount, formatFigure, stated, percentOf } from './format';
