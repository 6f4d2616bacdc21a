import type { TableKey } from '../model/tables';
import { isNoteText, matchKey } from '../text/normalize';
import type { Block } from './common';
import { digitsOf, Grid } from './grid';
import { TITLE_PATTERNS, titleMatches } from './vocabulary';

/** The table a title text names, if any. */
export function tableOfTitle(text: string): TableKey | undefined {
  // Every title pattern ends in 表, which no normalisation adds: most cells are rejected here.
  if (!text || !text.includes('表') || isNoteText(text)) return undefined;
  let k = matchKey(text);
  if (k.length > 60) return undefined;
  // Drop a bracketed suffix such as "（公开01表）" or "(2021年度)".
  k = k.replace(/\([^()]*\)$/, '').replace(/公开\d+表$/, '');
  for (const p of TITLE_PATTERNS) if (titleMatches(p, k)) return p.key;
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

/**
 * Header signatures: texts that only one table's header holds, for sheets with no title
 * (a table pasted without its title rows). Checked in order; every pattern of an entry
 * must occur among the sheet's cell texts. 05 and 09 share their header: see
 * gpbOrStateCapital.
 */
const SIGNATURES: Array<{ key: TableKey; all: RegExp[] }> = [
  { key: 'gpbBasic', all: [/^人员经费/, /^公用经费/, /编码$/] },
  { key: 'threePublic', all: [/^因公出国\(境\)费$/, /^公务接待费$/] },
  { key: 'fiscalSummary', all: [/^年初财政拨款结转(和|及)结余$/, /本年支出合计$/] },
  { key: 'summary', all: [/^(本年)?收入合计$/, /^(本年)?支出合计$/, /上级补助收入$/, /^结余分配$/] },
  { key: 'income', all: [/^财政拨款(收入)?$/, /^上级补助收入$/, /^附属单位上缴收入$/] },
  { key: 'expenditure', all: [/^上缴上级支出$/, /^对附属单位补助支出$/] },
  { key: 'govFund', all: [/^年初结转(和|及)结余$/, /^本年收入$/, /^年末结转(和|及)结余$/] },
];

/** The table a sheet without a title holds, judged by its header texts. */
export function tableOfHeaders(grid: Grid): TableKey | undefined {
  const keys = new Set<string>();
  for (let r = grid.top; r <= grid.bottom; r++) {
    for (const t of grid.rowTexts(r)) keys.add(t.key.replace(/^[一二三四五六七八九十]+、/, ''));
  }
  const has = (re: RegExp) => [...keys].some((k) => re.test(k));
  return SIGNATURES.find((s) => s.all.every(has))?.key ?? gpbOrStateCapital(grid, keys, has);
}

/** 国有资本经营预算支出 (the class 09's rows fall under). */
const STATE_CAPITAL_CLASS = '223';

/**
 * 05 and 09 share their header (合计/小计 · 基本支出 · 项目支出). Without a title they are told
 * apart by what the sheet says of its money — a note or header naming 国有资本经营 (09) or
 * 一般公共预算 (05) — else by the codes: 09's 类 rows are all 223 国有资本经营预算支出, 05's
 * never only that. A sheet with neither hint stays unrecognised (never a guess).
 */
function gpbOrStateCapital(grid: Grid, keys: Set<string>, has: (re: RegExp) => boolean): TableKey | undefined {
  if (!has(/^基本支出$/) || !has(/^项目支出$/)) return undefined;
  const texts = [...keys];
  const capital = texts.some((k) => /国有资本经营/.test(k));
  const gpb = texts.some((k) => /一般公共预算/.test(k));
  if (capital !== gpb) return capital ? 'stateCapital' : 'gpbExpenditure';
  const classes = new Set<string>();
  for (let r = grid.top; r <= grid.bottom; r++) {
    for (let c = grid.left; c <= Math.min(grid.right, grid.left + 3); c++) {
      const d = digitsOf(grid.value(r, c));
      if (d && /^2\d{2}(\d{2}){0,2}$/.test(d)) {
        classes.add(d.slice(0, 3));
        break;
      }
    }
  }
  if (classes.size === 0) return undefined;
  return [...classes].every((c) => c === STATE_CAPITAL_CLASS) ? 'stateCapital' : 'gpbExpenditure';
}
