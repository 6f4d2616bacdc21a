/**
 * The .xlsx host's public surface: what the command line (and any other face) may use.
 * The rest of this folder is the host's own business (.dependency-cruiser.cjs).
 */
export { XlsxHost } from './xlsx-host';
export { computeForReading, evaluateFormulas, formulaEvaluationEnabled, FORMULAS_NOT_COMPUTED, type EvaluateResult } from './evaluate';
export { unkeptParts } from './unkept-parts';
