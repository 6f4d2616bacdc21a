import type { SheetSnapshot } from '../model/snapshot';
import { TABLE_KEYS, TABLE_NAMES, type TableKey, type TableModel, type WorkbookModel } from '../model/tables';
import { parseTableNumber } from '../text/normalize';
import { readBasic } from './basic';
import { readClassified } from './classified';
import { Problems, scanMeta, type Block } from './common';
import { findBlocks, tableOfTitle } from './detect';
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

/** Blocks of a sheet, or the whole sheet when it has no title but its name is one. */
function blocksOf(grid: Grid): Block[] {
  const blocks = findBlocks(grid);
  if (blocks.length) return blocks;
  const key = tableOfTitle(grid.name);
  if (key) return [{ grid, key, title: grid.name, titleRow: grid.top - 1, titleCol: grid.left, top: grid.top, bottom: grid.bottom }];
  return [];
}

/**
 * Read every table found in the snapshots. Tables are found by their titles (and header
 * texts), never by sheet name or address; several tables may share a sheet.
 */
export function readWorkbook(snapshots: SheetSnapshot[], options: ReadOptions = {}): WorkbookModel {
  const wanted = options.tables ?? TABLE_KEYS;
  const problems = new Problems();
  const tables: Partial<Record<TableKey, TableModel>> = {};
  for (const snap of snapshots) {
    const grid = new Grid(snap);
    const blocks = blocksOf(grid).filter((b) => wanted.includes(b.key));
    const models: TableModel[] = [];
    for (const block of blocks) {
      if (tables[block.key]) {
        const first = tables[block.key]!;
        problems.add(
          block.key,
          `“${grid.name}”表 ${grid.ref(Math.max(block.titleRow, grid.top), block.titleCol).address} 又有一张${TABLE_NAMES[block.key]}（第一张在“${first.sheet}”表），已使用第一张。`,
          [grid.ref(Math.max(block.titleRow, grid.top), block.titleCol)],
        );
        models.push(undefined as unknown as TableModel);
        continue;
      }
      let model: TableModel;
      try {
        model = readBlock(block, problems);
      } catch (e) {
        problems.add(block.key, `读取“${grid.name}”表中的${TABLE_NAMES[block.key]}时出错：${(e as Error).message}`, []);
        models.push(undefined as unknown as TableModel);
        continue;
      }
      tables[block.key] = model;
      models.push(model);
    }
    assignNumbers(blocks, models);
  }
  const missing = wanted.filter((k) => !tables[k]);
  return { tables, missing, problems: problems.list, order: orderOf(tables) };
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
    own[i] = scanMeta(b.grid, b.titleRow + 1, lastRow).number?.value;
    head[i] = b.titleRow > b.top ? scanMeta(b.grid, b.top, b.titleRow - 1).number?.value : undefined;
    tail[i] = lastRow < b.bottom ? scanMeta(b.grid, lastRow + 1, b.bottom).number?.value : undefined;
  });
  const tailGoesDown = (i: number) => i + 1 < blocks.length && !own[i + 1] && !head[i + 1];
  blocks.forEach((b, i) => {
    const m = models[i];
    if (!m) return;
    m.number =
      own[i] ?? head[i] ?? (i > 0 && tailGoesDown(i - 1) ? tail[i - 1] : undefined) ?? (!tailGoesDown(i) ? tail[i] : undefined);
  });
}

function orderOf(tables: Partial<Record<TableKey, TableModel>>): WorkbookModel['order'] {
  const n = (k: TableKey) => tables[k]?.number;
  if (n('threePublic') === '09' || n('govFund') === '07' || n('stateCapital') === '08') return '2023';
  const shanghaiState = tables.stateCapital && /收入支出/.test(tables.stateCapital.title.replace(/\s/g, ''));
  if (n('threePublic') === '07' || n('govFund') === '08' || n('stateCapital') === '09') return shanghaiState ? 'shanghai' : '2021';
  if (shanghaiState) return 'shanghai';
  return undefined;
}

export { parseTableNumber };
