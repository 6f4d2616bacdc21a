import JSZip from 'jszip';

/**
 * ExcelJS reads worksheets only: chart sheets, charts and pivot tables in a package
 * are gone after it writes the workbook back. Before the CLI saves over a user's file,
 * this lists what such a save would lose, in Chinese, so the caller can refuse.
 */

function xmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** What saving `xlsx` through ExcelJS would drop; empty when nothing. `kept` = sheet names ExcelJS loaded. */
export async function unkeptParts(xlsx: Buffer, kept: string[]): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(xlsx);
  } catch {
    return [];
  }
  const out: string[] = [];
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  if (workbook) {
    const names = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname\s*=\s*"([^"]*)"/g)].map((m) => xmlText(m[1]));
    const lost = names.filter((n) => !kept.includes(n));
    if (lost.length) out.push(`图表工作表或其他非普通工作表：${lost.map((n) => `“${n}”`).join('、')}`);
  }
  const count = (re: RegExp) => Object.keys(zip.files).filter((p) => re.test(p)).length;
  const charts = count(/^xl\/charts\/chart\d*\.xml$/i);
  const pivots = count(/^xl\/pivotTables\/[^/]+\.xml$/i);
  if (charts) out.push(`图表 ${charts} 个`);
  if (pivots) out.push(`数据透视表 ${pivots} 个`);
  return out;
}
