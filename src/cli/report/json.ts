import type { CellRef } from '../../core/cells';
import type { Severity } from '../../core/findings/finding';
import type { FileResult, FoundItem } from '../batch/types';
import { summaryOf, type FileSummary } from './summary';

/**
 * `juesuan check --json` prints an array of these (a public contract): file, rule,
 * severity, message, cells. A finding of the 情况说明 checked in the same run adds
 * quote (the exact words), expected (what the tables say, when known) and source (the
 * sheet or file the text came from); a diagnosed likely slip adds expected (the
 * suspect cell's right value) and explains (the findings it explains, same shape
 * without file).
 */
export interface JsonFinding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  cells: CellRef[];
  quote?: string;
  expected?: string | number;
  source?: string;
  explains?: Array<Omit<JsonFinding, 'file'>>;
}

function shape(f: FoundItem): Omit<JsonFinding, 'file'> {
  const out: Omit<JsonFinding, 'file'> = { rule: f.rule, severity: f.severity, message: f.message, cells: f.cells };
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.explains) out.explains = f.explains.map(shape);
  return out;
}

export function jsonFindings(r: FileResult): JsonFinding[] {
  const out: JsonFinding[] = r.findings.map((f) => ({ file: r.file, ...shape(f) }));
  const n = r.narrative;
  if (n) for (const f of n.findings) out.push({ file: r.file, ...shape(f), quote: f.quote ?? '', source: n.source });
  return out;
}

/** `--report out.json`: the --json findings plus one summary per file (in input order). */
export interface JsonReport {
  findings: JsonFinding[];
  files: FileSummary[];
}

export function jsonReport(results: FileResult[]): JsonReport {
  return { findings: results.flatMap(jsonFindings), files: results.map(summaryOf) };
}
