import type { SheetSnapshot } from '../model/snapshot';
import { TABLE_KEYS, type TableKey, type WorkbookModel } from '../model/tables';

export interface ReadOptions {
  /** Which tables to look for (default: all nine). */
  tables?: TableKey[];
}

/** Read every table found in the snapshots. (First version: finds nothing yet.) */
export function readWorkbook(snapshots: SheetSnapshot[], options: ReadOptions = {}): WorkbookModel {
  void snapshots;
  const wanted = options.tables ?? TABLE_KEYS;
  return { tables: {}, missing: [...wanted], problems: [] };
}
