/**
 * The one-click check end to end: `checkWorkbook(host)` (src/core/workflows/check-workbook.ts)
 * through the Office.js host over the recording fake of Excel's object model
 * (tests/hosts/office/fake-excel.ts), and through the in-memory host, on the bench's
 * 02/03/05 sheets (no 补充信息 sheet). Counts `context.sync()` round trips, times the
 * fake Excel (inside sync), the host adapter (the rest of readSheets) and the core, and
 * sizes the read's response against Excel on the web's 5 MB limit.
 */
import type { CellValue, RangeRect } from '../src/core/cells';
import type { Finding } from '../src/core/findings/finding';
import type { SheetSnapshot } from '../src/core/model/snapshot';
import { checkWorkbook } from '../src/core/workflows/check-workbook';
import type { WorkbookHost } from '../src/core/host';
import { MemoryHost } from '../src/hosts/memory/memory-host';
import { OfficeHost } from '../src/hosts/office/office-host';
import { FakeBook, type FakeSheet } from '../tests/hosts/office/fake-excel';

/** Excel on the web answers at most 5 MB per request/response (Office add-in resource limits). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** ExcelApi version the fake offers: 1.17, as current Excel (merged areas read in the same sync). */
const API = '1.17';

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** The snapshots written into a fake Excel workbook as real cells (empty cells left out). */
export function fakeBookOf(snaps: SheetSnapshot[]): FakeBook {
  const book = new FakeBook();
  for (const s of snaps) {
    const sheet = book.addSheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || typeof v === 'object') return;
        sheet.cell(s.top + r, s.left + c).value = v;
      }),
    );
  }
  return book;
}

/** The snapshots written into an in-memory workbook. */
export function memoryHostOf(snaps: SheetSnapshot[]): MemoryHost {
  const host = new MemoryHost();
  for (const s of snaps) {
    const sheet = host.addSheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v: CellValue, c) => {
        if (v === null || typeof v === 'object') return;
        sheet.cells.set(`${s.top + r},${s.left + c}`, { value: v });
      }),
    );
  }
  return host;
}

export interface SheetPayload {
  name: string;
  /** Cells of the used range. */
  cells: number;
  /** UTF-8 bytes of the used range's values and formulas as JSON (what the host loads). */
  valuesFormulas: number;
  /** Bytes of a range's values and formulas, for the fake's byte limit (see `payloadCostOf`). */
  cost: (r: RangeRect, prop: 'values' | 'formulas') => number;
}

/**
 * What one sheet's read returns, as JSON: the used range's values and formulas grids
 * exactly as the fake (and Excel) gives them — '' for an empty cell, a formula's text or
 * else the value in `formulas`. Keeps each row's bytes (prefix sums), so that any block
 * of whole rows of the used range — what the host's reads request — is sized in O(1).
 */
export function sheetPayload(sheet: FakeSheet): SheetPayload {
  const u = sheet.usedRect();
  const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x), 'utf8');
  const rowOf = (row: number, left: number, right: number, prop: 'values' | 'formulas') => {
    const line: unknown[] = [];
    for (let col = left; col <= right; col++) {
      const c = sheet.cells.get(`${row},${col}`);
      line.push(c ? (prop === 'values' ? c.value : (c.formula ?? c.value)) : '');
    }
    return line;
  };
  // A grid of k rows: "[" + rows joined by "," + "]".
  const gridOf = (rowBytes: number, rows: number) => 2 + rowBytes + Math.max(0, rows - 1);
  const direct = (r: RangeRect, prop: 'values' | 'formulas') => {
    let b = 0;
    for (let row = r.top; row <= r.bottom; row++) b += bytes(rowOf(row, r.left, r.right, prop));
    return gridOf(b, r.bottom - r.top + 1);
  };
  if (!u) return { name: sheet.name, cells: 0, valuesFormulas: 0, cost: direct };
  const n = u.bottom - u.top + 1;
  const sums = { values: new Float64Array(n + 1), formulas: new Float64Array(n + 1) };
  for (const prop of ['values', 'formulas'] as const) for (let i = 0; i < n; i++) sums[prop][i + 1] = sums[prop][i] + bytes(rowOf(u.top + i, u.left, u.right, prop));
  const cost = (r: RangeRect, prop: 'values' | 'formulas') => {
    if (r.left !== u.left || r.right !== u.right || r.top < u.top || r.bottom > u.bottom) return direct(r, prop);
    const s = sums[prop];
    return gridOf(s[r.bottom - u.top + 1] - s[r.top - u.top], r.bottom - r.top + 1);
  };
  return {
    name: sheet.name,
    cells: n * (u.right - u.left + 1),
    valuesFormulas: cost(u, 'values') + cost(u, 'formulas'),
    cost,
  };
}

/**
 * The fake's response cost in bytes: every range's values and formulas loaded in one sync,
 * as JSON, UTF-8 — so that `payloadCells = PAYLOAD_LIMIT` refuses exactly the syncs whose
 * response would exceed Excel on the web's 5 MB, whatever ranges the host requests (the one
 * read of all used ranges, or blocks of rows).
 */
export function payloadCostOf(book: FakeBook, sheets: SheetPayload[]): (sheet: FakeSheet, r: RangeRect, prop: 'values' | 'formulas') => number {
  const bySheet = new Map(book.sheets.map((s, i) => [s, sheets[i]]));
  return (sheet, r, prop) => {
    const p = bySheet.get(sheet) ?? sheetPayload(sheet);
    return p.cost(r, prop);
  };
}

export interface E2ERun {
  /** context.sync() round trips (memory host: calls through WorkbookHost). */
  syncs: number;
  /** Of which refused (payload limit). */
  refused: number;
  /** Used-range cells the snapshots hold. */
  cells: number;
  /** readSheets as a whole, and the part inside context.sync() (the fake Excel). */
  hostMs: number;
  fakeMs: number;
  /** checkWorkbook from call to result. */
  totalMs: number;
  /** Inside checkWorkbook: readWorkbook, then readInputs (< 0.1 ms) and runRules. */
  readerMs: number;
  rulesMs: number;
  findings: Finding[];
  /** The host's refusal, when the check failed. */
  error?: string;
}

type Timed = WorkbookHost & { readMs: number; readEnd: number; lastFind: number; snaps: SheetSnapshot[] };

/** The real host behind a WorkbookHost whose readSheets is timed (and keeps what it read). */
function timed(host: WorkbookHost): Timed {
  const h: Timed = {
    kind: host.kind,
    readMs: 0,
    readEnd: 0,
    lastFind: 0,
    snaps: [],
    isStructureProtected: () => host.isStructureProtected(),
    listSheets: () => host.listSheets(),
    readSheets: async (names?: string[]) => {
      const t0 = now();
      try {
        h.snaps = await host.readSheets(names);
        // checkWorkbook runs readWorkbook, readInputs and runRules inline; readInputs looks
        // for the 补充信息 sheet with find() on these snapshots (the reader walks them with
        // for…of), so the last find() marks where the reader ended (readInputs: < 0.1 ms).
        const snaps = h.snaps;
        Object.defineProperty(snaps, 'find', {
          value: function (this: SheetSnapshot[], ...args: Parameters<SheetSnapshot[]['find']>) {
            h.lastFind = now();
            return Array.prototype.find.apply(this, args as never) as SheetSnapshot | undefined;
          },
        });
        return snaps;
      } finally {
        h.readEnd = now();
        h.readMs += h.readEnd - t0;
      }
    },
    apply: (batch) => host.apply(batch),
    mark: (request) => host.mark(request),
    clearMarks: () => host.clearMarks(),
    select: (cells) => host.select(cells),
  };
  return h;
}

async function measureCheck(host: Timed, syncs: () => number, fake: () => { ms: number; refused: number }): Promise<E2ERun> {
  global.gc?.();
  const s0 = syncs();
  const t0 = now();
  let findings: Finding[] = [];
  let error: string | undefined;
  try {
    findings = (await checkWorkbook(host)).findings;
  } catch (e) {
    error = (e as Error).message;
  }
  const totalMs = now() - t0;
  const run: E2ERun = {
    syncs: syncs() - s0,
    refused: fake().refused,
    cells: host.snaps.reduce((n, s) => n + s.values.reduce((m, row) => m + row.length, 0), 0),
    hostMs: host.readMs,
    fakeMs: fake().ms,
    totalMs,
    readerMs: 0,
    rulesMs: 0,
    findings,
    error,
  };
  if (!error) {
    if (!host.lastFind) throw new Error('bench: readInputs no longer calls find() on the snapshots; see timed() in bench/end-to-end.ts');
    run.readerMs = host.lastFind - host.readEnd;
    run.rulesMs = t0 + totalMs - host.lastFind;
  }
  return run;
}

/**
 * One check through OfficeHost over the fake; `limit` (with the sheets' payloads, bytes)
 * emulates Excel on the web's 5 MB response limit.
 */
export async function officeCheck(book: FakeBook, limit?: { bytes: number; sheets: SheetPayload[] }): Promise<E2ERun> {
  book.payloadCells = limit ? limit.bytes : Infinity;
  book.payloadCost = limit ? payloadCostOf(book, limit.sheets) : null;
  const env = book.env(API);
  const run = env.run.bind(env);
  let fakeMs = 0;
  let refused = 0;
  env.run = (batch) =>
    run(async (ctx) => {
      const sync = ctx.sync.bind(ctx);
      (ctx as { sync: () => Promise<void> }).sync = async () => {
        const t0 = now();
        try {
          await sync();
        } catch (e) {
          refused++;
          throw e;
        } finally {
          fakeMs += now() - t0;
        }
      };
      return batch(ctx);
    });
  const host = timed(new OfficeHost(env));
  try {
    return await measureCheck(
      host,
      () => book.syncs,
      () => ({ ms: fakeMs, refused }),
    );
  } finally {
    book.payloadCells = Infinity;
    book.payloadCost = null;
  }
}

/** One check through the in-memory host. */
export async function memoryCheck(memory: MemoryHost): Promise<E2ERun> {
  const host = timed(memory);
  return measureCheck(
    host,
    () => memory.roundTrips,
    () => ({ ms: 0, refused: 0 }),
  );
}
