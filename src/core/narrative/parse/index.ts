/**
 * Narrative parser: a 情况说明 text → sections, sentences and statements (each
 * number with its subject, measure and exact span in the original text).
 */
export * from './types';
export { normalizeNarrative, originalSpan, type NormalizedText } from './normalize';
export { parseNarrative, topicOf } from './parse';
export { vocabularyFromModel, vocabularyPatterns, resolveItemChain, labelKey, type ParseVocabulary } from './vocabulary';
export * from './lexicon';
