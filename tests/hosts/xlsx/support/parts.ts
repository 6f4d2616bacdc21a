import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** Every part of an .xlsx package (directories left out), as bytes. */
export async function partsOf(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async('nodebuffer'));
  return out;
}

export interface PartDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

export function diffParts(before: Map<string, Buffer>, after: Map<string, Buffer>): PartDiff {
  const added = [...after.keys()].filter((k) => !before.has(k));
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const changed = [...before.keys()].filter((k) => after.has(k) && !after.get(k)!.equals(before.get(k)!));
  return { added, removed, changed };
}

/** The sheet name → part map of a package (from workbook.xml and its rels). */
export async function sheetParts(parts: Map<string, Buffer>): Promise<Map<string, string>> {
  const wb = parts.get('xl/workbook.xml')!.toString('utf8');
  const rels = parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const t = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.startsWith('/') ? t.slice(1) : `xl/${t}`.replace(/xl\/\.\.\//, ''));
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    if (name && id && target.has(id)) out.set(name.replace(/&amp;/g, '&'), target.get(id)!);
  }
  return out;
}

/** Throws unless the text is well-formed, namespace-correct XML. */
export function wellFormed(xml: string, label: string): void {
  const p = new SaxesParser({ xmlns: true });
  let error: Error | undefined;
  p.on('error', (e) => {
    error ??= e;
  });
  p.write(xml).close();
  if (error) throw new Error(`${label}: ${error.message}`);
}

/** Names the product owns: the 公开 tables (with beside copies) and 补充信息. */
export function productSheet(name: string): boolean {
  return /^公开\d{2}表(\(\d+\))?$/.test(name) || /^补充信息(\(\d+\))?$/.test(name);
}

/**
 * The parts an init may change: the workbook part, its rels, the content types, the
 * styles, and product sheets (added, or refreshed ones). Everything else must be equal.
 */
export async function assertOnlyProductPartsChanged(before: Buffer, after: Buffer): Promise<PartDiff> {
  const a = await partsOf(before);
  const b = await partsOf(after);
  const d = diffParts(a, b);
  if (d.removed.length) throw new Error(`parts removed: ${d.removed.join(', ')}`);
  const sheetsAfter = await sheetParts(b);
  const productParts = new Set([...sheetsAfter].filter(([n]) => productSheet(n)).map(([, p]) => p));
  const allowed = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);
  const bad = d.changed.filter((p) => !allowed.has(p) && !productParts.has(p));
  if (bad.length) throw new Error(`user parts changed: ${bad.join(', ')}`);
  const strayAdded = d.added.filter((p) => !productParts.has(p) && p !== 'xl/styles.xml');
  if (strayAdded.length) throw new Error(`unexpected parts added: ${strayAdded.join(', ')}`);
  for (const p of [...d.changed, ...d.added]) if (/\.(xml|rels)$/.test(p)) wellFormed(b.get(p)!.toString('utf8'), p);
  // The user's own sheets are still listed under the same names and parts.
  const sheetsBefore = await sheetParts(a);
  for (const [name, part] of sheetsBefore) {
    if (sheetsAfter.get(name) !== part) throw new Error(`sheet ${name} moved or vanished`);
  }
  return d;
}
