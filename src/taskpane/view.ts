/**
 * Pure helpers of the task pane: grouping findings, labelling cells, splitting a
 * text around the words a finding points at. No DOM, tested in Node.
 */
import type { CellRef } from '../core/cells';
import { isDiagnosed, SEVERITY_NAMES, type DiagnosedFinding, type Finding, type Severity } from '../core/findings/finding';
import { TABLE_KEYS, TABLE_NAMES, type TableKey } from '../core/model/tables';

/** The severities counted and listed openly; 无法核对 (unverified) is always shown apart. */
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

/** 公开03表 支出决算表 (the number as the workbook has it), or 其他. */
export function tableLabel(key: TableKey | null, numbers: Partial<Record<TableKey, string>> = {}): string {
  if (!key) return '其他';
  const n = numbers[key];
  return `${n ? `公开${n}表 ` : ''}${TABLE_NAMES[key]}`;
}

function byTable(some: Finding[], numbers: Partial<Record<TableKey, string>>): TableGroup[] {
  const tables: TableGroup[] = [];
  for (const key of [...TABLE_KEYS, null] as (TableKey | null)[]) {
    const items = some.filter((f) => (f.table ?? null) === key);
    if (items.length) tables.push({ table: key, label: tableLabel(key, numbers), items });
  }
  return tables;
}

/**
 * Findings by severity (错误, 提示, 尾数差异), then by table in 01…09 order.
 * 无法核对 and diagnosed slips are not here: see checkView.
 */
export function groupFindings(findings: Finding[], numbers: Partial<Record<TableKey, string>> = {}): SeverityGroup[] {
  const out: SeverityGroup[] = [];
  for (const severity of SEVERITY_ORDER) {
    const some = findings.filter((f) => f.severity === severity && !isDiagnosed(f));
    if (!some.length) continue;
    out.push({ severity, label: SEVERITY_NAMES[severity], count: some.length, tables: byTable(some, numbers) });
  }
  return out;
}

/** What the 一键校验 tab shows, in order. */
export interface CheckView {
  /** Likely slips: listed first, each with the findings it explains folded under it. */
  diagnosed: DiagnosedFinding[];
  /** 错误 / 提示 / 尾数差异 by table (the diagnosed slips' explained findings are not repeated). */
  groups: SeverityGroup[];
  /** 无法核对: shown apart, collapsed, never counted with 错误/提示. */
  unverified: TableGroup[];
  unverifiedCount: number;
  /** The counts of the summary line: errors include the diagnosed slips, not what they explain. */
  counts: Record<Severity, number>;
}

export function checkView(findings: Finding[], numbers: Partial<Record<TableKey, string>> = {}): CheckView {
  const diagnosed = findings.filter(isDiagnosed);
  const unverified = findings.filter((f) => f.severity === 'unverified' && !isDiagnosed(f));
  const counts: Record<Severity, number> = { error: 0, warning: 0, rounding: 0, unverified: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    diagnosed,
    groups: groupFindings(findings, numbers),
    unverified: byTable(unverified, numbers),
    unverifiedCount: unverified.length,
    counts,
  };
}

/** "另有 12 处无法核对，展开" */
export function unverifiedLabel(n: number): string {
  return `另有 ${n} 处无法核对，展开`;
}

/** The cells a 标记 paints: suspects of likely slips apart (a stronger colour) from the rest. */
export interface MarkPlan {
  suspects: CellRef[];
  /** Every other cell of the findings marked (explained findings included), without the suspects. */
  others: CellRef[];
  /** Sheets touched, for the confirmation. */
  sheets: string[];
}

/**
 * What 标记 should paint: every cell of 错误 and 提示 findings (尾数差异 only when asked),
 * the cells of the findings a slip explains, and the slip's candidate cells as suspects.
 * 无法核对 is never marked (it accuses no cell).
 */
export function markPlan(findings: Finding[], withRounding: boolean): MarkPlan {
  const suspects = findingCells(findings.filter(isDiagnosed));
  const taken = new Set(suspects.map(cellKey));
  const marked: Finding[] = [];
  for (const f of findings) {
    if (isDiagnosed(f)) marked.push(...f.explains.filter((x) => x.severity !== 'unverified'));
    else if (f.severity === 'error' || f.severity === 'warning' || (withRounding && f.severity === 'rounding')) marked.push(f);
  }
  const others = findingCells(marked).filter((c) => !taken.has(cellKey(c)));
  const sheets = [...new Set([...suspects, ...others].map((c) => c.sheet))];
  return { suspects, others, sheets };
}

/** The confirmation beside 标记: "已标记 20 个单元格（4 张表）", with the suspects when any. */
export function markedLabel(plan: MarkPlan): string {
  const n = plan.suspects.length + plan.others.length;
  const base = `已标记 ${n} 个单元格（${plan.sheets.length} 张表）`;
  return plan.suspects.length ? `${base}，其中 ${plan.suspects.length} 个疑似笔误（深色）` : base;
}

/** Why there is nothing to mark, in the user's terms (null when there is something). */
export function nothingToMark(findings: Finding[] | null, withRounding: boolean): string | null {
  if (!findings) return '请先运行一键校验，再标记其结果。';
  const plan = markPlan(findings, withRounding);
  if (plan.suspects.length + plan.others.length) return null;
  const rounding = findings.filter((f) => f.severity === 'rounding').length;
  if (rounding && !withRounding) return `没有错误或提示需要标记。要标记 ${rounding} 处尾数差异，请勾选“标记时包括尾数差异”。`;
  return '上次校验没有发现需要标记的单元格。';
}

const cellKey = (c: CellRef) => `${c.sheet}!${c.address}`;

/** A text finding as the 核对 tab groups it. */
export interface TextItem {
  severity: Severity;
  section?: string;
  start?: number;
  unverified?: boolean;
}

export interface SectionGroup<T> {
  /** "七（二）3", or '' for text outside any numbered part. */
  section: string;
  items: T[];
}

/** The heading of a section group: "七（二）3"; text outside any numbered part: 其他文字. */
export function sectionLabel(section: string): string {
  return section || '其他文字';
}

/**
 * The 核对 results: wrong statements (错误, 提示, 尾数差异) by section in text order,
 * errors first within a section; then 无法核对 apart, also by section, for a collapsed list.
 */
export function groupTextFindings<T extends TextItem>(found: T[]): { wrong: SectionGroup<T>[]; unverified: SectionGroup<T>[]; unverifiedCount: number } {
  const isUnverified = (f: T) => f.unverified === true || f.severity === 'unverified';
  const rank = (f: T) => SEVERITY_ORDER.indexOf(f.severity);
  const bySection = (items: T[], sort: boolean): SectionGroup<T>[] => {
    const out: SectionGroup<T>[] = [];
    for (const f of [...items].sort((a, b) => (a.start ?? 0) - (b.start ?? 0))) {
      const s = f.section ?? '';
      let g = out.find((x) => x.section === s);
      if (!g) out.push((g = { section: s, items: [] }));
      g.items.push(f);
    }
    if (sort) for (const g of out) g.items.sort((a, b) => rank(a) - rank(b) || (a.start ?? 0) - (b.start ?? 0));
    return out;
  };
  const unverified = found.filter(isUnverified);
  return {
    wrong: bySection(
      found.filter((f) => !isUnverified(f)),
      true,
    ),
    unverified: bySection(unverified, false),
    unverifiedCount: unverified.length,
  };
}

/** A draft section that states a figure whose cells the last check found wrong. */
export interface DraftConcern {
  sectionId: string;
  title: string;
  cells: CellRef[];
}

/**
 * Which sections of a draft state figures from cells the last check found wrong
 * (错误, diagnosed slips and what they explain); 提示, 尾数差异 and 无法核对 do not count.
 */
export function draftConcerns(findings: Finding[], sections: { id: string; title: string; figures: { cells: CellRef[] }[] }[]): DraftConcern[] {
  const wrong = new Set<string>();
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    for (const c of f.cells) wrong.add(cellKey(c));
    if (isDiagnosed(f)) for (const x of f.explains) if (x.severity === 'error') for (const c of x.cells) wrong.add(cellKey(c));
  }
  const out: DraftConcern[] = [];
  for (const s of sections) {
    const cells = findingCells(s.figures.map((fig) => ({ cells: fig.cells.filter((c) => wrong.has(cellKey(c))) })));
    if (cells.length) out.push({ sectionId: s.id, title: s.title, cells });
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
