import { SaxesParser } from 'saxes';

/**
 * Just enough XML to edit an OOXML part in place: find elements (by local name, any
 * namespace prefix) with their exact character offsets, read attributes, and splice
 * new text in. Everything outside an edited element stays byte for byte as it was —
 * which is the point: re-serialising a parsed DOM would rewrite prefixes, quotes,
 * whitespace and entity spellings of the user's content.
 *
 * Every part this package writes is checked with a real XML parser (saxes, the parser
 * ExcelJS itself uses) before it is saved: see assertWellFormed().
 */

export interface XmlElement {
  /** Qualified name as written ("x:sheet" or "sheet"). */
  qname: string;
  /** Local name ("sheet"). */
  local: string;
  /** Namespace prefix ("x") or "" when unprefixed. */
  prefix: string;
  /** Offset of "<". */
  start: number;
  /** Offset just after the start tag's ">". */
  openEnd: number;
  /** Offset of the end tag's "<" (== openEnd for an empty element <a/>). */
  closeStart: number;
  /** Offset just after the element (after "/>" or the end tag). */
  end: number;
  selfClosing: boolean;
  /** Raw attribute text of the start tag. */
  attrs: Record<string, string>;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.\u00b7\u00c0-\uffff]*/y;
const ATTR = /\s*([A-Za-z_:][-A-Za-z0-9_:.\u00b7\u00c0-\uffff]*)\s*=\s*("[^"]*"|'[^']*')/y;

export class XmlSyntaxError extends Error {}

/** Decode the five predefined entities and character references of an attribute or text. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Escape text for an attribute value or element content. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * All elements of a part in document order, with offsets. One pass, no recursion, a
 * stack as deep as the document (bounded by the input, not by the JS stack).
 */
export function scanElements(xml: string): XmlElement[] {
  const out: XmlElement[] = [];
  const open: XmlElement[] = [];
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      if (e < 0) throw new XmlSyntaxError('unterminated comment');
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      if (e < 0) throw new XmlSyntaxError('unterminated CDATA');
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) throw new XmlSyntaxError('unterminated processing instruction');
      i = e + 2;
      continue;
    }
    if (xml.startsWith('<!', lt)) {
      // A DOCTYPE has no place in an OOXML part (and could declare entities): refuse.
      throw new XmlSyntaxError('DOCTYPE not allowed');
    }
    if (xml[lt + 1] === '/') {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new XmlSyntaxError('unterminated end tag');
      const name = xml.slice(lt + 2, gt).trim();
      const el = open.pop();
      if (!el || el.qname !== name) throw new XmlSyntaxError(`mismatched end tag </${name}>`);
      el.closeStart = lt;
      el.end = gt + 1;
      i = gt + 1;
      continue;
    }
    NAME.lastIndex = lt + 1;
    const nm = NAME.exec(xml);
    if (!nm) throw new XmlSyntaxError(`bad tag at ${lt}`);
    const qname = nm[0];
    let p = NAME.lastIndex;
    const attrs: Record<string, string> = {};
    for (;;) {
      ATTR.lastIndex = p;
      const am = ATTR.exec(xml);
      if (!am) break;
      attrs[am[1]] = decodeXml(am[2].slice(1, -1));
      p = ATTR.lastIndex;
    }
    while (p < n && /\s/.test(xml[p])) p++;
    const colon = qname.indexOf(':');
    const el: XmlElement = {
      qname,
      local: colon >= 0 ? qname.slice(colon + 1) : qname,
      prefix: colon >= 0 ? qname.slice(0, colon) : '',
      start: lt,
      openEnd: 0,
      closeStart: 0,
      end: 0,
      selfClosing: false,
      attrs,
    };
    if (xml.startsWith('/>', p)) {
      el.selfClosing = true;
      el.openEnd = p + 2;
      el.closeStart = p + 2;
      el.end = p + 2;
      out.push(el);
      i = p + 2;
      continue;
    }
    if (xml[p] !== '>') throw new XmlSyntaxError(`bad start tag <${qname} at ${lt}`);
    el.openEnd = p + 1;
    out.push(el);
    open.push(el);
    i = p + 1;
  }
  if (open.length) throw new XmlSyntaxError(`unclosed <${open[open.length - 1].qname}>`);
  return out;
}

/** The document element. */
export function rootOf(elements: XmlElement[]): XmlElement {
  const r = elements[0];
  if (!r) throw new XmlSyntaxError('empty document');
  return r;
}

/** Direct children of `parent` (elements fully inside it, not nested deeper). */
export function childrenOf(elements: XmlElement[], parent: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  let limit = parent.openEnd;
  for (const e of elements) {
    if (e.start < parent.openEnd || e.start >= parent.closeStart) continue;
    if (e.start < limit) continue; // nested inside the previous child
    out.push(e);
    limit = e.end;
  }
  return out;
}

/** First element with this local name, optionally inside `within`. */
export function findFirst(elements: XmlElement[], local: string, within?: XmlElement): XmlElement | undefined {
  return elements.find((e) => e.local === local && (!within || (e.start >= within.openEnd && e.end <= within.closeStart)));
}

/** The prefix bound to a namespace URI on the root element ("" for the default), or undefined. */
export function prefixFor(root: XmlElement, uri: string): string | undefined {
  for (const [k, v] of Object.entries(root.attrs)) {
    if (v !== uri) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return k.slice(6);
  }
  return undefined;
}

/** Attribute by local name (any prefix). */
export function attrLocal(el: XmlElement, local: string): string | undefined {
  if (el.attrs[local] !== undefined) return el.attrs[local];
  for (const [k, v] of Object.entries(el.attrs)) if (k.endsWith(`:${local}`)) return v;
  return undefined;
}

/** Text edits applied together (offsets refer to the original string). */
export interface Splice {
  at: number;
  /** Characters removed from `at`. */
  remove: number;
  insert: string;
}

export function applySplices(xml: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.at - b.at || a.remove - b.remove);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    if (s.at < pos) throw new Error('overlapping XML edits');
    out += xml.slice(pos, s.at) + s.insert;
    pos = s.at + s.remove;
  }
  return out + xml.slice(pos);
}

/** Replace the start tag of `el` with one whose attribute `name` is `value` (added or changed). */
export function setAttribute(xml: string, el: XmlElement, name: string, value: string): Splice {
  const tag = xml.slice(el.start, el.openEnd);
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const next = re.test(tag) ? tag.replace(re, `$1"${escapeXml(value)}"`) : tag.replace(/\s*(\/?>)$/, (_m, end: string) => ` ${name}="${escapeXml(value)}"${end}`);
  return { at: el.start, remove: el.openEnd - el.start, insert: next };
}

/** Throws XmlSyntaxError unless `xml` is well-formed (namespace-aware). */
export function assertWellFormed(xml: string, part: string): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure) throw new XmlSyntaxError(`${part}: ${failure.message}`);
}
