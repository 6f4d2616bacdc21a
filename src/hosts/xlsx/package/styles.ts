import type { CellStyle } from '../../../core/plan/sheet-plan';
import { applySplices, childrenOf, escapeXml, findFirst, rootOf, scanElements, setAttribute, type Splice, type XmlElement } from './xml';

/**
 * The cell formats the product's sheets need, appended to the workbook's styles part
 * (ECMA-376 Part 1, §18.8): new <font>, <fill>, <border>, <numFmt> and <xf> entries go
 * after the user's, so every existing style index keeps its meaning. An entry identical
 * to one already there (e.g. ours from an earlier run) is reused instead of repeated.
 */

/** Built-in number formats (§18.8.30) the plans use. */
const BUILTIN_NUMFMT: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

/** A minimal styles part for a package that has none. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

interface Collection {
  /** Local name of the collection element and of its items. */
  list: string;
  item: string;
  /** Existing items' XML (to reuse an identical one). */
  existing: string[];
  added: string[];
}

/** Order of the styleSheet's children (§18.8.39), to insert a missing collection in place. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export class StyleAppender {
  private readonly els: XmlElement[];
  private readonly root: XmlElement;
  private readonly p: string;
  private readonly cols = new Map<string, Collection>();
  private readonly numFmtCodes = new Map<string, number>();
  private nextNumFmt = 164;
  private existingNumFmts = 0;
  private readonly addedNumFmts: string[] = [];
  private readonly xfOf = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.els = scanElements(xml);
    this.root = rootOf(this.els);
    this.p = this.root.prefix ? `${this.root.prefix}:` : '';
    for (const [list, item] of [
      ['fonts', 'font'],
      ['fills', 'fill'],
      ['borders', 'border'],
      ['cellXfs', 'xf'],
    ] as const) {
      const el = findFirst(this.els, list, this.root);
      const existing = el
        ? childrenOf(this.els, el)
            .filter((e) => e.local === item)
            .map((e) => xml.slice(e.start, e.end))
        : [];
      this.cols.set(list, { list, item, existing, added: [] });
    }
    const numFmts = findFirst(this.els, 'numFmts', this.root);
    if (numFmts) {
      for (const e of childrenOf(this.els, numFmts)) {
        const id = Number(e.attrs.numFmtId);
        if (!Number.isFinite(id)) continue;
        this.existingNumFmts++;
        this.numFmtCodes.set(e.attrs.formatCode ?? '', id);
        this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
      }
    }
  }

  private index(list: string, itemXml: string): number {
    const c = this.cols.get(list)!;
    const i = c.existing.indexOf(itemXml);
    if (i >= 0) return i;
    const j = c.added.indexOf(itemXml);
    if (j >= 0) return c.existing.length + j;
    c.added.push(itemXml);
    return c.existing.length + c.added.length - 1;
  }

  private numFmtId(code: string | undefined): number {
    if (code === undefined) return 0;
    if (BUILTIN_NUMFMT[code] !== undefined) return BUILTIN_NUMFMT[code];
    const known = this.numFmtCodes.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmtCodes.set(code, id);
    this.addedNumFmts.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The font of the workbook's default style (font 0), with bold and size laid over. */
  private font(s: CellStyle): number {
    const p = this.p;
    const base = this.cols.get('fonts')!.existing[0];
    if (s.bold === undefined && s.fontSize === undefined) return 0;
    let inner = '';
    if (base) {
      const els = scanElements(base);
      const root = els[0];
      inner = root.selfClosing ? '' : base.slice(root.openEnd, root.closeStart);
    }
    // Drop the base's bold and size, then add ours first (§18.8.22: the children form a set).
    inner = inner.replace(/<(?:\w+:)?b(?:\s+val="[^"]*")?\s*\/>/g, '').replace(/<(?:\w+:)?sz\b[^>]*\/>/g, '');
    const bold = s.bold ? `<${p}b/>` : '';
    const size = `<${p}sz val="${s.fontSize ?? this.baseSize(base)}"/>`;
    return this.index('fonts', `<${p}font>${bold}${size}${inner}</${p}font>`);
  }

  private baseSize(base: string | undefined): number {
    const m = base ? /<(?:\w+:)?sz\s+val="([0-9.]+)"/.exec(base) : null;
    return m ? Number(m[1]) : 11;
  }

  private fill(s: CellStyle): number {
    if (!s.fill) return 0;
    const p = this.p;
    const rgb = `FF${s.fill.replace(/^#/, '').toUpperCase()}`;
    return this.index('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  private border(s: CellStyle): number {
    if (!s.border) return 0;
    const p = this.p;
    const side = (n: string) => `<${p}${n} style="thin"><${p}color rgb="FF000000"/></${p}${n}>`;
    return this.index('borders', `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`);
  }

  /** The cellXfs index of a plan style (appended when new). */
  xf(s: CellStyle): number {
    const key = JSON.stringify(s);
    const known = this.xfOf.get(key);
    if (known !== undefined) return known;
    const p = this.p;
    const numFmtId = this.numFmtId(s.numberFormat);
    const fontId = this.font(s);
    const fillId = this.fill(s);
    const borderId = this.border(s);
    const align: string[] = [];
    if (s.horizontal) align.push(`horizontal="${s.horizontal}"`);
    if (s.vertical) align.push(`vertical="${s.vertical === 'middle' ? 'center' : s.vertical}"`);
    if (s.wrap) align.push('wrapText="1"');
    const applies = [
      numFmtId ? ' applyNumberFormat="1"' : '',
      fontId ? ' applyFont="1"' : '',
      fillId ? ' applyFill="1"' : '',
      borderId ? ' applyBorder="1"' : '',
      align.length ? ' applyAlignment="1"' : '',
    ].join('');
    const head = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    const xml = align.length ? `${head}><${p}alignment ${align.join(' ')}/></${p}xf>` : `${head}/>`;
    const i = this.index('cellXfs', xml);
    this.xfOf.set(key, i);
    return i;
  }

  /** Whether anything was appended. */
  get changed(): boolean {
    return this.addedNumFmts.length > 0 || [...this.cols.values()].some((c) => c.added.length > 0);
  }

  /** The styles part with the new entries appended (counts updated). */
  result(): string {
    if (!this.changed) return this.xml;
    const splices: Splice[] = [];
    const add = (list: string, items: string[], total: number) => {
      if (!items.length) return;
      const el = findFirst(this.els, list, this.root);
      if (el && !el.selfClosing) {
        splices.push(setAttribute(this.xml, el, 'count', String(total)));
        splices.push({ at: el.closeStart, remove: 0, insert: items.join('') });
        return;
      }
      const whole = `<${this.p}${list} count="${total}">${items.join('')}</${this.p}${list}>`;
      if (el) {
        splices.push({ at: el.start, remove: el.end - el.start, insert: whole });
        return;
      }
      const later = ORDER.slice(ORDER.indexOf(list) + 1);
      const next = childrenOf(this.els, this.root).find((e) => later.includes(e.local));
      splices.push({ at: next ? next.start : this.root.closeStart, remove: 0, insert: whole });
    };
    add('numFmts', this.addedNumFmts, this.existingNumFmts + this.addedNumFmts.length);
    for (const c of this.cols.values()) add(c.list, c.added, c.existing.length + c.added.length);
    return applySplices(this.xml, splices);
  }
}
