import JSZip from 'jszip';
import { attrLocal, childrenOf, decodeXml, findFirst, rootOf, scanElements, type XmlElement } from './xml';

/**
 * An OOXML package (ECMA-376 Part 2, Open Packaging Conventions) opened for editing at
 * the part level: parts are read as text on demand, only the parts that are set again
 * are changed, every other part is written back with the very bytes it had.
 */

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
} as const;

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** Resolved part name (no leading slash), for internal targets. */
  part: string;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  state: string;
  /** Part name of the sheet (xl/worksheets/sheet1.xml), undefined when the rel is missing. */
  part?: string;
  /** Relationship type: worksheet, chartsheet, dialogsheet … */
  type?: string;
}

/** A part name without its leading "/", normalised ("xl/./a/../b.xml" → "xl/b.xml"). */
export function normalisePart(name: string): string {
  const out: string[] = [];
  for (const seg of name.replace(/\\/g, '/').split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return normalisePart(target);
  const i = source.lastIndexOf('/');
  const dir = i < 0 ? '' : source.slice(0, i + 1);
  return normalisePart(dir + target);
}

/** A part name as a zip path: the zip may spell it in another case (names are case-insensitive in OPC). */
export class OoxmlPackage {
  private readonly edits = new Map<string, string>();
  private readonly byLower = new Map<string, string>();

  private constructor(readonly zip: JSZip) {
    for (const p of Object.keys(zip.files)) if (!zip.files[p].dir) this.byLower.set(p.toLowerCase(), p);
  }

  static async load(buf: Buffer): Promise<OoxmlPackage> {
    return new OoxmlPackage(await JSZip.loadAsync(buf));
  }

  /** The zip entry name of a part, or undefined. */
  entry(part: string): string | undefined {
    const p = normalisePart(part);
    if (this.edits.has(p)) return p;
    return this.byLower.get(p.toLowerCase());
  }

  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  /** Every part name (zip entries, plus parts added). */
  parts(): string[] {
    const names = new Set<string>([...this.byLower.values()]);
    for (const p of this.edits.keys()) if (!this.byLower.has(p.toLowerCase())) names.add(p);
    return [...names];
  }

  async text(part: string): Promise<string | undefined> {
    const p = normalisePart(part);
    const edited = this.edits.get(this.entry(p) ?? p);
    if (edited !== undefined) return edited;
    const e = this.entry(p);
    if (!e) return undefined;
    return this.zip.file(e)!.async('string');
  }

  async bytes(part: string): Promise<Uint8Array | undefined> {
    const e = this.entry(part);
    if (!e) return undefined;
    const edited = this.edits.get(e);
    if (edited !== undefined) return Buffer.from(edited, 'utf8');
    return this.zip.file(e)!.async('uint8array');
  }

  /** Set a part's text (added when new). */
  set(part: string, xml: string): void {
    const p = normalisePart(part);
    this.edits.set(this.entry(p) ?? p, xml);
  }

  /** Names of the parts set since loading. */
  changed(): string[] {
    return [...this.edits.keys()];
  }

  /**
   * The package bytes: edited parts replaced, new ones added at the end, every other
   * entry as it was (JSZip re-uses an entry's compressed bytes when it is not changed).
   */
  async generate(): Promise<Buffer> {
    for (const [p, xml] of this.edits) this.zip.file(p, xml, { createFolders: false });
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }

  async relationships(source: string): Promise<Relationship[]> {
    const xml = await this.text(relsPartOf(source));
    if (xml === undefined) return [];
    const els = scanElements(xml);
    return els
      .filter((e) => e.local === 'Relationship')
      .map((e) => {
        const target = e.attrs.Target ?? '';
        const external = (e.attrs.TargetMode ?? '') === 'External';
        return { id: e.attrs.Id ?? '', type: e.attrs.Type ?? '', target, external, part: external ? '' : resolveTarget(source, target) };
      });
  }

  /** The workbook part (from /_rels/.rels), normally xl/workbook.xml. */
  async workbookPart(): Promise<string | undefined> {
    const rels = await this.relationships('');
    const office = rels.find((r) => r.type === REL.officeDocument || r.type.endsWith('/officeDocument'));
    if (office && this.has(office.part)) return office.part;
    return this.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
  }

  /** The sheets listed in workbook.xml, in order, with their parts. */
  async sheets(workbookPart: string): Promise<SheetEntry[]> {
    const xml = (await this.text(workbookPart)) ?? '';
    const els = scanElements(xml);
    const sheetsEl = findFirst(els, 'sheets');
    if (!sheetsEl) return [];
    const rels = await this.relationships(workbookPart);
    return childrenOf(els, sheetsEl)
      .filter((e) => e.local === 'sheet')
      .map((e) => {
        const rId = attrLocal(e, 'id') ?? '';
        const rel = rels.find((r) => r.id === rId);
        return {
          name: e.attrs.name ?? '',
          sheetId: Number(e.attrs.sheetId ?? 0),
          rId,
          state: e.attrs.state ?? 'visible',
          part: rel && !rel.external ? rel.part : undefined,
          type: rel?.type,
        };
      });
  }
}

/** Whether a worksheet part carries <sheetProtection sheet="1"> (or "true", as LibreOffice writes it). */
export function sheetProtectionOf(xml: string): { protected: boolean; element?: string } {
  const m = /<(?:\w+:)?sheetProtection\b[^>]*>/.exec(xml);
  if (!m) return { protected: false };
  const sheet = /\ssheet\s*=\s*["']([^"']*)["']/.exec(m[0]);
  const v = sheet ? decodeXml(sheet[1]).trim().toLowerCase() : '';
  return { protected: v === '1' || v === 'true', element: m[0] };
}

/** The root element of a part, for namespace checks. */
export function rootElement(xml: string): XmlElement {
  return rootOf(scanElements(xml));
}
