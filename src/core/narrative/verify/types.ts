import type { CellRef } from '../../cells';
import type { Finding, Severity } from '../../findings/finding';
import type { Figure, FigureId, Figures } from '../../figures/types';
import type { Inputs } from '../../inputs/types';
import type { WorkbookModel } from '../../model/tables';
import type { ParsedNarrative, Statement } from '../parse/types';

/**
 * A finding in a 情况说明: a Finding with the exact place in the text.
 * `quote` === text.slice(start, end) of the text that was checked.
 */
export interface TextFinding extends Finding {
  /** The exact substring of the checked text that is wrong (or cannot be verified). */
  quote: string;
  /** What the tables say, as text ("97.38%", "1256.53万元", "小于"); absent for 无法核对. */
  expected?: string;
  /** Offsets into the checked text. */
  start: number;
  end: number;
  /** Which part of the text ("七（二）3"), for listing. */
  section?: string;
  /** True for a figure the tool could not tie to a cell or an input (无法核对). */
  unverified?: boolean;
}

/** A narrative rule, shaped like the table rules (src/core/rules/types.ts): meta + check. */
export interface NarrativeRuleMeta {
  /** The rule id, equal to its file name under verify/rules/ (without .ts). */
  id: string;
  /** One line in Chinese. */
  description: string;
  severity: 'error' | 'warning';
  /** The item in docs/domain/rules.md (21–27). */
  rulesMd: number;
}

export interface TextReport {
  severity?: Severity;
  message: string;
  /** Where: a statement (its number), a statement's sign word, or an explicit span. */
  at: Statement | { start: number; end: number };
  /** Quote the statement's sign word instead of its number. */
  word?: boolean;
  expected?: string;
  cells?: CellRef[];
  unverified?: boolean;
}

export interface NarrativeContext {
  readonly narrative: ParsedNarrative;
  readonly figures: Figures;
  readonly model: WorkbookModel;
  readonly inputs: Inputs;
  /** Rounding tolerance per part, 万元 (default 0.005, as the table rules). */
  readonly tolerance: number;
  figure(id: FigureId | undefined): Figure | undefined;
  report(r: TextReport): void;
}

export interface NarrativeRule {
  meta: NarrativeRuleMeta;
  check(context: NarrativeContext): void;
}

export interface VerifyOptions {
  tolerance?: number;
  /** The rules to run (all of rules 21–27 by default). */
  rules?: readonly NarrativeRule[];
}
