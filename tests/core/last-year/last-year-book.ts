import { parseA1 } from '../../../src/core/cells';
import type { ColumnId, LineId, TableKey, TableModel } from '../../../src/core/model/tables';
import type { SheetSnapshot } from '../../../src/core/model/snapshot';
import type { SheetPlan } from '../../../src/core/plan/sheet-plan';
import { loadProfile, sheetNameOf } from '../../../src/core/profiles';
import type { SampleRow } from '../../../src/core/sample';
import { insertPlans } from '../../../src/core/workflows/insert-tables';
import { calculatingHost } from '../../support/hyperformula';

/**
 * A generated "last year" (2020) report of the seed's unit, in ANOTHER edition's layout:
 * the 2023 profile (三公 as 公开09表, 政府性基金 07, 国有资本经营 08, codes split 类·款·项,
 * no 行次, 06 in two groups), written by the product's own template and calculated by
 * HyperFormula, so every total is a real formula result.
 *
 * Its figures are the ones the seed's 2021 情况说明 implies (tests/fixtures/narratives):
 *   收、支总计 1764.99 (1474.07 + 290.92), 财政拨款收、支总计 and 一般公共预算财政拨款支出
 *   1528.44 (1406.53 + 121.91), 公务用车运行维护费 132.74 (92.51 + 40.23), other "三公" items 0.
 * And what changes between years and editions:
 *   - class 210 carries its pre-2018 name 医疗卫生与计划生育支出 (same code): paired by code;
 *   - 项 2019901 其他一般公共服务支出 became 2019999 this year: paired by name;
 *   - 项 2010350 事业运行 no longer exists this year: reported, counted in last year's total;
 *   - this year's 212 城乡社区支出 and 2010399 have no line last year: reported, not guessed.
 */

export const LAST_YEAR = 2020;
export const LAST_UNIT = '株洲市石峰区机关事务服务中心';

const GPB_ROWS: SampleRow[] = [
  { code: '201', name: '一般公共服务支出' },
  { code: '20103', name: '政府办公厅（室）及相关机构事务' },
  { code: '2010301', name: '行政运行', values: { basic: 340.12 } },
  { code: '2010302', name: '一般行政管理事务', values: { project: 770.0 } },
  { code: '2010350', name: '事业运行', values: { basic: 120.0 } },
  { code: '20199', name: '其他一般公共服务支出' },
  { code: '2019901', name: '其他一般公共服务支出', values: { project: 268.32 } },
  { code: '210', name: '医疗卫生与计划生育支出' },
  { code: '21004', name: '公共卫生' },
  { code: '2100410', name: '突发公共卫生事件应急处理', values: { project: 30.0 } },
];

const OTHER_ROWS: SampleRow[] = [
  { code: '229', name: '其他支出' },
  { code: '22999', name: '其他支出' },
  { code: '2299999', name: '其他支出', values: { project: 236.55 } },
];

const EXPENDITURE_ROWS: SampleRow[] = [...GPB_ROWS, ...OTHER_ROWS];

const INCOME_ROWS: SampleRow[] = [
  ...GPB_ROWS.map((r) => (r.values ? { ...r, values: { fiscal: Object.values(r.values)[0] } } : r)),
  ...OTHER_ROWS.map((r) => (r.values ? { ...r, values: { other: 236.55 } } : r)),
];

/** 06 款 items: 人员经费 330.00, 公用经费 130.12 (= 05 基本支出 460.12). */
const BASIC: Record<string, number> = {
  '30101': 150.0,
  '30102': 80.0,
  '30103': 60.0,
  '30108': 40.0,
  '30201': 20.0,
  '30211': 10.0,
  '30231': 100.12,
};

const THREE_PUBLIC: Record<'budget' | 'actual', Record<ColumnId, number>> = {
  budget: { abroad: 0, carPurchase: 0, carOperation: 140.0, reception: 0 },
  actual: { abroad: 0, carPurchase: 0, carOperation: 132.74, reception: 0 },
};

function typed(): Array<{ table: TableKey; line: LineId; col: ColumnId; value: number }> {
  const out: Array<{ table: TableKey; line: LineId; col: ColumnId; value: number }> = [];
  const rows: Array<[TableKey, SampleRow[]]> = [
    ['income', INCOME_ROWS],
    ['expenditure', EXPENDITURE_ROWS],
    ['gpbExpenditure', GPB_ROWS],
  ];
  for (const [table, list] of rows) for (const r of list) for (const [col, value] of Object.entries(r.values ?? {})) out.push({ table, line: r.code, col, value });
  for (const [line, value] of Object.entries(BASIC)) out.push({ table: 'gpbBasic', line, col: 'amount', value });
  for (const [line, cols] of Object.entries(THREE_PUBLIC)) for (const [col, value] of Object.entries(cols)) out.push({ table: 'threePublic', line, col, value });
  out.push({ table: 'summary', line: 'inc.gpb', col: 'amount', value: 1528.44 });
  return out;
}

function typeInto(plans: SheetPlan[], layouts: TableModel[]): void {
  for (const f of typed()) {
    const t = layouts.find((l) => l.key === f.table);
    const a = t?.lines.find((l) => l.id === f.line)?.values[f.col];
    if (!t || !a) throw new Error(`no cell for ${f.table} ${f.line} ${f.col}`);
    const plan = plans.find((p) => p.name === t.sheet)!;
    const { row, col } = parseA1(a.cell.address);
    const i = plan.cells.findIndex((c) => c.row === row && c.col === col);
    if (i >= 0 && plan.cells[i].formula) throw new Error(`formula cell ${t.sheet}!${a.cell.address}`);
    const cell = { row, col, value: f.value, style: 'amount' };
    if (i >= 0) plan.cells[i] = cell;
    else plan.cells.push(cell);
  }
}

/** Last year's workbook as sheet plans (2023 layout): the template's formulas, the figures typed. */
export function lastYearPlans(options: { sheetPrefix?: string } = {}): SheetPlan[] {
  const profile = loadProfile('2023');
  const keys = profile.tables.map((t) => t.key);
  const names: Partial<Record<TableKey, string>> = {};
  for (const t of profile.tables) names[t.key] = `${options.sheetPrefix ?? ''}${sheetNameOf(t)}`;
  const { builds, plans } = insertPlans(profile, keys, names, {
    unit: LAST_UNIT,
    year: LAST_YEAR,
    rows: { income: INCOME_ROWS, expenditure: EXPENDITURE_ROWS, gpbExpenditure: GPB_ROWS },
    empty: ['govFund', 'stateCapital'],
    links: true,
  });
  typeInto(
    plans,
    builds.map((b) => b.layout),
  );
  return plans;
}

/** Last year's workbook as the reader gets it: calculated sheet snapshots (2023 layout). */
export async function lastYearSnapshots(options: { sheetPrefix?: string } = {}): Promise<SheetSnapshot[]> {
  const host = calculatingHost();
  await host.apply({ create: lastYearPlans(options), update: [] });
  return host.readSheets();
}

/**
 * Last year's published 情况说明 (excerpt, the seed's wording): the figures the tables
 * do not hold — 机关运行经费 91.13 (2021's 56.70 + 34.43), 政府采购, vehicles, "三公" counts.
 */
export const LAST_YEAR_TEXT = `2020年度部门决算情况说明

七、一般公共预算财政拨款三公经费支出决算情况说明

（二）“三公”经费财政拨款支出决算具体情况说明

1、因公出国（境）费支出决算为0万元，全年安排因公出国（境）团组0个，累计0人次。

2、公务接待费支出决算为0万元，全年共接待来访团组0个、来宾0人次。

3、公务用车购置费及运行维护费支出决算为132.74万元，其中：公务用车购置费0万元，更新公务用车0辆。公务用车运行维护费132.74万元，截止2020年12月31日，我单位开支财政拨款的公务用车保有量为36辆。

十、关于机关运行经费支出说明

本部门2020年度机关运行经费支出91.13万元，比上年决算数增加3.20万元，增长3.64%，主要原因是公车平台运行费用增加。

十二、关于政府采购支出说明

本部门2020年度政府采购支出总额400.00万元，其中：政府采购货物支出300.00万元、政府采购工程支出100.00万元、政府采购服务支出0万元。

十三、关于国有资产占用情况说明

截至2020年12月31日，本单位共有车辆36辆，其中，领导干部用车1辆、机要通信用车1辆、应急保障用车33辆、执法执勤用车1辆、特种专业技术用车0辆、其他用车0辆。
`;
