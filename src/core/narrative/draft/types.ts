import type { CellRef } from '../../cells';
import type { FigureId, WordingEdition } from '../../figures/types';
import type { SectionId } from '../patterns';

/** A figure a section states, with every cell it comes from (table and 补充信息 cells). */
export interface DraftFigureRef {
  figureId: FigureId;
  cells: CellRef[];
}

export interface DraftSection {
  id: SectionId;
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
  edition: WordingEdition;
  year?: number;
}
