import { modelTable, modelWorkbook } from '../../../../src/core/model/build';
import { rule } from '../../../../src/core/narrative/verify/rules/text-amount-matches-table';
import { ruleTester } from './tester';

ruleTester(rule, {
  valid: [
    {
      name: 'income amounts equal 02 (seed)',
      text: '二、收入决算情况说明\n本年收入合计1474.07万元，其中：财政拨款收入1406.53万元，占95.42%；上级补助收入0万元；其他收入67.54万元。',
      noUnverified: true,
    },
    { name: 'an amount in 元 is converted to 万元', text: '本年收入合计14740700元。', noUnverified: true },
    { name: 'full-width digits and a thousands separator', text: '本年支出合计１，４７４．０７万元，基本支出３３５．５４万元。', noUnverified: true },
    { name: 'a whole amount written without decimals ("100万元")', text: '五、一般公共预算财政拨款支出\n卫生健康（类）支出100万元。', noUnverified: true },
    { name: 'counts from the 补充信息 sheet', text: '十三、国有资产占用\n共有车辆36辆，其中应急保障用车32辆。', inputs: 'seed', noUnverified: true },
    { name: 'a class the tables have no money for, stated as 0', text: '五、一般公共预算财政拨款支出\n教育（类）支出0万元。', noUnverified: true },
  ],
  invalid: [
    {
      name: 'a wrong amount: the cell and the table value are given',
      text: '二、收入决算情况说明\n本年收入合计1474.70万元。',
      findings: [{ quote: '1474.70万元', severity: 'error', expected: '1474.07万元', message: /本年收入合计.*1474\.70万元.*1474\.07万元（公开02表 C8）/ }],
    },
    {
      name: 'the seed 三: 项目支出 1138.53 vs 03 1,138.54 is a rounding gap',
      text: '三、支出决算情况说明\n项目支出1138.53万元，占77.24%。',
      findings: [{ quote: '1138.53万元', severity: 'rounding', expected: '1138.54万元', message: /尾数差异/ }],
    },
    {
      name: 'the seed 五(二): 一般公共服务（类）支出1406.53 where 05 says 1,256.53',
      text: '五、一般公共预算财政拨款支出决算情况说明\n（二）结构\n主要用于以下方面：一般公共服务（类）支出1406.53万元，占100%。',
      findings: [{ quote: '1406.53万元', severity: 'error', expected: '1256.53万元' }],
    },
    {
      name: 'the seed 七(二)3: 公务用车购置费及运行维护费支出决算为0万元 vs 07 92.51',
      text: '七、三公经费\n（二）具体\n3、公务用车购置费及运行维护费支出决算为0万元。',
      findings: [{ quote: '0万元', severity: 'error', expected: '92.51万元', message: /公开07表/ }],
    },
    {
      name: 'a class with money stated that the table does not have',
      text: '五、一般公共预算财政拨款支出\n教育（类）支出5.00万元。',
      findings: [{ quote: '5.00万元', severity: 'error', expected: '0.00万元' }],
    },
    {
      name: 'a figure that needs the 补充信息 sheet, without one: 无法核对',
      text: '十、机关运行经费\n本部门2021年度机关运行经费支出56.70万元。',
      findings: [{ quote: '56.70万元', severity: 'unverified', unverified: true, message: /无法核对.*补充信息/ }],
    },
    {
      name: 'with the 补充信息 sheet, a wrong 机关运行经费 is an error naming the input cell',
      text: '十、机关运行经费\n本部门2021年度机关运行经费支出60.00万元。',
      inputs: 'seed',
      findings: [{ quote: '60.00万元', severity: 'error', expected: '56.70万元', message: /补充信息中为56\.70万元（补充信息 B\d+）/ }],
    },
    {
      name: 'an amount the tool cannot tie to a cell, and one in a 原因 clause: 无法核对',
      text: '十四、绩效\n物业管理及水电气经费480.21万元。决算数大于年初预算数的主要原因是：年中调增预算6.55万元。',
      findings: [
        { quote: '480.21万元', severity: 'unverified', unverified: true, message: /无法核对/ },
        { quote: '6.55万元', severity: 'unverified', unverified: true, message: /原因说明/ },
      ],
    },
    {
      name: '培训费 below 06 基本支出 培训费 (no 补充信息): a warning',
      text: '十一、一般性支出情况\n2021年本部门开支会议费0万元，开支培训费0万元。',
      findings: [{ quote: '0万元', severity: 'warning', expected: '0.44万元' }],
    },
    {
      name: 'a count against the 补充信息 sheet',
      text: '七、三公\n公务用车保有量为34辆。',
      inputs: 'seed',
      findings: [{ quote: '34辆', severity: 'error', expected: '35辆' }],
    },
    {
      name: 'a model built from plain figures (modelTable)',
      text: '三、支出决算情况说明\n本年支出合计10.00万元，其中：基本支出5.00万元。',
      model: modelWorkbook(modelTable('expenditure', [['total', { total: 10, basic: 4, project: 6 }]])),
      findings: [{ quote: '5.00万元', severity: 'error', expected: '4.00万元' }],
    },
  ],
});

const inYuan = (() => {
  const t = modelTable('expenditure', [['total', { total: 14740700, basic: 3355400, project: 11385300 }]]);
  t.moneyUnit = '元';
  return modelWorkbook(t);
})();

ruleTester(rule, {
  valid: [
    {
      name: 'tables kept in 元 (金额单位：元) against a text in 万元 or 元',
      text: '三、支出决算情况说明\n本年支出合计1474.07万元，其中：基本支出335.54万元；项目支出11,385,300元。',
      model: inYuan,
      noUnverified: true,
    },
  ],
  invalid: [
    {
      name: 'tables in 元: the expected figure is given in 万元',
      text: '三、支出决算情况说明\n本年支出合计1470.00万元。',
      model: inYuan,
      findings: [{ quote: '1470.00万元', severity: 'error', expected: '1474.07万元' }],
    },
  ],
});
