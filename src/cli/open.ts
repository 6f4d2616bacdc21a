import type { Finding } from '../core/findings/finding';
import { XlsxHost } from '../hosts/xlsx/xlsx-host';
import { computeForReading } from '../hosts/xlsx/evaluate';

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
