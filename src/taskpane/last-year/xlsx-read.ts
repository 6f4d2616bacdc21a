import JSZip from 'jszip';
import type { CellValue, RangeRect } from '../../core/cells';
import { parseA1 } from '../../core/cells';
import { evaluateSheets, type GridSheet, type SourceCell } from '../../core/formulas/evaluate';
import type { SheetSnapshot } from '../../core/model/snapshot';

/**
 * Read an .xlsx file into sheet snapshots, in the task pane (no Office, no node): the
 * lazily loaded part of 导入上年报表. JSZip opens the package; the SpreadsheetML parts
 * the reader needs (workbook.xml sheet list, sharedStrings, each sheet's cells and
 * merged areas) are scanned here — far smaller than a full workbook library.
 *
 * Values: the cached value of every formula (what Excel and WPS save); a formula saved
 * without one (files written by programs) is computed with the core's evaluator, and
 * left blank (counted in `uncomputed`) when it is outside the evaluator's subset.
 * Cell types per ECMA-376 Part 1 §18.3.1.4 (c) and §18.18.11 (ST_CellType):
 * s shared string, str formula string, inlineStr, b boolean, e error, n (default) number.
 */

export interface XlsxRead {
  snapshots: SheetSnapshot[];
  /** Formula cells saved without a value that could not be computed (read as blank). */
  uncomputed: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decode(m[2] ?? m[3] ?? '') : undefined;
}

/** The text of the <t> runs of a string item, without phonetic runs (<rPh>). */
function textRuns(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out += decode(m[1] ?? '');
  return out;
}

/** Every match of a global regular expression (String.prototype.matchAll is missing in Safari 11–12). */
function all(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m);
  return out;
}

async function part(zip: JSZip, path: string): Promise<string | undefined> {
  const f = zip.file(path) ?? zip.file(path.replace(/^\//, ''));
  return f ? f.async('string') : undefined;
}

/** Resolve a relationship target against xl/. */
function target(t: string): string {
  if (t.startsWith('/')) return t.slice(1);
  const parts = `xl/${t}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

interface RawCell {
  row: number;
  col: number;
  value: CellValue;
  formula?: string;
  cached: boolean;
}

function parseSheet(xml: string, shared: string[]): { cells: RawCell[]; merges: RangeRect[] } {
  const cells: RawCell[] = [];
  const re = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const head = `<c${m[1]}>`;
    const ref = attr(head, 'r');
    if (!ref) continue;
    const { row, col } = parseA1(ref);
    const t = attr(head, 't') ?? 'n';
    const inner = m[2] ?? '';
    const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner);
    const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner);
    const formula = f && f[1] ? decode(f[1]) : undefined;
    let value: CellValue = null;
    if (t === 'inlineStr') {
      const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
      value = is ? textRuns(is[1]) : null;
    } else if (v) {
      const raw = decode(v[1]);
      if (t === 's') value = shared[Number(raw)] ?? null;
      else if (t === 'str') value = raw;
      else if (t === 'b') value = raw === '1';
      else if (t === 'e') value = { error: raw };
      else {
        const n = Number(raw);
        value = raw.trim() !== '' && Number.isFinite(n) ? n : raw;
      }
    }
    if (value === '') value = null;
    cells.push({ row, col, value, formula, cached: !!v || t === 'inlineStr' });
  }
  const merges: RangeRect[] = [];
  const mre = /<mergeCell\b[^>]*\bref\s*=\s*"([A-Z]+\d+):([A-Z]+\d+)"/g;
  for (let m = mre.exec(xml); m; m = mre.exec(xml)) {
    const a = parseA1(m[1]);
    const b = parseA1(m[2]);
    merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  }
  return { cells, merges };
}

function toSnapshot(name: string, cells: RawCell[], merges: RangeRect[], hidden: boolean): SheetSnapshot {
  const used = cells.filter((c) => c.value !== null || c.formula);
  if (!used.length) return { name, top: 0, left: 0, values: [], merges, hidden };
  const top = Math.min(...used.map((c) => c.row));
  const left = Math.min(...used.map((c) => c.col));
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (const c of used) {
    const r = c.row - top;
    while (values.length <= r) {
      values.push([]);
      formulas.push([]);
    }
    values[r][c.col - left] = c.value;
    formulas[r][c.col - left] = c.formula ? `=${c.formula}` : null;
  }
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    const fr = formulas[r];
    for (let i = 0; i < row.length; i++) if (fr[i] === undefined) fr[i] = null;
  }
  return { name, top, left, values, formulas, merges, hidden };
}

/** Read an .xlsx (or .xlsm) file's bytes. Throws an Error with a Chinese message when it is not one. */
export async function readXlsx(data: ArrayBuffer | Uint8Array, fileName = '所选文件'): Promise<XlsxRead> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new Error(`无法读取“${fileName}”：不是 .xlsx 格式的工作簿。旧版 .xls 或 WPS 的 .et 文件请先在 Excel/WPS 中“另存为” .xlsx。`);
  }
  const workbook = await part(zip, 'xl/workbook.xml');
  if (!workbook) throw new Error(`无法读取“${fileName}”：文件中没有工作表（不是 Excel 工作簿）。`);
  const rels = (await part(zip, 'xl/_rels/workbook.xml.rels')) ?? '';
  const relTarget = new Map<string, string>();
  for (const m of all(/<Relationship\b[^>]*>/g, rels)) {
    const id = attr(m[0], 'Id');
    const t = attr(m[0], 'Target');
    if (id && t) relTarget.set(id, target(t));
  }
  const sharedXml = (await part(zip, 'xl/sharedStrings.xml')) ?? '';
  const shared = all(/<si>([\s\S]*?)<\/si>|<si\/>/g, sharedXml).map((m) => textRuns(m[1] ?? ''));

  const sheets: Array<{ name: string; cells: RawCell[]; merges: RangeRect[]; hidden: boolean }> = [];
  for (const m of all(/<sheet\b[^>]*>/g, workbook)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id') ?? attr(m[0], 'id');
    const path = rid ? relTarget.get(rid) : undefined;
    if (!name || !path) continue;
    const xml = await part(zip, path);
    if (!xml) continue; // a chart sheet or a missing part: nothing to read
    const state = attr(m[0], 'state');
    sheets.push({ name, ...parseSheet(xml, shared), hidden: state === 'hidden' || state === 'veryHidden' });
  }

  // Formulas saved without a value: compute them with the core's evaluator.
  let uncomputed = 0;
  if (sheets.some((s) => s.cells.some((c) => c.formula && !c.cached))) {
    const grid: GridSheet[] = sheets.map((s) => {
      const cells = new Map<string, SourceCell>();
      for (const c of s.cells) cells.set(`${c.row},${c.col}`, c.formula && !c.cached ? { formula: c.formula } : { value: c.value });
      return { name: s.name, cells };
    });
    const { values, unsupported } = evaluateSheets(grid);
    for (const s of sheets) {
      const computed = values.get(s.name);
      for (const c of s.cells) {
        if (!c.formula || c.cached) continue;
        const v = computed?.get(`${c.row},${c.col}`);
        if (v !== undefined) c.value = v;
      }
    }
    uncomputed = unsupported.length;
  }
  return { snapshots: sheets.map((s) => toSnapshot(s.name, s.cells, s.merges, s.hidden)), uncomputed };
}
