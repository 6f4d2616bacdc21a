import type { CellRef } from '../cells';
import { FROM_TEXT_NOTE } from './from-text';
import type { PriorFigure, PriorOrigin } from './types';

/**
 * Where a last-year figure came from, for people and for findings.
 *
 * originCells(origin, book): the cells a figure or finding can name. A table cell of
 * last year's file is written the way Excel writes an external reference,
 * "[上年.xlsx]公开01表!C35" (sheet "[上年.xlsx]公开01表"); a statement of last year's
 * text becomes { sheet: '取自上年情况说明', address: '第42行' }.
 */
export function originCells(origin: PriorOrigin, book?: string): CellRef[] {
  if (origin.kind === 'text') return [{ sheet: FROM_TEXT_NOTE, address: `第${origin.line}行` }];
  return origin.cells.map((c) => ({ sheet: book ? `[${book}]${c.sheet}` : c.sheet, address: c.address }));
}

/** "上年报表 公开01表!C35" or "取自上年情况说明，第42行“91.13万元”". */
export function originText(origin: PriorOrigin, book?: string): string {
  if (origin.kind === 'text') return `${FROM_TEXT_NOTE}，第${origin.line}行“${origin.quote}”`;
  const where = origin.cells.map((c) => `${c.sheet}!${c.address}`).join('、');
  return `${book ? `上年报表“${book}”` : '上年报表'} ${where}`;
}

/** The origin with the figure's note: "上年报表 公开05表!E9；科目编码已调整：…". */
export function describeOrigin(f: PriorFigure, book?: string): string {
  const note = f.note && f.note !== FROM_TEXT_NOTE ? `；${f.note}` : '';
  return `${originText(f.origin, book)}${note}`;
}
