/**
 * The 补充信息 input sheet: fields as data (fields.ts), its template (inputSheetPlan),
 * its reader (readInputs), and Inputs helpers.
 */
export * from './fields';
export * from './types';
export { inputSheetPlan, inputLayout, inputAddress, budgetRowsFromModel, type InputSheetValues } from './template';
export { readInputs, inputsFromValues, normLabel } from './read';
export { inputWritePlan, APPENDED_SECTION_TITLE, type InputWrite, type InputWritePlan } from './write';
