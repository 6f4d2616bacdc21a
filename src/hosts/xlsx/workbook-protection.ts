import JSZip from 'jszip';

/**
 * ExcelJS drops <workbookProtection> (the workbook-structure lock) when it reads and
 * writes a package. These helpers read the element from the original package and put
 * it back into the package ExcelJS writes, so saving never removes a user's protection.
 */

const WORKBOOK_PART = 'xl/workbook.xml';

/** The <workbookProtection .../> element of an .xlsx package, or null. */
export async function readWorkbookProtection(xlsx: Buffer): Promise<string | null> {
  const zip = await JSZip.loadAsync(xlsx);
  const part = zip.file(WORKBOOK_PART);
  if (!part) return null;
  const xml = await part.async('string');
  const m = /<(?:\w+:)?workbookProtection\b[^>]*\/>|<(?:\w+:)?workbookProtection\b[^>]*>[\s\S]*?<\/(?:\w+:)?workbookProtection>/.exec(xml);
  return m ? m[0].replace(/^<\w+:/, '<').replace(/<\/\w+:/, '</') : null;
}

/**
 * Insert a <workbookProtection> element into a package's workbook part, where the
 * schema wants it (after fileVersion/fileSharing/workbookPr, before bookViews).
 */
export async function restoreWorkbookProtection(xlsx: Buffer, element: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const part = zip.file(WORKBOOK_PART);
  if (!part) return xlsx;
  let xml = await part.async('string');
  if (/<workbookProtection\b/.test(xml)) return xlsx;
  const anchor = /<bookViews\b|<sheets\b/.exec(xml);
  if (!anchor) return xlsx;
  xml = xml.slice(0, anchor.index) + element + xml.slice(anchor.index);
  zip.file(WORKBOOK_PART, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
