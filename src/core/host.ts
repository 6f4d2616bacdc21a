import type { CellRef } from './cells';
import type { SheetSnapshot } from './model/snapshot';
import type { WriteBatch } from './plan/sheet-plan';

/**
 * The one interface every host implements: Office.js (Excel), WPS, .xlsx files
 * (ExcelJS) and the in-memory workbook. Each call is one batch, never one request per
 * cell — but not one round trip: in Office.js listSheets takes 1 `context.sync()`,
 * readSheets 2 (more past Excel's size limits), apply 2 on ExcelApi 1.1–1.5 and 3 from
 * 1.6 (the recalculation after suspended calculation), mark and clearMarks 1–3. WPS's
 * object model is synchronous and in-process (no round trips). src/hosts/README.md has
 * the figures per host and job.
 *
 * readSheets hands out calculated values: a host whose workbook may hold stale totals
 * (manual calculation) recalculates first, or refuses with a HostError saying the
 * figures may be stale — a check or a draft never runs on old totals silently.
 */
export interface SheetInfo {
  name: string;
  /** Position in the workbook, from 0. */
  index: number;
  protected: boolean;
  visible: boolean;
}

/** A host refusal with a message in Chinese for the user (nothing was written). */
export class HostError extends Error {
  constructor(
    message: string,
    public readonly cells: CellRef[] = [],
  ) {
    super(message);
    this.name = 'HostError';
  }
}

export interface MarkRequest {
  cells: CellRef[];
  /** Fill colour "#RRGGBB" of the highlight. */
  color: string;
  /**
   * Add to the marks this product made before instead of replacing them (e.g. the
   * suspect cells of a likely slip in a stronger colour over the lighter marks of the
   * findings it explains). Default false: replace.
   */
  keep?: boolean;
}

export interface WorkbookHost {
  /** Host name for messages and tests: 'office', 'wps', 'xlsx', 'memory'. */
  readonly kind: string;
  /** Whether the workbook structure is protected (no sheets can be added). */
  isStructureProtected(): Promise<boolean>;
  /** Names, order and protection of every sheet (one round trip). */
  listSheets(): Promise<SheetInfo[]>;
  /** Used ranges (values and formulas) of the named sheets, all sheets when omitted (one round trip). */
  readSheets(names?: string[]): Promise<SheetSnapshot[]>;
  /** Write a batch; throws HostError (and writes nothing) when it cannot be written whole. */
  apply(batch: WriteBatch): Promise<void>;
  /**
   * Highlight cells without destroying the user's formatting (conditional formats,
   * or fills saved and restored), replacing any marks this product added before.
   */
  mark(request: MarkRequest): Promise<void>;
  /** Remove exactly the marks this product added. */
  clearMarks(): Promise<void>;
  /** Select (and show) cells, for a finding the user clicked. */
  select(cells: CellRef[]): Promise<void>;
}
