import { isCellError, parseA1, type CellRef } from '../cells';
import { computeFigures, roundHalfAway, type Figures } from '../figures';
import type { WorkbookHost } from '../host';
import { INPUT_SECTIONS, type InputKey } from '../inputs/fields';
import { readInputs } from '../inputs/read';
import { emptyInputs, type Inputs, type InputValue } from '../inputs/types';
import { inputWritePlan } from '../inputs/write';
import { deriveLastYear } from '../last-year/derive';
import { describeOrigin, originCells } from '../last-year/origin';
import type { LastYearFigures, PriorFigure } from '../last-year/types';
import { formulaAt, valueAt, type SheetSnapshot } from '../model/snapshot';
import type { WorkbookModel } from '../model/tables';
import { noTablesMessage } from '../model/no-tables';
import { draftFromFigures, foundSheets, type NarrativeDraft } from '../narrative/draft';
import { verifyText, type TextFinding, type VerifyOptions } from '../narrative/verify';
import { readWorkbook } from '../reader/read-workbook';

/**
 * 导入上年报表: last year's published workbook (and 情况说明) → the 补充信息 sheet's
 * 上年 fields (二、上年决算数).
 *
 *   planLastYearImport(current, last)   pure: what will be filled, what is typed already
 *                                       (same or different), what has no source
 *   importLastYear(host, last, options) one readSheets, then (write: true) one apply
 *   withLastYear(inputs, plan)          the inputs with the blank 上年 fields filled
 *                                       (for narrate / verify-text without writing)
 *
 * Nothing the user typed is overwritten: a typed value that differs from last year's
 * report is listed in `differ`, never replaced.
 */

/** Last year's report as read: its sheets (any layout), and its 情况说明 text when given. */
export interface LastYearSource {
  snapshots: SheetSnapshot[];
  text?: string;
  /** File (or sheet) name, for messages and cell references: "2020年决算公开.xlsx". */
  name?: string;
}

export interface PriorFill {
  key: InputKey;
  /** The 补充信息 label. */
  label: string;
  value: number;
  figure: PriorFigure;
  /** Where last year's value comes from, in Chinese. */
  source: string;
  /** The 补充信息 cell (when the field is on the sheet). */
  cell?: CellRef;
}

export interface PriorDifference extends PriorFill {
  /** What the user typed (NaN when it is not a number: see typedText). */
  typed: number;
  /** The cell's content when it does not read as a number ("约1700", "-", "#REF!"). */
  typedText?: string;
}

export interface LastYearImport {
  lastYear: LastYearFigures;
  /** Blank 上年 fields that will be filled. */
  fill: PriorFill[];
  /** Typed already, with last year's value. */
  same: PriorFill[];
  /** Typed, and different from last year's report: listed, never overwritten. */
  differ: PriorDifference[];
  /** 上年 fields last year's report gives no value for (left as they are). */
  missing: Array<{ key: InputKey; label: string }>;
  /** Last year's figures the 补充信息 sheet has no field for (classes, items, 政府采购 …), for the listing. */
  others: PriorFigure[];
  /** Whether this year's workbook has a 补充信息 sheet. */
  sheetFound: boolean;
}

/** The 补充信息 上年 fields (section 二). */
export const PRIOR_KEYS: InputKey[] = INPUT_SECTIONS.flatMap((s) => s.fields)
  .map((f) => f.key)
  .filter((k) => k.startsWith('prior.'));

const labelOf = (key: InputKey): string => INPUT_SECTIONS.flatMap((s) => s.fields).find((f) => f.key === key)?.label ?? key;

/** Read last year's workbook (pure): its model, and its figures paired with this year's model. */
export function readLastYear(last: LastYearSource, current?: WorkbookModel): { model: WorkbookModel; figures: LastYearFigures } {
  const model = readWorkbook(last.snapshots);
  return { model, figures: deriveLastYear(model, { current, text: last.text }) };
}

/** What the user put in a cell, when it is not blank (text, a formula, an error …): such a cell is never written. */
function occupied(snapshots: SheetSnapshot[] | undefined, cell: CellRef | undefined): string | undefined {
  if (!snapshots || !cell) return undefined;
  const s = snapshots.find((x) => x.name === cell.sheet);
  if (!s) return undefined;
  const { row, col } = parseA1(cell.address);
  const formula = formulaAt(s, row, col);
  if (formula) return formula;
  const v = valueAt(s, row, col);
  if (v === null || (typeof v === 'string' && !v.trim())) return undefined;
  return isCellError(v) ? v.error : String(v);
}

/**
 * The year last year's report states: its 补充信息 决算年度, else the year most often
 * written as "2020年度" / "2020年" in the first rows of its sheets (titles, 部门 lines).
 */
export function reportYear(snapshots: SheetSnapshot[]): number | undefined {
  const typed = readInputs(snapshots).values.year?.value;
  if (typeof typed === 'number' && typed > 1900) return Math.round(typed);
  const counts = new Map<number, number>();
  for (const s of snapshots) {
    for (const row of s.values.slice(0, 6)) {
      for (const v of row) {
        if (typeof v !== 'string') continue;
        const re = /(20\d\d)\s*年(?!\s*\d{1,2}\s*月)/g;
        for (let m = re.exec(v); m; m = re.exec(v)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
      }
    }
  }
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

/**
 * What importing last year's report would do to the 补充信息 sheet (pure). With the
 * workbook's snapshots, a cell holding anything that does not read as a number (text,
 * "-", an error value) counts as typed: listed as different, never written.
 */
export function planLastYearImport(current: { model: WorkbookModel; inputs: Inputs; snapshots?: SheetSnapshot[] }, last: LastYearSource): LastYearImport {
  const { model: lastModel, figures: lastYear } = readLastYear(last, current.model);
  const noTables = last.snapshots.length ? noTablesMessage(lastModel) : undefined;
  if (noTables) lastYear.problems.unshift({ message: `上年报表${last.name ? `“${last.name}”` : ''}：${noTables}`, cells: [] });
  const thisYear = current.inputs.values.year?.value;
  const lastYearNo = last.snapshots.length ? reportYear(last.snapshots) : undefined;
  if (typeof thisYear === 'number' && lastYearNo !== undefined && lastYearNo !== Math.round(thisYear) - 1) {
    lastYear.problems.unshift({
      message: `上年报表${last.name ? `“${last.name}”` : ''}标明的是${lastYearNo}年度，本年“补充信息”的决算年度为${Math.round(thisYear)}，上年应为${Math.round(thisYear) - 1}年度，请确认是否选对了文件。`,
      cells: [],
    });
  }
  const fill: PriorFill[] = [];
  const same: PriorFill[] = [];
  const differ: PriorDifference[] = [];
  const missing: LastYearImport['missing'] = [];
  const byKey = new Map<InputKey, PriorFigure>();
  for (const f of lastYear.figures) if (f.key && !byKey.has(f.key)) byKey.set(f.key, f);
  for (const key of PRIOR_KEYS) {
    const figure = byKey.get(key);
    const label = labelOf(key);
    if (!figure) {
      missing.push({ key, label });
      continue;
    }
    const typed: InputValue | undefined = current.inputs.values[key];
    const item: PriorFill = { key, label, value: figure.value, figure, source: describeOrigin(figure, last.name), cell: typed?.cell };
    const raw = typed?.blank ? occupied(current.snapshots, typed.cell) : undefined;
    if (raw !== undefined) differ.push({ ...item, typed: Number.NaN, typedText: raw });
    else if (!typed || typed.blank || typed.value === null) fill.push(item);
    else if (typeof typed.value === 'number' && roundHalfAway(typed.value) === roundHalfAway(figure.value)) same.push(item);
    else differ.push({ ...item, typed: typeof typed.value === 'number' ? typed.value : Number.NaN });
  }
  const others = lastYear.figures.filter((f) => !f.key);
  return { lastYear, fill, same, differ, missing, others, sheetFound: current.inputs.found };
}

/**
 * The inputs with every blank 上年 field filled from last year's report (typed values
 * win). The filled values name last year's cells ("[上年.xlsx]公开01表!C35") or
 * 取自上年情况说明, so a draft or a check says where they come from.
 */
export function withLastYear(inputs: Inputs, plan: LastYearImport, book?: string): Inputs {
  const values = { ...inputs.values };
  for (const f of plan.fill) {
    const value: InputValue = { value: f.value, blank: false, cell: originCells(f.figure.origin, book)[0] };
    values[f.key] = value;
  }
  return { ...inputs, values };
}

export interface ImportLastYearOptions {
  /** Write the fills into 补充信息 (one batch). Default false: only plan. */
  write?: boolean;
  /** Sheets of this workbook that hold last year's tables (pasted in): left out of this year's model. */
  excludeSheets?: string[];
}

export interface ImportLastYearResult extends LastYearImport {
  /** Cells written (empty when not writing or nothing to fill). */
  written: CellRef[];
  /** Whether the 补充信息 sheet was created. */
  createdSheet: boolean;
}

/**
 * 导入上年报表 into this workbook: one readSheets; with `write`, one apply that fills the
 * blank 上年 fields of 补充信息 (creating the sheet when there is none). Typed values are
 * never overwritten.
 */
export async function importLastYear(host: WorkbookHost, last: LastYearSource, options: ImportLastYearOptions = {}): Promise<ImportLastYearResult> {
  const exclude = new Set(options.excludeSheets ?? []);
  const snapshots = (await host.readSheets()).filter((s) => !exclude.has(s.name));
  const model = readWorkbook(snapshots);
  const inputs = readInputs(snapshots);
  const plan = planLastYearImport({ model, inputs, snapshots }, last);
  if (!options.write || !plan.fill.length) return { ...plan, written: [], createdSheet: false };
  const writes = inputWritePlan(
    snapshots,
    plan.fill.map((f) => ({ key: f.key, value: f.value })),
  );
  await host.apply(writes.batch);
  const at = new Map(writes.cells.map((c) => [c.key, c.cell]));
  const fill = plan.fill.map((f) => ({ ...f, cell: at.get(f.key) ?? f.cell }));
  return { ...plan, fill, written: writes.cells.map((c) => c.cell), createdSheet: writes.createsSheet };
}

/** This workbook's model and inputs with last year's report filled in (read once). */
async function readWithLastYear(host: WorkbookHost, last: LastYearSource): Promise<{ model: WorkbookModel; inputs: Inputs; plan: LastYearImport }> {
  const snapshots = await host.readSheets();
  const model = readWorkbook(snapshots);
  const read = readInputs(snapshots);
  const plan = planLastYearImport({ model, inputs: read, snapshots }, last);
  return { model, inputs: withLastYear(read.found ? read : { ...emptyInputs(), values: read.values }, plan, last.name), plan };
}

/** 生成情况说明 with last year's report: the blank 上年 fields filled from it (nothing written). */
export async function draftWithLastYear(host: WorkbookHost, last: LastYearSource): Promise<{ draft: NarrativeDraft; figures: Figures; plan: LastYearImport }> {
  const { model, inputs, plan } = await readWithLastYear(host, last);
  const figures = computeFigures(model, inputs);
  const draft = draftFromFigures(figures, inputs, foundSheets(model));
  for (const p of model.problems) draft.todo.push(`读表：${p.message}`);
  return { draft, figures, plan };
}

/** 核对情况说明 with last year's report: the blank 上年 fields filled from it (nothing written). */
export async function verifyWithLastYear(
  host: WorkbookHost,
  text: string,
  last: LastYearSource,
  options: VerifyOptions = {},
): Promise<{ findings: TextFinding[]; plan: LastYearImport }> {
  const { model, inputs, plan } = await readWithLastYear(host, last);
  return { findings: verifyText(model, inputs, text, options), plan };
}

/** The plan as lines of Chinese text (CLI, logs). */
export function lastYearLines(plan: LastYearImport, options: { mode?: 'plan' | 'written' | 'used' } = {}): string[] {
  const mode = options.mode ?? 'plan';
  const out: string[] = [];
  const amount = (v: number) => `${roundHalfAway(v).toFixed(2)}万元`;
  const fmt = (f: PriorFigure) => (f.unit === 'count' ? `${f.value}${f.countUnit ?? ''}` : amount(f.value));
  if (plan.fill.length) {
    out.push(
      mode === 'used'
        ? `采用上年报表中的上年数 ${plan.fill.length} 项（“补充信息”中未填写；未写入工作簿）：`
        : `${mode === 'written' ? '已填入' : '将填入'}“补充信息”的上年数 ${plan.fill.length} 项：`,
    );
    for (const f of plan.fill) out.push(`  · ${f.label}：${amount(f.value)}（${f.source}）`);
  }
  if (plan.same.length) out.push(`已填写且与上年报表一致 ${plan.same.length} 项：${plan.same.map((f) => f.label).join('、')}`);
  if (plan.differ.length) {
    out.push(`已填写但与上年报表不同 ${plan.differ.length} 项（${mode === 'used' ? '采用所填' : '保留所填'}，请核对）：`);
    for (const d of plan.differ) {
      const typed = Number.isFinite(d.typed) ? amount(d.typed) : `“${d.typedText ?? '非数字'}”`;
      out.push(`  · ${d.label}：已填 ${typed}${d.cell ? `（${d.cell.sheet}!${d.cell.address}）` : ''}，上年报表为 ${amount(d.value)}（${d.source}）`);
    }
  }
  if (plan.missing.length) out.push(`上年报表中找不到、需手工填写 ${plan.missing.length} 项：${plan.missing.map((m) => m.label).join('、')}`);
  if (plan.others.length) {
    out.push(`其他上年数（补充信息表无对应栏目，仅供参考）${plan.others.length} 项：`);
    for (const f of plan.others) out.push(`  · ${f.label}：${fmt(f)}（${describeOrigin(f)}）`);
  }
  if (plan.lastYear.unmatched.length) {
    out.push(`未能对应的科目 ${plan.lastYear.unmatched.length} 个（未猜测）：`);
    for (const u of plan.lastYear.unmatched) out.push(`  · ${u.message}`);
  }
  for (const p of plan.lastYear.problems) out.push(`注意：${p.message}`);
  return out;
}
