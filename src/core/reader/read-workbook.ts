import { detectEdition } from '../editions';
import type { SheetSnapshot } from '../model/snapshot';
import { TABLE_KEYS, TABLE_NAMES, type ReadProblem, type TableKey, type TableModel, type WorkbookModel } from '../model/tables';
import { parseTableNumber } from '../text/normalize';
import { readBasic } from './basic';
import { readClassified } from './classified';
import { Problems, scanMeta, type Block } from './common';
import { findBlocks, tableOfHeaders, tableOfTitle } from './detect';
import { Grid } from './grid';
import { readThreePublic } from './three-public';
import { readTwoSided } from './two-sided';

export interface ReadOptions {
  /** Which tables to look for (default: all nine). */
  tables?: TableKey[];
}

function readBlock(block: Block, problems: Problems): TableModel {
  switch (block.key) {
    case 'summary':
    case 'fiscalSummary':
      return readTwoSided(block, problems);
    case 'gpbBasic':
      return readBasic(block, problems);
    case 'threePublic':
      return readThreePublic(block, problems);
    default:
      return readClassified(block, problems);
  }
}

/**
 * Tables side by side on one sheet (two titles in one row): the sheet is cut into vertical
 * strips, one per table, at the empty gutter column left of each further title (or at the
 * title's own column when there is none). Each strip keeps its sheet coordinates, so cells
 * are named as on the sheet. A sheet without such a row is returned whole.
 */
export function stripsOf(snap: SheetSnapshot): SheetSnapshot[] {
  const grid = new Grid(snap);
  const starts = new Set<number>();
  for (let r = grid.top; r <= grid.bottom; r++) {
    const titles = grid.rowTexts(r).filter((t) => t.text.includes('表') && tableOfTitle(t.text) !== undefined);
    if (titles.length < 2) continue;
    for (const t of titles.slice(1)) starts.add(t.col);
  }
  if (starts.size === 0) return [snap];
  const emptyColumn = (c: number) => {
    for (let r = grid.top; r <= grid.bottom; r++) if (!grid.isEmpty(r, c)) return false;
    return true;
  };
  const cuts: number[] = [];
  let previous = grid.left;
  for (const start of [...starts].sort((a, b) => a - b)) {
    let cut = start;
    for (let c = start - 1; c > previous; c--) {
      if (emptyColumn(c)) {
        cut = c + 1;
        break;
      }
    }
    if (cut > previous) cuts.push(cut);
    previous = cut;
  }
  const bounds = [grid.left, ...cuts, grid.right + 1];
  const out: SheetSnapshot[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i];
    const to = bounds[i + 1] - 1;
    const slice = <T>(rows: T[][] | undefined) => rows?.map((row) => row.slice(from - snap.left, to - snap.left + 1));
    out.push({
      ...snap,
      left: from,
      values: slice(snap.values)!,
      formulas: slice(snap.formulas),
      merges: snap.merges?.filter((m) => m.left >= from && m.right <= to),
    });
  }
  return out;
}

/** Blocks of a sheet, or the whole sheet when it has no title but its name is one. */
function blocksOf(grid: Grid): Block[] {
  const blocks = findBlocks(grid);
  if (blocks.length) return blocks;
  const byName = tableOfTitle(grid.name);
  const key = byName ?? tableOfHeaders(grid);
  if (key) return [{ grid, key, title: byName ? grid.name : TABLE_NAMES[key], titleRow: grid.top - 1, titleCol: grid.left, top: grid.top, bottom: grid.bottom }];
  return [];
}

/**
 * Read every table found in the snapshots. Tables are found by their titles (and header
 * texts), never by sheet name or address; several tables may share a sheet.
 */
export function readWorkbook(snapshots: SheetSnapshot[], options: ReadOptions = {}): WorkbookModel {
  const wanted = options.tables ?? TABLE_KEYS;
  const problems = new Problems();
  const candidates = new Map<TableKey, Candidate[]>();
  for (const snap of snapshots.flatMap(stripsOf)) {
    const grid = new Grid(snap);
    const blocks = blocksOf(grid).filter((b) => wanted.includes(b.key));
    const models: Array<TableModel | undefined> = [];
    for (const block of blocks) {
      const own = new Problems();
      let model: TableModel | undefined;
      try {
        model = readBlock(block, own);
        fitRange(grid, model);
      } catch (e) {
        own.add(block.key, `读取“${grid.name}”表中的${TABLE_NAMES[block.key]}时出错：${(e as Error).message}`, []);
      }
      models.push(model);
      const list = candidates.get(block.key) ?? [];
      list.push({ model, problems: own.list, block });
      candidates.set(block.key, list);
    }
    assignNumbers(blocks, models);
  }
  // A hidden sheet (an old copy put away) gives way to a visible copy of the same table.
  const hiddenSheets = new Set(snapshots.filter((s) => s.hidden).map((s) => s.name));
  const isHidden = (c: Candidate) => hiddenSheets.has(c.block.grid.name);
  const tables: Partial<Record<TableKey, TableModel>> = {};
  for (const key of TABLE_KEYS) {
    const list = candidates.get(key);
    if (!list) continue;
    // A title with no rows under it (a table of contents, a cover) gives way to a real table.
    const score = (c: Candidate) => (c.model ? c.model.lines.length : -1);
    const real = list.filter((c) => score(c) > 0);
    const chosen = real.find((c) => !isHidden(c)) ?? real[0] ?? list.find((c) => c.model) ?? list[0];
    for (const p of chosen.problems) problems.list.push(p); // no spread: a sheet may yield 100,000+ problems
    if (chosen.model) tables[key] = chosen.model;
    if (chosen.model && !chosen.model.lines.length && !chosen.problems.length && !chosen.model.notes.some((n) => /无数据/.test(n))) {
      const at = chosen.block.grid.ref(Math.max(chosen.block.titleRow, chosen.block.grid.top), chosen.block.titleCol);
      problems.add(key, `“${at.sheet}”表 ${at.address} 找到了${TABLE_NAMES[key]}的标题，但其下没有读到任何数据行（也没有“无数据”说明），请检查表格。`, [at]);
    }
    for (const other of real) {
      if (other === chosen) continue;
      const at = other.block.grid.ref(Math.max(other.block.titleRow, other.block.grid.top), other.block.titleCol);
      problems.add(
        key,
        `“${at.sheet}”表${isHidden(other) ? '（隐藏的工作表）' : ''} ${at.address} 又有一张${TABLE_NAMES[key]}（已使用“${chosen.model!.sheet}”表${isHidden(chosen) ? '（隐藏的工作表）' : ''}中的那一张），请删去多余的一张或确认使用哪一张。`,
        [at],
      );
    }
  }
  const missing = wanted.filter((k) => !tables[k]);
  return { tables, missing, problems: collapseProblems(problems.list), edition: detectEdition(tables)?.id, sheets: snapshots.map((s) => s.name) };
}

/** Addresses spelt out in a collapsed problem (all are in `cells`). */
const LISTED = 8;

/**
 * A problem that repeats row after row (a code the reader cannot parse, a repeated code,
 * words in amount cells …) becomes one problem per table and kind, listing its cells: the
 * first message, then how many and where. The kind is the message with its quoted
 * texts, cell addresses and numbers taken out.
 */
export function collapseProblems(list: ReadProblem[]): ReadProblem[] {
  const kindOf = (p: ReadProblem) =>
    `${p.table ?? ''}|${p.message
      .replace(/“[^”]*”/g, '“”')
      .replace(/（(?:[^（）]|（[^（）]*）)*）/g, '')
      .replace(/[A-Z]+\d+/g, '#')
      .replace(/\d+(\.\d+)?/g, '#')}`;
  const groups = new Map<string, ReadProblem[]>();
  for (const p of list) {
    const k = kindOf(p);
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const out: ReadProblem[] = [];
  for (const p of list) {
    const g = groups.get(kindOf(p))!;
    if (g.length === 1) {
      out.push(p);
      continue;
    }
    if (g[0] !== p) continue;
    const cells = g.flatMap((x) => x.cells);
    const where = cells.slice(0, LISTED).map((c) => c.address);
    out.push({
      table: p.table,
      message: `${p.message.replace(/。$/, '')}。同类问题共 ${g.length} 处：${where.join('、')}${cells.length > LISTED ? ` 等` : ''}。`,
      cells,
    });
  }
  return out;
}

interface Candidate {
  model?: TableModel;
  problems: ReadProblem[];
  block: Block;
}

/** Narrow a model's range to the columns its rows actually use. */
function fitRange(grid: Grid, m: TableModel): void {
  let left = Infinity;
  let right = -Infinity;
  // Per row, only the columns that could still widen [left, right] are looked at.
  for (let r = Math.max(m.range.top, grid.top); r <= m.range.bottom; r++) {
    for (let c = grid.left; c <= grid.right && c < left; c++) {
      if (!grid.isEmpty(r, c)) {
        left = c;
        break;
      }
    }
    for (let c = grid.right; c >= grid.left && c > right; c--) {
      if (!grid.isEmpty(r, c)) {
        right = c;
        break;
      }
    }
  }
  for (const c of Object.values(m.columns)) {
    if (c === undefined) continue;
    left = Math.min(left, c);
    right = Math.max(right, c);
  }
  if (Number.isFinite(left)) {
    m.range.left = left;
    m.range.right = right;
  }
}

/**
 * A 公开NN表 label printed between two tables on one sheet belongs to the table below when
 * that table has no label of its own after its title, else to the table above (the seed
 * prints 公开01表 under table 01).
 */
function assignNumbers(blocks: Block[], models: Array<TableModel | undefined>): void {
  const own: Array<string | undefined> = [];
  const head: Array<string | undefined> = [];
  const tail: Array<string | undefined> = [];
  blocks.forEach((b, i) => {
    const m = models[i];
    const lastRow = m ? m.range.bottom : b.bottom;
    own[i] = scanMeta(b.grid, Math.max(b.titleRow, b.grid.top), lastRow).number?.value;
    head[i] = b.titleRow > b.top ? scanMeta(b.grid, b.top, b.titleRow - 1).number?.value : undefined;
    tail[i] = lastRow < b.bottom ? scanMeta(b.grid, lastRow + 1, b.bottom).number?.value : undefined;
  });
  const tailGoesDown = (i: number) => i + 1 < blocks.length && !own[i + 1] && !head[i + 1];
  blocks.forEach((b, i) => {
    const m = models[i];
    if (!m) return;
    m.number = own[i] ?? head[i] ?? (i > 0 && tailGoesDown(i - 1) ? tail[i - 1] : undefined) ?? (!tailGoesDown(i) ? tail[i] : undefined);
  });
}

export { parseTableNumber };
