import { rule } from '../../../../src/core/narrative/verify/rules/text-parts-add-up';
import { ruleTester } from './tester';

ruleTester(rule, {
  valid: [
    {
      name: 'the seed 二: income parts add up to 本年收入合计',
      text: '二、收入决算\n本年收入合计1474.07万元，其中：财政拨款收入1406.53万元，占95.42%；上级补助收入0万元；事业收入0万元；经营收入0万元；附属单位上缴收入0万元；其他收入67.54万元。',
    },
    {
      name: 'the seed 七(一): 三公 budget and 决算 parts add up',
      text: '七、三公\n（一）总体\n“三公”经费财政拨款支出预算为95万元，支出决算为92.51万元，其中：\n因公出国（境）费支出预算为0万元，支出决算为0万元。\n公务接待费支出预算为0万元，支出决算为0万元。\n公务用车购置费及运行维护费支出预算为95万元，支出决算为92.51万元。',
    },
    {
      name: 'parts in another section are not counted against a total',
      text: '十三、资产\n共有车辆35辆。\n十四、其他\n领导干部用车1辆、机要通信用车1辆、应急保障用车34辆。',
    },
  ],
  invalid: [
    {
      name: 'the seed 十三: vehicles 1+1+32+1+1+0 = 36 ≠ 35',
      text: '十三、关于国有资产占用情况说明\n截至2021年12月31日，本单位共有车辆35辆，其中，领导干部用车1辆、机要通信用车1辆、应急保障用车32辆、执法执勤用车1辆、特种专业技术用车1辆、其他用车0辆；单位价值50万元以上通用设备0台（套）。',
      findings: [{ quote: '35辆', severity: 'error', expected: '36辆', message: /1\+1\+32\+1\+1\+0=36辆/ }],
    },
    {
      name: 'the seed 十二: 政府采购 483.82 + 50 + 0 = 533.82 ≠ 532.13',
      text: '十二、关于政府采购支出说明\n本部门2021年度政府采购支出总额532.13万元，其中：政府采购货物支出483.82万元、政府采购工程支出50万元、政府采购服务支出0万元。',
      findings: [{ quote: '532.13万元', severity: 'error', expected: '533.82万元' }],
    },
    {
      name: 'the seed 七(二)3: 公务用车 0 = 购置费 0 + 运行维护费 92.51?',
      text: '七、三公\n（二）具体\n3、公务用车购置费及运行维护费支出决算为0万元，其中：公务用车购置费0万元，更新公务用车0辆。公务用车运行维护费92.51万元。',
      findings: [{ quote: '0万元', severity: 'error', expected: '92.51万元' }],
    },
    {
      name: 'a 0.01 gap between 03 parts and the total is 尾数差异',
      text: '三、支出决算\n本年支出合计1474.07万元，其中：基本支出335.54万元；项目支出1138.54万元；上缴上级支出0万元；经营支出0万元；对附属单位补助支出0万元。',
      findings: [{ quote: '1474.07万元', severity: 'rounding', expected: '1474.08万元' }],
    },
    {
      name: 'some parts missing but already above the total',
      text: '十三、资产\n共有车辆10辆，其中，应急保障用车32辆、执法执勤用车1辆。',
      findings: [{ quote: '10辆', severity: 'error', message: /已超过/ }],
    },
  ],
});
