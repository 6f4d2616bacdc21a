import type { CellRef, RangeRect } from '../cells';

/**
 * The table model: what the reader makes of a sheet, and what rules, figures and
 * the narrative read. It names rows and columns by meaning, never by address, and
 * keeps the cell of every value so that each finding can point at it.
 *
 * Glossary (code name -> official name):
 *   summary        收入支出决算总表                         (2021: 公开01表)
 *   income         收入决算表                               (公开02表)
 *   expenditure    支出决算表                               (公开03表)
 *   fiscalSummary  财政拨款收入支出决算总表                  (公开04表)
 *   gpbExpenditure 一般公共预算财政拨款支出决算表            (公开05表)
 *   gpbBasic       一般公共预算财政拨款基本支出决算明细表    (公开06表)
 *   threePublic    （一般公共预算）财政拨款"三公"经费支出决算表 (2021: 07; 2023+: 09)
 *   govFund        政府性基金预算财政拨款收入支出决算表      (2021: 08; 2023+: 07)
 *   stateCapital   国有资本经营预算财政拨款（收入）支出决算表 (2021: 09; 2023+: 08)
 *   gpb = 一般公共预算 (general public budget); 类/款/项 = class/section/item.
 */
export type TableKey = 'summary' | 'income' | 'expenditure' | 'fiscalSummary' | 'gpbExpenditure' | 'gpbBasic' | 'threePublic' | 'govFund' | 'stateCapital';

export const TABLE_KEYS: TableKey[] = ['summary', 'income', 'expenditure', 'fiscalSummary', 'gpbExpenditure', 'gpbBasic', 'threePublic', 'govFund', 'stateCapital'];

/** Official names, for messages. */
export const TABLE_NAMES: Record<TableKey, string> = {
  summary: '收入支出决算总表',
  income: '收入决算表',
  expenditure: '支出决算表',
  fiscalSummary: '财政拨款收入支出决算总表',
  gpbExpenditure: '一般公共预算财政拨款支出决算表',
  gpbBasic: '一般公共预算财政拨款基本支出决算明细表',
  threePublic: '财政拨款"三公"经费支出决算表',
  govFund: '政府性基金预算财政拨款收入支出决算表',
  stateCapital: '国有资本经营预算财政拨款支出决算表',
};

/**
 * Column ids by table (a table read from a foreign layout may lack some):
 *   income (02):          total 本年收入合计, fiscal 财政拨款收入, superior 上级补助收入,
 *                         business 事业收入, operating 经营收入, affiliated 附属单位上缴收入, other 其他收入
 *   expenditure (03):     total 本年支出合计, basic 基本支出, project 项目支出, toSuperior 上缴上级支出,
 *                         operating 经营支出, toAffiliated 对附属单位补助支出
 *   gpbExpenditure (05):  total 小计/合计, basic, project
 *   govFund (08):         opening 年初结转和结余, income 本年收入, total 本年支出小计, basic, project,
 *                         closing 年末结转和结余
 *   stateCapital (09):    total 本年支出合计, basic, project
 *                         (Shanghai-style 收入支出 variant may add opening, income, closing as 08)
 *   summary (01):         amount (both sides)
 *   fiscalSummary (04):   income lines: amount; expense lines: total, gpb, govFund, stateCapital
 *   gpbBasic (06):        amount
 *   threePublic (07):     total 合计, abroad 因公出国（境）费, carTotal 公务用车购置及运行（维护）费 小计,
 *                         carPurchase 公务用车购置费, carOperation 公务用车运行（维护）费, reception 公务接待费
 */
export type ColumnId = string;

/**
 * Line ids:
 *   classified tables (02, 03, 05, 08, 09): 'total' for 合计, else the code ('201', '20103', '2010301').
 *   summary (01): income 'inc.gpb' 一般公共预算财政拨款收入, 'inc.govFund', 'inc.stateCapital',
 *     'inc.superior' 上级补助收入, 'inc.business' 事业收入, 'inc.operating' 经营收入,
 *     'inc.affiliated' 附属单位上缴收入, 'inc.other' 其他收入, 'inc.total' 本年收入合计,
 *     'inc.useNonFiscalBalance' 使用非财政拨款结余, 'inc.opening' 年初结转和结余, 'inc.grandTotal' 总计;
 *     expense: the class code ('201' ... '234'), 'exp.total' 本年支出合计, 'exp.balanceDistribution' 结余分配,
 *     'exp.closing' 年末结转和结余, 'exp.grandTotal' 总计.
 *   fiscalSummary (04): income 'inc.gpb', 'inc.govFund', 'inc.stateCapital', 'inc.total',
 *     'inc.opening' 年初财政拨款结转和结余, 'inc.opening.gpb', 'inc.opening.govFund',
 *     'inc.opening.stateCapital', 'inc.grandTotal'; expense: class codes, 'exp.total',
 *     'exp.closing' 年末财政拨款结转和结余 (by column, or split into 'exp.closing.gpb' ... rows), 'exp.grandTotal'.
 *   gpbBasic (06): economic codes ('301', '30101' ...), 'personnelTotal' 人员经费合计, 'publicTotal' 公用经费合计.
 *   threePublic (07): 'budget' 预算数, 'actual' 决算数.
 */
export type LineId = string;

/** One number read from a cell. */
export interface Amount {
  /** The number; 0 for a blank cell or "-", NaN when the cell is unusable (see issue). */
  value: number;
  /** True when the cell was empty, "-" or only spaces. */
  blank: boolean;
  /** Where it came from. */
  cell: CellRef;
  /**
   * Set when the cell does not hold a clean number: 'text' for words where a number
   * belongs, 'error' for #REF!, #DIV/0! and the like, 'numericText' for a number
   * stored as text ("1,474.07"), which is still read (value is set).
   */
  issue?: { kind: 'text' | 'error' | 'numericText' | 'uncomputed'; raw: string };
}

/** 类 (3 digits), 款 (5), 项 (7). */
export type CodeLevel = 'class' | 'section' | 'item';

export function codeLevel(code: string): CodeLevel | undefined {
  if (/^\d{3}$/.test(code)) return 'class';
  if (/^\d{5}$/.test(code)) return 'section';
  if (/^\d{7}$/.test(code)) return 'item';
  return undefined;
}

export interface Line {
  id: LineId;
  /** Functional (02/03/05/08/09, 01/04 class rows) or economic (06) code, when the line has one. */
  code?: string;
  level?: CodeLevel;
  /** The row label as written (trimmed). */
  label: string;
  /** For 01/04: which side of the two-sided table. */
  side?: 'income' | 'expense';
  /** 0-based sheet row of the line. */
  row: number;
  /** Values by column id. */
  values: Partial<Record<ColumnId, Amount>>;
}

export interface TableModel {
  key: TableKey;
  /** The 公开NN表 label's number as found ('01'...'09'), or the profile's number. */
  number?: string;
  /** The title as found on the sheet. */
  title: string;
  sheet: string;
  /** Where the table sits on its sheet (title to last data row). */
  range: RangeRect;
  /**
   * Sheet column index of every column id found (for formula builders and marks).
   * In 01 the two sides both use 'amount' in Line.values; here the income side's
   * column is 'amount' and the expense side's 'exp.amount'.
   */
  columns: Partial<Record<ColumnId, number>>;
  lines: Line[];
  /** Note texts found under the table (注：…, 本表无数据 notes). */
  notes: string[];
  /** The unit name (部门：…) when found. */
  unit?: string;
  /** The money unit when found ('万元' or '元'). */
  moneyUnit?: string;
}

/** Something the reader could not make sense of, reported to the user in Chinese. */
export interface ReadProblem {
  table?: TableKey;
  message: string;
  cells: CellRef[];
}

export interface WorkbookModel {
  tables: Partial<Record<TableKey, TableModel>>;
  /** Tables looked for and not found. */
  missing: TableKey[];
  problems: ReadProblem[];
  /**
   * The edition (src/core/editions) the workbook's tables follow, as far as their
   * 公开NN表 labels and titles tell; undefined when they tell nothing.
   */
  edition?: string;
  /** Names of the sheets the model was read from (for messages when nothing is found). */
  sheets?: string[];
}

/** Convenience lookups used by rules, figures and builders. */
export function line(t: TableModel | undefined, id: LineId): Line | undefined {
  return t?.lines.find((l) => l.id === id);
}

export function amount(t: TableModel | undefined, id: LineId, col: ColumnId): Amount | undefined {
  return line(t, id)?.values[col];
}
