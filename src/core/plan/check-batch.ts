import { a1 } from '../cells';
import { HostError } from '../host';
import type { WriteBatch } from './sheet-plan';
import { sheetNameProblem } from './sheet-name';

/**
 * The checks a host runs before writing anything (shared by the Office.js and WPS
 * hosts): workbook structure protection, sheet protection, name clashes, bad names.
 * Returns the refusal, or null when the batch can be written whole.
 */
export function checkBatch(batch: WriteBatch, existing: { name: string; protected: boolean }[], structureProtected: boolean): HostError | null {
  const lower = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
  if (batch.create.length && structureProtected) {
    return new HostError(`工作簿结构受保护，无法新增工作表（${batch.create.map((p) => p.name).join('、')}）。请先在“审阅→保护工作簿”中撤销保护，再重试。`);
  }
  const seen = new Set<string>();
  for (const p of batch.create) {
    const bad = sheetNameProblem(p.name);
    if (bad) return new HostError(`${bad}，未写入任何内容。`);
    const k = p.name.toLowerCase();
    if (lower.has(k)) {
      return new HostError(`工作簿中已有名为“${lower.get(k)!.name}”的工作表，未写入任何内容。请改名或选择“跳过”“并列新增”后重试。`);
    }
    if (seen.has(k)) return new HostError(`要新增的工作表“${p.name}”重复，未写入任何内容。`);
    seen.add(k);
  }
  for (const p of batch.update) {
    const s = lower.get(p.name.toLowerCase());
    if (!s) return new HostError(`找不到工作表“${p.name}”，未写入任何内容。`);
    if (s.protected && (p.cells.length || p.merges.length || p.columnWidths || p.rowHeights || p.freeze || p.print)) {
      return new HostError(
        `工作表“${s.name}”受保护，无法写入。请先在“审阅→撤销工作表保护”后重试；未写入任何内容。`,
        p.cells.slice(0, 20).map((c) => ({ sheet: s.name, address: a1(c.row, c.col) })),
      );
    }
  }
  return null;
}
