import { SEVERITY_NAMES, type Severity } from '../../core/findings/finding';
import { TABLE_NAMES, type TableKey } from '../../core/model/tables';
import { countOf, emptyCounts, fileCounts, type Counts, type FileResult, type FoundItem, type NarrativeKind } from '../batch/types';

/** A file's standing in a report, worst first. */
export type FileStatus = 'error' | 'unreadable' | 'warning' | 'rounding' | 'ok';

export const STATUS_NAMES: Record<FileStatus, string> = {
  error: '有错误',
  unreadable: '无法读取',
  warning: '有提示',
  rounding: '仅尾数差异',
  ok: '未发现问题',
};

const STATUS_RANK: Record<FileStatus, number> = { error: 0, unreadable: 1, warning: 2, rounding: 3, ok: 4 };

/** Severities in the order they are listed; 无法核对 last and apart. */
export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'rounding', 'unverified'];

export { SEVERITY_NAMES };

/** Per-file summary, as `--report out.json` gives it under "files" (a public contract). */
export interface FileSummary {
  file: string;
  /** The unit (部门) the tables name; null when not found. */
  unit: string | null;
  status: FileStatus;
  /** Top-level findings by severity, tables and narrative together. */
  counts: Counts;
  /** Why the file could not be read; null when it was. */
  reason: string | null;
  /** Formulas without saved results that were computed in memory. */
  computed: number;
  /** The 情况说明 checked with it; null when there was none (or --no-text). */
  narrative: { kind: NarrativeKind; source: string; counts: Counts; error: string | null } | null;
}

export function statusOf(r: FileResult): FileStatus {
  if (!r.ok) return 'unreadable';
  const c = fileCounts(r);
  if (c.error) return 'error';
  if (c.warning) return 'warning';
  if (c.rounding) return 'rounding';
  return 'ok';
}

export function summaryOf(r: FileResult): FileSummary {
  return {
    file: r.file,
    unit: r.unit ?? null,
    status: statusOf(r),
    counts: r.ok ? fileCounts(r) : emptyCounts(),
    reason: r.ok ? null : (r.error ?? '无法读取'),
    computed: r.computed,
    narrative: r.narrative ? { kind: r.narrative.kind, source: r.narrative.source, counts: countOf(r.narrative.findings), error: r.narrative.error ?? null } : null,
  };
}

/** Worst first: by status, then more errors, then more warnings; else as listed. */
export function worstFirst(results: FileResult[]): FileResult[] {
  const keyed = results.map((r, i) => ({ r, i, s: statusOf(r), c: r.ok ? fileCounts(r) : emptyCounts() }));
  keyed.sort((a, b) => STATUS_RANK[a.s] - STATUS_RANK[b.s] || b.c.error - a.c.error || b.c.warning - a.c.warning || a.i - b.i);
  return keyed.map((k) => k.r);
}

/** "公开03表 支出决算表"; "情况说明" for the narrative; "其他" without a table. */
export function tableLabelOf(r: FileResult, f: FoundItem, narrative = false): string {
  if (narrative) return '情况说明';
  const key: TableKey | undefined = f.table;
  if (!key) return '其他';
  const n = r.tableNumbers[key];
  return n ? `公开${n}表 ${TABLE_NAMES[key]}` : TABLE_NAMES[key];
}

export function cellsText(f: FoundItem): string {
  return f.cells.map((c) => `${c.sheet}!${c.address}`).join('、');
}

export function displayName(r: FileResult): string {
  return r.unit ?? r.file.split(/[\\/]/).pop() ?? r.file;
}

/** Totals over a run. */
export interface RunTotals {
  files: number;
  read: number;
  unreadable: number;
  byStatus: Record<FileStatus, number>;
  counts: Counts;
}

export function totalsOf(summaries: FileSummary[]): RunTotals {
  const byStatus: Record<FileStatus, number> = { error: 0, unreadable: 0, warning: 0, rounding: 0, ok: 0 };
  const counts = emptyCounts();
  for (const f of summaries) {
    byStatus[f.status]++;
    for (const s of SEVERITY_ORDER) counts[s] += f.counts[s];
  }
  return { files: summaries.length, read: summaries.length - byStatus.unreadable, unreadable: byStatus.unreadable, byStatus, counts };
}
