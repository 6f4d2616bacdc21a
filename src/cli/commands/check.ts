import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import type { CellRef } from '../../core/cells';
import { SEVERITY_NAMES, type Finding, type Severity } from '../../core/findings/finding';
import { TABLE_KEYS, TABLE_NAMES, type TableKey, type WorkbookModel } from '../../core/model/tables';
import { openForReading } from '../open';
import { expandInputs } from '../batch/inputs';
import { runBatch } from '../batch/pool';
import { Progress } from '../batch/progress';
import { countOf, type FileResult, type FoundItem, type NarrativeResult } from '../batch/types';
import { CliError, EXIT, writeFailure, type Io } from '../io';
import { csvReport } from '../report/csv';
import { htmlReport } from '../report/html';
import { jsonFindings, jsonReport, type JsonFinding } from '../report/json';
import { summaryOf, totalsOf, type FileSummary } from '../report/summary';
import { tableNumber } from '../../core/rules/engine';
import { checkWorkbook } from '../../core/workflows/check-workbook';

export type { JsonFinding } from '../report/json';

export const CHECK_HELP = `用法：juesuan check 路径… [--json] [--tolerance 0.005] [--report 结果.html|.csv|.json] [--no-text] [--quiet] [--jobs N]

校验公开01–09表的表内、表间勾稽关系，并核对同名情况说明。路径可以是：
  工作簿文件（.xlsx、.xlsm）；文件夹（逐层查找其中的 .xlsx、.xlsm，跳过隐藏文件和 ~$ 开头的临时文件）；
  通配符（如 "报表/**/*.xlsx"）。多个文件同时在所有处理器核心上校验，结果按给出的顺序列出。
情况说明：工作簿旁有同名的 .docx 或 .txt 时核对该文件，否则核对工作簿中的“情况说明”工作表。
  --json             以 JSON 数组输出问题：{file, rule, severity, message, cells:[{sheet, address}]}；
                     情况说明的问题另有 quote（原文）、expected、source；
                     疑似录入差错（rule 为 likely-slip）另有 expected（应为数）与 explains（由它造成的问题）
  --tolerance 数值    每个加数允许的尾数差异（默认 0.005，单位同表内金额）
  --report 文件       另存审核结果：.html（可筛选、可打印的网页）、.csv（每条问题一行，Excel 可直接打开）、
                     .json（--json 的内容加每个文件的汇总）；可给多次
  --no-text          不核对情况说明
  --quiet, -q        不显示进度，只列出有问题或无法读取的文件
  --jobs N           同时校验的文件数（默认为处理器核心数）
退出码：0 无“错误”级问题；1 存在“错误”，或有文件无法读取；2 没有任何文件能够读取（或参数有误）。
无法读取的文件在标准错误输出中说明原因，其余文件照常校验。`;

export { openForReading } from '../open';

export function tableLabel(key: TableKey | undefined, model?: WorkbookModel): string {
  if (!key) return '其他';
  return model ? `公开${tableNumber(model, key)}表 ${TABLE_NAMES[key]}` : TABLE_NAMES[key];
}

export function cellList(cells: CellRef[], max = 6): string {
  if (!cells.length) return '';
  const shown = cells.slice(0, max).map((c) => `${c.sheet}!${c.address}`);
  return `（${shown.join('、')}${cells.length > max ? ` 等 ${cells.length} 处` : ''}）`;
}

/** How a finding's table is named: from a model, or from the table numbers a worker sent. */
type Numbers = WorkbookModel | Partial<Record<TableKey, string>>;

function labelFor(key: TableKey | undefined, numbers?: Numbers): string {
  if (!key) return '其他';
  if (!numbers) return TABLE_NAMES[key];
  if ('tables' in numbers && 'missing' in numbers) return tableLabel(key, numbers);
  const n = numbers[key];
  return n ? `公开${n}表 ${TABLE_NAMES[key]}` : TABLE_NAMES[key];
}

/** Severities listed: 错误, 提示, 尾数差异, and 无法核对 last, apart. */
const ORDER: Severity[] = ['error', 'warning', 'rounding', 'unverified'];

/** A finding's line, and the findings a likely slip explains under it. */
function findingLines(f: FoundItem, indent: string): string[] {
  const lines = [`${indent}· ${f.message}${cellList(f.cells)}`];
  for (const x of f.explains ?? []) lines.push(`${indent}    └ ${x.message}${cellList(x.cells)}`);
  return lines;
}

/** Top-level counts in words; 无法核对 apart. */
export function countsLine(findings: FoundItem[]): string {
  const c = countOf(findings);
  const main = findings.length - c.unverified;
  return `合计 ${main} 条：错误 ${c.error} 条，提示 ${c.warning} 条，尾数差异 ${c.rounding} 条。${c.unverified ? `另有无法核对 ${c.unverified} 条（不计入错误和提示）。` : ''}`;
}

/** Findings of one file, grouped by severity and table, as text lines. */
export function formatFindings(findings: FoundItem[], numbers?: Numbers): string[] {
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
      lines.push(`    ${labelFor(t, numbers)}：`);
      for (const f of inTable) lines.push(...findingLines(f, '      '));
    }
  }
  lines.push(`  ${countsLine(findings)}`);
  return lines;
}

/** The narrative part of a file's text output. */
export function formatNarrative(n: NarrativeResult): string[] {
  const src = n.kind === 'sheet' ? `工作表“${n.source}”` : `文件 ${n.source}`;
  const lines = [`  情况说明（${src}）：`];
  if (n.error) return [...lines, `    ${n.error}`];
  if (!n.findings.length) return [...lines, '    未发现情况说明与表中数据不一致之处。'];
  for (const sev of ORDER) {
    const some = n.findings.filter((f) => f.severity === sev);
    if (!some.length) continue;
    lines.push(`    【${SEVERITY_NAMES[sev]}】${some.length} 条`);
    for (const f of some) lines.push(`      · ${f.section ? `[${f.section}] ` : ''}“${f.quote ?? ''}”：${f.message}`);
  }
  return lines;
}

export async function checkFile(file: string, tolerance: number | undefined): Promise<{ findings: Finding[]; computed: number; model?: WorkbookModel }> {
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

const REPORT_KINDS: Record<string, ReportKind> = { '.html': 'html', '.htm': 'html', '.csv': 'csv', '.json': 'json' };
type ReportKind = 'html' | 'csv' | 'json';

export async function checkCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      tolerance: { type: 'string' },
      report: { type: 'string', multiple: true },
      'no-text': { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      jobs: { type: 'string' },
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
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new CliError(`--jobs 应为正整数，收到：${values.jobs}`);
  }
  const reports = (values.report ?? []).map((out) => {
    const kind = REPORT_KINDS[path.extname(out).toLowerCase()];
    if (!kind) throw new CliError(`--report 的文件应以 .html、.csv 或 .json 结尾：${out}`);
    return { out, kind };
  });
  const quiet = values.quiet;
  const json = values.json;

  const inputs = expandInputs(positionals);
  const files = inputs.filter((x) => !x.problem).map((x) => x.file);
  const slots: Array<FileResult | undefined> = inputs.map((x) =>
    x.problem ? { file: x.file, ok: false, error: x.problem, findings: [], computed: 0, tableNumbers: {}, ms: 0 } : undefined,
  );
  const slotOf: number[] = [];
  inputs.forEach((x, i) => {
    if (!x.problem) slotOf.push(i);
  });

  const keepAll = json || reports.length > 0;
  const kept: FileResult[] = [];
  const summaries: FileSummary[] = [];
  const jsonOut: JsonFinding[] = [];
  const progress = new Progress(io, files.length, quiet);
  let printed = 0;
  let emitted = 0;
  let done = 0;

  const print = (r: FileResult) => {
    const summary = summaryOf(r);
    summaries.push(summary);
    if (keepAll) kept.push(r);
    if (json) jsonOut.push(...jsonFindings(r));
    if (!r.ok) {
      progress.around(() => io.err(r.error ?? `无法读取“${r.file}”。`), done);
      return;
    }
    if (json) return;
    if (quiet && summary.status === 'ok' && !r.narrative?.error) return;
    progress.around(() => {
      if (printed++) io.out('');
      io.out(`文件：${r.file}`);
      if (r.computed) io.out(`  （文件中 ${r.computed} 个公式没有保存计算结果，已在本机计算后校验）`);
      for (const l of formatFindings(r.findings, r.tableNumbers)) io.out(l);
      if (r.narrative) for (const l of formatNarrative(r.narrative)) io.out(l);
    }, done);
  };
  const flush = () => {
    for (let r = slots[emitted]; emitted < slots.length && r; r = slots[emitted]) {
      print(r);
      slots[emitted++] = undefined; // not held after it is printed
    }
  };
  flush();
  await runBatch(
    files,
    { tolerance, text: !values['no-text'], jobs },
    {
      onDone: (n, r) => {
        done = n;
        progress.tick(n, r.file, r.ok);
      },
      onResult: (i, r) => {
        slots[slotOf[i]] = r;
        flush();
      },
    },
  );
  flush();
  progress.clear();

  const totals = totalsOf(summaries);
  if (json) io.out(JSON.stringify(jsonOut, null, 2));
  else if (summaries.length > 1) {
    const b = totals.byStatus;
    io.out('');
    io.out(
      `共 ${totals.files} 个文件：有错误 ${b.error} 个，有提示 ${b.warning} 个，仅尾数差异 ${b.rounding} 个，未发现问题 ${b.ok} 个${totals.unreadable ? `，无法读取 ${totals.unreadable} 个（原因见上）` : ''}。`,
    );
  }
  let exit: number = totals.read === 0 ? EXIT.unreadable : totals.counts.error > 0 || totals.unreadable > 0 ? EXIT.findings : EXIT.ok;
  for (const { out, kind } of reports) {
    const body = kind === 'html' ? htmlReport(kept, { tolerance }) : kind === 'csv' ? csvReport(kept) : `${JSON.stringify(jsonReport(kept), null, 2)}\n`;
    try {
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      fs.writeFileSync(out, body);
      if (!quiet) io.err(`审核结果已保存：${out}`);
    } catch (e) {
      io.err(writeFailure(out, e).message);
      exit = EXIT.unreadable;
    }
  }
  return exit;
}
