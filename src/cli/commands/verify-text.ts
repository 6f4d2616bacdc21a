import * as fs from 'fs';
import { parseArgs } from 'util';
import type { CellRef } from '../../core/cells';
import { SEVERITY_NAMES, type Severity } from '../../core/findings/finding';
import { HostError } from '../../hosts/host';
import { verifyNarrative, type TextFinding } from '../../core/workflows/verify-narrative';
import { CliError, EXIT, type Io } from '../io';
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

export const VERIFY_HELP = `用法：juesuan verify-text 工作簿.xlsx 情况说明.txt [--json]

核对已有情况说明中的数字、比例、增减与表中数据是否一致。
  --json  以 JSON 数组输出：{rule, severity, message, quote, expected, cells}
退出码同 check：0 无“错误”；1 存在“错误”；2 文件无法读取。`;

function readText(file: string): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`无法读取“${file}”：${code === 'ENOENT' ? '文件不存在' : (e as Error).message}。`);
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
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
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
  let found: TextFinding[];
  try {
    const { host } = await openForReading(book);
    found = await verifyNarrative(host, text);
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
  else if (!out.length) io.out('未发现情况说明与表中数据不一致之处。');
  else {
    for (const sev of ['error', 'warning', 'rounding'] as Severity[]) {
      const some = found.filter((f) => f.severity === sev);
      if (!some.length) continue;
      io.out(`【${SEVERITY_NAMES[sev]}】${some.length} 条`);
      // The messages name their cells already.
      for (const f of some) io.out(`  · ${f.section ? `[${f.section}] ` : ''}“${f.quote}”：${f.message}`);
    }
  }
  return out.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
