import * as fs from 'fs';
import { parseArgs } from 'util';
import type { CellRef } from '../../core/cells';
import { SEVERITY_NAMES, type Severity } from '../../core/findings/finding';
import { HostError } from '../../core/host';
import { verifyNarrative, type TextFinding } from '../../core/workflows/verify-narrative';
import { CliError, EXIT, type Io } from '../io';
import { LAST_YEAR_HELP, LAST_YEAR_OPTIONS, loadLastYear } from '../last-year';
import { lastYearLines, verifyWithLastYear, type LastYearImport } from '../../core/workflows/import-last-year';
import { openForReading } from './check';

/** `juesuan verify-text --json` prints an array of these (a public contract). */
export interface JsonTextFinding {
  rule: string;
  severity: Severity;
  message: string;
  quote: string;
  /** What the tables say ("97.38%", "1256.53万元"); null when the figure cannot be tied to a cell. */
  expected: string | null;
  cells: CellRef[];
}

export const VERIFY_HELP = `用法：juesuan verify-text 工作簿.xlsx 情况说明.txt [--json] [--last-year 上年报表.xlsx [--last-year-text 上年情况说明.txt]]

核对已有情况说明中的数字、比例、增减与表中数据是否一致。
  --json  以 JSON 数组输出：{rule, severity, message, quote, expected, cells}
${LAST_YEAR_HELP}
退出码同 check：0 无“错误”；1 存在“错误”；2 文件无法读取。`;

/** What a file that is not plain text is, in Chinese; undefined for text. */
function binaryKind(buf: Buffer): string | undefined {
  const starts = (...bytes: number[]) => buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    if (buf.includes('word/')) return ' Word 文档（.docx）';
    if (buf.includes('xl/')) return ' Excel 工作簿（.xlsx）';
    return '压缩包（如 .docx、.xlsx、.zip）';
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return ' PDF 文件';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return '旧版 Office 文件（如 .doc、.wps、.xls）';
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return ' RTF 文档';
  if (buf.subarray(0, 8192).includes(0)) return '二进制文件';
  return undefined;
}

export function readText(file: string): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`无法读取“${file}”：${code === 'ENOENT' ? '文件不存在' : (e as Error).message}。`);
  }
  // Notepad's "Unicode" (UTF-16 with a BOM).
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  // A Word document, PDF or workbook read as text finds no figure and would pass silently.
  const kind = binaryKind(buf);
  if (kind) {
    throw new CliError(
      `“${file}”是${kind}，不是纯文本文件，无法核对。请在 Word/WPS 中打开情况说明，“另存为”纯文本（.txt，编码选 UTF-8），或把正文复制到一个 .txt 文件后再核对。`,
    );
  }
  // UTF-8 (with or without BOM); a GBK file decodes with replacement characters.
  const text = new TextDecoder('utf-8').decode(buf).replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) {
    try {
      return new TextDecoder('gb18030').decode(buf);
    } catch {
      throw new CliError(`“${file}”不是 UTF-8 编码的文本，请另存为 UTF-8 后再试。`);
    }
  }
  return text;
}

export async function verifyCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false }, ...LAST_YEAR_OPTIONS },
  });
  if (values.help) {
    io.out(VERIFY_HELP);
    return EXIT.ok;
  }
  const [book, textFile] = positionals;
  if (!book || !textFile) throw new CliError(`需要工作簿和情况说明文本两个文件。\n${VERIFY_HELP}`);
  const text = readText(textFile);
  if (!text.replace(/[\s\u3000\u00a0]/g, '')) {
    throw new CliError(`“${textFile}”是空的，没有可核对的情况说明文字。请确认文件，或先用 juesuan narrate 起草。`);
  }
  const lastYear = await loadLastYear(values, readText);
  let found: TextFinding[];
  let lastYearPlan: LastYearImport | undefined;
  try {
    const { host } = await openForReading(book);
    if (lastYear) ({ findings: found, plan: lastYearPlan } = await verifyWithLastYear(host, text, lastYear));
    else found = await verifyNarrative(host, text);
  } catch (e) {
    if (e instanceof HostError) throw new CliError(e.message);
    throw e;
  }
  const out: JsonTextFinding[] = found.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    quote: f.quote,
    expected: f.expected ?? null,
    cells: f.cells.map((c) => ({ sheet: c.sheet, address: c.address })),
  }));
  if (values.json) io.out(JSON.stringify(out, null, 2));
  else {
    if (!out.some((f) => f.severity !== 'unverified')) io.out('未发现情况说明与表中数据不一致之处。');
    // 无法核对 last, under its own heading: statements not tied to any figure, never accusations.
    for (const sev of ['error', 'warning', 'rounding', 'unverified'] as Severity[]) {
      const some = found.filter((f) => f.severity === sev);
      if (!some.length) continue;
      io.out(`【${SEVERITY_NAMES[sev]}】${some.length} 条`);
      // The messages name their cells already.
      for (const f of some) io.out(`  · ${f.section ? `[${f.section}] ` : ''}“${f.quote}”：${f.message}`);
    }
  }
  if (lastYearPlan) {
    const lines = ['【上年数】', ...lastYearLines(lastYearPlan, { mode: 'used' })];
    if (values.json) io.err(lines.join('\n'));
    else io.out(['', ...lines].join('\n'));
  }
  return out.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
