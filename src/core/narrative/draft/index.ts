import { computeFigures } from '../../figures/compute';
import type { Figures } from '../../figures/types';
import { TABLE_KEYS, type TableKey, type WorkbookModel } from '../../model/tables';
import type { Inputs } from '../../inputs/types';
import { SECTION_IDS } from '../patterns';
import { SECTION_WRITERS } from './sections';
import type { NarrativeDraft } from './types';
import { SectionWriter, type DraftStyle } from './writer';

export * from './types';
export { narrativeSheetPlan, narrativeText, NARRATIVE_SHEET_NAME } from './sheet-plan';
export { cleanReason, compareWord, type DraftStyle } from './writer';

/**
 * Draft the 情况说明 (sections 一 … 十五) from computed figures and the 补充信息 inputs.
 * Pure. Every number stated is a figure (listed per section with its cells); every
 * missing reason or input is a visible 【请填写：…】 prompt and a line in `todo`.
 */
export function draftFromFigures(
  figures: Figures,
  inputs: Inputs,
  /** Sheets of the tables the reader found: a section whose table is there but whose total is unusable says so. */
  found: Partial<Record<TableKey, string>> = {},
  /** Sentence variants and number forms (default: the national ones). */
  style: DraftStyle = {},
): NarrativeDraft {
  const todo: string[] = [];
  if (figures.year === undefined) todo.push('补充信息：请填写“决算年度”（情况说明中暂写作“本年度”）');
  for (const p of inputs.problems) todo.push(`补充信息：${p.message}`);
  // Sections in the edition's order, numbered 一、二、… by position.
  const sections = figures.edition.narrative.sections.map(({ key, title }, i) => {
    const id = SECTION_IDS[i];
    const w = new SectionWriter(figures, inputs, todo, `${id}、${title}`, found, style);
    const text = SECTION_WRITERS[key](w).join('\n');
    return { id, key, title, text, figures: w.refs_() };
  });
  return { sections, todo, edition: figures.edition.id, year: figures.year };
}

/** computeFigures + draftFromFigures. */
export function draftFromModel(model: WorkbookModel, inputs: Inputs, options: { edition?: string; style?: DraftStyle } = {}): NarrativeDraft {
  return draftFromFigures(computeFigures(model, inputs, options), inputs, foundSheets(model), options.style);
}

/** The sheet of each table the reader found. */
export function foundSheets(model: WorkbookModel): Partial<Record<TableKey, string>> {
  const out: Partial<Record<TableKey, string>> = {};
  for (const k of TABLE_KEYS) {
    const t = model.tables[k];
    if (t) out[k] = t.sheet;
  }
  return out;
}
