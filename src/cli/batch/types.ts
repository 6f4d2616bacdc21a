import type { CellRef } from '../../core/cells';
import type { Severity } from '../../core/findings/finding';
import type { TableKey } from '../../core/model/tables';

/**
 * What one file's check gives back to the batch: plain data only (it crosses from a
 * worker thread by structured clone), no model, no workbook.
 */
export interface FoundItem {
  rule: string;
  severity: Severity;
  message: string;
  cells: CellRef[];
  table?: TableKey;
  /** For a narrative finding: the exact words of the text. */
  quote?: string;
  /** For a narrative finding: what the tables say; for a likely-slip: the suspect cell's right value. */
  expected?: string | number;
  /** Part of the narrative ("七（二）3"). */
  section?: string;
  /** For a diagnosed likely-slip: the findings it explains (not listed at top level). */
  explains?: FoundItem[];
}

export type NarrativeKind = 'sheet' | 'txt' | 'docx';

export interface NarrativeResult {
  kind: NarrativeKind;
  /** The sheet name, or the path of the text file. */
  source: string;
  findings: FoundItem[];
  /** Why the narrative could not be read (the check of the tables stands). */
  error?: string;
}

export interface FileResult {
  /** The path as listed (as given, or found under a given folder). */
  file: string;
  /** False when the file could not be read; `error` says why. */
  ok: boolean;
  error?: string;
  /** The check's findings (top level), as checkWorkbook sorts them. */
  findings: FoundItem[];
  /** Formulas without cached values that were computed in memory. */
  computed: number;
  /** The unit (部门：…) the tables name, when found. */
  unit?: string;
  /** 公开NN of each table found, for labels ("公开03表 支出决算表"). */
  tableNumbers: Partial<Record<TableKey, string>>;
  /** The 情况说明 checked in the same run, when there is one. */
  narrative?: NarrativeResult;
  /** Time spent on this file, ms. */
  ms: number;
}

export interface CheckOptions {
  tolerance?: number;
  /** Verify the 情况说明 too (false with --no-text). */
  text: boolean;
}

export type Counts = Record<Severity, number>;

export function emptyCounts(): Counts {
  return { error: 0, warning: 0, rounding: 0, unverified: 0 };
}

/** Counts by severity of the top-level findings (explained ones are not counted again). */
export function countOf(items: FoundItem[], into: Counts = emptyCounts()): Counts {
  for (const f of items) into[f.severity]++;
  return into;
}

/** Counts of a file: its tables and its narrative together. */
export function fileCounts(r: FileResult): Counts {
  const c = countOf(r.findings);
  if (r.narrative) countOf(r.narrative.findings, c);
  return c;
}
