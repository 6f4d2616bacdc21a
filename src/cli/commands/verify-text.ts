import * as fs from 'fs';
import { parseArgs } from 'util';
import type { CellRef } from '../../core/cells';
import { SEVERITY_NAMES, type Severity } from '../../core/findings/finding';
import { HostError } from '../../core/host';
import { verifyNarrative, type TextFinding } from '../../core/workflows/verify-narrative';
import { CliError, EXIT, type Io } from '../io';
import { LAST_YEAR_HELP, LAST_YEAR_OPTIONS, loadLastYear } from '../last-year';
import { lastYearLines, verifyWithLastYear, type LastYearImport } from '../../core/workflows/import-last-year';
import { decodeText } from '../../core/text/decode';
import { describeInvisible, hasFigures, originalQuote, removeInvisible } from '../../core/text/invisible';
import { fileErrorText } from '../../hosts/xlsx';
import { openForReading } from '../open';

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

export function readText(file: string): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`无法读取“${file}”：${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : fileErrorText(e)}。`);
  }
  // UTF-8/16/32, GBK; a Word document, PDF, workbook or undecodable bytes would find no
  // figure and pass silently: refused by name (src/core/text/decode.ts).
  const decoded = decodeText(buf, (encoding, bytes) => {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  });
  if (!decoded.ok) {
    throw new CliError(
      `“${file}”${decoded.reason}，无法核对。请在 Word/WPS 中打开情况说明，“另存为”纯文本（.txt，编码选 UTF-8），或把正文复制到一个 .txt 文件后再核对。`,
    );
  }
  return decoded.text;
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
  const original = readText(textFile);
  // Invisible and direction characters removed before parsing; quotes shown as written.
  const clean = removeInvisible(original);
  const text = clean.text;
  if (!text.replace(/[\s\u3000\u00a0]/g, '')) {
    throw new CliError(`“${textFile}”是空的，没有可核对的情况说明文字。请确认文件，或先用 juesuan narrate 起草。`);
  }
  if (!hasFigures(text)) {
    throw new CliError(`“${textFile}”中没有任何数字，没有可与表中数据核对的内容。请确认选对了文件（情况说明正文应含金额、比例等数字）。`);
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
    quote: originalQuote(f.quote, clean, original),
    expected: f.expected ?? null,
    cells: f.cells.map((c) => ({ sheet: c.sheet, address: c.address })),
  }));
  if (clean.removed.length && !values.json) {
    const kinds = [...new Set(clean.removed.map((r) => describeInvisible(r.char)))].slice(0, 5).join('、');
    io.out(`注意：文中有 ${clean.removed.length} 个不可见字符（${kinds}），核对时已忽略；引文按原样显示。`);
  }
  if (values.json) io.out(JSON.stringify(out, null, 2));
  else {
    if (!out.some((f) => f.severity !== 'unverified')) io.out('未发现情况说明与表中数据不一致之处。');
    // 无法核对 last, under its own heading: statements not tied to any figure, never accusations.
    for (const sev of ['error', 'warning', 'rounding', 'unverified'] as Severity[]) {
      const some = found.filter((f) => f.severity === sev);
      if (!some.length) continue;
      io.out(`【${SEVERITY_NAMES[sev]}】${some.length} 条`);
      // The messages name their cells already.
      for (const f of some) io.out(`  · ${f.section ? `[${f.section}] ` : ''}“${originalQuote(f.quote, clean, original)}”：${f.message}`);
    }
  }
  if (lastYearPlan) {
    const lines = ['【上年数】', ...lastYearLines(lastYearPlan, { mode: 'used' })];
    if (values.json) io.err(lines.join('\n'));
    else io.out(['', ...lines].join('\n'));
  }
  return out.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
