import type { CellRef } from '../cells';
import type { Edition } from '../editions/types';

/**
 * Figures: every quantity the 情况说明 states, computed from the table model and
 * the 补充信息 inputs, each with the cells it comes from. The narrative draft states
 * exactly these; the narrative verifier (issue #5) matches the numbers of a text
 * against them.
 *
 * ## Units and values
 * `value` is the full-precision result (not rounded). What a text states is
 * `stated(figure)` = value rounded half away from zero to two decimals (万元 and %),
 * or the whole number for counts. Percentages are in percent (95.42 means 95.42%).
 *
 * ## Figure ids
 * A base id names a quantity; suffixes name what is derived from it:
 *
 *   <base>              the amount (万元) or count
 *   <base>.share        share of the base's proper denominator, %  (basis says which)
 *   <base>.prior        last year's amount (from 补充信息), 万元
 *   <base>.change       this year − last year, 万元, signed
 *   <base>.changeRate   change ÷ last year × 100, %, signed; ABSENT when last year is 0
 *   <base>.budget       budget (年初预算 or 预算数), 万元
 *   <base>.budgetDiff   actual − budget, 万元, signed
 *   <base>.completion   actual ÷ budget × 100, %; ABSENT when the budget is 0
 *
 * A derived figure exists only when its inputs exist (no .prior → no .change).
 *
 * Bases (table cells in brackets):
 *   summary.total                  收、支总计 [01 总计]
 *   income.total                   本年收入合计 [02 合计, else 01]
 *   income.fiscal|superior|business|operating|affiliated|other
 *                                  财政拨款收入 … 其他收入 [02 合计 row]; .share ÷ income.total
 *   expenditure.total              本年支出合计 [03 合计, else 01]
 *   expenditure.basic|project|toSuperior|operating|toAffiliated
 *                                  基本支出 … 对附属单位补助支出 [03 合计 row]; .share ÷ expenditure.total
 *   fiscal.total                   财政拨款收、支总计 [04 总计]
 *   gpb.total                      一般公共预算财政拨款支出 [05 合计]; .share ÷ expenditure.total;
 *                                  .budget = Σ 年初预算 of the 项 (补充信息; only when every 项 with
 *                                  money has one); .completion
 *   gpb.basic, gpb.project         [05 合计 基本支出 / 项目支出]
 *   gpb.class.<code>               one per 类 with money [05]; .share ÷ gpb.total
 *   gpb.item.<code>                one per 项 with money or a budget [05]; .budget, .budgetDiff, .completion
 *   basic.total                    一般公共预算财政拨款基本支出 [05 合计 基本支出, else 06 人员+公用]
 *   basic.personnel, basic.public  人员经费, 公用经费 [06 合计 rows]; .share ÷ basic.total
 *   basic.econ.<code>              one per 06 line with money (类 and 款 codes)
 *   threePublic.total              "三公"经费 决算合计 [07 决算数 合计]; .budget [07 预算数 合计]
 *   threePublic.abroad|car|carPurchase|carOperation|reception
 *                                  items [07]; .share ÷ threePublic.total; .budget; .prior; …
 *   threePublic.abroad.groups|persons, threePublic.car.purchased|fleet,
 *   threePublic.reception.batches|persons   counts [补充信息]
 *   govFund.opening|income|total|basic|project|closing      [08 合计 row]
 *   stateCapital.total|basic|project (and opening|income|closing where the table has them) [09]
 *   operatingCost                  机关运行经费 [补充信息]; .prior, .change, .changeRate
 *   meeting, training              会议费, 培训费 [补充信息, else 06 30215 / 30216]
 *   procurement.total              政府采购支出总额 = goods + works + services [补充信息]
 *   procurement.goods|works|services
 *   procurement.sme, procurement.small      授予中小企业 / 其中小微企业; .share ÷ procurement.total
 *   assets.vehicles                车辆 total = Σ kinds; assets.vehicles.leader|confidential|
 *                                  emergency|enforcement|special|other; assets.generalEquipment,
 *                                  assets.specialEquipment (counts)
 *   performance.gpb.count|amount, performance.govFund.count|amount,
 *   performance.stateCapital.count|amount, performance.dept.count
 *   staff.authorized|actual|inService|retired
 */
export type FigureBase =
  | 'summary.total'
  | 'fiscal.total'
  | `income.${'total' | 'fiscal' | 'superior' | 'business' | 'operating' | 'affiliated' | 'other'}`
  | `expenditure.${'total' | 'basic' | 'project' | 'toSuperior' | 'operating' | 'toAffiliated'}`
  | `gpb.${'total' | 'basic' | 'project'}`
  | `gpb.class.${string}`
  | `gpb.item.${string}`
  | `basic.${'total' | 'personnel' | 'public'}`
  | `basic.econ.${string}`
  | `threePublic.${'total' | 'abroad' | 'car' | 'carPurchase' | 'carOperation' | 'reception'}`
  | `threePublic.${'abroad.groups' | 'abroad.persons' | 'car.purchased' | 'car.fleet' | 'reception.batches' | 'reception.persons'}`
  | `govFund.${'opening' | 'income' | 'total' | 'basic' | 'project' | 'closing'}`
  | `stateCapital.${'opening' | 'income' | 'total' | 'basic' | 'project' | 'closing'}`
  | 'operatingCost'
  | 'meeting'
  | 'training'
  | `procurement.${'total' | 'goods' | 'works' | 'services' | 'sme' | 'small'}`
  | 'assets.vehicles'
  | `assets.vehicles.${'leader' | 'confidential' | 'emergency' | 'enforcement' | 'special' | 'other'}`
  | `assets.${'generalEquipment' | 'specialEquipment'}`
  | `performance.${'gpb' | 'govFund' | 'stateCapital'}.${'count' | 'amount'}`
  | 'performance.dept.count'
  | `staff.${'authorized' | 'actual' | 'inService' | 'retired'}`;

/** What a derived figure is of its base (see the suffixes above). */
export type FigureSuffix = 'share' | 'prior' | 'change' | 'changeRate' | 'budget' | 'budgetDiff' | 'completion';

/** A figure id: a base, or a base with its suffix. Typed, so a misspelt id does not compile. */
export type FigureId = FigureBase | `${FigureBase}.${FigureSuffix}`;

const SUFFIX = /\.(?:share|prior|change|changeRate|budget|budgetDiff|completion)$/;

/** Whether an id names a base figure (an amount or count), not one derived from it. */
export function isFigureBase(id: FigureId): id is FigureBase {
  return !SUFFIX.test(id);
}

/** '万元' amounts, '%' shares and rates, 'count' whole numbers (see countUnit). */
export type FigureUnit = '万元' | '%' | 'count';

export type FigureKind = 'amount' | 'share' | 'prior' | 'change' | 'changeRate' | 'budget' | 'budgetDiff' | 'completion' | 'count';

export interface Figure {
  id: FigureId;
  /** What it is, in Chinese (for messages): '本年收入合计', '财政拨款收入占比' … */
  label: string;
  /** Full precision; see stated(). */
  value: number;
  unit: FigureUnit;
  /** Measure word for counts: 个, 人次, 辆, 台（套）, 人. */
  countUnit?: string;
  kind: FigureKind;
  /** Table cells the value comes from. */
  cells: CellRef[];
  /** 补充信息 cells the value comes from. */
  inputs: CellRef[];
  /** For shares, rates and completions: the figures divided. */
  basis?: { numerator: FigureId; denominator: FigureId };
  /** The base id for derived figures ('income.fiscal' for 'income.fiscal.share'). */
  base?: FigureBase;
}

export interface Figures {
  /** Every figure, in a stable order (the order the narrative states them). */
  readonly all: Figure[];
  /** Report year (补充信息 决算年度), when given. */
  readonly year?: number;
  /** The edition (src/core/editions) the figures are named and drafted in. */
  readonly edition: Edition;
  get(id: FigureId): Figure | undefined;
  has(id: FigureId): boolean;
  /** value of a figure, undefined when absent. */
  value(id: FigureId): number | undefined;
  /** Figures whose stated value equals `n` (compared at two decimals), optionally of one unit. */
  matching(n: number, unit?: FigureUnit): Figure[];
  /** All figures whose id starts with the prefix ('gpb.item.'). */
  withPrefix(prefix: string): Figure[];
}
