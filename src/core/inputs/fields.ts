/**
 * The 补充信息 sheet's fields, as data: what the nine tables do not hold and the
 * narrative needs (last year's figures, budgets, reasons, counts, procurement,
 * assets, performance, staff). The template (template.ts) lays these out and the
 * reader (read.ts) finds them again by their label, never by address.
 *
 * kind:  'amount' 万元 with two decimals; 'count' a whole number; 'text' free text
 *        (reasons); 'year' the report year.
 * A blank amount or count is "not given" (the figure that needs it is left out and
 * the draft prompts for it), except where `defaultZero` says a blank means 0
 * (counts the template states plainly, e.g. 因公出国（境）团组0个).
 */
export type InputKind = 'amount' | 'count' | 'text' | 'year';

export interface InputField {
  key: InputKey;
  /** Label in column A, as the user sees it (unique on the sheet). */
  label: string;
  kind: InputKind;
  /** Measure word for counts (个, 人次, 辆, 台（套）, 人). */
  countUnit?: string;
  /** A blank cell reads as 0 (counts); otherwise a blank is "not given". */
  defaultZero?: boolean;
  /** Hint in column C. */
  note?: string;
}

export interface InputSection {
  title: string;
  fields: InputField[];
}

export type InputKey =
  | 'year'
  | 'unit'
  // 上年决算数
  | 'prior.summaryTotal'
  | 'prior.fiscalTotal'
  | 'prior.gpbTotal'
  | 'prior.threePublic.abroad'
  | 'prior.threePublic.carPurchase'
  | 'prior.threePublic.carOperation'
  | 'prior.threePublic.reception'
  | 'prior.operatingCost'
  // 三公 budget (fallback when 07 has no 预算数)
  | 'budget.threePublic.abroad'
  | 'budget.threePublic.carPurchase'
  | 'budget.threePublic.carOperation'
  | 'budget.threePublic.reception'
  // reasons
  | 'reason.summaryTotal'
  | 'reason.fiscalTotal'
  | 'reason.gpbTotal'
  | 'reason.threePublic.abroad.budget'
  | 'reason.threePublic.abroad.change'
  | 'reason.threePublic.car.budget'
  | 'reason.threePublic.car.change'
  | 'reason.threePublic.reception.budget'
  | 'reason.threePublic.reception.change'
  | 'reason.operatingCost'
  // counts
  | 'count.abroad.groups'
  | 'count.abroad.persons'
  | 'count.car.purchased'
  | 'count.car.fleet'
  | 'count.reception.batches'
  | 'count.reception.persons'
  // 机关运行经费, 一般性支出
  | 'operatingCost'
  | 'meeting'
  | 'training'
  // 政府采购
  | 'procurement.goods'
  | 'procurement.works'
  | 'procurement.services'
  | 'procurement.sme'
  | 'procurement.small'
  // 国有资产
  | 'assets.vehicles.leader'
  | 'assets.vehicles.confidential'
  | 'assets.vehicles.emergency'
  | 'assets.vehicles.enforcement'
  | 'assets.vehicles.special'
  | 'assets.vehicles.other'
  | 'assets.generalEquipment'
  | 'assets.specialEquipment'
  // 绩效
  | 'performance.gpb.count'
  | 'performance.gpb.amount'
  | 'performance.govFund.count'
  | 'performance.govFund.amount'
  | 'performance.stateCapital.count'
  | 'performance.stateCapital.amount'
  | 'performance.dept.count'
  | 'performance.text'
  // 人员
  | 'staff.authorized'
  | 'staff.actual'
  | 'staff.inService'
  | 'staff.retired'
  // 其他
  | 'other.text';

const amount = (key: InputKey, label: string, note?: string): InputField => ({ key, label, kind: 'amount', note });
const count = (key: InputKey, label: string, countUnit: string, note?: string): InputField => ({
  key,
  label,
  kind: 'count',
  countUnit,
  defaultZero: true,
  note,
});
const text = (key: InputKey, label: string, note?: string): InputField => ({ key, label, kind: 'text', note });

export const INPUT_SECTIONS: InputSection[] = [
  {
    title: '一、基本情况',
    fields: [
      { key: 'year', label: '决算年度', kind: 'year', note: '如 2021' },
      { key: 'unit', label: '单位名称', kind: 'text' },
    ],
  },
  {
    title: '二、上年决算数（万元）',
    fields: [
      amount('prior.summaryTotal', '上年收、支总计', '上年公开01表总计'),
      amount('prior.fiscalTotal', '上年财政拨款收、支总计', '上年公开04表总计'),
      amount('prior.gpbTotal', '上年一般公共预算财政拨款支出', '上年公开05表合计'),
      amount('prior.threePublic.abroad', '上年因公出国（境）费'),
      amount('prior.threePublic.carPurchase', '上年公务用车购置费'),
      amount('prior.threePublic.carOperation', '上年公务用车运行维护费'),
      amount('prior.threePublic.reception', '上年公务接待费'),
      amount('prior.operatingCost', '上年机关运行经费'),
    ],
  },
  {
    title: '三、“三公”经费预算数（万元，公开表中没有预算数时填写）',
    fields: [
      amount('budget.threePublic.abroad', '因公出国（境）费预算数'),
      amount('budget.threePublic.carPurchase', '公务用车购置费预算数'),
      amount('budget.threePublic.carOperation', '公务用车运行维护费预算数'),
      amount('budget.threePublic.reception', '公务接待费预算数'),
    ],
  },
  {
    title: '四、变动原因',
    fields: [
      text('reason.summaryTotal', '收、支总计增减变动的主要原因'),
      text('reason.fiscalTotal', '财政拨款收、支总计增减变动的主要原因'),
      text('reason.gpbTotal', '一般公共预算财政拨款支出增减变动的主要原因'),
      text('reason.threePublic.abroad.budget', '因公出国（境）费决算数与预算数差异的主要原因'),
      text('reason.threePublic.abroad.change', '因公出国（境）费与上年相比增减变动的主要原因'),
      text('reason.threePublic.car.budget', '公务用车购置及运行费决算数与预算数差异的主要原因'),
      text('reason.threePublic.car.change', '公务用车购置及运行费与上年相比增减变动的主要原因'),
      text('reason.threePublic.reception.budget', '公务接待费决算数与预算数差异的主要原因'),
      text('reason.threePublic.reception.change', '公务接待费与上年相比增减变动的主要原因'),
      text('reason.operatingCost', '机关运行经费增减变动的主要原因'),
    ],
  },
  {
    title: '五、“三公”经费相关数量',
    fields: [
      count('count.abroad.groups', '因公出国（境）团组数', '个'),
      count('count.abroad.persons', '因公出国（境）人次', '人次'),
      count('count.car.purchased', '本年购置（更新）公务用车数量', '辆'),
      count('count.car.fleet', '年末公务用车保有量', '辆'),
      count('count.reception.batches', '国内公务接待批次', '个'),
      count('count.reception.persons', '国内公务接待人次', '人次'),
    ],
  },
  {
    title: '六、机关运行经费与一般性支出（万元）',
    fields: [
      amount('operatingCost', '本年机关运行经费'),
      amount('meeting', '会议费', '不填时取公开06表“会议费”'),
      amount('training', '培训费', '不填时取公开06表“培训费”'),
    ],
  },
  {
    title: '七、政府采购（万元）',
    fields: [
      amount('procurement.goods', '政府采购货物支出'),
      amount('procurement.works', '政府采购工程支出'),
      amount('procurement.services', '政府采购服务支出'),
      amount('procurement.sme', '授予中小企业合同金额'),
      amount('procurement.small', '其中：授予小微企业合同金额'),
    ],
  },
  {
    title: '八、国有资产占用（年末数）',
    fields: [
      count('assets.vehicles.leader', '领导干部用车', '辆'),
      count('assets.vehicles.confidential', '机要通信用车', '辆'),
      count('assets.vehicles.emergency', '应急保障用车', '辆'),
      count('assets.vehicles.enforcement', '执法执勤用车', '辆'),
      count('assets.vehicles.special', '特种专业技术用车', '辆'),
      count('assets.vehicles.other', '其他用车', '辆'),
      count('assets.generalEquipment', '单位价值50万元以上通用设备', '台（套）'),
      count('assets.specialEquipment', '单位价值100万元以上专用设备', '台（套）'),
    ],
  },
  {
    title: '九、预算绩效管理',
    fields: [
      count('performance.gpb.count', '开展绩效自评的一般公共预算项目个数', '个'),
      amount('performance.gpb.amount', '一般公共预算项目自评涉及资金'),
      count('performance.govFund.count', '开展绩效自评的政府性基金预算项目个数', '个'),
      amount('performance.govFund.amount', '政府性基金预算项目自评涉及资金'),
      count('performance.stateCapital.count', '开展绩效自评的国有资本经营预算项目个数', '个'),
      amount('performance.stateCapital.amount', '国有资本经营预算项目自评涉及资金'),
      count('performance.dept.count', '开展部门评价的项目个数', '个'),
      text('performance.text', '绩效自评结果说明'),
    ],
  },
  {
    title: '十、人员情况',
    fields: [
      count('staff.authorized', '编制人数', '人'),
      count('staff.actual', '实有人数', '人'),
      count('staff.inService', '在职人员', '人'),
      count('staff.retired', '离退休人员', '人'),
    ],
  },
  {
    title: '十一、其他重要事项',
    fields: [text('other.text', '其他重要事项说明')],
  },
];

/** Title of the per-项 budget table (年初预算 by 项), laid out after the sections. */
export const BUDGET_TABLE_TITLE = '十二、一般公共预算财政拨款支出年初预算（按项，万元）';
/** Header texts of the per-项 budget table (the reader finds columns by these). */
export const BUDGET_TABLE_HEADERS = {
  code: '科目编码',
  name: '科目名称',
  budget: '年初预算数',
  reason: '决算数与年初预算数差异的主要原因',
} as const;

export const INPUT_SHEET_NAME = '补充信息';
export const INPUT_SHEET_TITLE = '补充信息（生成情况说明用）';

export const INPUT_FIELDS: InputField[] = INPUT_SECTIONS.flatMap((s) => s.fields);

export function inputField(key: InputKey): InputField {
  const f = INPUT_FIELDS.find((x) => x.key === key);
  if (!f) throw new Error(`unknown input field ${key}`);
  return f;
}
