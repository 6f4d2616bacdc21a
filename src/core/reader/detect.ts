import type { TableKey } from '../model/tables';
import { isNoteText, matchKey } from '../text/normalize';
import type { Block } from './common';
import { Grid } from './grid';
import { TITLE_PATTERNS } from './vocabulary';

/** The table a title text names, if any. */
export function tableOfTitle(text: string): TableKey | undefined {
  if (!text || isNoteText(text)) return undefined;
  let k = matchKey(text);
  if (k.length > 60) return undefined;
  // Drop a bracketed suffix such as "（公开01表）" or "(2021年度)".
  k = k.replace(/\([^()]*\)$/, '').replace(/公开\d+表$/, '');
  for (const p of TITLE_PATTERNS) if (p.re.test(k)) return p.key;
  return undefined;
}

/**
 * Find the tables on a sheet by their titles. Each table runs from its title row to the
 * row before the next title (tables one below the other); rows above the first title
 * belong to the first table.
 */
export function findBlocks(grid: Grid): Block[] {
  const anchors: Array<{ key: TableKey; row: number; col: number; title: string }> = [];
  for (let r = grid.top; r <= grid.bottom; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      if (!grid.isText(r, c)) continue;
      const key = tableOfTitle(grid.str(r, c));
      if (key) {
        anchors.push({ key, row: r, col: c, title: grid.str(r, c) });
        break;
      }
    }
  }
  return anchors.map((a, i) => ({
    grid,
    key: a.key,
    title: a.title,
    titleRow: a.row,
    titleCol: a.col,
    top: i === 0 ? grid.top : a.row,
    bottom: i + 1 < anchors.length ? anchors[i + 1].row - 1 : grid.bottom,
  }));
}
