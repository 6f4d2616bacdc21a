import type { FigureBase } from '../../figures/types';
import type { Topic } from './types';

/**
 * The words a 情况说明 names its figures with, as data: each pattern (matched against
 * the normalised text: half-width brackets, no quotes, no spaces) names a figure base
 * (see figures/types.ts), possibly depending on the section's topic
 * (基本支出 is 03's in 三, 05's in 六, 08's in 八).
 */
export interface SubjectPattern {
  re: RegExp;
  /** The base in any topic not listed in byTopic; omitted = only the topics listed. */
  base?: FigureBase;
  byTopic?: Partial<Record<Topic, FigureBase>>;
}

/** Topic of a section from its top-level heading; first match wins. */
export const TOPIC_PATTERNS: Array<[RegExp, Topic]> = [
  [/三公/, 'threePublic'],
  [/政府性基金/, 'govFund'],
  [/国有资本经营/, 'stateCapital'],
  [/机关运行经费/, 'operatingCost'],
  [/一般性支出|会议费|培训费/, 'general'],
  [/政府采购/, 'procurement'],
  [/国有资产|资产占用/, 'assets'],
  [/绩效/, 'performance'],
  [/基本支出/, 'basic'],
  [/财政拨款收入支出|财政拨款收支/, 'fiscal'],
  [/一般公共预算财政拨款支出|财政拨款支出/, 'gpb'],
  [/收入支出决算总体|收支决算总体|总体情况/, 'summary'],
  [/收入决算/, 'income'],
  [/支出决算/, 'expenditure'],
];

/** Amounts (万元). */
export const AMOUNT_SUBJECTS: SubjectPattern[] = [
  { re: /财政拨款收、?支总计/, base: 'fiscal.total' },
  { re: /收、?支总计|收入支出总计/, base: 'summary.total', byTopic: { fiscal: 'fiscal.total' } },
  { re: /财政拨款收入总计|财政拨款支出总计/, base: 'fiscal.total' },
  { re: /收入总计|支出总计/, base: 'summary.total', byTopic: { fiscal: 'fiscal.total' } },
  { re: /本年收入合计|收入合计|总收入|收入总额/, base: 'income.total' },
  { re: /财政拨款收入/, base: 'income.fiscal', byTopic: { govFund: 'govFund.income', stateCapital: 'stateCapital.income' } },
  { re: /政府性基金(?:预算)?(?:财政拨款)?收入/, base: 'govFund.income' },
  { re: /本年收入/, byTopic: { govFund: 'govFund.income', stateCapital: 'stateCapital.income', income: 'income.total', summary: 'income.total' } },
  { re: /本年支出/, byTopic: { expenditure: 'expenditure.total', summary: 'expenditure.total' } },
  { re: /上级补助收入/, base: 'income.superior' },
  { re: /事业收入/, base: 'income.business' },
  { re: /经营收入/, base: 'income.operating' },
  { re: /附属单位上缴收入/, base: 'income.affiliated' },
  { re: /其他收入/, base: 'income.other' },
  { re: /本年支出合计|支出合计|整体支出|总支出/, base: 'expenditure.total' },
  {
    re: /基本支出/,
    base: 'expenditure.basic',
    byTopic: { gpb: 'gpb.basic', basic: 'basic.total', govFund: 'govFund.basic', stateCapital: 'stateCapital.basic' },
  },
  { re: /(?:一般公共预算)?财政拨款基本支出/, base: 'basic.total', byTopic: { govFund: 'govFund.basic', stateCapital: 'stateCapital.basic' } },
  {
    re: /项目支出/,
    base: 'expenditure.project',
    byTopic: { gpb: 'gpb.project', govFund: 'govFund.project', stateCapital: 'stateCapital.project' },
  },
  { re: /一般公共预算(?:财政拨款)?项目支出/, base: 'gpb.project' },
  { re: /政府性基金(?:预算)?(?:财政拨款)?项目支出/, base: 'govFund.project' },
  { re: /国有资本经营(?:预算)?(?:财政拨款)?项目支出/, base: 'stateCapital.project' },
  { re: /上缴上级支出/, base: 'expenditure.toSuperior' },
  { re: /经营支出/, base: 'expenditure.operating' },
  { re: /对附属单位补助支出/, base: 'expenditure.toAffiliated' },
  {
    re: /(?:一般公共预算)?财政拨款支出|一般公共预算支出/,
    base: 'gpb.total',
    byTopic: { govFund: 'govFund.total', stateCapital: 'stateCapital.total' },
  },
  { re: /政府性基金(?:预算)?(?:财政拨款)?支出/, base: 'govFund.total' },
  { re: /国有资本经营(?:预算)?(?:财政拨款)?支出/, base: 'stateCapital.total' },
  { re: /支出/, byTopic: { govFund: 'govFund.total', stateCapital: 'stateCapital.total' } },
  { re: /年初结转和结余/, byTopic: { govFund: 'govFund.opening', stateCapital: 'stateCapital.opening' } },
  { re: /年末结转和结余/, byTopic: { govFund: 'govFund.closing', stateCapital: 'stateCapital.closing' } },
  { re: /人员经费/, base: 'basic.personnel' },
  { re: /公用经费/, base: 'basic.public' },
  { re: /三公经费(?:财政拨款)?(?:支出)?/, base: 'threePublic.total' },
  { re: /因公出国\(境\)(?:费用|费)?(?:支出)?/, base: 'threePublic.abroad' },
  { re: /公务接待费?(?:支出)?/, base: 'threePublic.reception' },
  { re: /公务用车购置(?:费)?及运行(?:维护|维修)?费?(?:支出)?/, base: 'threePublic.car' },
  { re: /公务用车购置费?/, base: 'threePublic.carPurchase' },
  { re: /公务用车运行(?:维护|维修)?费/, base: 'threePublic.carOperation' },
  { re: /机关运行经费/, base: 'operatingCost' },
  { re: /会议费/, base: 'meeting' },
  { re: /培训费/, base: 'training' },
  { re: /政府采购支出总额|政府采购总额|政府采购支出/, base: 'procurement.total' },
  { re: /(?:政府采购)?货物(?:支出)?/, byTopic: { procurement: 'procurement.goods' } },
  { re: /(?:政府采购)?工程(?:支出)?/, byTopic: { procurement: 'procurement.works' } },
  { re: /(?:政府采购)?服务(?:支出)?/, byTopic: { procurement: 'procurement.services' } },
  { re: /政府采购货物支出/, base: 'procurement.goods' },
  { re: /政府采购工程支出/, base: 'procurement.works' },
  { re: /政府采购服务支出/, base: 'procurement.services' },
  { re: /(?:授予)?中小企业(?:的)?(?:合同)?(?:金额)?/, base: 'procurement.sme' },
  { re: /(?:授予)?小微企业(?:的)?(?:合同)?(?:金额)?/, base: 'procurement.small' },
];

/** Counts: by the words before the number. */
export const COUNT_SUBJECTS: SubjectPattern[] = [
  { re: /车辆(?:总数)?/, base: 'assets.vehicles' },
  { re: /领导干部用车/, base: 'assets.vehicles.leader' },
  { re: /机要通信用车/, base: 'assets.vehicles.confidential' },
  { re: /应急保障用车/, base: 'assets.vehicles.emergency' },
  { re: /执法执勤用车/, base: 'assets.vehicles.enforcement' },
  { re: /特种专业技术用车/, base: 'assets.vehicles.special' },
  { re: /其他用车/, base: 'assets.vehicles.other' },
  { re: /公务用车保有量|保有量/, base: 'threePublic.car.fleet' },
  { re: /(?:更新|购置)(?:\(更新\))?公务用车/, base: 'threePublic.car.purchased' },
  { re: /通用设备/, base: 'assets.generalEquipment' },
  { re: /专用设备/, base: 'assets.specialEquipment' },
  { re: /在职人员|在职职工|在职/, base: 'staff.inService' },
  { re: /离退休人员|退休人员/, base: 'staff.retired' },
  { re: /编制(?:人数)?/, base: 'staff.authorized' },
  { re: /实有人数|实有人员/, base: 'staff.actual' },
  { re: /接待[^，。；]*?(?:团组|批次)|接待批次/, base: 'threePublic.reception.batches' },
  { re: /来宾|接待[^，。；]*?人次/, base: 'threePublic.reception.persons' },
  { re: /出国\(境\)团组|团组/, base: 'threePublic.abroad.groups' },
  { re: /人次/, base: 'threePublic.abroad.persons' },
  { re: /(?:共)?涉及(?:一般公共预算)?项目/, byTopic: { performance: 'performance.gpb.count' } },
];

/** Counts named after the number ("0个政府性基金预算项目"). */
export const COUNT_SUFFIXES: Array<[RegExp, FigureBase]> = [
  [/^一般公共预算项目/, 'performance.gpb.count'],
  [/^政府性基金预算项目/, 'performance.govFund.count'],
  [/^国有资本经营预算项目/, 'performance.stateCapital.count'],
  [/^项目开展了?部门评价/, 'performance.dept.count'],
];

/** Words that say up / down / level, and their direction. */
export const DIRECTION_WORDS: Record<string, 1 | 0 | -1> = {
  增加: 1,
  增长: 1,
  上升: 1,
  提高: 1,
  多: 1,
  减少: -1,
  下降: -1,
  降低: -1,
  节约: -1,
  节省: -1,
  少: -1,
  持平: 0,
};

export const COMPARISON_WORDS: Record<string, 1 | 0 | -1> = {
  大于: 1,
  高于: 1,
  超过: 1,
  多于: 1,
  小于: -1,
  低于: -1,
  少于: -1,
  等于: 0,
  持平: 0,
};

/** Template leftovers (docs/domain/rules.md 25): both alternatives of a choice, and placeholders. */
export const LEFTOVER_PATTERNS: RegExp[] = [
  /(?:增加|减少|增长|下降|上升|降低|大于|小于|等于|高于|低于)\((?:增加|减少|增长|下降|上升|降低|大于|小于|等于|高于|低于|持平)\)/g,
  /(?:增加|增长|上升|大于|高于)\/(?:减少|下降|降低|小于|低于)|(?:减少|下降|小于|低于)\/(?:增加|增长|上升|大于|高于)/g,
  /X{2,}|x{2,}|×{2,}|\*{2,}|＊{2,}|○{2,}|□+/g,
  /\[\]|〔〕|\(\)|【】|\{\}/g,
];

/** Where an explanation (原因) starts and stops within a sentence. */
export const REASON_START = /(?:主要)?原因(?:是|为|在于|：)|主要是因为|主要是由于|是因为|这是由于/g;
export const REASON_END = /与上年相比|与上年比|比上年|较上年|同比|；/g;
