import { SEVERITY_NAMES } from '../../core/findings/finding';
import type { FileResult, FoundItem } from '../batch/types';
import { cellsText, tableLabelOf } from './summary';

/**
 * `--report out.csv`: one row per finding — 文件, 表, 规则, 级别, 问题, 单元格, 原文 —
 * UTF-8 with a BOM (Excel then opens it as Chinese, not as ANSI), CRLF lines (RFC 4180).
 * A file that could not be read is one row with 级别 无法读取 and the reason; the
 * findings a likely slip explains follow it, their 问题 starting with “└ ”.
 */

export const CSV_HEADER = ['文件', '表', '规则', '级别', '问题', '单元格', '原文'];

/**
 * One CSV field. Text that Excel would run as a formula (= + - @ at the start, or a
 * tab/CR) gets a leading apostrophe — quotes and messages come from the workbooks —
 * except plain numbers such as "-12.5%".
 */
export function csvField(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v) && !/^[+-]?\d[\d,]*(\.\d+)?%?$/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) || v !== value ? `"${v.replace(/"/g, '""')}"` : v;
}

function row(fields: string[]): string {
  return fields.map(csvField).join(',');
}

export function csvReport(results: FileResult[]): string {
  const lines = [row(CSV_HEADER)];
  const push = (r: FileResult, f: FoundItem, narrative: boolean, nested: boolean) => {
    lines.push(row([r.file, tableLabelOf(r, f, narrative), f.rule, SEVERITY_NAMES[f.severity], nested ? `└ ${f.message}` : f.message, cellsText(f), f.quote ?? '']));
    for (const x of f.explains ?? []) push(r, x, narrative, true);
  };
  for (const r of results) {
    if (!r.ok) {
      lines.push(row([r.file, '', 'unreadable', '无法读取', r.error ?? '', '', '']));
      continue;
    }
    for (const f of r.findings) push(r, f, false, false);
    if (r.narrative?.error) lines.push(row([r.file, '情况说明', 'narrative-unreadable', '无法核对', r.narrative.error, '', '']));
    for (const f of r.narrative?.findings ?? []) push(r, f, true, false);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
