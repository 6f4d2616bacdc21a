import type { SheetPlan, WriteBatch } from '../../../core/plan/sheet-plan';
import { CONTENT_TYPE, NS, OoxmlPackage, REL, relsPartOf, sheetProtectionOf, type SheetEntry } from './package';
import { newSheetXml, PackageRefusal, patchSheetXml, type PatchCell } from './sheet-xml';
import { EMPTY_STYLES, StyleAppender } from './styles';
import { applySplices, assertWellFormed, childrenOf, escapeXml, findFirst, prefixFor, rootOf, scanElements, setAttribute, XmlSyntaxError, type Splice } from './xml';

/**
 * Lossless writes into an existing .xlsx: the product's sheets are added (or its own
 * sheets' cells rewritten) at the package level, and every part the product does not
 * own keeps its exact bytes. Parts that change:
 *   - the new worksheet parts, and the product sheets whose cells are refreshed;
 *   - the workbook part (a <sheet> per new sheet, their print titles, fullCalcOnLoad),
 *     its relationships and [Content_Types].xml (entries appended);
 *   - the styles part (cell formats appended; existing indexes unchanged).
 * Anything else (the user's sheets, names, links, comments, drawings, VBA, custom XML,
 * properties, protection) is not opened for writing at all.
 */

export interface LosslessResult {
  /** The new package, or null when nothing would change (nothing to write). */
  bytes: Buffer | null;
  /** Parts changed or added. */
  changed: string[];
}

const CONTENT_TYPES = '[Content_Types].xml';

/** Parts after which a new <definedNames> goes (§18.2.27's sequence), latest first. */
const BEFORE_DEFINED_NAMES = ['externalReferences', 'functionGroups', 'sheets'];
/** Children of <workbook> that follow <calcPr>. */
const AFTER_CALCPR = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function freePart(pkg: OoxmlPackage, taken: Set<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const p = make(n);
    if (!pkg.has(p) && !taken.has(p.toLowerCase())) {
      taken.add(p.toLowerCase());
      return p;
    }
  }
}

function relativeTo(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/**
 * Apply write batches to the package `original` without touching what the user owns.
 * Throws PackageRefusal (Chinese) when that is not possible; the caller leaves the file as it was.
 */
export async function writeLossless(original: Buffer, batches: WriteBatch[]): Promise<LosslessResult> {
  const pkg = await OoxmlPackage.load(original);
  const wbPart = await pkg.workbookPart();
  if (!wbPart) throw new PackageRefusal('文件中没有工作簿内容（xl/workbook.xml）');
  let wbXml = (await pkg.text(wbPart))!;
  const wbEls = scanElements(wbXml);
  const wbRoot = rootOf(wbEls);
  const mainUri = Object.entries(wbRoot.attrs).find(([k]) => k === (wbRoot.prefix ? `xmlns:${wbRoot.prefix}` : 'xmlns'))?.[1];
  if (mainUri === NS.strictMain) throw new PackageRefusal('该工作簿是“严格 Open XML”格式，命令行工具无法在其中添加工作表；请在 Excel 中另存为普通的 .xlsx 工作簿后再试');
  if (wbRoot.local !== 'workbook' || mainUri !== NS.main) throw new PackageRefusal('工作簿内容的格式无法识别');
  const p = wbRoot.prefix ? `${wbRoot.prefix}:` : '';
  const relPrefix = prefixFor(wbRoot, NS.rel);

  const sheets: SheetEntry[] = await pkg.sheets(wbPart);
  const wbRels = await pkg.relationships(wbPart);
  const usedRIds = new Set(wbRels.map((r) => r.id));
  const takenParts = new Set<string>();
  let nextSheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  const newRId = () => {
    for (let n = 1; ; n++) {
      const id = `rId${n}`;
      if (!usedRIds.has(id)) {
        usedRIds.add(id);
        return id;
      }
    }
  };

  // Styles: the workbook's part, or a new one when it has none.
  const stylesRel = wbRels.find((r) => r.type === REL.styles && !r.external);
  let stylesPart = stylesRel?.part;
  let stylesXml = stylesPart ? await pkg.text(stylesPart) : undefined;
  const newRels: string[] = [];
  const newOverrides: string[] = [];
  if (!stylesPart || stylesXml === undefined) {
    stylesPart = freePart(pkg, takenParts, (n) => `xl/styles${n === 1 ? '' : n}.xml`);
    stylesXml = EMPTY_STYLES;
    newRels.push(`<Relationship Id="${newRId()}" Type="${REL.styles}" Target="${relativeTo(wbPart, stylesPart)}"/>`);
    newOverrides.push(`<Override PartName="/${stylesPart}" ContentType="${CONTENT_TYPE.styles}"/>`);
  }
  const styles = new StyleAppender(stylesXml);

  /** Sheet parts written by this save, by sheet name (lower case) → part and XML. */
  const written = new Map<string, { part: string; xml: string; name: string; created: boolean }>();
  const newSheetEls: string[] = [];
  const newNames: string[] = [];
  let newIndex = sheets.length;
  let formulas = false;
  const find = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

  for (const batch of batches) {
    for (const plan of batch.create) {
      if (find(plan.name) || written.has(plan.name.toLowerCase())) throw new PackageRefusal(`工作簿中已有名为“${plan.name}”的工作表`);
      const part = freePart(pkg, takenParts, (n) => `xl/worksheets/sheet${n}.xml`);
      const xml = newSheetXml(plan, (k) => styles.xf(plan.styles[k] ?? {}), !!plan.print?.fitToWidth);
      if (plan.cells.some((c) => c.formula !== undefined)) formulas = true;
      written.set(plan.name.toLowerCase(), { part, xml, name: plan.name, created: true });
      const rId = newRId();
      // The relationships namespace as the root binds it; else declared on the element (as openpyxl does).
      const rAttr =
        relPrefix !== undefined && relPrefix !== ''
          ? `${relPrefix}:id="${rId}"`
          : wbRoot.attrs['xmlns:r'] === undefined
            ? `xmlns:r="${NS.rel}" r:id="${rId}"`
            : `xmlns:jr="${NS.rel}" jr:id="${rId}"`;
      newSheetEls.push(`<${p}sheet name="${escapeXml(plan.name)}" sheetId="${nextSheetId++}" ${rAttr}/>`);
      newRels.push(`<Relationship Id="${rId}" Type="${REL.worksheet}" Target="${escapeXml(relativeTo(wbPart, part))}"/>`);
      newOverrides.push(`<Override PartName="/${escapeXml(part)}" ContentType="${CONTENT_TYPE.worksheet}"/>`);
      if (plan.print?.titleRows) {
        const [a, b] = plan.print.titleRows;
        newNames.push(
          `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${newIndex}">${escapeXml(`${quoteSheet(plan.name)}!$${a + 1}:$${b + 1}`)}</${p}definedName>`,
        );
      }
      newIndex++;
    }
    for (const plan of batch.update) {
      const cells = plan.cells;
      if (!cells.length && !plan.merges.length) continue;
      const key = plan.name.toLowerCase();
      let target = written.get(key);
      if (!target) {
        const entry = find(plan.name);
        if (!entry?.part || !(entry.type ?? '').endsWith('/worksheet')) throw new PackageRefusal(`找不到工作表“${plan.name}”`);
        const xml = await pkg.text(entry.part);
        if (xml === undefined) throw new PackageRefusal(`工作表“${plan.name}”的内容缺失`);
        if (sheetProtectionOf(xml).protected) throw new PackageRefusal(`工作表“${plan.name}”受保护`);
        target = { part: entry.part, xml, name: entry.name, created: false };
        written.set(key, target);
      }
      const patch: PatchCell[] = cells.map((c) => ({
        row: c.row,
        col: c.col,
        value: c.value,
        formula: c.formula,
        xf: c.style && plan.styles[c.style] ? styles.xf(plan.styles[c.style]) : undefined,
      }));
      if (cells.some((c) => c.formula !== undefined)) formulas = true;
      target.xml = patchSheetXml(target.xml, target.name, patch, plan.merges);
    }
  }

  const touched = [...written.values()].filter((w) => w.created || w.xml !== undefined);
  if (!newSheetEls.length && !touched.length) return { bytes: null, changed: [] };

  // workbook.xml: new <sheet>s, print titles, recalculation on open.
  const splices: Splice[] = [];
  if (newSheetEls.length) {
    const sheetsEl = findFirst(wbEls, 'sheets', wbRoot);
    if (!sheetsEl || sheetsEl.selfClosing) throw new PackageRefusal('工作簿内容的格式无法识别（缺少工作表列表）');
    splices.push({ at: sheetsEl.closeStart, remove: 0, insert: newSheetEls.join('') });
  }
  if (newNames.length) {
    const dn = findFirst(wbEls, 'definedNames', wbRoot);
    if (dn && !dn.selfClosing) splices.push({ at: dn.closeStart, remove: 0, insert: newNames.join('') });
    else {
      const block = `<${p}definedNames>${newNames.join('')}</${p}definedNames>`;
      if (dn) splices.push({ at: dn.start, remove: dn.end - dn.start, insert: block });
      else {
        const kids = childrenOf(wbEls, wbRoot);
        const after = BEFORE_DEFINED_NAMES.map((n) => kids.find((k) => k.local === n)).find((k) => k);
        splices.push({ at: after ? after.end : wbRoot.closeStart, remove: 0, insert: block });
      }
    }
  }
  if (formulas) {
    const calc = findFirst(wbEls, 'calcPr', wbRoot);
    if (calc) {
      if (!/^(1|true)$/.test(calc.attrs.fullCalcOnLoad ?? '')) splices.push(setAttribute(wbXml, calc, 'fullCalcOnLoad', '1'));
    } else {
      const next = childrenOf(wbEls, wbRoot).find((e) => AFTER_CALCPR.includes(e.local));
      splices.push({ at: next ? next.start : wbRoot.closeStart, remove: 0, insert: `<${p}calcPr fullCalcOnLoad="1"/>` });
    }
  }
  if (splices.length) {
    wbXml = applySplices(wbXml, splices);
    pkg.set(wbPart, wbXml);
  }

  if (newRels.length) {
    const relsPart = relsPartOf(wbPart);
    const relsXml = (await pkg.text(relsPart)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
    const els = scanElements(relsXml);
    const root = rootOf(els);
    const rp = root.prefix ? `${root.prefix}:` : '';
    const items = newRels.map((r) => (rp ? r.replace(/^<Relationship/, `<${rp}Relationship`) : r)).join('');
    pkg.set(
      relsPart,
      root.selfClosing
        ? applySplices(relsXml, [{ at: root.start, remove: root.end - root.start, insert: `${relsXml.slice(root.start, root.openEnd - 2)}>${items}</${root.qname}>` }])
        : applySplices(relsXml, [{ at: root.closeStart, remove: 0, insert: items }]),
    );
  }
  if (newOverrides.length) {
    const ctXml = await pkg.text(CONTENT_TYPES);
    if (ctXml === undefined) throw new PackageRefusal('文件中缺少 [Content_Types].xml');
    const els = scanElements(ctXml);
    const root = rootOf(els);
    const cp = root.prefix ? `${root.prefix}:` : '';
    const items = newOverrides.map((o) => (cp ? o.replace(/^<Override/, `<${cp}Override`) : o)).join('');
    pkg.set(CONTENT_TYPES, applySplices(ctXml, [{ at: root.closeStart, remove: 0, insert: items }]));
  }
  if (styles.changed || !stylesRel) pkg.set(stylesPart, styles.result());
  for (const w of written.values()) pkg.set(w.part, w.xml);

  for (const part of pkg.changed()) {
    try {
      assertWellFormed((await pkg.text(part))!, part);
    } catch (e) {
      if (e instanceof XmlSyntaxError) throw new PackageRefusal(`生成的 ${part} 未通过 XML 格式检查`);
      throw e;
    }
  }
  return { bytes: await pkg.generate(), changed: pkg.changed() };
}

/** Whether a plan writes nothing (an update with no cells and no merges). */
export function emptyUpdate(plan: SheetPlan): boolean {
  return !plan.cells.length && !plan.merges.length;
}
