import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { amount, TABLE_NAMES, type WorkbookModel } from '../../core/model/tables';
import { SEVERITY_NAMES, type Finding, type Severity } from '../../core/findings/finding';
import { inputSheetPlan } from '../../core/inputs';
import { buildSampleWorkbook } from '../../core/sample/seed-2021';
import { SEED_2021_INPUTS } from '../../core/sample/seed-2021-inputs';
import { formulaEvaluationEnabled, XlsxHost } from '../../hosts/xlsx';
import { CliError, EXIT, writeFailure, type Io } from '../io';
import { checkFile } from './check';
import { draftFromFile, narrativeLines } from './narrate';

export const DEFAULT_DEMO_OUT = path.join('out', 'demo-2021.xlsx');

export const DEMO_HELP = `用法：juesuan demo [输出.xlsx]

用内置示例（2021年度 株洲市石峰区机关事务服务中心 部门决算公开）生成工作簿：
公开01–09表录入原始数字、合计行保留公式，另附已填写的“补充信息”表。
默认写到 ${DEFAULT_DEMO_OUT}，随后校验并起草情况说明（需要相应模块就绪）。`;

/** Build the demo workbook in memory: the seed's tables, then its filled 补充信息 sheet. */
export async function buildDemo(): Promise<XlsxHost> {
  const host = XlsxHost.create();
  await buildSampleWorkbook(host);
  await host.apply({ create: [inputSheetPlan(SEED_2021_INPUTS)], update: [] });
  return host;
}

interface KeyTotal {
  label: string;
  value: number | undefined;
}

/** The totals a reader of the seed report checks first, from the model of the workbook. */
export function keyTotals(model: WorkbookModel): KeyTotal[] {
  const t = model.tables;
  const v = (x: { value: number } | undefined) => (x && Number.isFinite(x.value) ? x.value : undefined);
  return [
    { label: `公开01表 ${TABLE_NAMES.summary} 本年收入合计`, value: v(amount(t.summary, 'inc.total', 'amount')) },
    { label: `公开01表 本年支出合计`, value: v(amount(t.summary, 'exp.total', 'exp.amount') ?? amount(t.summary, 'exp.total', 'amount')) },
    { label: `公开02表 ${TABLE_NAMES.income} 财政拨款收入`, value: v(amount(t.income, 'total', 'fiscal')) },
    { label: `公开03表 ${TABLE_NAMES.expenditure} 基本支出`, value: v(amount(t.expenditure, 'total', 'basic')) },
    { label: `公开03表 项目支出`, value: v(amount(t.expenditure, 'total', 'project')) },
    { label: `公开05表 ${TABLE_NAMES.gpbExpenditure} 合计`, value: v(amount(t.gpbExpenditure, 'total', 'total')) },
    { label: `公开06表 人员经费合计`, value: v(amount(t.gpbBasic, 'personnelTotal', 'amount')) },
    { label: `公开06表 公用经费合计`, value: v(amount(t.gpbBasic, 'publicTotal', 'amount')) },
    { label: `公开07表 “三公”经费决算数合计`, value: v(amount(t.threePublic, 'actual', 'total')) },
  ];
}

function money(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export async function demoCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.out(DEMO_HELP);
    return EXIT.ok;
  }
  const out = positionals[0] ?? DEFAULT_DEMO_OUT;
  if (!/\.xlsx$/i.test(out)) throw new CliError(`输出文件应以 .xlsx 结尾：${out}`);

  const host = await buildDemo();
  try {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    await host.save(out);
  } catch (e) {
    throw writeFailure(out, e);
  }
  const sheets = (await host.listSheets()).map((s) => s.name);
  io.out(`示例工作簿已生成：${path.resolve(out)}`);
  io.out(`  工作表 ${sheets.length} 张：${sheets.join('、')}`);
  io.out('  合计、小计等为公式，用 Excel、WPS 或 LibreOffice 打开即自动计算。');

  // Check and draft need computed values: files written here carry formulas only.
  if (!formulaEvaluationEnabled()) {
    io.out('已关闭命令行中的公式计算（JUESUAN_NO_ENGINE=1），未计算合计数。');
    io.out(`请用 Excel 或 WPS 打开上述文件并保存，然后运行：juesuan check "${out}"`);
    return EXIT.ok;
  }
  {
    const { findings, model } = await checkFile(out, undefined);
    if (model) {
      io.out('主要合计数（万元，由公式计算）：');
      for (const k of keyTotals(model)) if (k.value !== undefined) io.out(`  ${k.label}：${money(k.value)}`);
    }
    const count = (s: Severity) => findings.filter((f: Finding) => f.severity === s).length;
    io.out(
      `校验：共 ${findings.length} 条（${(['error', 'warning', 'rounding'] as Severity[])
        .map((s) => `${SEVERITY_NAMES[s]} ${count(s)} 条`)
        .join('，')}）。详见：juesuan check "${out}"`,
    );
  }
  {
    const { draft } = await draftFromFile(out);
    const lines = narrativeLines(draft).filter((l) => l.trim());
    io.out('情况说明（草稿，前几行）：');
    for (const l of lines.slice(0, 6)) io.out(`  ${l.length > 120 ? `${l.slice(0, 120)}…` : l}`);
    io.out(`全文：juesuan narrate "${out}"`);
  }
  return EXIT.ok;
}
