import { strict as assert } from 'assert';
import { emptyInputs, inputsFromValues, type InputKey } from '../../../../src/core/inputs';
import { draftFromModel, type NarrativeDraft } from '../../../../src/core/narrative/draft';
import type { SectionId } from '../../../../src/core/narrative/patterns';
import { smallModel, type SmallSpec } from './small-model';

const text = (d: NarrativeDraft, id: SectionId) => d.sections.find((s) => s.id === id)!.text;

const BASE: SmallSpec = {
  items: { '2010301': ['行政运行', 80, 0], '2050201': ['小学教育', 0, 20.5] },
  personnel: { '30101': ['基本工资', 60] },
  public: { '30201': ['办公费', 20] },
  threePublic: { abroad: [0, 0], carPurchase: [0, 0], carOperation: [10, 12], reception: [2, 1] },
};

function draft(spec: Partial<SmallSpec>, values: Partial<Record<InputKey, number | string>>, budgets?: Parameters<typeof inputsFromValues>[0]['budgets']) {
  return draftFromModel(smallModel({ ...BASE, ...spec }), inputsFromValues({ values: { year: 2022, ...values }, budgets }));
}

describe('narrative draft: sign words, zero bases, missing inputs', () => {
  it('an increase over a zero prior year: no rate, and a prompt for the missing reason', () => {
    const d = draft({}, { 'prior.summaryTotal': 0 });
    assert.equal(text(d, '一'), '2022年度收、支总计100.50万元，与上年相比，增加100.50万元，上年为0，不计算增长率，主要原因是【请填写：主要原因】。');
    assert.ok(d.todo.includes('一、收入支出决算总体情况说明：请在补充信息表填写“收、支总计增减变动的主要原因”（补充信息!B22）'));
  });

  it('an increase and a decrease take 增加/增长 and 减少/下降; no change is 持平 and asks no reason', () => {
    const up = draft({}, { 'prior.summaryTotal': 80, 'reason.summaryTotal': '新增项目。' });
    assert.equal(text(up, '一'), '2022年度收、支总计100.50万元，与上年相比，增加20.50万元，增长25.63%，主要原因是新增项目。');
    const down = draft({}, { 'prior.fiscalTotal': 134, 'reason.fiscalTotal': '主要原因是压减支出' });
    assert.equal(text(down, '四'), '2022年度财政拨款收、支总计100.50万元，与上年相比，减少33.50万元，下降25.00%，主要原因是压减支出。');
    const flat = draft({}, { 'prior.fiscalTotal': 100.5 });
    assert.equal(text(flat, '四'), '2022年度财政拨款收、支总计100.50万元，与上年持平。');
    assert.ok(!flat.todo.some((t) => t.startsWith('四、')));
  });

  it('per-项: 等于 needs no reason; a zero budget gives no completion rate; a budget with no spending is named', () => {
    const d = draft({}, {}, [
      { code: '2010301', name: '行政运行', budget: 80 },
      { code: '2050201', name: '小学教育', budget: 0, reason: '年中追加' },
      { code: '2010302', name: '一般行政管理事务', budget: 50 },
    ]);
    const lines = text(d, '五').split('\n');
    assert.deepEqual(lines.slice(5), [
      '2022年度一般公共预算财政拨款支出年初预算为130.00万元，支出决算为100.50万元，完成年初预算的77.31%，其中：',
      '1、一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。',
      '年初预算为80.00万元，支出决算为80.00万元，完成年初预算的100.00%，决算数等于年初预算数。',
      '2、教育（类）普通教育（款）小学教育（项）。',
      '年初预算为0.00万元，支出决算为20.50万元，年初预算为0，不计算完成率，决算数大于年初预算数的主要原因是：年中追加。',
      '3、一般公共服务（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）。',
      '年初预算为50.00万元，支出决算为0.00万元，完成年初预算的0.00%，决算数小于年初预算数的主要原因是：【请填写：主要原因】。',
    ]);
    assert.ok(d.todo.includes('五、一般公共预算财政拨款支出决算情况说明：请填写科目2010302决算数小于年初预算数的主要原因（补充信息!D79）'));
  });

  it('五(二) lists only the classes with money, shares of 一般公共预算财政拨款支出', () => {
    const d = draft({ items: { '2010301': ['行政运行', 50, 0], '2050201': ['小学教育', 0, 0], '2100410': ['突发公共卫生事件应急处理', 0, 25] } }, {});
    assert.equal(
      text(d, '五').split('\n')[3],
      '2022年度一般公共预算财政拨款支出75.00万元，主要用于以下方面：一般公共服务（类）支出50.00万元，占66.67%；卫生健康（类）支出25.00万元，占33.33%。',
    );
  });

  it('七: 大于/小于 the budget with prompts, 0 items named plainly, shares of the 三公 total', () => {
    const d = draft({}, { 'prior.threePublic.abroad': 0, 'prior.threePublic.carPurchase': 0, 'prior.threePublic.carOperation': 12, 'prior.threePublic.reception': 0 });
    assert.deepEqual(text(d, '七').split('\n').slice(1, 7), [
      '2022年度一般公共预算财政拨款“三公”经费支出预算为12.00万元，支出决算为13.00万元，完成预算的108.33%，其中：',
      '因公出国（境）费支出预算为0.00万元，支出决算为0.00万元，决算数等于预算数，与上年持平。',
      '公务接待费支出预算为2.00万元，支出决算为1.00万元，完成预算的50.00%，决算数小于预算数的主要原因是【请填写：主要原因】，与上年相比，增加1.00万元，上年为0，不计算增长率，主要原因是【请填写：主要原因】。',
      '公务用车购置及运行费支出预算为10.00万元，支出决算为12.00万元，完成预算的120.00%，决算数大于预算数的主要原因是【请填写：主要原因】，与上年持平。',
      '（二）“三公”经费支出决算具体情况说明',
      '2022年度一般公共预算财政拨款“三公”经费支出决算13.00万元，其中：因公出国（境）费支出决算0.00万元，占0.00%；公务接待费支出决算1.00万元，占7.69%；公务用车购置及运行费支出决算12.00万元，占92.31%。具体情况如下：',
    ]);
  });

  it('no 三公 at all: zeros stated plainly, no rate over the zero budget, no shares of a zero total', () => {
    const zero: SmallSpec['threePublic'] = { abroad: [0, 0], carPurchase: [0, 0], carOperation: [0, 0], reception: [0, 0] };
    const d = draft(
      { threePublic: zero },
      { 'prior.threePublic.abroad': 0, 'prior.threePublic.carPurchase': 0, 'prior.threePublic.carOperation': 0, 'prior.threePublic.reception': 0, 'count.car.fleet': 0 },
    );
    assert.equal(
      text(d, '七'),
      [
        '（一）“三公”经费支出决算总体情况说明',
        '2022年度一般公共预算财政拨款“三公”经费支出预算为0.00万元，支出决算为0.00万元，其中：',
        '因公出国（境）费支出预算为0.00万元，支出决算为0.00万元，决算数等于预算数，与上年持平。',
        '公务接待费支出预算为0.00万元，支出决算为0.00万元，决算数等于预算数，与上年持平。',
        '公务用车购置及运行费支出预算为0.00万元，支出决算为0.00万元，决算数等于预算数，与上年持平。',
        '（二）“三公”经费支出决算具体情况说明',
        '2022年度一般公共预算财政拨款“三公”经费支出决算为0.00万元。具体情况如下：',
        '1、因公出国（境）费支出决算为0.00万元，全年安排因公出国（境）团组0个，累计0人次。',
        '2、公务接待费支出决算为0.00万元，全年共接待来访团组0个、来宾0人次。',
        '3、公务用车购置及运行费支出决算为0.00万元，其中：公务用车购置费0.00万元，购置（更新）公务用车0辆；公务用车运行费0.00万元，截至2022年12月31日，开支财政拨款的公务用车保有量为0辆。',
      ].join('\n'),
    );
    assert.ok(!d.todo.some((t) => t.startsWith('七、')));
  });

  it('spending against a zero 三公 budget: 预算为0，不计算完成率', () => {
    const d = draft(
      { threePublic: { abroad: [0, 0], carPurchase: [0, 0], carOperation: [0, 3], reception: [0, 0] } },
      { 'reason.threePublic.car.budget': '年中新增车辆运行' },
    );
    assert.equal(
      text(d, '七').split('\n')[4],
      '公务用车购置及运行费支出预算为0.00万元，支出决算为3.00万元，预算为0，不计算完成率，决算数大于预算数的主要原因是年中新增车辆运行，与上年相比【请填写：上年公务用车购置及运行费】。',
    );
    assert.ok(
      d.todo.includes('七、一般公共预算财政拨款“三公”经费支出决算情况说明：请在补充信息表填写“上年公务用车购置费”、“上年公务用车运行维护费”（补充信息!B12、B13）'),
    );
  });

  it('empty 08/09 say so; 08 and 09 with money state their figures', () => {
    const empty = draft({}, {});
    assert.equal(text(empty, '八'), '2022年度本单位没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。');
    assert.equal(text(empty, '九'), '2022年度本单位没有使用国有资本经营预算财政拨款安排的支出。');
    const full = draft({ govFund: { opening: 1, income: 5, basic: 0, project: 4, closing: 2 }, stateCapital: { basic: 0, project: 7.5 } }, {});
    assert.equal(
      text(full, '八'),
      '2022年度政府性基金预算财政拨款收入5.00万元；年初结转和结余1.00万元；支出4.00万元，其中：基本支出0.00万元，项目支出4.00万元；年末结转和结余2.00万元。',
    );
    assert.equal(text(full, '九'), '2022年度国有资本经营预算财政拨款支出7.50万元，其中：基本支出0.00万元，项目支出7.50万元。');
  });

  it('the 2023 wording: 政府性基金 and 国有资本经营 before 三公 (九), 财政拨款“三公”经费, 公务用车购置及运行维护费', () => {
    const d = draft({}, { year: 2023 });
    assert.equal(d.edition, '2023');
    assert.deepEqual(
      d.sections.slice(6, 9).map((s) => [s.id, s.key]),
      [
        ['七', 'govFund'],
        ['八', 'stateCapital'],
        ['九', 'threePublic'],
      ],
    );
    assert.equal(d.sections[8].title, '财政拨款“三公”经费支出决算情况说明');
    const lines = text(d, '九').split('\n');
    assert.match(lines[1], /^2023年度财政拨款“三公”经费支出预算为12\.00万元/);
    assert.match(lines[4], /^公务用车购置及运行维护费支出预算为10\.00万元/);
    assert.match(lines[9], /公务用车运行维护费12\.00万元/);
    assert.equal(d.sections[6].title, '政府性基金预算财政拨款收入支出决算情况说明');
  });

  it('no 补充信息 sheet and no 三公 table: visible prompts, 本年度, and a todo list', () => {
    const d = draftFromModel(smallModel({ items: { '2010301': ['行政运行', 10, 0] }, omit: ['threePublic'] }), emptyInputs());
    assert.equal(text(d, '一'), '本年度收、支总计10.00万元，与上年相比【请填写：上年收、支总计】。');
    assert.equal(text(d, '七'), '【请填写：未读到“三公”经费支出决算表】');
    assert.equal(text(d, '十'), '本部门本年度机关运行经费支出【请填写：本年机关运行经费】万元。');
    assert.equal(text(d, '十二'), '本部门本年度政府采购支出总额【请填写：政府采购货物、工程、服务支出】万元。');
    assert.equal(d.todo[0], '补充信息：请填写“决算年度”（情况说明中暂写作“本年度”）');
    assert.ok(d.todo.includes('一、收入支出决算总体情况说明：请在补充信息表填写“上年收、支总计”（补充信息表尚未插入）'));
    assert.ok(d.todo.includes('七、一般公共预算财政拨款“三公”经费支出决算情况说明：未读到“三公”经费支出决算表，本节无法生成'));
    // Every prompt in the text has a todo line in its section.
    for (const s of d.sections) {
      if (s.text.includes('【请填写'))
        assert.ok(
          d.todo.some((t) => t.startsWith(`${s.id}、`)),
          s.id,
        );
    }
  });

  it('zero totals: no shares over a zero 本年收入合计', () => {
    const d = draft({ items: { '2010301': ['行政运行', 0, 0] }, personnel: {}, public: {} }, {});
    assert.equal(text(d, '二'), '本年收入合计0.00万元。');
    assert.equal(text(d, '三'), '本年支出合计0.00万元。');
    assert.equal(text(d, '六'), '2022年度一般公共预算财政拨款基本支出0.00万元。');
  });

  it('never writes template leftovers or both sign words', () => {
    const d = draft({}, { 'prior.summaryTotal': 120, 'prior.fiscalTotal': 90 });
    const all = d.sections.map((s) => s.text).join('\n');
    for (const bad of ['增加（减少）', '大于（小于）', '减少（增长）', 'XX', '××', '〔〕', 'NaN', 'undefined', 'Infinity']) {
      assert.ok(!all.includes(bad), bad);
    }
  });

  it('problems in the 补充信息 sheet are listed in todo, and the bad value is not used', () => {
    const inputs = inputsFromValues({ values: { year: 2022 } });
    inputs.problems.push({ message: '补充信息!B8：“上年收、支总计”应填写数字，现为“约一百万”。', cells: [{ sheet: '补充信息', address: 'B8' }] });
    const d = draftFromModel(smallModel(BASE), inputs);
    assert.equal(d.todo[0], '补充信息：补充信息!B8：“上年收、支总计”应填写数字，现为“约一百万”。');
    assert.equal(text(d, '一'), '2022年度收、支总计100.50万元，与上年相比【请填写：上年收、支总计】。');
  });
});
