import { parseA1 } from '../cells';
import type { ColumnId, LineId, TableKey, TableModel } from '../model/tables';
import type { SheetPlan, WriteBatch } from '../plan/sheet-plan';
import { loadProfile, sheetNameOf } from '../profiles';
import type { RowInput } from '../template';
import { insertPlans } from '../workflows/insert-tables';
import type { WorkbookHost } from '../host';

/**
 * The seed sample: the 2021 report of 株洲市石峰区机关事务服务中心
 * (its tables verbatim in tests/fixtures/seed-2021/), INPUT figures only — the 项 rows of
 * 02/03/05, the one 01 income row no other table gives (一般公共预算财政拨款收入),
 * the 06 款 items, the 07 budget and actual items. Every total, subtotal and the
 * 01/04 cells linked to the detail tables are left to the formulas.
 */

export const SEED_2021_UNIT = '株洲市石峰区机关事务服务中心';
export const SEED_2021_YEAR = 2021;
export const SEED_2021_PROFILE = '2021';

export interface SampleRow extends RowInput {
  /** Typed figures of a 项 row (类/款 rows have none: formulas). */
  values?: Record<ColumnId, number>;
}

const OFFICE = '政府办公厅（室）及相关机构事务';

export const SEED_2021_INCOME: SampleRow[] = [
  { code: '201', name: '一般公共服务支出' },
  { code: '20103', name: OFFICE },
  { code: '2010301', name: '行政运行', values: { fiscal: 335.54 } },
  { code: '2010302', name: '一般行政管理事务', values: { fiscal: 634.31 } },
  { code: '2010399', name: '其他政府办公厅（室）及相关机构事务支出', values: { fiscal: 282.16 } },
  { code: '20199', name: '其他一般公共服务支出' },
  { code: '2019999', name: '其他一般公共服务支出', values: { fiscal: 4.52 } },
  { code: '210', name: '卫生健康支出' },
  { code: '21004', name: '公共卫生' },
  { code: '2100410', name: '突发公共卫生事件应急处理', values: { fiscal: 100.0 } },
  { code: '212', name: '城乡社区支出' },
  { code: '21201', name: '城乡社区管理事务' },
  { code: '2120199', name: '其他城乡社区管理事务支出', values: { fiscal: 50.0 } },
  { code: '229', name: '其他支出' },
  { code: '22999', name: '其他支出' },
  { code: '2299999', name: '其他支出', values: { other: 67.54 } },
];

export const SEED_2021_EXPENDITURE: SampleRow[] = [
  { code: '201', name: '一般公共服务支出' },
  { code: '20103', name: OFFICE },
  { code: '2010301', name: '行政运行', values: { basic: 335.54 } },
  { code: '2010302', name: '一般行政管理事务', values: { project: 634.31 } },
  { code: '2010399', name: '其他政府办公厅（室）及相关机构事务支出', values: { project: 282.16 } },
  { code: '20199', name: '其他一般公共服务支出' },
  { code: '2019999', name: '其他一般公共服务支出', values: { project: 4.52 } },
  { code: '210', name: '卫生健康支出' },
  { code: '21004', name: '公共卫生' },
  { code: '2100410', name: '突发公共卫生事件应急处理', values: { project: 100.0 } },
  { code: '212', name: '城乡社区支出' },
  { code: '21201', name: '城乡社区管理事务' },
  { code: '2120199', name: '其他城乡社区管理事务支出', values: { project: 50.0 } },
  { code: '229', name: '其他支出' },
  { code: '22999', name: '其他支出' },
  { code: '2299999', name: '其他支出', values: { project: 67.54 } },
];

/** 05 as published (its names use half-width brackets: 政府办公厅(室)…). */
export const SEED_2021_GPB_EXPENDITURE: SampleRow[] = [
  { code: '201', name: '一般公共服务支出' },
  { code: '20103', name: '政府办公厅(室)及相关机构事务' },
  { code: '2010301', name: '行政运行', values: { basic: 335.54 } },
  { code: '2010302', name: '一般行政管理事务', values: { project: 634.31 } },
  { code: '2010399', name: '其他政府办公厅(室)及相关机构事务支出', values: { project: 282.16 } },
  { code: '20199', name: '其他一般公共服务支出' },
  { code: '2019999', name: '其他一般公共服务支出', values: { project: 4.52 } },
  { code: '210', name: '卫生健康支出' },
  { code: '21004', name: '公共卫生' },
  { code: '2100410', name: '突发公共卫生事件应急处理', values: { project: 100.0 } },
  { code: '212', name: '城乡社区支出' },
  { code: '21201', name: '城乡社区管理事务' },
  { code: '2120199', name: '其他城乡社区管理事务支出', values: { project: 50.0 } },
];

/** 06 款 items (决算数); the 类 rows 301/302/303 and the footers are formulas. */
export const SEED_2021_GPB_BASIC: Record<string, number> = {
  '30101': 73.5,
  '30102': 41.74,
  '30103': 32.9,
  '30108': 21.21,
  '30109': 0.77,
  '30110': 6.35,
  '30111': 5.19,
  '30113': 29.71,
  '30114': 6.62,
  '30199': 30.4,
  '30201': 5.71,
  '30202': 1.5,
  '30207': 1.6,
  '30216': 0.44,
  '30226': 3.87,
  '30228': 3.98,
  '30229': 1.61,
  '30231': 13.65,
  '30239': 11.19,
  '30299': 13.15,
  '30305': 23.95,
  '30307': 2.74,
  '30309': 0.86,
  '30399': 2.89,
};

/** 07 items; 合计 and 小计 are formulas. */
export const SEED_2021_THREE_PUBLIC: Record<'budget' | 'actual', Record<ColumnId, number>> = {
  budget: { abroad: 0, carPurchase: 0, carOperation: 95.0, reception: 0 },
  actual: { abroad: 0, carPurchase: 0, carOperation: 92.51, reception: 0 },
};

/**
 * 01/04 cells no other table gives. 01 rows 4–8 come from 02, its class rows from 03,
 * 04 rows 1–3 from 01 and its columns from 05/08/09 — by formula links.
 */
export const SEED_2021_SUMMARY: Partial<Record<TableKey, Record<LineId, Record<ColumnId, number>>>> = {
  summary: { 'inc.gpb': { amount: 1406.53 } },
};

/** The tables without money in 2021 (they carry the 无数据 note). */
export const SEED_2021_EMPTY: TableKey[] = ['govFund', 'stateCapital'];

export const SEED_2021_ROWS: Partial<Record<TableKey, SampleRow[]>> = {
  income: SEED_2021_INCOME,
  expenditure: SEED_2021_EXPENDITURE,
  gpbExpenditure: SEED_2021_GPB_EXPENDITURE,
};

/** The typed figures as (table, line, column, value). */
export function seedFigures(): Array<{ table: TableKey; line: LineId; col: ColumnId; value: number }> {
  const out: Array<{ table: TableKey; line: LineId; col: ColumnId; value: number }> = [];
  for (const [table, rows] of Object.entries(SEED_2021_ROWS) as Array<[TableKey, SampleRow[]]>) {
    for (const r of rows) for (const [col, value] of Object.entries(r.values ?? {})) out.push({ table, line: r.code, col, value });
  }
  for (const [line, value] of Object.entries(SEED_2021_GPB_BASIC)) out.push({ table: 'gpbBasic', line, col: 'amount', value });
  for (const [line, cols] of Object.entries(SEED_2021_THREE_PUBLIC)) {
    for (const [col, value] of Object.entries(cols)) out.push({ table: 'threePublic', line, col, value });
  }
  for (const [table, lines] of Object.entries(SEED_2021_SUMMARY) as Array<[TableKey, Record<LineId, Record<ColumnId, number>>]>) {
    for (const [line, cols] of Object.entries(lines)) for (const [col, value] of Object.entries(cols)) out.push({ table, line, col, value });
  }
  return out;
}

/** Put the seed's figures into the plans of the sample tables (by their layouts). */
function typeFigures(plans: SheetPlan[], layouts: TableModel[]): void {
  for (const f of seedFigures()) {
    const t = layouts.find((l) => l.key === f.table);
    const a = t?.lines.find((l) => l.id === f.line)?.values[f.col];
    if (!t || !a) throw new Error(`样例数据找不到单元格：${f.table} ${f.line} ${f.col}`);
    const plan = plans.find((p) => p.name === t.sheet)!;
    const { row, col } = parseA1(a.cell.address);
    const i = plan.cells.findIndex((c) => c.row === row && c.col === col);
    if (i >= 0 && plan.cells[i].formula) throw new Error(`样例数据不应写入公式单元格：${t.sheet}!${a.cell.address}`);
    const cell = { row, col, value: f.value, style: 'amount' };
    if (i >= 0) plan.cells[i] = cell;
    else plan.cells.push(cell);
  }
}

/** The sample workbook as one batch of new sheets (profile 2021, the seed's unit and figures). */
export function sampleBatch(names: Partial<Record<TableKey, string>> = {}): { batch: WriteBatch; layouts: TableModel[] } {
  const profile = loadProfile(SEED_2021_PROFILE);
  const keys = profile.tables.map((t) => t.key);
  const allNames: Partial<Record<TableKey, string>> = {};
  for (const t of profile.tables) allNames[t.key] = names[t.key] ?? sheetNameOf(t);
  const { builds, plans } = insertPlans(profile, keys, allNames, {
    unit: SEED_2021_UNIT,
    year: SEED_2021_YEAR,
    rows: SEED_2021_ROWS,
    empty: SEED_2021_EMPTY,
    links: true,
  });
  const layouts = builds.map((b) => b.layout);
  typeFigures(plans, layouts);
  return { batch: { create: plans, update: [], activate: plans[0].name }, layouts };
}

/**
 * Insert the sample into a workbook: profile 2021 for 株洲市石峰区机关事务服务中心, year
 * 2021, with the seed's figures typed in. Existing sheets are never touched: a
 * clashing name gets a (2), (3)… suffix. One listSheets, one apply.
 */
export async function buildSampleWorkbook(host: WorkbookHost): Promise<{ sheets: Partial<Record<TableKey, string>>; layouts: TableModel[] }> {
  const profile = loadProfile(SEED_2021_PROFILE);
  const taken = new Set((await host.listSheets()).map((s) => s.name.toLowerCase()));
  const names: Partial<Record<TableKey, string>> = {};
  for (const t of profile.tables) {
    let name = sheetNameOf(t);
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${sheetNameOf(t)}(${i})`;
    taken.add(name.toLowerCase());
    names[t.key] = name;
  }
  const { batch, layouts } = sampleBatch(names);
  await host.apply(batch); // refuses (HostError, nothing written) when the structure is protected
  return { sheets: names, layouts };
}
