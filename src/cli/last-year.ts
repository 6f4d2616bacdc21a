import { HostError } from '../core/host';
import type { LastYearSource } from '../core/workflows/import-last-year';
import { openForReading } from './open';
import { CliError } from './io';
import * as path from 'path';

/**
 * The --last-year / --last-year-text options shared by narrate, verify-text and init
 * (issue #14): last year's published workbook (any layout) and its 情况说明.
 */

export const LAST_YEAR_OPTIONS = {
  'last-year': { type: 'string' },
  'last-year-text': { type: 'string' },
} as const;

export const LAST_YEAR_HELP = `  --last-year 上年报表.xlsx        上年公开的决算报表（任意格式、任意年度版式）：上年数从中取得，
                                   “补充信息”中已填写的上年数优先，不同之处列出
  --last-year-text 上年情况说明.txt  上年公开的情况说明（纯文本）：表中没有的上年数（机关运行经费、
                                   政府采购、车辆、“三公”数量）从中取得，注明“取自上年情况说明”`;

/**
 * Read the files the options name; undefined when neither is given. `readText` reads a
 * text file as verify-text does (encodings, refusing .docx/.pdf): verify-text.ts's.
 */
export async function loadLastYear(values: { 'last-year'?: string; 'last-year-text'?: string }, readText: (file: string) => string): Promise<LastYearSource | undefined> {
  const book = values['last-year'];
  const textFile = values['last-year-text'];
  if (book === undefined && textFile === undefined) return undefined;
  let snapshots: LastYearSource['snapshots'] = [];
  if (book !== undefined) {
    if (!/\.xls[xm]$/i.test(book)) throw new CliError(`--last-year 应为上年报表的 .xlsx 文件，收到：${book}`);
    try {
      const { host } = await openForReading(book);
      snapshots = await host.readSheets();
    } catch (e) {
      if (e instanceof HostError) throw new CliError(`上年报表：${e.message}`);
      throw e;
    }
  }
  const text = textFile !== undefined ? readText(textFile) : undefined;
  return { snapshots, text, name: book !== undefined ? path.basename(book) : undefined };
}
