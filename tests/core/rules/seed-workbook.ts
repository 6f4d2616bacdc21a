import { modelTable, modelWorkbook, type FigureSpec, type LineSpec } from '../../../src/core/model/build';
import type { ColumnId, TableKey, TableModel, WorkbookModel } from '../../../src/core/model/tables';

/**
 * The seed report's figures (株洲市石峰区机关事务服务中心, 2021, tests/fixtures/seed-2021/), copied
 * here as line specs and made fully consistent: the published tables carry three 0.01
 * slips (03 合计行项目支出 1,138.54 and so 本年支出合计 vs 基本+项目; 06 303 = 30.45 vs its
 * 款 30.44). Here 03 合计行项目支出 is 1,138.53 and 06 30399 is 2.90, so every rule passes
 * and each test plants exactly the slip it is about.
 */
export type Specs = Record<TableKey, LineSpec[]>;

const exp = (id: string, values: Record<ColumnId, FigureSpec>): LineSpec => ({ id, side: 'expense', values });
const inc = (id: string, values: Record<ColumnId, FigureSpec>): LineSpec => ({ id, side: 'income', values });

export function seedSpecs(): Specs {
  const fiscalExp = (total: FigureSpec, gpb: FigureSpec) => ({ total, gpb, govFund: null, stateCapital: null });
  return {
    summary: [
      inc('inc.gpb', { amount: 1406.53 }),
      inc('inc.govFund', { amount: null }),
      inc('inc.stateCapital', { amount: null }),
      inc('inc.superior', { amount: null }),
      inc('inc.business', { amount: null }),
      inc('inc.operating', { amount: null }),
      inc('inc.affiliated', { amount: null }),
      inc('inc.other', { amount: 67.54 }),
      inc('inc.total', { amount: 1474.07 }),
      inc('inc.useNonFiscalBalance', { amount: null }),
      inc('inc.opening', { amount: null }),
      inc('inc.grandTotal', { amount: 1474.07 }),
      exp('201', { amount: 1256.53 }),
      exp('202', { amount: null }),
      exp('208', { amount: null }),
      exp('210', { amount: 100 }),
      exp('212', { amount: 50 }),
      exp('229', { amount: 67.54 }),
      exp('exp.total', { amount: 1474.07 }),
      exp('exp.balanceDistribution', { amount: null }),
      exp('exp.closing', { amount: null }),
      exp('exp.grandTotal', { amount: 1474.07 }),
    ],
    income: [
      { id: 'total', values: { total: 1474.07, fiscal: 1406.53, superior: null, business: null, operating: null, affiliated: null, other: 67.54 } },
      { id: '201', values: { total: 1256.53, fiscal: 1256.53 } },
      { id: '20103', values: { total: 1252.01, fiscal: 1252.01 } },
      { id: '2010301', values: { total: 335.54, fiscal: 335.54 } },
      { id: '2010302', values: { total: 634.31, fiscal: 634.31 } },
      { id: '2010399', values: { total: 282.16, fiscal: 282.16 } },
      { id: '20199', values: { total: 4.52, fiscal: 4.52 } },
      { id: '2019999', values: { total: 4.52, fiscal: 4.52 } },
      { id: '210', values: { total: 100, fiscal: 100 } },
      { id: '21004', values: { total: 100, fiscal: 100 } },
      { id: '2100410', values: { total: 100, fiscal: 100 } },
      { id: '212', values: { total: 50, fiscal: 50 } },
      { id: '21201', values: { total: 50, fiscal: 50 } },
      { id: '2120199', values: { total: 50, fiscal: 50 } },
      { id: '229', values: { total: 67.54, other: 67.54 } },
      { id: '22999', values: { total: 67.54, other: 67.54 } },
      { id: '2299999', values: { total: 67.54, other: 67.54 } },
    ],
    expenditure: [
      { id: 'total', values: { total: 1474.07, basic: 335.54, project: 1138.53, toSuperior: null, operating: null, toAffiliated: null } },
      { id: '201', values: { total: 1256.53, basic: 335.54, project: 920.99 } },
      { id: '20103', values: { total: 1252.01, basic: 335.54, project: 916.47 } },
      { id: '2010301', values: { total: 335.54, basic: 335.54, project: null } },
      { id: '2010302', values: { total: 634.31, basic: null, project: 634.31 } },
      { id: '2010399', values: { total: 282.16, basic: null, project: 282.16 } },
      { id: '20199', values: { total: 4.52, basic: null, project: 4.52 } },
      { id: '2019999', values: { total: 4.52, basic: null, project: 4.52 } },
      { id: '210', values: { total: 100, basic: null, project: 100 } },
      { id: '21004', values: { total: 100, basic: null, project: 100 } },
      { id: '2100410', values: { total: 100, basic: null, project: 100 } },
      { id: '212', values: { total: 50, basic: null, project: 50 } },
      { id: '21201', values: { total: 50, basic: null, project: 50 } },
      { id: '2120199', values: { total: 50, basic: null, project: 50 } },
      { id: '229', values: { total: 67.54, basic: null, project: 67.54 } },
      { id: '22999', values: { total: 67.54, basic: null, project: 67.54 } },
      { id: '2299999', values: { total: 67.54, basic: null, project: 67.54 } },
    ],
    fiscalSummary: [
      inc('inc.gpb', { amount: 1406.53 }),
      inc('inc.govFund', { amount: null }),
      inc('inc.stateCapital', { amount: null }),
      inc('inc.total', { amount: 1406.53 }),
      inc('inc.opening', { amount: null }),
      inc('inc.opening.gpb', { amount: null }),
      inc('inc.opening.govFund', { amount: null }),
      inc('inc.opening.stateCapital', { amount: null }),
      inc('inc.grandTotal', { amount: 1406.53 }),
      exp('201', fiscalExp(1256.53, 1256.53)),
      exp('202', fiscalExp(null, null)),
      exp('210', fiscalExp(100, 100)),
      exp('212', fiscalExp(50, 50)),
      exp('exp.total', fiscalExp(1406.53, 1406.53)),
      exp('exp.closing', fiscalExp(null, null)),
      exp('exp.grandTotal', fiscalExp(1406.53, 1406.53)),
    ],
    gpbExpenditure: [
      { id: 'total', values: { total: 1406.53, basic: 335.54, project: 1070.99 } },
      { id: '201', values: { total: 1256.53, basic: 335.54, project: 920.99 } },
      { id: '20103', values: { total: 1252.01, basic: 335.54, project: 916.47 } },
      { id: '2010301', values: { total: 335.54, basic: 335.54, project: null } },
      { id: '2010302', values: { total: 634.31, basic: null, project: 634.31 } },
      { id: '2010399', values: { total: 282.16, basic: null, project: 282.16 } },
      { id: '20199', values: { total: 4.52, basic: null, project: 4.52 } },
      { id: '2019999', values: { total: 4.52, basic: null, project: 4.52 } },
      { id: '210', values: { total: 100, basic: null, project: 100 } },
      { id: '21004', values: { total: 100, basic: null, project: 100 } },
      { id: '2100410', values: { total: 100, basic: null, project: 100 } },
      { id: '212', values: { total: 50, basic: null, project: 50 } },
      { id: '21201', values: { total: 50, basic: null, project: 50 } },
      { id: '2120199', values: { total: 50, basic: null, project: 50 } },
    ],
    gpbBasic: [
      ...(
        [
          ['301', 248.39],
          ['30101', 73.5],
          ['30102', 41.74],
          ['30103', 32.9],
          ['30106', null],
          ['30107', null],
          ['30108', 21.21],
          ['30109', 0.77],
          ['30110', 6.35],
          ['30111', 5.19],
          ['30112', null],
          ['30113', 29.71],
          ['30114', 6.62],
          ['30199', 30.4],
          ['303', 30.45],
          ['30301', null],
          ['30302', null],
          ['30305', 23.95],
          ['30307', 2.74],
          ['30309', 0.86],
          ['30399', 2.9],
          ['302', 56.7],
          ['30201', 5.71],
          ['30202', 1.5],
          ['30207', 1.6],
          ['30211', null],
          ['30212', null],
          ['30216', 0.44],
          ['30217', null],
          ['30226', 3.87],
          ['30228', 3.98],
          ['30229', 1.61],
          ['30231', 13.65],
          ['30239', 11.19],
          ['30299', 13.15],
          ['307', null],
          ['30701', null],
          ['310', null],
          ['31002', null],
          ['31013', null],
          ['399', null],
          ['39999', null],
        ] as Array<[string, number | null]>
      ).map(([id, amount]): LineSpec => ({ id, values: { amount } })),
      { id: 'personnelTotal', label: '人员经费合计', values: { amount: 278.84 } },
      { id: 'publicTotal', label: '公用经费合计', values: { amount: 56.7 } },
    ],
    threePublic: [
      { id: 'budget', label: '预算数', values: { total: 95, abroad: null, carTotal: 95, carPurchase: null, carOperation: 95, reception: null } },
      { id: 'actual', label: '决算数', values: { total: 92.51, abroad: null, carTotal: 92.51, carPurchase: null, carOperation: 92.51, reception: null } },
    ],
    govFund: [{ id: 'total', values: { opening: null, income: null, total: null, basic: null, project: null, closing: null } }],
    stateCapital: [{ id: 'total', values: { total: null, basic: null, project: null } }],
  };
}

const NOTES: Partial<Record<TableKey, string[]>> = {
  govFund: [
    '注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况',
    '石峰区机关事务服务中心本年度没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。',
  ],
  stateCapital: ['注：本表反映部门本年度国有资本经营预算财政拨款支出情况。', '石峰区机关事务服务中心本年度没有国有资本经营预算财政拨款支出，故本表无数据。'],
};

/** Set one figure (adding the line or the value if absent). */
export function setFigure(specs: Specs, key: TableKey, id: string, col: ColumnId, value: FigureSpec): void {
  let l = specs[key].find((x) => x.id === id);
  if (!l) {
    l = { id, values: {} };
    specs[key].push(l);
  }
  l.values[col] = value;
}

export interface SeedOptions {
  /** Figures to change: [table, line id, column, value]. */
  set?: Array<[TableKey, string, ColumnId, FigureSpec]>;
  /** Tables to leave out (reported missing). */
  omit?: TableKey[];
  /** Replace a table's notes. */
  notes?: Partial<Record<TableKey, string[]>>;
  /** Table numbers as found (e.g. the 2023 order). */
  numbers?: Partial<Record<TableKey, string>>;
  edit?: (specs: Specs) => void;
}

export function seedTables(options: SeedOptions = {}): TableModel[] {
  const specs = seedSpecs();
  for (const [key, id, col, value] of options.set ?? []) setFigure(specs, key, id, col, value);
  options.edit?.(specs);
  return (Object.keys(specs) as TableKey[])
    .filter((k) => !options.omit?.includes(k))
    .map((k) => modelTable(k, specs[k], { notes: options.notes?.[k] ?? NOTES[k] ?? [], number: options.numbers?.[k] }));
}

export function seedWorkbook(options: SeedOptions = {}): WorkbookModel {
  return modelWorkbook(...seedTables(options));
}

/** "公开03表!E6": the cell of a figure in a model, for expected findings. */
export function cellOf(model: WorkbookModel, key: TableKey, id: string, col: ColumnId): string {
  const a = model.tables[key]?.lines.find((l) => l.id === id)?.values[col];
  if (!a) throw new Error(`no figure ${key} ${id} ${col}`);
  return `${a.cell.sheet}!${a.cell.address}`;
}

/** A cell finder bound to one model: at('expenditure', 'total', 'project') -> "公开03表!E6". */
export function cellsIn(model: WorkbookModel) {
  return (key: TableKey, id: string, col: ColumnId) => cellOf(model, key, id, col);
}
