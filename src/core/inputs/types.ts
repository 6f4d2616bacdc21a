import type { CellRef } from '../cells';
import type { InputKey } from './fields';

/** One value read from the 补充信息 sheet. */
export interface InputValue {
  /** Number for amounts, counts and the year; string for texts; null when not given. */
  value: number | string | null;
  /** True when the cell was empty (value then holds the field's default, or null). */
  blank: boolean;
  /** The value cell, when the field was found on the sheet. */
  cell?: CellRef;
}

/** One row of the per-项 年初预算 table. */
export interface BudgetLine {
  /** 7-digit functional code (项), e.g. '2010301'. */
  code: string;
  name: string;
  /** 年初预算数 in 万元; null when the cell is blank (not given). */
  budget: number | null;
  /** Reason for the gap between 决算数 and 年初预算数; '' when not given. */
  reason: string;
  cells: { code?: CellRef; budget?: CellRef; reason?: CellRef };
}

export interface InputProblem {
  message: string;
  cells: CellRef[];
}

/** Everything read from the 补充信息 sheet (or the defaults when there is none). */
export interface Inputs {
  /** Whether a 补充信息 sheet was found. */
  found: boolean;
  sheet?: string;
  values: Partial<Record<InputKey, InputValue>>;
  budgets: BudgetLine[];
  problems: InputProblem[];
}

/** Inputs with nothing given: what the draft works from when there is no sheet. */
export function emptyInputs(): Inputs {
  return { found: false, values: {}, budgets: [], problems: [] };
}

/** The number given for a field, or undefined when blank/absent (counts default to 0 when the sheet has them blank). */
export function inputNumber(inputs: Inputs, key: InputKey): number | undefined {
  const v = inputs.values[key];
  return v && typeof v.value === 'number' ? v.value : undefined;
}

/** The text given for a field ('' when not given). */
export function inputText(inputs: Inputs, key: InputKey): string {
  const v = inputs.values[key];
  if (!v || v.value === null) return '';
  return String(v.value).trim();
}

export function inputCell(inputs: Inputs, key: InputKey): CellRef[] {
  const c = inputs.values[key]?.cell;
  return c ? [c] : [];
}
