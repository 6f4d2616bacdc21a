import * as fs from 'fs';
import { parseArgs } from 'util';
import { profileIds } from '../../core/profiles';
import { HostError } from '../../core/host';
import { fileErrorText, XlsxHost } from '../../hosts/xlsx';
import { CliError, EXIT, type Io } from '../io';
import { insertTables, type InsertResult } from '../../core/workflows/insert-tables';
import { importLastYear, lastYearLines, type ImportLastYearResult, type LastYearSource } from '../../core/workflows/import-last-year';
import { LAST_YEAR_OPTIONS, loadLastYear } from '../last-year';
import { readText } from './verify-text';

export type OnConflict = 'skip' | 'beside' | 'refresh';

export const INIT_HELP = `用法：juesuan init 输出.xlsx [--profile 2021] [--unit 单位名称] [--year 2021] [--on-conflict skip|beside|refresh]

插入部门决算公开01–09表（含公式）及“补充信息”表。输出文件已存在时，在其中添加，不覆盖已有工作表：
  --on-conflict skip     同名工作表已存在时跳过（默认）
  --on-conflict beside   在旁边另建一份（名称加序号）
  --on-conflict refresh  只刷新本工具生成的公式，不改动已填写的数字
  --last-year 上年报表.xlsx [--last-year-text 上年情况说明.txt]
                         从上年公开的报表（及情况说明）取得上年数，填入“补充信息”中空着的上年栏目；
                         已填写的不改动，与上年报表不同之处列出`;

export interface InitOptions {
  profile: string;
  unit: string;
  year: number;
  onConflict: OnConflict;
}

/** Sheets a result says were written (created or refreshed). */
function changed(result: InsertResult): boolean {
  return result.created.length > 0 || result.refreshed.length > 0;
}

/**
 * Insert the template into OUT (a new workbook, or the existing file) and save it.
 * An existing file is written losslessly: only the product's sheets (new ones, or the
 * cells a refresh rewrites in its own 公开 sheets), their entries in the workbook, its
 * relationships and content types, and appended cell formats change; every other part
 * of the package keeps its bytes. What cannot be written that way is refused, the file
 * left as it was. Nothing to change: nothing is written. Before a write, a copy of the
 * file is kept as OUT.bak (then OUT.bak.2 …, never overwritten). Saves are atomic.
 */
export async function initWorkbook(
  out: string,
  options: InitOptions,
  lastYear?: LastYearSource,
): Promise<{ result: InsertResult; existed: boolean; saved: boolean; backup?: string; lastYear?: ImportLastYearResult }> {
  const existed = fs.existsSync(out);
  const host = existed ? await XlsxHost.open(out) : XlsxHost.create();
  const result = await insertTables(host, { ...options, includeInputs: true });
  const imported = lastYear ? await importLastYear(host, lastYear, { write: true }) : undefined;
  if (host.opened) {
    // Refreshed = sheets whose cells actually change; the others already held the template.
    const changedSheets = new Set(host.changedSheets());
    result.refreshed = result.refreshed.filter((s) => changedSheets.has(s));
  }
  if (existed && !changed(result) && !imported?.written.length) return { result, existed, saved: false, lastYear: imported };
  // The bytes first (a refusal leaves no backup behind), then the backup, then the save.
  const bytes = await host.saveBytes();
  if (existed && bytes === null) return { result, existed, saved: false, lastYear: imported };
  let backup: string | undefined;
  try {
    if (existed) backup = keepBackup(out);
  } catch (e) {
    throw new CliError(`无法备份“${out}”：${fileErrorText(e)}。原文件未改动。`);
  }
  try {
    await host.save(out, existed ? {} : { mustNotExist: true });
  } catch (e) {
    if (backup) fs.rmSync(backup, { force: true });
    throw e;
  }
  return { result, existed, saved: true, backup, lastYear: imported };
}

/**
 * Copy OUT to the first free name of OUT.bak, OUT.bak.2, OUT.bak.3 … and return it:
 * a backup is never overwritten, so the user's very first version stays in OUT.bak.
 */
function keepBackup(out: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${out}.bak` : `${out}.bak.${n}`;
    try {
      fs.copyFileSync(out, name, fs.constants.COPYFILE_EXCL);
      return name;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

export function parseInitOptions(values: { profile?: string; unit?: string; year?: string; 'on-conflict'?: string }): InitOptions {
  const profile = values.profile ?? '2021';
  const known = profileIds();
  if (!known.includes(profile)) throw new CliError(`未知的格式“${profile}”，可选：${known.join('、')}。`);
  const year = values.year !== undefined ? Number(values.year) : Number(/^\d{4}$/.test(profile) ? profile : new Date().getFullYear() - 1);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CliError(`--year 应为四位年份，收到：${values.year}`);
  const onConflict = (values['on-conflict'] ?? 'skip') as OnConflict;
  if (!['skip', 'beside', 'refresh'].includes(onConflict)) {
    throw new CliError(`--on-conflict 只能是 skip、beside 或 refresh，收到：${values['on-conflict']}`);
  }
  return { profile, unit: values.unit ?? '', year, onConflict };
}

export async function initCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      unit: { type: 'string' },
      year: { type: 'string' },
      'on-conflict': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      ...LAST_YEAR_OPTIONS,
    },
  });
  if (values.help) {
    io.out(INIT_HELP);
    return EXIT.ok;
  }
  const out = positionals[0];
  if (!out) throw new CliError(`缺少输出文件名。\n${INIT_HELP}`);
  if (positionals.length > 1) throw new CliError(`只能指定一个输出文件，多余的参数：${positionals.slice(1).join(' ')}`);
  if (!/\.xlsx$/i.test(out)) throw new CliError(`输出文件应以 .xlsx 结尾：${out}`);
  const options = parseInitOptions(values);
  const lastYear = await loadLastYear(values, readText);
  let done: Awaited<ReturnType<typeof initWorkbook>>;
  try {
    done = await initWorkbook(out, options, lastYear);
  } catch (e) {
    if (e instanceof HostError) {
      throw new CliError(/^(无法读取|无法写入|无法备份|“)/.test(e.message) ? e.message : `无法在“${out}”中插入模板：${e.message}`);
    }
    throw e;
  }
  const { result, existed, saved, backup } = done;
  const { created, skipped, refreshed, unrecognized } = result;
  io.out(saved ? `${existed ? '已更新' : '已创建'}：${out}` : `未改动：${out}`);
  if (created.length) io.out(`  新增工作表 ${created.length} 张：${created.join('、')}`);
  if (refreshed.length) io.out(`  已刷新公式 ${refreshed.length} 张（已填写的数字保留）：${refreshed.join('、')}`);
  if (skipped.length) io.out(`  已存在而跳过 ${skipped.length} 张（未改动）：${skipped.join('、')}`);
  if (unrecognized.length) io.out(`  与模板格式不符、未刷新：${unrecognized.join('、')}`);
  if (!saved && existed && options.onConflict === 'refresh' && !refreshed.length && !unrecognized.length && result.sheets && Object.keys(result.sheets).length) {
    io.out('  公开表的表样和公式均已是最新，无需改动。');
  }
  if (skipped.length && !saved) io.out('  如需另建一份，请加 --on-conflict beside；如需刷新公式，请加 --on-conflict refresh。');
  if (result.keptValues.length) {
    const shown = result.keptValues
      .slice(0, 8)
      .map((c) => `${c.sheet}!${c.address}`)
      .join('、');
    io.out(`  以下单元格应为公式，但已填写数字，予以保留：${shown}${result.keptValues.length > 8 ? ` 等 ${result.keptValues.length} 处` : ''}`);
  }
  if (done.lastYear) for (const l of lastYearLines(done.lastYear, { mode: saved ? 'written' : 'plan' })) io.out(`  ${l}`);
  if (backup) io.out(`  原文件已备份为：${backup}`);
  if (saved) io.out('公式已写入；用 Excel 或 WPS 打开时会自动计算。');
  return EXIT.ok;
}
