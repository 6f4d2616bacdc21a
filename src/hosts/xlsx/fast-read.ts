import * as fs from 'fs';
import * as zlib from 'zlib';
import { a1, columnIndex, columnLetter, parseRange, type CellValue, type RangeRect } from '../../core/cells';
import { HostError, type SheetInfo, type WorkbookHost } from '../../core/host';
import type { SheetSnapshot } from '../../core/model/snapshot';
import { gridSnapshot, MAX_SNAPSHOT_CELLS } from './xlsx-host';

/**
 * A read-only .xlsx reader for checking many files fast: it reads only what a check
 * needs — the sheet list, cell values and formulas, merged areas, sheet protection and
 * visibility — straight from the package (central directory, zlib inflate, a scan of
 * the sheet XML), without styles, drawings or the rest of ExcelJS's model. Its
 * snapshots are those XlsxHost.readSheets() gives for the same file (the same cells,
 * values, formula texts — shared formulas slid as ExcelJS slides them — merges,
 * protection; tests/hosts/xlsx/fast-read.test.ts compares them).
 *
 * It only takes the usual shape of a package saved by Excel, WPS or LibreOffice: for
 * anything else — not a zip, ZIP64, an unusual compression, prefixed XML elements, a
 * formula without a saved result (files written by programs, computed by the
 * evaluator on the ExcelJS path) — readFast() returns null and the caller opens the
 * file with XlsxHost, which also gives the Chinese reasons for unreadable files.
 * It never writes.
 */

/** Why the fast path declined (for tests and the bench). */
export class NotFast extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotFast';
  }
}

// ---- zip ---------------------------------------------------------------------------

interface ZipEntry {
  method: number;
  compressedSize: number;
  /** As the central directory states it: a hint for the output buffer only. */
  size: number;
  localOffset: number;
}

/** The central directory (PKWARE APPNOTE 4.3.12, 4.3.16), by lower-case name. */
function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  const min = Math.max(0, buf.length - 22 - 65535);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotFast('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new NotFast('zip64');
  const out = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new NotFast('bad central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (flags & 1) throw new NotFast('encrypted entry');
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    out.set(name.replace(/\\/g, '/').toLowerCase(), { method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Largest stated size taken as the output buffer's size (a sheet part is rarely larger). */
const INFLATE_HINT_MAX = 64 * 1024 * 1024;

function zipRead(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new NotFast('bad local header');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data;
  // One output buffer of the stated size (+1, so that zlib sees the end without asking for
  // another): the default 16 KB chunks cost an allocation and a copy per chunk. A size that
  // lies only costs more chunks; one past the cap is not trusted.
  if (e.method === 8) return zlib.inflateRawSync(data, e.size < INFLATE_HINT_MAX ? { chunkSize: Math.max(64, e.size + 1) } : undefined);
  throw new NotFast(`compression method ${e.method}`);
}

// ---- XML ---------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function xmlDecode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

/** Text of <t> elements as ExcelJS reads them (entities, then _xHHHH_ escapes). */
function tText(raw: string): string {
  return xmlDecode(raw).replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const ATTR_RES = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = ATTR_RES.get(name);
  if (!re) {
    re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR_RES.set(name, re);
  }
  const m = re.exec(tag);
  return m ? xmlDecode(m[1] ?? m[2]) : undefined;
}

/** The value of an attribute written the usual way (` name="value"`), else as attr() finds it. */
function plainAttr(tag: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const i = tag.indexOf(key);
  if (i >= 0) {
    const j = tag.indexOf('"', i + key.length);
    if (j >= 0) return xmlDecode(tag.slice(i + key.length, j));
  }
  return attr(tag, name);
}

/** [A-Za-z0-9_]: what \b does not split from a preceding letter. */
function isWordCode(k: number): boolean {
  return (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || k === 95;
}

/**
 * Each element <name …>…</name> or <name …/> in s, in order, as the regexp
 * /<name\b([^>]*?)(?:\/>|>([\s\S]*?)<\/name>)/g finds them (attributes, body; no body
 * when self-closed), by indexOf: rows and cells are most of a package, and this is the
 * read's inner loop.
 */
function eachElement(s: string, name: string, visit: (attrs: string, body: string | undefined) => void): void {
  const open = `<${name}`;
  const close = `</${name}>`;
  let pos = 0;
  for (;;) {
    const i = s.indexOf(open, pos);
    if (i < 0) return;
    const after = i + open.length;
    if (after < s.length && isWordCode(s.charCodeAt(after))) {
      pos = i + 1; // <cols, <rowBreaks…
      continue;
    }
    const gt = s.indexOf('>', after);
    if (gt < 0) return;
    if (gt > after && s.charCodeAt(gt - 1) === 47 /* / */) {
      visit(s.slice(after, gt - 1), undefined);
      pos = gt + 1;
      continue;
    }
    const end = s.indexOf(close, gt + 1);
    if (end < 0) {
      pos = i + 1; // not closed: no match here (as the regexp)
      continue;
    }
    visit(s.slice(after, gt), s.slice(gt + 1, end));
    pos = end + close.length;
  }
}

const T_RE = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;

/** The text of a string item (<si> or <is>): its <t> elements, phonetic runs (<rPh>) left out. */
function itemText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  T_RE.lastIndex = 0;
  for (let m = T_RE.exec(body); m; m = T_RE.exec(body)) if (m[1] !== undefined) out += m[1];
  return tText(out);
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] === undefined ? '' : itemText(m[1]));
  return out;
}

// ---- shared formulas (as ExcelJS's utils/shared-formula.js slides them, MIT) ------------

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

function slideFormula(formula: string, from: string, to: string): string {
  const f = parseRange(from);
  const t = parseRange(to);
  return formula.replace(CANDIDATE, (ref: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
    if (paren) return ref;
    const m = CELL_REF.exec(addr);
    if (!m) return ref;
    const colStr = m[2].toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return ref;
    let col = columnIndex(colStr);
    let row = parseInt(m[4], 10);
    if (!m[1]) col += t.left - f.left;
    if (!m[3]) row += t.top - f.top;
    return `${sheet ?? ''}${m[1] ?? ''}${columnLetter(col)}${m[3] ?? ''}${row}`;
  });
}

// ---- sheets --------------------------------------------------------------------------

/**
 * Row and column of a cell's r attribute: "B12" → (11, 1), read by hand for the usual
 * form (capital letters, then digits); any other form through parseRange, as before.
 */
function cellAt(ref: string): { r: number; c: number } {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k < 65 || k > 90) break;
    c = c * 26 + (k - 64);
  }
  const letters = i;
  let r = 0;
  for (; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k < 48 || k > 57) break;
    r = r * 10 + (k - 48);
  }
  if (letters === 0 || i === letters || i !== ref.length || i - letters > 15) {
    const p = parseRange(ref);
    return { r: p.top, c: p.left };
  }
  return { r: r - 1, c: c - 1 };
}

interface SheetPart {
  name: string;
  hidden: boolean;
  part: string;
}

/** A cell's formula and value elements (not global: no state between uses). */
const F_RE = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const V_RE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>|<v\s*\/>/;

/** Parse one worksheet part into a snapshot (the shape XlsxHost.snapshot() gives). */
function parseSheet(xml: string, sheet: SheetPart, strings: string[]): SheetSnapshot {
  if (!xml.includes('<sheetData')) throw new NotFast('worksheet without a plain <sheetData>');
  const merges: RangeRect[] = [];
  const mergeRe = /<mergeCell\s[^>]*?ref\s*=\s*"([^"]+)"/g;
  for (let m = mergeRe.exec(xml); m; m = mergeRe.exec(xml)) {
    try {
      merges.push(parseRange(m[1]));
    } catch {
      /* an unreadable ref: skipped, as XlsxHost does */
    }
  }
  // Cells inside a merged area other than its top-left are blank (ExcelJS: type Merge).
  const covered = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(r * 16384 + c);
    }
  }
  const protTag = /<sheetProtection\b[^>]*>/.exec(xml)?.[0];
  const sheetAttr = protTag ? attr(protTag, 'sheet') : undefined;
  const isProtected = sheetAttr === '1' || sheetAttr === 'true';

  type Entry = { r: number; c: number; v: CellValue; f: string | null };
  const entries: Entry[] = [];
  const masters = new Map<string, { formula: string; address: string }>();
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>', start);
  const data = end < 0 ? '' : xml.slice(start, end);
  const cell = (tag: string, body: string | undefined): void => {
    const ref = plainAttr(tag, 'r');
    // ExcelJS cannot read a cell without its reference: neither path should read it differently.
    if (!ref) throw new NotFast('a cell without r');
    const { r, c } = cellAt(ref);
    if (!body) return;
    const type = plainAttr(tag, 't') ?? 'n';
    const fm = body.includes('<f') ? F_RE.exec(body) : null;
    const vm = V_RE.exec(body);
    const vText = vm ? xmlDecode(vm[1] ?? '') : undefined;
    let f: string | null = null;
    let v: CellValue = null;
    if (fm) {
      const fTag = fm[1];
      let text = fm[2] !== undefined ? xmlDecode(fm[2]) : '';
      if (attr(fTag, 't') === 'shared') {
        const si = attr(fTag, 'si') ?? '';
        if (text) masters.set(si, { formula: text, address: a1(r, c) });
        else {
          const master = masters.get(si);
          text = master ? slideFormula(master.formula, master.address, a1(r, c)) : '';
        }
      }
      f = text ? `=${text}` : null;
      // No result, or an empty one (ExcelJS reads that as none): the evaluator's path.
      if (!vText) throw new NotFast('a formula without a saved result');
      v = type === 'str' ? vText : type === 'b' ? vText === '1' : type === 'e' ? { error: vText } : vText === '' ? null : Number(vText);
    } else if (type === 'inlineStr') {
      const is = /<is>([\s\S]*?)<\/is>/.exec(body);
      v = is ? itemText(is[1]) : null;
    } else if (vText !== undefined) {
      if (type === 's') v = strings[Number(vText)] ?? null;
      else if (type === 'str') v = vText;
      else if (type === 'b') v = vText === '1';
      else if (type === 'e') v = { error: vText };
      else if (type === 'd') throw new NotFast('an ISO date cell');
      else v = vText === '' ? null : Number(vText);
    }
    if (v === null && f === null) return;
    if (covered.has(r * 16384 + c)) return;
    if (typeof v === 'number' && !Number.isFinite(v)) throw new NotFast('a number that does not parse');
    entries.push({ r, c, v, f });
    if (r < top) top = r;
    if (c < left) left = c;
    if (r > bottom) bottom = r;
    if (c > right) right = c;
  };
  eachElement(data, 'row', (_attrs, cells) => {
    if (cells) eachElement(cells, 'c', cell);
  });
  // Cells far apart (a stray value at XFD1048576): the full reader keeps the cluster that
  // holds the data and reports the rest, instead of a dense grid of billions of cells.
  if (entries.length && (bottom - top + 1) * (right - left + 1) > MAX_SNAPSHOT_CELLS) throw new NotFast('cells too far apart for one grid');
  const snap = gridSnapshot(entries, { name: sheet.name, merges, protected: isProtected });
  if (sheet.hidden) snap.hidden = true;
  return snap;
}

/** Resolve a relationship target against xl/ (or an absolute /xl/… target). */
function partName(target: string): string {
  const t = target.replace(/\\/g, '/');
  if (t.startsWith('/')) return t.slice(1).toLowerCase();
  const parts = ['xl'];
  for (const seg of t.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/').toLowerCase();
}

/** The read model of a whole package. Throws NotFast when it is not of the usual shape. */
export function readPackage(buf: Buffer): { sheets: SheetSnapshot[]; structureProtected: boolean } {
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) throw new NotFast('not a zip package');
  const entries = zipEntries(buf);
  const text = (name: string): string | undefined => {
    const e = entries.get(name);
    return e ? zipRead(buf, e).toString('utf8') : undefined;
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new NotFast('no xl/workbook.xml');
  if (!workbook.includes('<sheets')) throw new NotFast('workbook without a plain <sheets>');
  const targets = new Map<string, string>();
  const relRe = /<Relationship\b[^>]*>/g;
  for (let m = relRe.exec(rels); m; m = relRe.exec(rels)) {
    const id = attr(m[0], 'Id');
    const type = attr(m[0], 'Type') ?? '';
    const target = attr(m[0], 'Target');
    if (id && target && /\/worksheet$/.test(type)) targets.set(id, target);
  }
  const parts: SheetPart[] = [];
  const sheetRe = /<sheet\b[^>]*>/g;
  for (let m = sheetRe.exec(workbook); m; m = sheetRe.exec(workbook)) {
    const name = attr(m[0], 'name');
    const rid = /\sr:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (name === undefined || !target) continue; // a chart sheet or a dialog sheet: not read, as ExcelJS
    const state = attr(m[0], 'state');
    parts.push({ name, hidden: state === 'hidden' || state === 'veryHidden', part: partName(target) });
  }
  const lockTag = /<workbookProtection\b[^>]*>/.exec(workbook)?.[0];
  const lock = lockTag ? attr(lockTag, 'lockStructure') : undefined;
  const strings = sharedStrings(text('xl/sharedstrings.xml'));
  const sheets = parts.map((p) => {
    const xml = text(p.part);
    if (xml === undefined) throw new NotFast(`missing part ${p.part}`);
    return parseSheet(xml, p, strings);
  });
  return { sheets, structureProtected: lock === '1' || lock === 'true' };
}

/** A WorkbookHost over the snapshots read from a package: reading only. */
export class FastXlsxReader implements WorkbookHost {
  readonly kind = 'xlsx';

  constructor(
    private readonly sheets: SheetSnapshot[],
    private readonly structureProtected: boolean,
    readonly source?: string,
  ) {}

  async isStructureProtected(): Promise<boolean> {
    return this.structureProtected;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s, index) => ({ name: s.name, index, protected: !!s.protected, visible: !s.hidden }));
  }

  async readSheets(names?: string[]): Promise<SheetSnapshot[]> {
    if (!names) return [...this.sheets];
    return names.map((n) => this.sheets.find((s) => s.name === n)).filter((s): s is SheetSnapshot => !!s);
  }

  private readOnly(): never {
    throw new HostError('该工作簿以只读方式打开，无法修改。');
  }

  async apply(): Promise<void> {
    this.readOnly();
  }

  async mark(): Promise<void> {
    this.readOnly();
  }

  async clearMarks(): Promise<void> {
    this.readOnly();
  }

  async select(): Promise<void> {
    this.readOnly();
  }
}

/**
 * Read a file the fast way; null when the fast path does not take it (then open it
 * with XlsxHost). Throws HostError only when the file cannot be read from disk.
 */
export async function readFast(path: string): Promise<FastXlsxReader | null> {
  let buf: Buffer;
  try {
    // A whole workbook at once, synchronously: a few dozen KB, read in a worker thread or
    // one file after the other; the promise API's open/stat/read round trips through
    // libuv's pool cost more than the read itself.
    buf = fs.readFileSync(path);
  } catch {
    return null; // XlsxHost.open says why, in Chinese
  }
  return fastFromBuffer(buf, path);
}

export function fastFromBuffer(buf: Buffer, source?: string): FastXlsxReader | null {
  try {
    const { sheets, structureProtected } = readPackage(buf);
    return new FastXlsxReader(sheets, structureProtected, source);
  } catch {
    // NotFast, or anything unexpected in a damaged package: the full reader decides.
    return null;
  }
}
