import { modelTable, modelWorkbook, type LineSpec } from '../../../src/core/model/build';
import type { WorkbookModel } from '../../../src/core/model/tables';

/**
 * The seed report's tables (株洲市石峰区机关事务服务中心 2021,公开01–09) as a
 * WorkbookModel, figures copied from /work/shared/domain/000_68430ab860a868e4.txt.
 */
export function seedModel(): WorkbookModel {
  const l = (id: string, label: string, values: LineSpec['values']): LineSpec => ({ id, label, values });

  const summary = modelTable('summary', [
    l('inc.gpb', '一、一般公共预算财政拨款收入', { amount: 1406.53 }),
    l('inc.govFund', '二、政府性基金预算财政拨款收入', { amount: null }),
    l('inc.stateCapital', '三、国有资本经营预算财政拨款收入', { amount: null }),
    l('inc.superior', '四、上级补助收入', { amount: null }),
    l('inc.business', '五、事业收入', { amount: null }),
    l('inc.operating', '六、经营收入', { amount: null }),
    l('inc.affiliated', '七、附属单位上缴收入', { amount: null }),
    l('inc.other', '八、其他收入', { amount: 67.54 }),
    l('inc.total', '本年收入合计', { amount: 1474.07 }),
    l('inc.useNonFiscalBalance', '使用非财政拨款结余', { amount: null }),
    l('inc.opening', '年初结转和结余', { amount: null }),
    l('inc.grandTotal', '总计', { amount: 1474.07 }),
    { id: '201', label: '一、一般公共服务支出', side: 'expense', values: { 'exp.amount': 1256.53 } },
    { id: '210', label: '九、卫生健康支出', side: 'expense', values: { 'exp.amount': 100 } },
    { id: '212', label: '十一、城乡社区支出', side: 'expense', values: { 'exp.amount': 50 } },
    { id: '229', label: '二十三、其他支出', side: 'expense', values: { 'exp.amount': 67.54 } },
    { id: 'exp.total', label: '本年支出合计', values: { 'exp.amount': 1474.07 } },
    { id: 'exp.closing', label: '年末结转和结余', values: { 'exp.amount': null } },
    { id: 'exp.grandTotal', label: '总计', values: { 'exp.amount': 1474.07 } },
  ]);
  // In 01 both sides read as 'amount' in Line.values (the model's convention).
  for (const ln of summary.lines) {
    if (ln.values['exp.amount']) {
      ln.values.amount = ln.values['exp.amount'];
      delete ln.values['exp.amount'];
    }
  }

  const inc = (id: string, label: string, total: number, fiscal: number | null, other: number | null = null): LineSpec =>
    l(id, label, { total, fiscal, superior: null, business: null, operating: null, affiliated: null, other });
  const income = modelTable('income', [
    inc('total', '合计', 1474.07, 1406.53, 67.54),
    inc('201', '一般公共服务支出', 1256.53, 1256.53),
    inc('20103', '政府办公厅（室）及相关机构事务', 1252.01, 1252.01),
    inc('2010301', '行政运行', 335.54, 335.54),
    inc('2010302', '一般行政管理事务', 634.31, 634.31),
    inc('2010399', '其他政府办公厅（室）及相关机构事务支出', 282.16, 282.16),
    inc('20199', '其他一般公共服务支出', 4.52, 4.52),
    inc('2019999', '其他一般公共服务支出', 4.52, 4.52),
    inc('210', '卫生健康支出', 100, 100),
    inc('21004', '公共卫生', 100, 100),
    inc('2100410', '突发公共卫生事件应急处理', 100, 100),
    inc('212', '城乡社区支出', 50, 50),
    inc('21201', '城乡社区管理事务', 50, 50),
    inc('2120199', '其他城乡社区管理事务支出', 50, 50),
    inc('229', '其他支出', 67.54, null, 67.54),
    inc('22999', '其他支出', 67.54, null, 67.54),
    inc('2299999', '其他支出', 67.54, null, 67.54),
  ]);

  const exp = (id: string, label: string, total: number, basic: number | null, project: number | null): LineSpec =>
    l(id, label, { total, basic, project, toSuperior: null, operating: null, toAffiliated: null });
  const expenditure = modelTable('expenditure', [
    exp('total', '合计', 1474.07, 335.54, 1138.54),
    exp('201', '一般公共服务支出', 1256.53, 335.54, 920.99),
    exp('20103', '政府办公厅（室）及相关机构事务', 1252.01, 335.54, 916.47),
    exp('2010301', '行政运行', 335.54, 335.54, null),
    exp('2010302', '一般行政管理事务', 634.31, null, 634.31),
    exp('2010399', '其他政府办公厅（室）及相关机构事务支出', 282.16, null, 282.16),
    exp('20199', '其他一般公共服务支出', 4.52, null, 4.52),
    exp('2019999', '其他一般公共服务支出', 4.52, null, 4.52),
    exp('210', '卫生健康支出', 100, null, 100),
    exp('21004', '公共卫生', 100, null, 100),
    exp('2100410', '突发公共卫生事件应急处理', 100, null, 100),
    exp('212', '城乡社区支出', 50, null, 50),
    exp('21201', '城乡社区管理事务', 50, null, 50),
    exp('2120199', '其他城乡社区管理事务支出', 50, null, 50),
    exp('229', '其他支出', 67.54, null, 67.54),
    exp('22999', '其他支出', 67.54, null, 67.54),
    exp('2299999', '其他支出', 67.54, null, 67.54),
  ]);

  const fiscalSummary = modelTable('fiscalSummary', [
    l('inc.gpb', '一、一般公共预算财政拨款', { amount: 1406.53 }),
    l('inc.govFund', '二、政府性基金预算财政拨款', { amount: null }),
    l('inc.stateCapital', '三、国有资本经营预算财政拨款', { amount: null }),
    l('inc.total', '本年收入合计', { amount: 1406.53 }),
    l('inc.opening', '年初财政拨款结转和结余', { amount: null }),
    l('inc.grandTotal', '总计', { amount: 1406.53 }),
    { id: '201', label: '一、一般公共服务支出', side: 'expense', values: { total: 1256.53, gpb: 1256.53, govFund: null, stateCapital: null } },
    { id: '210', label: '九、卫生健康支出', side: 'expense', values: { total: 100, gpb: 100, govFund: null, stateCapital: null } },
    { id: '212', label: '十一、城乡社区支出', side: 'expense', values: { total: 50, gpb: 50, govFund: null, stateCapital: null } },
    { id: 'exp.total', label: '本年支出合计', values: { total: 1406.53, gpb: 1406.53, govFund: null, stateCapital: null } },
    { id: 'exp.closing', label: '年末财政拨款结转和结余', values: { total: null, gpb: null, govFund: null, stateCapital: null } },
    { id: 'exp.grandTotal', label: '总计', values: { total: 1406.53, gpb: 1406.53, govFund: null, stateCapital: null } },
  ]);

  const g = (id: string, label: string, total: number, basic: number | null, project: number | null): LineSpec =>
    l(id, label, { total, basic, project });
  const gpbExpenditure = modelTable('gpbExpenditure', [
    g('total', '合计', 1406.53, 335.54, 1070.99),
    g('201', '一般公共服务支出', 1256.53, 335.54, 920.99),
    g('20103', '政府办公厅(室)及相关机构事务', 1252.01, 335.54, 916.47),
    g('2010301', '行政运行', 335.54, 335.54, null),
    g('2010302', '一般行政管理事务', 634.31, null, 634.31),
    g('2010399', '其他政府办公厅(室)及相关机构事务支出', 282.16, null, 282.16),
    g('20199', '其他一般公共服务支出', 4.52, null, 4.52),
    g('2019999', '其他一般公共服务支出', 4.52, null, 4.52),
    g('210', '卫生健康支出', 100, null, 100),
    g('21004', '公共卫生', 100, null, 100),
    g('2100410', '突发公共卫生事件应急处理', 100, null, 100),
    g('212', '城乡社区支出', 50, null, 50),
    g('21201', '城乡社区管理事务', 50, null, 50),
    g('2120199', '其他城乡社区管理事务支出', 50, null, 50),
  ]);

  const e = (code: string, label: string, amount: number | null): LineSpec => ({ id: code, code, label, values: { amount } });
  const gpbBasic = modelTable('gpbBasic', [
    e('301', '工资福利支出', 248.39),
    e('30101', '基本工资', 73.5),
    e('30102', '津贴补贴', 41.74),
    e('30103', '奖金', 32.9),
    e('30106', '伙食补助费', null),
    e('30107', '绩效工资', null),
    e('30108', '机关事业单位基本养老保险缴费', 21.21),
    e('30109', '职业年金缴费', 0.77),
    e('30110', '职工基本医疗保险缴费', 6.35),
    e('30111', '公务员医疗补助缴费', 5.19),
    e('30112', '其他社会保障缴费', null),
    e('30113', '住房公积金', 29.71),
    e('30114', '医疗费', 6.62),
    e('30199', '其他工资福利支出', 30.4),
    e('303', '对个人和家庭的补助', 30.45),
    e('30301', '离休费', null),
    e('30302', '退休费', null),
    e('30305', '生活补助', 23.95),
    e('30307', '医疗费补助', 2.74),
    e('30309', '奖励金', 0.86),
    e('30399', '其他对个人和家庭的补助', 2.89),
    e('302', '商品和服务支出', 56.7),
    e('30201', '办公费', 5.71),
    e('30202', '印刷费', 1.5),
    e('30203', '咨询费', null),
    e('30207', '邮电费', 1.6),
    e('30211', '差旅费', null),
    e('30215', '会议费', null),
    e('30216', '培训费', 0.44),
    e('30217', '公务接待费', null),
    e('30226', '劳务费', 3.87),
    e('30228', '工会经费', 3.98),
    e('30229', '福利费', 1.61),
    e('30231', '公务用车运行维护费', 13.65),
    e('30239', '其他交通费用', 11.19),
    e('30299', '其他商品和服务支出', 13.15),
    e('307', '债务利息及费用支出', null),
    e('310', '资本性支出', null),
    e('399', '其他支出', null),
    { id: 'personnelTotal', label: '人员经费合计', values: { amount: 278.84 } },
    { id: 'publicTotal', label: '公用经费合计', values: { amount: 56.7 } },
  ]);

  const threePublic = modelTable('threePublic', [
    l('budget', '预算数', { total: 95, abroad: null, carTotal: 95, carPurchase: null, carOperation: 95, reception: null }),
    l('actual', '决算数', { total: 92.51, abroad: null, carTotal: 92.51, carPurchase: null, carOperation: 92.51, reception: null }),
  ]);

  const govFund = modelTable(
    'govFund',
    [l('total', '合计', { opening: null, income: null, total: null, basic: null, project: null, closing: null })],
    { notes: ['石峰区机关事务服务中心本年度没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。'] },
  );
  const stateCapital = modelTable('stateCapital', [l('total', '合计', { total: null, basic: null, project: null })], {
    notes: ['石峰区机关事务服务中心本年度没有国有资本经营预算财政拨款支出，故本表无数据。'],
  });

  const model = modelWorkbook(
    summary,
    income,
    expenditure,
    fiscalSummary,
    gpbExpenditure,
    gpbBasic,
    threePublic,
    govFund,
    stateCapital,
  );
  model.order = '2021';
  return model;
}
