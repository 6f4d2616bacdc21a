import { NS, OoxmlPackage, relsPartOf } from './package';
import { rootOf, scanElements } from './xml';

/**
 * A copy of a package for ExcelJS to read values, formulas and merges from, without the
 * parts ExcelJS need not see and refuses in some valid files: comments (openpyxl names
 * them xl/comments/comment1.xml, ExcelJS expects xl/commentsN.xml), their VML drawings,
 * drawings (images, charts) and tables (a table without a style breaks its reader).
 * SpreadsheetML written with a namespace prefix (<x:workbook xmlns:x="…main">, as the
 * .NET Open XML SDK writes it) is valid but unreadable for ExcelJS: the copy's parts
 * are given the main namespace as their default instead.
 * Only the copy is changed; the workbook is saved from the original package.
 */

/** A part whose root binds the SpreadsheetML namespace to a prefix, rewritten unprefixed; else unchanged. */
export function unprefixed(xml: string): string {
  let root;
  try {
    root = rootOf(scanElements(xml));
  } catch {
    return xml;
  }
  if (!root.prefix || root.attrs[`xmlns:${root.prefix}`] !== NS.main || root.attrs.xmlns !== undefined) return xml;
  const p = root.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return xml.replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1').replace(new RegExp(`\\sxmlns:${p}="${NS.main.replace(/[.]/g, '\\.')}"`), ` xmlns="${NS.main}"`);
}

const DROPPED = /\/(comments|vmlDrawing|drawing|table|threadedComment|image|chart)$/;
const ELEMENTS = ['legacyDrawing', 'legacyDrawingHF', 'drawing', 'tableParts', 'picture'];

export async function readableCopy(pkg: OoxmlPackage): Promise<Buffer> {
  const wbPart = await pkg.workbookPart();
  if (!wbPart) return pkg.generate();
  const copy = await OoxmlPackage.load(await pkg.generate());
  for (const part of copy.parts()) {
    if (!/^xl\/.*\.xml$/i.test(part)) continue;
    const xml = await copy.text(part);
    if (xml === undefined || (!/^[^>]*<\?xml[^>]*>\s*<\w+:/.test(xml.slice(0, 300)) && !/^\s*<\w+:/.test(xml))) continue;
    const out = unprefixed(xml);
    if (out !== xml) copy.set(part, out);
  }
  for (const sheet of await copy.sheets(wbPart)) {
    if (!sheet.part) continue;
    const relsPart = relsPartOf(sheet.part);
    const rels = await copy.text(relsPart);
    if (rels === undefined) continue;
    const drop = (await copy.relationships(sheet.part)).filter((r) => DROPPED.test(r.type));
    if (!drop.length) continue;
    let relsXml = rels;
    for (const el of scanElements(rels)
      .filter((e) => e.local === 'Relationship' && drop.some((d) => d.id === e.attrs.Id))
      .reverse()) {
      relsXml = relsXml.slice(0, el.start) + relsXml.slice(el.end);
    }
    copy.set(relsPart, relsXml);
    let xml = (await copy.text(sheet.part)) ?? '';
    for (const el of scanElements(xml)
      .filter((e) => ELEMENTS.includes(e.local))
      .reverse()) {
      xml = xml.slice(0, el.start) + xml.slice(el.end);
    }
    copy.set(sheet.part, xml);
  }
  return copy.generate();
}
