import type { Finding } from '../core/findings/finding';
import type { WorkbookHost } from '../core/host';
import { computeForReading, readFast, XlsxHost } from '../hosts/xlsx';

/**
 * Open a workbook for reading. Formulas without cached values (files written by
 * programs, not saved by Excel/WPS) are computed in memory by the built-in evaluator;
 * a warning lists any it cannot compute (their figures read as blank).
 */
export async function openForReading(file: string): Promise<{ host: XlsxHost; notes: Finding[]; computed: number }> {
  const host = await XlsxHost.open(file);
  const { computed, notes } = computeForReading(host);
  return { host, notes, computed };
}

/**
 * Open a workbook for checking only (`check`, many files): the fast read-only reader
 * when the package is of the usual shape and every formula has a saved result (files
 * saved by Excel/WPS), else openForReading (ExcelJS, with in-memory formula evaluation
 * and the Chinese reasons for unreadable files). Both give the same snapshots.
 */
export async function openForChecking(file: string): Promise<{ host: WorkbookHost; notes: Finding[]; computed: number }> {
  // JUESUAN_NO_FAST_READ=1: always the full reader (the bench's comparison).
  const fast = process.env.JUESUAN_NO_FAST_READ === '1' ? null : await readFast(file);
  if (fast) return { host: fast, notes: [], computed: 0 };
  return openForReading(file);
}
