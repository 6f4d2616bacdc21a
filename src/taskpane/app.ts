/**
 * The one place the task pane meets the core: the workflow functions of
 * src/core/workflows (README there) and the sample. The pane calls nothing else of
 * the core, and reaches the workbook only through the WorkbookHost given here.
 */
import type { CellRef, CellValue } from '../core/cells';
import { parseRange } from '../core/cells';
import type { Finding, Severity } from '../core/findings/finding';
import type { TableKey } from '../core/model/tables';
import { loadProfile, profileIds, sheetNameOf } from '../core/profiles';
import { inputSheetPlan, INPUT_SHEET_NAME } from '../core/inputs';
import { buildSampleWorkbook, SEED_2021_PROFILE, SEED_2021_UNIT } from '../core/sample';
import { SEED_2021_INPUTS } from '../core/sample/seed-2021-inputs';
import { checkWorkbook, type CheckResult } from '../core/workflows/check-workbook';
import { draftNarrative, writeNarrativeSheet, type NarrativeDraft } from '../core/workflows/draft-narrative';
import { insertTables, type ConflictMode, type InsertResult } from '../core/workflows/insert-tables';
import { refreshFormulas, type RefreshResult } from '../core/workflows/refresh-formulas';
import { verifyNarrative, type TextFinding } from '../core/workflows/verify-narrative';
import type { WorkbookHost } from '../core/host';

export type { CheckResult, ConflictMode, Finding, InsertResult, NarrativeDraft, RefreshResult, Severity };
export { SEED_2021_UNIT };

export interface ProfileChoice {
  id: string;
  name: string;
  tables: { key: TableKey; number: string; title: string; sheet: string }[];
}

/** The profiles for the 报表格式 list, with their tables for the checkboxes. */
export function profileChoices(): ProfileChoice[] {
  return profileIds().map((id) => {
    const p = loadProfile(id);
    return {
      id,
      name: p.name,
      tables: p.tables.map((t) => ({ key: t.key, number: t.number, title: t.title, sheet: sheetNameOf(t) })),
    };
  });
}

export interface InsertChoice {
  profile: string;
  unit: string;
  year: number;
  tables: TableKey[];
  onConflict: ConflictMode;
  includeInputs: boolean;
}

export function insert(host: WorkbookHost, c: InsertChoice): Promise<InsertResult> {
  return insertTables(host, {
    profile: c.profile,
    unit: c.unit,
    year: c.year,
    tables: c.tables,
    onConflict: c.onConflict,
    includeInputs: c.includeInputs,
  });
}

export function refresh(host: WorkbookHost): Promise<RefreshResult> {
  return refreshFormulas(host);
}

export function check(host: WorkbookHost, tolerance?: number): Promise<CheckResult> {
  return checkWorkbook(host, tolerance === undefined ? {} : { tolerance });
}

export function draft(host: WorkbookHost): Promise<NarrativeDraft> {
  return draftNarrative(host);
}

export function writeDraft(host: WorkbookHost, d: NarrativeDraft): Promise<string> {
  return writeNarrativeSheet(host, d);
}

export interface SampleResult {
  /** The sheets written (公开01–09表 and 补充信息), empty when the sample was already there. */
  created: string[];
  /** Sheets of the sample's names already in the workbook: nothing is written then. */
  existing: string[];
}

/**
 * The seed sample (2021, 株洲市石峰区机关事务服务中心): the nine tables with their
 * figures and the filled 补充信息 sheet, as `juesuan demo` builds it. When any sheet of
 * those names exists, nothing is written (no silent "公开01表(2)" copies).
 */
export async function insertSample(host: WorkbookHost): Promise<SampleResult> {
  const wanted = [...loadProfile(SEED_2021_PROFILE).tables.map(sheetNameOf), INPUT_SHEET_NAME];
  const have = new Set((await host.listSheets()).map((s) => s.name.toLowerCase()));
  const existing = wanted.filter((n) => have.has(n.toLowerCase()));
  if (existing.length) return { created: [], existing };
  await buildSampleWorkbook(host);
  await host.apply({ create: [inputSheetPlan(SEED_2021_INPUTS)], update: [] });
  return { created: wanted, existing: [] };
}

/** A finding about the narrative text, as the pane shows it. */
export interface TextFindingView {
  rule: string;
  severity: Severity;
  message: string;
  /** The words of the text that are wrong. */
  quote: string;
  /** Offsets of the quote in the text. */
  start?: number;
  end?: number;
  /** What the tables say ("97.38%", "1256.53万元"). */
  expected?: string;
  /** Which part of the text ("七（二）3"). */
  section?: string;
  /** A figure the tool could not tie to a cell (无法核对). */
  unverified?: boolean;
  cells: CellRef[];
}

export async function verify(host: WorkbookHost, text: string): Promise<TextFindingView[]> {
  const found: TextFinding[] = await verifyNarrative(host, text);
  return found.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    quote: f.quote,
    start: f.start,
    end: f.end,
    expected: f.expected,
    section: f.section,
    unverified: f.unverified,
    cells: f.cells,
  }));
}

/** The text of a sheet range (e.g. a pasted 情况说明 in column A), row by row. */
export async function textFromSheet(host: WorkbookHost, sheet: string, address: string): Promise<string> {
  const [snap] = await host.readSheets([sheet]);
  if (!snap) throw new Error(`找不到工作表“${sheet}”。`);
  let rect;
  try {
    rect = address.trim() ? parseRange(address.trim()) : null;
  } catch {
    throw new Error(`“${address}”不是有效的单元格区域，例如 A1:A200。`);
  }
  const lines: string[] = [];
  snap.values.forEach((row, i) => {
    const r = snap.top + i;
    if (rect && (r < rect.top || r > rect.bottom)) return;
    const parts = row
      .map((v, j) => ({ v, c: snap.left + j }))
      .filter(({ c }) => !rect || (c >= rect.left && c <= rect.right))
      .map(({ v }) => textOf(v))
      .filter((s) => s !== '');
    if (parts.length) lines.push(parts.join(''));
  });
  return lines.join('\n');
}

function textOf(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return '';
  return String(v);
}

/** Sheet names, for the 核对 source list. */
export async function sheetNames(host: WorkbookHost): Promise<string[]> {
  return (await host.listSheets()).map((s) => s.name);
}
