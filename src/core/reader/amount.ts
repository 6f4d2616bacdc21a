import { isCellError, type CellRef, type CellValue } from '../cells';
import type { Amount } from '../model/tables';
import { isBlankText, parseNumberText } from '../text/normalize';

/**
 * One cell read as an amount.
 *   null / "" / spaces / "-" / "—"      -> blank, value 0
 *   a number                            -> value
 *   "1,474.07", "１４７４.０７" (text)  -> value, issue numericText
 *   other text ("待补", "见附表")       -> NaN, issue text
 *   #REF!, #DIV/0! …                    -> NaN, issue error
 *   true / false                        -> NaN, issue text
 */
export function parseAmount(value: CellValue, cell: CellRef): Amount {
  if (value === null || value === undefined) return { value: 0, blank: true, cell };
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return { value, blank: false, cell };
    return { value: NaN, blank: false, cell, issue: { kind: 'error', raw: String(value) } };
  }
  if (isCellError(value) && value.uncomputed) return { value: NaN, blank: false, cell, issue: { kind: 'uncomputed', raw: value.uncomputed } };
  if (isCellError(value)) return { value: NaN, blank: false, cell, issue: { kind: 'error', raw: value.error } };
  if (typeof value === 'boolean') {
    return { value: NaN, blank: false, cell, issue: { kind: 'text', raw: value ? 'TRUE' : 'FALSE' } };
  }
  const raw = String(value);
  if (isBlankText(raw)) return { value: 0, blank: true, cell };
  if (/^\s*#[A-Z0-9/!?]+[!?]?\s*$/.test(raw) && /^(#REF!|#DIV\/0!|#VALUE!|#NAME\?|#N\/A|#NUM!|#NULL!|#SPILL!|#CALC!)$/.test(raw.trim())) {
    return { value: NaN, blank: false, cell, issue: { kind: 'error', raw } };
  }
  const n = parseNumberText(raw);
  if (n !== undefined) return { value: n, blank: false, cell, issue: { kind: 'numericText', raw } };
  return { value: NaN, blank: false, cell, issue: { kind: 'text', raw } };
}

/** A short Chinese description of an amount's issue, for problems and findings. */
export function describeIssue(a: Amount): string | undefined {
  if (!a.issue) return undefined;
  const where = `${a.cell.sheet}!${a.cell.address}`;
  switch (a.issue.kind) {
    case 'text':
      return `${where} 应为金额，但填的是文字“${a.issue.raw}”，无法计算`;
    case 'error':
      return `${where} 的值是错误值 ${a.issue.raw}，无法计算`;
    case 'numericText':
      return `${where} 的数字以文本形式存储（“${a.issue.raw}”），已按数字读取`;
    case 'uncomputed':
      return `${where} 的公式未能计算（${a.issue.raw}），其数值未知，无法核对`;
  }
}
