import { strict as assert } from 'assert';
import { inputsFromValues } from '../../../../src/core/inputs';
import { draftFromModel, narrativeText, type NarrativeDraft } from '../../../../src/core/narrative/draft';
import { SECTION_IDS, type SectionId } from '../../../../src/core/narrative/patterns';
import { SEED_2021_INPUTS } from '../../../../src/core/sample/seed-2021-inputs';
import { seedModel } from '../../figures/seed-model';
import { readWorkbook } from '../../../../src/core/reader';
import { seedSnapshots } from '../../../fixtures/seed-2021';

const text = (d: NarrativeDraft, id: SectionId) => d.sections.find((s) => s.id === id)!.text;

/**
 * The seed (2021) drafted from its own tables and the inputs taken from its text.
 * Whole sections are compared. Where the published text is wrong, the draft states
 * the table: 项目支出 1138.54 (03's 合计 cell; the text's 1138.53 is no cell of any
 * table, and rule 21 wants the amount equal to its cell), 一般公共服务（类）1256.53 =
 * 89.34% (the text: 1406.53, 100%), "三公" completion 92.51 ÷ 95 = 97.38% (the text:
 * 124.13%), 公务用车 share 100.00% and 决算 92.51 (the text: 0% and 0万元), 公务用车
 * 决算数小于预算数 (the text: 大于), 培训费 0.44 from 06 (the text: 0).
 */
describe('narrative draft: the seed 2021', () => {
  const draft = draftFromModel(seedModel(), inputsFromValues(SEED_2021_INPUTS));

  it('has sections 一 … 十五 with the 2021 titles and nothing left to fill', () => {
    assert.deepEqual(
      draft.sections.map((s) => s.id),
      SECTION_IDS,
    );
    assert.equal(draft.sections[6].title, '一般公共预算财政拨款“三公”经费支出决算情况说明');
    assert.deepEqual(draft.todo, []);
    assert.equal(draft.edition, '2021');
    assert.doesNotMatch(narrativeText(draft), /【请填写/);
  });

  it('一 to 四', () => {
    assert.equal(text(draft, '一'), '2021年度收、支总计1474.07万元，与上年相比，减少290.92万元，下降16.48%，主要原因是按区委区政府要求增收节支，厉行节约，减少支出。');
    assert.equal(
      text(draft, '二'),
      '本年收入合计1474.07万元，其中：财政拨款收入1406.53万元，占95.42%；上级补助收入0.00万元，占0.00%；事业收入0.00万元，占0.00%；经营收入0.00万元，占0.00%；附属单位上缴收入0.00万元，占0.00%；其他收入67.54万元，占4.58%。',
    );
    assert.equal(
      text(draft, '三'),
      '本年支出合计1474.07万元，其中：基本支出335.54万元，占22.76%；项目支出1138.54万元，占77.24%；上缴上级支出0.00万元，占0.00%；经营支出0.00万元，占0.00%；对附属单位补助支出0.00万元，占0.00%。',
    );
    assert.equal(
      text(draft, '四'),
      '2021年度财政拨款收、支总计1406.53万元，与上年相比，减少121.91万元，下降7.98%，主要原因是按区委区政府要求增收节支，厉行节约，减少支出。',
    );
  });

  it('五: total, structure from 05 (89.34%), per-项 budgets with no rate over a zero budget', () => {
    assert.equal(
      text(draft, '五'),
      [
        '（一）一般公共预算财政拨款支出决算总体情况',
        '2021年度一般公共预算财政拨款支出1406.53万元，占本年支出合计1474.07万元的95.42%，与上年相比，减少121.91万元，下降7.98%，主要原因是按区委区政府要求增收节支，一般公共服务支出减少271.91万元，因疫情原因增加卫生健康支出100万元，城乡社区支出增加50万元。',
        '（二）一般公共预算财政拨款支出决算结构情况',
        '2021年度一般公共预算财政拨款支出1406.53万元，主要用于以下方面：一般公共服务（类）支出1256.53万元，占89.34%；卫生健康（类）支出100.00万元，占7.11%；城乡社区（类）支出50.00万元，占3.55%。',
        '（三）一般公共预算财政拨款支出决算具体情况',
        '2021年度一般公共预算财政拨款支出年初预算为917.49万元，支出决算为1406.53万元，完成年初预算的153.30%，其中：',
        '1、一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。',
        '年初预算为328.99万元，支出决算为335.54万元，完成年初预算的101.99%，决算数大于年初预算数的主要原因是：基本支出人员经费年初预算不足，年中调增预算6.55万元。',
        '2、一般公共服务（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）。',
        '年初预算为588.50万元，支出决算为634.31万元，完成年初预算的107.78%，决算数大于年初预算数的主要原因是：项目支出追加机关办公大楼和图书馆水电及物业管理经费等。',
        '3、一般公共服务（类）政府办公厅（室）及相关机构事务（款）其他政府办公厅（室）及相关机构事务支出（项）。',
        '年初预算为0.00万元，支出决算为282.16万元，年初预算为0，不计算完成率，决算数大于年初预算数的主要原因是：项目支出追加中央空调锅炉采购费用、大楼屋面防水、零星基建维修零星购置、机关文印中心费用，公车平台增加预算合计282.16万元。',
        '4、一般公共服务（类）其他一般公共服务支出（款）其他一般公共服务支出（项）。',
        '年初预算为0.00万元，支出决算为4.52万元，年初预算为0，不计算完成率，决算数大于年初预算数的主要原因是：项目支出后勤保障经费增加4.52万元。',
        '5、卫生健康（类）公共卫生（款）突发公共卫生事件应急处理（项）。',
        '年初预算为0.00万元，支出决算为100.00万元，年初预算为0，不计算完成率，决算数大于年初预算数的主要原因是：项目支出疫情防控专项经费增加100万元。',
        '6、城乡社区（类）城乡社区管理事务（款）其他城乡社区管理事务支出（项）。',
        '年初预算为0.00万元，支出决算为50.00万元，年初预算为0，不计算完成率，决算数大于年初预算数的主要原因是：项目支出政务服务平台及社区网格化管理和基层公共服务平台二期项目经费增加50万元。',
      ].join('\n'),
    );
  });

  it('六: 人员经费 and 公用经费 with their items that have money', () => {
    assert.equal(
      text(draft, '六'),
      '2021年度一般公共预算财政拨款基本支出335.54万元，其中：人员经费278.84万元，占基本支出的83.10%，主要包括基本工资、津贴补贴、奖金、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、公务员医疗补助缴费、住房公积金、医疗费、其他工资福利支出、生活补助、医疗费补助、奖励金、其他对个人和家庭的补助；公用经费56.70万元，占基本支出的16.90%，主要包括办公费、印刷费、邮电费、培训费、劳务费、工会经费、福利费、公务用车运行维护费、其他交通费用、其他商品和服务支出。',
    );
  });

  it('七: 97.38% (not 124.13%), 小于预算数, 公务用车 100.00% and 92.51万元', () => {
    assert.equal(
      text(draft, '七'),
      [
        '（一）“三公”经费支出决算总体情况说明',
        '2021年度一般公共预算财政拨款“三公”经费支出预算为95.00万元，支出决算为92.51万元，完成预算的97.38%，其中：',
        '因公出国（境）费支出预算为0.00万元，支出决算为0.00万元，决算数等于预算数，与上年持平。',
        '公务接待费支出预算为0.00万元，支出决算为0.00万元，决算数等于预算数，与上年持平。',
        '公务用车购置及运行费支出预算为95.00万元，支出决算为92.51万元，完成预算的97.38%，决算数小于预算数的主要原因是公车平台预算不足，增加了公车平台人员工资及相关费用，与上年相比，减少40.23万元，下降30.31%，主要原因是按区委区政府要求增收节支，公车平台运行及维护费用减少。',
        '（二）“三公”经费支出决算具体情况说明',
        '2021年度一般公共预算财政拨款“三公”经费支出决算92.51万元，其中：因公出国（境）费支出决算0.00万元，占0.00%；公务接待费支出决算0.00万元，占0.00%；公务用车购置及运行费支出决算92.51万元，占100.00%。具体情况如下：',
        '1、因公出国（境）费支出决算为0.00万元，全年安排因公出国（境）团组0个，累计0人次。',
        '2、公务接待费支出决算为0.00万元，全年共接待来访团组0个、来宾0人次。',
        '3、公务用车购置及运行费支出决算为92.51万元，其中：公务用车购置费0.00万元，购置（更新）公务用车0辆；公务用车运行费92.51万元，截至2021年12月31日，开支财政拨款的公务用车保有量为35辆。',
      ].join('\n'),
    );
  });

  it('八 to 十五', () => {
    assert.equal(text(draft, '八'), '2021年度本单位没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。');
    assert.equal(text(draft, '九'), '2021年度本单位没有使用国有资本经营预算财政拨款安排的支出。');
    assert.equal(text(draft, '十'), '本部门2021年度机关运行经费支出56.70万元，比上年决算数减少34.43万元，下降37.78%，主要原因是按区委区政府要求增收节支，厉行节约。');
    assert.equal(text(draft, '十一'), '2021年本部门开支会议费0.00万元，开支培训费0.44万元。');
    assert.equal(
      text(draft, '十二'),
      '本部门2021年度政府采购支出总额533.82万元，其中：政府采购货物支出483.82万元、政府采购工程支出50.00万元、政府采购服务支出0.00万元；授予中小企业合同金额532.13万元，占政府采购支出总额的99.68%，其中：授予小微企业合同金额532.13万元，占政府采购支出总额的99.68%。',
    );
    assert.equal(
      text(draft, '十三'),
      '截至2021年12月31日，本单位共有车辆36辆，其中：领导干部用车1辆、机要通信用车1辆、应急保障用车32辆、执法执勤用车1辆、特种专业技术用车1辆、其他用车0辆；单位价值50万元以上通用设备0台（套）；单位价值100万元以上专用设备1台（套）。',
    );
    assert.equal(
      text(draft, '十四'),
      [
        '根据预算绩效管理要求，本部门组织对2021年度一般公共预算项目支出开展绩效自评，共涉及项目6个，涉及资金1406.53万元。',
        '组织对4个项目开展了部门评价。',
        '从评价情况来看，有关项目立项程序完整、规范，预算执行及时、有效，绩效目标得到较好实现，绩效管理水平不断提高，绩效指标体系建设逐渐丰富和完善。',
      ].join('\n'),
    );
    assert.equal(text(draft, '十五'), '本单位没有独立网站，因此只在株洲市石峰区区政府门户网部门决算公开专栏中公开。');
  });

  it('none of the published text’s wrong figures appear', () => {
    const all = narrativeText(draft);
    for (const wrong of ['1138.53', '124.13', '30.17%', '占100%', '占0%']) assert.ok(!all.includes(wrong), wrong);
  });

  it('each section lists the figures it states, with their cells', () => {
    const s3 = draft.sections.find((s) => s.id === '三')!;
    const project = s3.figures.find((f) => f.figureId === 'expenditure.project')!;
    assert.deepEqual(project.cells, [{ sheet: '公开03表', address: 'E11' }]);
    const s7 = draft.sections.find((s) => s.id === '七')!;
    const completion = s7.figures.find((f) => f.figureId === 'threePublic.total.completion')!;
    assert.deepEqual(
      completion.cells.map((c) => c.address),
      ['G13', 'A13'],
    );
    const s1 = draft.sections.find((s) => s.id === '一')!;
    assert.deepEqual(
      s1.figures.map((f) => f.figureId),
      ['summary.total', 'summary.total.prior', 'summary.total.change', 'summary.total.changeRate'],
    );
    assert.ok(s1.figures[1].cells.every((c) => c.sheet === '补充信息'));
  });

  it('the reader’s model of the seed as published (tests/fixtures/seed-2021) drafts the same text', () => {
    const fromReader = draftFromModel(readWorkbook(seedSnapshots()), inputsFromValues(SEED_2021_INPUTS));
    assert.equal(narrativeText(fromReader), narrativeText(draft));
    assert.deepEqual(fromReader.todo, []);
  });
});
