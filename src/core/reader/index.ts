/**
 * The table reader: finds the nine 公开 tables in any workbook's sheet snapshots and
 * turns each into a TableModel (rows by code or label, columns by meaning, the cell of
 * every value). See README.md in this folder for the layouts it copes with.
 */
export { parseAmount, describeIssue } from './amount';
export { readWorkbook, type ReadOptions } from './read-workbook';
