import { parseArgs } from 'util';
import type { CellRef } from '../../core/cells';
import { SEVERITY_NAMES, type Finding, type Severity } from '../../core/findings/finding';
import { TABLE_KEYS, TABLE_NAMES, type TableKey, type WorkbookModel } from '../../core/model/tables';
import { HostError } from '../../core/host';
import { computeForReading, XlsxHost } from '../../hosts/xlsx';
import { CliError, EXIT, type Io } from '../io';
import { tableNumber } from '../../core/rules/engine';
import { checkWorkbook } from '../../core/workflows/check-workbook';

/** `juesuan check --json` prints an array of these (a public contract). */
export interface JsonFinding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  cells: CellRef[];
}

export const CHECK_HELP = `用法：juesuan check 工作簿.xlsx [工作簿2.xlsx …] [--json] [--tolerance 0.005]

校验公开01–09表的表内、表间勾稽关系。
  --json           以 JSON 数组输出问题：{file, rule, severity, message, cells:[{sheet, address}]}
  --tolerance 数值  每个加数允许的尾数差异（默认 0.005，单位同表内金额）
退出码：0 无“错误”级问题；1 存在“错误”；2 有文件无法读取（原因见标准错误输出，其余文件照常校验）。`;

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

export function tableLabel(key: TableKey | undefined, model?: WorkbookModel): string {
  if (!key) return '其他';
  return model ? `公开${tableNumber(model, key)}表 ${TABLE_NAMES[key]}` : TABLE_NAMES[key];
}

export function cellList(cells: CellRef[], max = 6): string {
  if (!cells.length) return '';
  const shown = cells.slice(0, max).map((c) => `${c.sheet}!${c.address}`);
  return `（${shown.join('、')}${cells.length > max ? ` 等 ${cells.length} 处` : ''}）`;
}

const ORDER: Severity[] = ['error', 'warning', 'rounding'];

/** Findings of one file, grouped by severity and table, as text lines. */
export function formatFindings(findings: Finding[], model?: WorkbookModel): string[] {
  const lines: string[] = [];
  if (!findings.length) {
    lines.push('  未发现问题。');
    return lines;
  }
  for (const sev of ORDER) {
    const some = findings.filter((f) => f.severity === sev);
    if (!some.length) continue;
    lines.push(`  【${SEVERITY_NAMES[sev]}】${some.length} 条`);
    const tables: Array<TableKey | undefined> = [...TABLE_KEYS, undefined];
    for (const t of tables) {
      const inTable = some.filter((f) => (f.table && TABLE_KEYS.includes(f.table) ? f.table : undefined) === t);
      if (!inTable.length) continue;
      lines.push(`    ${tableLabel(t, model)}：`);
      for (const f of inTable) lines.push(`      · ${f.message}${cellList(f.cells)}`);
    }
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  lines.push(`  合计 ${findings.length} 条：错误 ${count('error')} 条，提示 ${count('warning')} 条，尾数差异 ${count('rounding')} 条。`);
  return lines;
}

export async function checkFile(
  file: string,
  tolerance: number | undefined,
): Promise<{ findings: Finding[]; computed: number; model?: WorkbookModel }> {
  const { host, notes, computed } = await openForReading(file);
  let result: Awaited<ReturnType<typeof checkWorkbook>>;
  try {
    result = await checkWorkbook(host, { tolerance });
  } catch (e) {
    if (e instanceof RangeError) throw new CliError(e.message);
    throw e;
  }
  return { findings: [...notes, ...result.findings], computed, model: result.model };
}

export async function checkCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      tolerance: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(CHECK_HELP);
    return EXIT.ok;
  }
  if (!positionals.length) throw new CliError(`缺少要校验的工作簿。\n${CHECK_HELP}`);
  let tolerance: number | undefined;
  if (values.tolerance !== undefined) {
    tolerance = Number(values.tolerance);
    if (!Number.isFinite(tolerance) || tolerance < 0) {
      throw new CliError(`--tolerance 应为不小于 0 的数，收到：${values.tolerance}`);
    }
  }

  let exit: number = EXIT.ok;
  const json: JsonFinding[] = [];
  let printed = 0;
  for (const file of positionals) {
    let findings: Finding[];
    let computed = 0;
    let model: WorkbookModel | undefined;
    try {
      ({ findings, computed, model } = await checkFile(file, tolerance));
    } catch (e) {
      if (e instanceof HostError) {
        io.err(e.message);
        exit = EXIT.unreadable;
        continue;
      }
      throw e;
    }
    if (findings.some((f) => f.severity === 'error') && exit === EXIT.ok) exit = EXIT.findings;
    if (values.json) {
      for (const f of findings) {
        json.push({ file, rule: f.rule, severity: f.severity, message: f.message, cells: f.cells.map((c) => ({ sheet: c.sheet, address: c.address })) });
      }
    } else {
      if (printed++) io.out('');
      io.out(`文件：${file}`);
      if (computed) io.out(`  （文件中 ${computed} 个公式没有保存计算结果，已在本机计算后校验）`);
      for (const l of formatFindings(findings, model)) io.out(l);
    }
  }
  if (values.json) io.out(JSON.stringify(json, null, 2));
  return exit;
}
