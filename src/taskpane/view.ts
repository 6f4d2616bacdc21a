/**
 * Pure helpers of the task pane: grouping findings, labelling cells, splitting a
 * text around the words a finding points at. No DOM, tested in Node.
 */
import type { CellRef } from '../core/cells';
import { SEVERITY_NAMES, type Finding, type Severity } from '../core/findings/finding';
import { TABLE_KEYS, TABLE_NAMES, type TableKey } from '../core/model/tables';

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'rounding'];

export interface TableGroup {
  table: TableKey | null;
  /** 公开03表 支出决算表, or 其他 for findings without a table. */
  label: string;
  items: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  label: string;
  count: number;
  tables: TableGroup[];
}

/** Findings by severity (错误, 提示, 尾数差异), then by table in 01…09 order. */
export function groupFindings(findings: Finding[], numbers: Partial<Record<TableKey, string>> = {}): SeverityGroup[] {
  const out: SeverityGroup[] = [];
  for (const severity of SEVERITY_ORDER) {
    const some = findings.filter((f) => f.severity === severity);
    if (!some.length) continue;
    const tables: TableGroup[] = [];
    for (const key of [...TABLE_KEYS, null] as (TableKey | null)[]) {
      const items = some.filter((f) => (f.table ?? null) === key);
      if (!items.length) continue;
      const label = key ? `${numbers[key] ? `公开${numbers[key]}表 ` : ''}${TABLE_NAMES[key]}` : '其他';
      tables.push({ table: key, label, items });
    }
    out.push({ severity, label: SEVERITY_NAMES[severity], count: some.length, tables });
  }
  return out;
}

/** "公开03表!C8、D8 等5个单元格" */
export function cellsLabel(cells: CellRef[], max = 3): string {
  if (!cells.length) return '';
  const parts: string[] = [];
  let lastSheet = '';
  for (const c of cells.slice(0, max)) {
    parts.push(c.sheet === lastSheet ? c.address : `${c.sheet}!${c.address}`);
    lastSheet = c.sheet;
  }
  return cells.length > max ? `${parts.join('、')} 等${cells.length}个单元格` : parts.join('、');
}

/** The distinct cells of the findings, for a mark request. */
export function findingCells(findings: { cells: CellRef[] }[]): CellRef[] {
  const seen = new Set<string>();
  const out: CellRef[] = [];
  for (const f of findings) {
    for (const c of f.cells) {
      const k = `${c.sheet}!${c.address}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(c);
    }
  }
  return out;
}

export interface Segment {
  text: string;
  /** Index of the finding whose words these are. */
  finding?: number;
}

/**
 * The text cut into plain runs and the runs findings point at: by their offsets when
 * given, else at the first not yet used occurrence of their quote. Overlaps keep
 * the earlier finding.
 */
export function markSegments(text: string, findings: { quote: string; start?: number; end?: number }[]): Segment[] {
  const spans: { start: number; end: number; finding: number }[] = [];
  const taken = (s: number, e: number) => spans.some((x) => s < x.end && x.start < e);
  findings.forEach((f, i) => {
    let start = -1;
    let end = -1;
    if (typeof f.start === 'number' && typeof f.end === 'number' && f.end > f.start && f.end <= text.length) {
      start = f.start;
      end = f.end;
    } else if (f.quote) {
      let from = 0;
      for (;;) {
        const at = text.indexOf(f.quote, from);
        if (at < 0) break;
        if (!taken(at, at + f.quote.length)) {
          start = at;
          end = at + f.quote.length;
          break;
        }
        from = at + 1;
      }
    }
    if (start >= 0 && !taken(start, end)) spans.push({ start, end, finding: i });
  });
  spans.sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.start > pos) out.push({ text: text.slice(pos, s.start) });
    out.push({ text: text.slice(s.start, s.end), finding: s.finding });
    pos = s.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos) });
  return out;
}

/** A number typed in the tolerance box: undefined for blank (the workflow's default), NaN for junk. */
export function parseTolerance(s: string): number | undefined {
  const t = s.trim();
  if (!t) return undefined;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : NaN;
}

/** Sections as plain text, for the clipboard. */
export function sectionsText(sections: { id: string; title: string; text: string }[]): string {
  return sections.map((s) => `${s.id}、${s.title}\n${s.text}`).join('\n\n');
}
