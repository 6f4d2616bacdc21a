import type { InputSheetValues } from '../inputs/template';

/**
 * The seed report's (株洲市石峰区机关事务服务中心, 2021) 补充信息, taken from its own
 * 情况说明 so that the demo drafts a whole narrative:
 *   - last year's figures follow from the stated changes:
 *     收、支总计 1474.07, 减少290.92 → 1764.99; 财政拨款收、支总计 and 一般公共预算财政拨款支出
 *     1406.53, 减少121.91 → 1528.44; 公务用车 92.51, 减少40.23 → 132.74 (the seed's 30.17%
 *     does not follow from these; 40.23 ÷ 132.74 = 30.31%); 机关运行经费 56.70, 减少34.43 → 91.13;
 *     因公出国（境）费 and 公务接待费 0 (与上年相比增加0万元).
 *   - 年初预算 per 项 as stated (328.99, 588.50, 0, 0, 0, 0; sum 917.49), reasons quoted.
 *   - "三公" budget: 95 for 公务用车运行费 (also in 公开07表's 预算数, which takes precedence).
 *   - counts, vehicles, equipment, 政府采购 (532.13 = 483.82 + 50 + 0), 绩效 and staff as stated.
 *     The vehicle kinds the seed lists (1+1+32+1+1+0) add up to 36, not the 35 it states
 *     as the total; the kinds are kept as written, so the draft states 36.
 *   - 会议费 and 培训费 are left blank: the draft then takes them from 公开06表
 *     (培训费 0.44, where the seed's text says 0).
 */
export const SEED_2021_INPUTS: InputSheetValues = {
  values: {
    year: 2021,
    unit: '株洲市石峰区机关事务服务中心',
    'prior.summaryTotal': 1764.99,
    'prior.fiscalTotal': 1528.44,
    'prior.gpbTotal': 1528.44,
    'prior.threePublic.abroad': 0,
    'prior.threePublic.carPurchase': 0,
    'prior.threePublic.carOperation': 132.74,
    'prior.threePublic.reception': 0,
    'prior.operatingCost': 91.13,
    'budget.threePublic.abroad': 0,
    'budget.threePublic.carPurchase': 0,
    'budget.threePublic.carOperation': 95,
    'budget.threePublic.reception': 0,
    'reason.summaryTotal': '按区委区政府要求增收节支，厉行节约，减少支出',
    'reason.fiscalTotal': '按区委区政府要求增收节支，厉行节约，减少支出',
    'reason.gpbTotal': '按区委区政府要求增收节支，一般公共服务支出减少271.91万元，因疫情原因增加卫生健康支出100万元，城乡社区支出增加50万元',
    'reason.threePublic.car.budget': '公车平台预算不足，增加了公车平台人员工资及相关费用',
    'reason.threePublic.car.change': '按区委区政府要求增收节支，公车平台运行及维护费用减少',
    'reason.operatingCost': '按区委区政府要求增收节支，厉行节约',
    'count.abroad.groups': 0,
    'count.abroad.persons': 0,
    'count.car.purchased': 0,
    'count.car.fleet': 35,
    'count.reception.batches': 0,
    'count.reception.persons': 0,
    operatingCost: 56.7,
    'procurement.goods': 483.82,
    'procurement.works': 50,
    'procurement.services': 0,
    'procurement.sme': 532.13,
    'procurement.small': 532.13,
    'assets.vehicles.leader': 1,
    'assets.vehicles.confidential': 1,
    'assets.vehicles.emergency': 32,
    'assets.vehicles.enforcement': 1,
    'assets.vehicles.special': 1,
    'assets.vehicles.other': 0,
    'assets.generalEquipment': 0,
    'assets.specialEquipment': 1,
    'performance.gpb.count': 6,
    'performance.gpb.amount': 1406.53,
    'performance.govFund.count': 0,
    'performance.govFund.amount': 0,
    'performance.stateCapital.count': 0,
    'performance.stateCapital.amount': 0,
    'performance.dept.count': 4,
    'performance.text': '从评价情况来看，有关项目立项程序完整、规范，预算执行及时、有效，绩效目标得到较好实现，绩效管理水平不断提高，绩效指标体系建设逐渐丰富和完善。',
    'staff.authorized': 15,
    'staff.actual': 30,
    'staff.inService': 16,
    'staff.retired': 14,
    'other.text': '本单位没有独立网站，因此只在株洲市石峰区区政府门户网部门决算公开专栏中公开。',
  },
  budgets: [
    { code: '2010301', name: '行政运行', budget: 328.99, reason: '基本支出人员经费年初预算不足，年中调增预算6.55万元' },
    { code: '2010302', name: '一般行政管理事务', budget: 588.5, reason: '项目支出追加机关办公大楼和图书馆水电及物业管理经费等' },
    {
      code: '2010399',
      name: '其他政府办公厅（室）及相关机构事务支出',
      budget: 0,
      reason: '项目支出追加中央空调锅炉采购费用、大楼屋面防水、零星基建维修零星购置、机关文印中心费用，公车平台增加预算合计282.16万元',
    },
    { code: '2019999', name: '其他一般公共服务支出', budget: 0, reason: '项目支出后勤保障经费增加4.52万元' },
    { code: '2100410', name: '突发公共卫生事件应急处理', budget: 0, reason: '项目支出疫情防控专项经费增加100万元' },
    {
      code: '2120199',
      name: '其他城乡社区管理事务支出',
      budget: 0,
      reason: '项目支出政务服务平台及社区网格化管理和基层公共服务平台二期项目经费增加50万元',
    },
  ],
};
