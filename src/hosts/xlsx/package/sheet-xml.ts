import { a1, parseA1, rangeAddress, type RangeRect } from '../../../core/cells';
import type { CellWrite, SheetPlan } from '../../../core/plan/sheet-plan';
import { NS } from './package';
import { applySplices, childrenOf, escapeXml, findFirst, rootOf, scanElements, setAttribute, type Splice, type XmlElement } from './xml';

/**
 * Worksheet parts (ECMA-376 Part 1, §18.3): a new sheet written from a SheetPlan, and
 * cells written into an existing sheet part by splicing only the <c> elements (and the
 * <row>s and <mergeCell>s) concerned — the rest of the part stays byte for byte.
 * Text is written as inline strings (t="inlineStr", §18.3.1.4), so the shared-string
 * table, which every other sheet indexes into, is never touched.
 */

/** A refusal in Chinese: the change cannot be made without touching the user's content. */
export class PackageRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageRefusal';
  }
}

/**
 * Text as an ST_Xstring: characters XML 1.0 cannot hold (C0 controls other than tab,
 * line feed and carriage return, lone surrogates, U+FFFE/U+FFFF) as _xHHHH_, and a
 * literal "_xHHHH_" protected by escaping its underscore (§22.9.2.19).
 */
export function ooxmlString(s: string): string {
  const t = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  const hex = (c: number) => `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const high = c >= 0xd800 && c <= 0xdbff;
    const low = c >= 0xdc00 && c <= 0xdfff;
    if (high && i + 1 < t.length && t.charCodeAt(i + 1) >= 0xdc00 && t.charCodeAt(i + 1) <= 0xdfff) {
      out.push(t[i], t[i + 1]);
      i++;
    } else if (high || low || c === 0xfffe || c === 0xffff || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) {
      out.push(hex(c));
    } else out.push(t[i]);
  }
  return escapeXml(out.join(''));
}

/** The XML of one cell: a formula (no cached value: the workbook is recalculated on load), a number, a text or nothing. */
export function cellXml(p: string, ref: string, c: Pick<CellWrite, 'value' | 'formula'>, s: number | string | undefined): string {
  const sAttr = s === undefined || s === 0 || s === '0' ? '' : ` s="${s}"`;
  if (c.formula !== undefined) {
    return `<${p}c r="${ref}"${sAttr}><${p}f>${ooxmlString(c.formula.replace(/^=/, ''))}</${p}f></${p}c>`;
  }
  const v = c.value;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new PackageRefusal(`单元格 ${ref} 的数值无效（${v}）`);
    return `<${p}c r="${ref}"${sAttr}><${p}v>${String(v)}</${p}v></${p}c>`;
  }
  if (typeof v === 'string') {
    const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : '';
    return `<${p}c r="${ref}"${sAttr} t="inlineStr"><${p}is><${p}t${space}>${ooxmlString(v)}</${p}t></${p}is></${p}c>`;
  }
  return `<${p}c r="${ref}"${sAttr}/>`;
}

/** Cells of a plan by row, last write of a cell winning, sorted. */
function byRow(cells: CellWrite[]): Map<number, CellWrite[]> {
  const at = new Map<string, CellWrite>();
  for (const c of cells) at.set(`${c.row},${c.col}`, c);
  const rows = new Map<number, CellWrite[]>();
  for (const c of at.values()) {
    const list = rows.get(c.row) ?? [];
    list.push(c);
    rows.set(c.row, list);
  }
  for (const list of rows.values()) list.sort((a, b) => a.col - b.col);
  return new Map([...rows.entries()].sort((a, b) => a[0] - b[0]));
}

/** A new worksheet part for a plan; `xf` maps the plan's style keys to cellXfs indexes. */
export function newSheetXml(plan: SheetPlan, xf: (styleKey: string) => number, printFit: boolean): string {
  const rows = byRow(plan.cells);
  let maxRow = 0;
  let maxCol = 0;
  for (const c of plan.cells) {
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  }
  for (const m of plan.merges) {
    maxRow = Math.max(maxRow, m.bottom);
    maxCol = Math.max(maxCol, m.right);
  }
  const parts: string[] = [];
  parts.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  parts.push(`<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`);
  if (printFit) parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  parts.push(`<dimension ref="${plan.cells.length ? rangeAddress({ top: 0, left: 0, bottom: maxRow, right: maxCol }) : 'A1'}"/>`);
  const f = plan.freeze;
  if (f && (f.rows > 0 || f.cols > 0)) {
    const pane = f.rows > 0 && f.cols > 0 ? 'bottomRight' : f.rows > 0 ? 'bottomLeft' : 'topRight';
    const split = `${f.cols > 0 ? ` xSplit="${f.cols}"` : ''}${f.rows > 0 ? ` ySplit="${f.rows}"` : ''}`;
    parts.push(
      `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${a1(f.rows, f.cols)}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="${a1(f.rows, f.cols)}" sqref="${a1(f.rows, f.cols)}"/></sheetView></sheetViews>`,
    );
  } else {
    parts.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  }
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  const widths = plan.columnWidths ?? [];
  const cols = widths.map((w, i) => (typeof w === 'number' && w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : '')).join('');
  if (cols) parts.push(`<cols>${cols}</cols>`);
  parts.push('<sheetData>');
  const heights = plan.rowHeights ?? {};
  const rowNumbers = new Set<number>([...rows.keys(), ...Object.keys(heights).map(Number)]);
  for (const r of [...rowNumbers].sort((a, b) => a - b)) {
    const h = heights[r];
    const ht = typeof h === 'number' && h > 0 ? ` ht="${h}" customHeight="1"` : '';
    const cells = (rows.get(r) ?? []).map((c) => cellXml('', a1(c.row, c.col), c, c.style ? xf(c.style) : undefined)).join('');
    parts.push(cells ? `<row r="${r + 1}"${ht}>${cells}</row>` : `<row r="${r + 1}"${ht}/>`);
  }
  parts.push('</sheetData>');
  const merges = plan.merges.filter((m) => m.top !== m.bottom || m.left !== m.right);
  if (merges.length) parts.push(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeAddress(m)}"/>`).join('')}</mergeCells>`);
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (plan.print) {
    const fit = plan.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '';
    parts.push(`<pageSetup paperSize="9" orientation="${plan.print.orientation}"${fit}/>`);
  }
  parts.push('</worksheet>');
  return parts.join('');
}

interface CellEl {
  col: number;
  el: XmlElement;
}
interface RowEl {
  row: number;
  el: XmlElement;
  cells: CellEl[];
}

/** Elements that follow <mergeCells> in a worksheet (§18.3.1.99), to insert it in place. */
const AFTER_MERGES = [
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

export interface PatchCell {
  row: number;
  col: number;
  value?: string | number | null;
  formula?: string;
  /** cellXfs index for a cell that has no style of its own yet. */
  xf?: number;
}

/**
 * Write cells (and merges) into an existing worksheet part. A cell keeps its own style
 * (s) when it has one. Refuses (PackageRefusal) what cannot be written without changing
 * other cells: the head of a shared formula other cells depend on, part of an array formula.
 */
export function patchSheetXml(xml: string, sheetName: string, cells: PatchCell[], merges: RangeRect[]): string {
  const els = scanElements(xml);
  const root = rootOf(els);
  const p = root.prefix ? `${root.prefix}:` : '';
  const sheetData = findFirst(els, 'sheetData', root);
  if (!sheetData) throw new PackageRefusal(`工作表“${sheetName}”的内容结构无法识别（缺少 sheetData）`);
  const rows: RowEl[] = [];
  let implied = -1;
  for (const r of childrenOf(els, sheetData)) {
    if (r.local !== 'row') continue;
    const row = r.attrs.r ? Number(r.attrs.r) - 1 : implied + 1;
    implied = row;
    const cellEls: CellEl[] = [];
    let col = -1;
    for (const c of childrenOf(els, r)) {
      if (c.local !== 'c') continue;
      col = c.attrs.r ? parseA1(c.attrs.r).col : col + 1;
      cellEls.push({ col, el: c });
    }
    rows.push({ row, el: r, cells: cellEls });
  }
  const splices: Splice[] = [];
  const sharedUsers = (si: string) => (xml.match(new RegExp(`<(?:\\w+:)?f\\b[^>]*\\bsi="${si}"`, 'g')) ?? []).length;
  const writes = byRow(cells.map((c) => ({ row: c.row, col: c.col, value: c.value, formula: c.formula, style: c.xf === undefined ? undefined : String(c.xf) })));
  const newRows: Array<{ row: number; xml: string }> = [];
  for (const [r, list] of writes) {
    const rowEl = rows.find((x) => x.row === r);
    if (!rowEl) {
      newRows.push({ row: r, xml: `<${p}row r="${r + 1}">${list.map((c) => cellXml(p, a1(c.row, c.col), c, c.style)).join('')}</${p}row>` });
      continue;
    }
    const inserts: string[] = [];
    const rowSplices: Splice[] = [];
    for (const c of list) {
      const ref = a1(c.row, c.col);
      const existing = rowEl.cells.find((x) => x.col === c.col);
      if (existing) {
        const body = xml.slice(existing.el.start, existing.el.end);
        const f = /<(?:\w+:)?f\b([^>]*)>/.exec(body);
        if (f) {
          const t = /\bt="([^"]*)"/.exec(f[1])?.[1];
          const si = /\bsi="([^"]*)"/.exec(f[1])?.[1];
          const fref = /\bref="([^"]*)"/.exec(f[1])?.[1];
          if (t === 'shared' && fref && si !== undefined && sharedUsers(si) > 1) {
            throw new PackageRefusal(`工作表“${sheetName}”的 ${ref} 是其他单元格共用公式的起点，改写它会改变那些单元格`);
          }
          if (t === 'array' && fref && fref.includes(':')) {
            throw new PackageRefusal(`工作表“${sheetName}”的 ${ref} 属于数组公式 ${fref}，无法只改写其中一格`);
          }
        }
        const s = existing.el.attrs.s ?? c.style;
        rowSplices.push({ at: existing.el.start, remove: existing.el.end - existing.el.start, insert: cellXml(p, ref, c, s) });
        continue;
      }
      const next = rowEl.cells.find((x) => x.col > c.col);
      if (rowEl.cells.some((x) => !x.el.attrs.r)) {
        throw new PackageRefusal(`工作表“${sheetName}”第 ${r + 1} 行的单元格没有标明位置，无法在其中插入单元格`);
      }
      const xmlCell = cellXml(p, ref, c, c.style);
      if (next) rowSplices.push({ at: next.el.start, remove: 0, insert: xmlCell });
      else inserts.push(xmlCell);
    }
    if (rowEl.el.selfClosing) {
      const tag = xml.slice(rowEl.el.start, rowEl.el.end).replace(/\s*\/>$/, '>');
      splices.push({ at: rowEl.el.start, remove: rowEl.el.end - rowEl.el.start, insert: `${tag}${inserts.join('')}</${rowEl.el.qname}>` });
    } else {
      splices.push(...rowSplices);
      if (inserts.length) splices.push({ at: rowEl.el.closeStart, remove: 0, insert: inserts.join('') });
    }
  }
  if (newRows.length) {
    if (rows.some((x) => !x.el.attrs.r)) throw new PackageRefusal(`工作表“${sheetName}”的行没有标明行号，无法在其中插入行`);
    const tail: string[] = [];
    for (const nr of newRows) {
      const next = rows.find((x) => x.row > nr.row);
      if (next) splices.push({ at: next.el.start, remove: 0, insert: nr.xml });
      else tail.push(nr.xml);
    }
    if (tail.length) {
      if (sheetData.selfClosing) {
        splices.push({ at: sheetData.start, remove: sheetData.end - sheetData.start, insert: `<${sheetData.qname}>${tail.join('')}</${sheetData.qname}>` });
      } else splices.push({ at: sheetData.closeStart, remove: 0, insert: tail.join('') });
    }
  }
  const mergeEl = findFirst(els, 'mergeCells', root);
  const have = new Set(mergeEl ? childrenOf(els, mergeEl).map((m) => (m.attrs.ref ?? '').toUpperCase()) : []);
  const addMerges = merges.filter((m) => (m.top !== m.bottom || m.left !== m.right) && !have.has(rangeAddress(m)));
  if (addMerges.length) {
    const items = addMerges.map((m) => `<${p}mergeCell ref="${rangeAddress(m)}"/>`).join('');
    const total = have.size + addMerges.length;
    if (mergeEl && !mergeEl.selfClosing) {
      splices.push(setAttribute(xml, mergeEl, 'count', String(total)));
      splices.push({ at: mergeEl.closeStart, remove: 0, insert: items });
    } else if (mergeEl) {
      splices.push({ at: mergeEl.start, remove: mergeEl.end - mergeEl.start, insert: `<${p}mergeCells count="${total}">${items}</${p}mergeCells>` });
    } else {
      const next = childrenOf(els, root).find((e) => AFTER_MERGES.includes(e.local));
      splices.push({ at: next ? next.start : root.closeStart, remove: 0, insert: `<${p}mergeCells count="${total}">${items}</${p}mergeCells>` });
    }
  }
  return applySplices(xml, splices);
}
