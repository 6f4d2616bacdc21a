/**
 * The one-click check end to end: `checkWorkbook(host)` (src/core/workflows/check-workbook.ts)
 * through the Office.js host over the recording fake of Excel's object model
 * (tests/hosts/office/fake-excel.ts), and through the in-memory host, on the bench's
 * 02/03/05 sheets (no 补充信息 sheet). Counts `context.sync()` round trips, times the
 * fake Excel (inside sync), the host adapter (the rest of readSheets) and the core, and
 * sizes the read's response against Excel on the web's 5 MB limit.
 */
import type { CellValue } from '../src/core/cells';
import type { Finding } from '../src/core/findings/finding';
import type { SheetSnapshot } from '../src/core/model/snapshot';
import { checkWorkbook } from '../src/core/workflows/check-workbook';
import type { WorkbookHost } from '../src/hosts/host';
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
  /** … plus its valueTypes, which the host loads in the same request. */
  all: number;
}

/**
 * What one sheet's read returns, as JSON: the used range's values, formulas and valueTypes
 * grids exactly as the fake (and Excel) gives them — '' for an empty cell, a formula's
 * text or else the value in `formulas`.
 */
export function sheetPayload(sheet: FakeSheet): SheetPayload {
  const r = sheet.usedRect();
  if (!r) return { name: sheet.name, cells: 0, valuesFormulas: 0, all: 0 };
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  const types: string[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const v: unknown[] = [];
    const f: unknown[] = [];
    const t: string[] = [];
    for (let col = r.left; col <= r.right; col++) {
      const c = sheet.cells.get(`${row},${col}`);
      v.push(c ? c.value : '');
      f.push(c ? c.formula ?? c.value : '');
      t.push(!c || (c.value === '' && !c.formula) ? 'Empty' : c.error ? 'Error' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String');
    }
    values.push(v);
    formulas.push(f);
    types.push(t);
  }
  const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x), 'utf8');
  const vf = bytes(values) + bytes(formulas);
  return { name: sheet.name, cells: (r.bottom - r.top + 1) * (r.right - r.left + 1), valuesFormulas: vf, all: vf + bytes(types) };
}

/**
 * The fake limits a response by cells (values + formulas of every range loaded in one
 * sync), not bytes. Pick the cell limit that refuses exactly the syncs whose response
 * (values, formulas and valueTypes) would exceed `limit` bytes: the one read of every
 * sheet, and each sheet's own read in the host's fallback. Null when no cell limit can
 * tell them apart (sheets of very different densities), Infinity when nothing crosses.
 */
export function cellLimitFor(sheets: SheetPayload[], limit = PAYLOAD_LIMIT): number | null {
  const syncs = [
    { cells: 2 * sheets.reduce((s, p) => s + p.cells, 0), bytes: sheets.reduce((s, p) => s + p.all, 0) },
    ...sheets.map((p) => ({ cells: 2 * p.cells, bytes: p.all })),
  ];
  const over = syncs.filter((s) => s.bytes > limit);
  if (!over.length) return Infinity;
  const under = syncs.filter((s) => s.bytes <= limit);
  const lo = Math.max(0, ...under.map((s) => s.cells));
  const hi = Math.min(...over.map((s) => s.cells));
  return lo < hi ? lo : null;
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
            return Array.prototype.find.apply(this, args as never);
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

/** One check through OfficeHost over the fake; `cellLimit` emulates Excel on the web's 5 MB. */
export async function officeCheck(book: FakeBook, cellLimit = Infinity): Promise<E2ERun> {
  book.payloadCells = cellLimit;
  const env = book.env(API);
  const run = env.run;
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
    return await measureCheck(host, () => book.syncs, () => ({ ms: fakeMs, refused }));
  } finally {
    book.payloadCells = Infinity;
  }
}

/** One check through the in-memory host. */
export async function memoryCheck(memory: MemoryHost): Promise<E2ERun> {
  const host = timed(memory);
  return measureCheck(host, () => memory.roundTrips, () => ({ ms: 0, refused: 0 }));
}
