import * as fs from 'fs';
import * as path from 'path';
import type { CellRef, CellValue } from '../../core/cells';
import { isDiagnosed, type Finding } from '../../core/findings/finding';
import { HostError, type WorkbookHost } from '../../core/host';
import { TABLE_KEYS } from '../../core/model/tables';
import { tableNumber } from '../../core/rules/engine';
import { checkInputsFrom, checkModel } from '../../core/workflows/check-workbook';
import { readInputs, type Inputs } from '../../core/inputs';
import { readWorkbook } from '../../core/reader';
import type { WorkbookModel } from '../../core/model/tables';
import { verifyText, type TextFinding } from '../../core/workflows/verify-narrative';
import { CliError } from '../io';
import { openForChecking } from '../open';
import { readText } from '../commands/verify-text';
import type { CheckOptions, FileResult, FoundItem, NarrativeKind, NarrativeResult } from './types';

/**
 * One workbook's check, as the batch runs it (in a worker thread or in-process): the
 * tables, then the 情况说明 if there is one. Never throws: a file that cannot be read
 * comes back with ok: false and the reason in Chinese.
 */

const cellsOf = (cells: CellRef[]): CellRef[] => cells.map((c) => ({ sheet: c.sheet, address: c.address }));

export function foundOf(f: Finding): FoundItem {
  const item: FoundItem = { rule: f.rule, severity: f.severity, message: f.message, cells: cellsOf(f.cells) };
  if (f.table) item.table = f.table;
  if (isDiagnosed(f)) {
    item.expected = f.expected;
    item.explains = f.explains.map(foundOf);
  }
  return item;
}

function textFoundOf(f: TextFinding): FoundItem {
  // A statement the checker could not tie to a figure is 无法核对, never an accusation.
  const item: FoundItem = {
    rule: f.rule,
    severity: f.unverified ? 'unverified' : f.severity,
    message: f.message,
    cells: cellsOf(f.cells),
    quote: f.quote,
  };
  if (f.expected !== undefined) item.expected = f.expected;
  if (f.section) item.section = f.section;
  return item;
}

/** The 情况说明 sheet: named 情况说明, or 情况说明(2) … as the task pane adds them. */
const NARRATIVE_SHEET = /^\s*情况说明/;

function cellText(v: CellValue): string {
  return v === null || typeof v === 'object' ? '' : String(v);
}

/** The text of a sheet, row by row (cells of a row joined), as the task pane reads it. */
async function sheetText(host: WorkbookHost, name: string): Promise<string> {
  const [snap] = await host.readSheets([name]);
  if (!snap) return '';
  const lines: string[] = [];
  for (const row of snap.values) {
    const line = row.map(cellText).join('');
    if (line.trim()) lines.push(line);
  }
  return lines.join('\n');
}

/**
 * Folder listings, kept while the folder is unchanged (one listing for a district's 200
 * files): each name by its lower-case form (the first in listing order; ~$ lock files
 * left out), so that finding a file's .docx or .txt is one look-up, not a scan.
 */
const listings = new Map<string, { mtimeMs: number; byLower: Map<string, string> }>();

function listing(dir: string): Map<string, string> | undefined {
  try {
    const { mtimeMs } = fs.statSync(dir);
    const known = listings.get(dir);
    if (known && known.mtimeMs === mtimeMs) return known.byLower;
    const byLower = new Map<string, string>();
    for (const n of fs.readdirSync(dir)) {
      const lower = n.toLowerCase();
      if (!n.startsWith('~$') && !byLower.has(lower)) byLower.set(lower, n);
    }
    listings.set(dir, { mtimeMs, byLower });
    return byLower;
  } catch {
    return undefined;
  }
}

/** A .txt or .docx beside the workbook with the same base name (extension in any case). */
export function narrativeFileBeside(file: string): { path: string; kind: NarrativeKind } | undefined {
  const dir = path.dirname(file);
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  const names = listing(dir);
  if (!names) return undefined;
  for (const kind of ['docx', 'txt'] as const) {
    const hit = names.get(`${base.toLowerCase()}.${kind}`);
    if (hit) return { path: path.join(dir, hit), kind };
  }
  return undefined;
}

async function docxText(file: string): Promise<string> {
  const mammoth = await import('mammoth');
  try {
    const { value } = await mammoth.extractRawText({ path: file });
    return value;
  } catch (e) {
    throw new CliError(`无法读取“${file}”：不是有效的 Word 文档（.docx）（${(e as Error).message}）。`);
  }
}

/**
 * Which narrative to verify: a .docx or .txt beside the workbook (what is published),
 * else a 情况说明 sheet in it. undefined when there is none.
 */
async function narrativeOf(file: string, host: WorkbookHost, model: WorkbookModel, inputs: Inputs): Promise<NarrativeResult | undefined> {
  const beside = narrativeFileBeside(file);
  let text: string;
  let result: NarrativeResult;
  if (beside) {
    result = { kind: beside.kind, source: beside.path, findings: [] };
    try {
      text = beside.kind === 'docx' ? await docxText(beside.path) : readText(beside.path);
    } catch (e) {
      if (e instanceof CliError) return { ...result, error: e.message };
      throw e;
    }
  } else {
    const sheet = (await host.listSheets()).find((s) => NARRATIVE_SHEET.test(s.name));
    if (!sheet) return undefined;
    result = { kind: 'sheet', source: sheet.name, findings: [] };
    text = await sheetText(host, sheet.name);
  }
  if (!text.replace(/[\s\u3000\u00a0]/g, '')) {
    return { ...result, error: result.kind === 'sheet' ? `工作表“${result.source}”中没有文字。` : `“${result.source}”是空的，没有可核对的文字。` };
  }
  try {
    // verifyNarrative(host, text) without reading the tables or the 补充信息 a second time.
    result.findings = verifyText(model, inputs.found ? inputs : undefined, text).map(textFoundOf);
  } catch (e) {
    // The tables' check stands; only the narrative is reported as not checked.
    return { ...result, error: `核对情况说明时程序出错（${(e as Error)?.message ?? String(e)}），情况说明未核对。` };
  }
  return result;
}

export async function checkOne(file: string, options: CheckOptions): Promise<FileResult> {
  const t0 = Date.now();
  const result: FileResult = { file, ok: false, findings: [], computed: 0, tableNumbers: {}, ms: 0 };
  try {
    const { host, notes, computed } = await openForChecking(file);
    result.computed = computed;
    // checkWorkbook(host), with the 补充信息 read once for the tables and the narrative.
    const snapshots = await host.readSheets();
    const model = readWorkbook(snapshots);
    const inputs = readInputs(snapshots);
    let findings: Finding[];
    try {
      findings = checkModel(model, { tolerance: options.tolerance, inputs: checkInputsFrom(inputs) });
    } catch (e) {
      if (e instanceof RangeError) throw new CliError(`无法校验“${file}”：${e.message}`);
      throw e;
    }
    result.findings = [...notes, ...findings].map(foundOf);
    for (const key of TABLE_KEYS) {
      const t = model.tables[key];
      if (!t) continue;
      result.tableNumbers[key] = tableNumber(model, key);
      if (!result.unit && t.unit) result.unit = t.unit;
    }
    if (options.text) result.narrative = await narrativeOf(file, host, model, inputs);
    result.ok = true;
  } catch (e) {
    result.ok = false;
    result.findings = [];
    result.narrative = undefined;
    result.error =
      e instanceof HostError || e instanceof CliError
        ? e.message
        : `无法校验“${file}”：读取或校验时程序出错（${(e as Error)?.message ?? String(e)}）。其余文件照常校验；请把该文件提供给开发人员排查。`;
  }
  result.ms = Date.now() - t0;
  return result;
}
