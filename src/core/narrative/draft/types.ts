import type { CellRef } from '../../cells';
import type { SectionKey } from '../../editions/types';
import type { FigureId } from '../../figures/types';
import type { SectionId } from '../patterns';

/** A figure a section states, with every cell it comes from (table and 补充信息 cells). */
export interface DraftFigureRef {
  figureId: FigureId;
  cells: CellRef[];
}

export interface DraftSection {
  /** The section's number in its edition's order (一 … 十五). */
  id: SectionId;
  /** What the section is about. */
  key: SectionKey;
  /** Title without the number: 收入支出决算总体情况说明. */
  title: string;
  /** Plain text, paragraphs separated by "\n", ready to paste into Word. */
  text: string;
  /** The figures stated, in order of first mention. */
  figures: DraftFigureRef[];
}

export interface NarrativeDraft {
  sections: DraftSection[];
  /** What the user still has to give (reasons, last year's figures …), in Chinese, with cells. */
  todo: string[];
  /** The edition's id (src/core/editions). */
  edition: string;
  year?: number;
}
