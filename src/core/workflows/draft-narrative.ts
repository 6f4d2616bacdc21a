import type { WorkbookHost } from '../host';
import { computeFigures } from '../figures/compute';
import type { Figures } from '../figures/types';
import { readInputs } from '../inputs/read';
import type { Inputs } from '../inputs/types';
import type { SheetSnapshot } from '../model/snapshot';
import type { WorkbookModel } from '../model/tables';
import { draftFromFigures, foundSheets } from '../narrative/draft';
import { NARRATIVE_SHEET_NAME, narrativeSheetPlan } from '../narrative/draft/sheet-plan';
import type { NarrativeDraft } from '../narrative/draft/types';
import { readWorkbook } from '../reader';

export { narrativeSheetPlan, NARRATIVE_SHEET_NAME };
export type { NarrativeDraft };

export interface DraftNarrativeOptions {
  /** Force the edition by id (default: the one the workbook's tables follow, else by the 决算年度). */
  edition?: string;
  /** The table reader (default: src/core/reader readWorkbook). */
  readWorkbook?: (snapshots: SheetSnapshot[]) => WorkbookModel;
}

/** What draftNarrative computed on the way, for panes that show more than the text. */
export interface DraftNarrativeDetail {
  draft: NarrativeDraft;
  model: WorkbookModel;
  inputs: Inputs;
  figures: Figures;
}

/**
 * 生成情况说明: read every sheet (one round trip), read the tables and the 补充信息
 * sheet, compute the figures and draft sections 一 … 十五. Writes nothing.
 */
export async function draftNarrative(host: WorkbookHost, options: DraftNarrativeOptions = {}): Promise<NarrativeDraft> {
  return (await draftNarrativeDetail(host, options)).draft;
}

export async function draftNarrativeDetail(host: WorkbookHost, options: DraftNarrativeOptions = {}): Promise<DraftNarrativeDetail> {
  const snapshots = await host.readSheets();
  const model = (options.readWorkbook ?? readWorkbook)(snapshots);
  const inputs = readInputs(snapshots);
  const figures = computeFigures(model, inputs, { edition: options.edition });
  const draft = draftFromFigures(figures, inputs, foundSheets(model));
  for (const p of model.problems) draft.todo.push(`读表：${p.message}`);
  return { draft, model, inputs, figures };
}

/**
 * Write the draft to a new sheet 情况说明 (one listSheets, one apply). An existing
 * sheet is never overwritten: the new one is named 情况说明(2), 情况说明(3) … .
 * Returns the sheet's name.
 */
export async function writeNarrativeSheet(host: WorkbookHost, draft: NarrativeDraft): Promise<string> {
  const existing = new Set((await host.listSheets()).map((s) => s.name.toLowerCase()));
  let name = NARRATIVE_SHEET_NAME;
  for (let i = 2; existing.has(name.toLowerCase()); i++) name = `${NARRATIVE_SHEET_NAME}(${i})`;
  await host.apply({ create: [narrativeSheetPlan(draft, name)], update: [], activate: name });
  return name;
}
