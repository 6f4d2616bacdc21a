import { rule } from '../../../../src/core/narrative/verify/rules/text-same-quantity';
import { ruleTester } from './tester';

ruleTester(rule, {
  valid: [
    {
      name: 'the seed: 项目支出 1138.53 twice, 财政拨款支出 1406.53 three times',
      text: '三、支出\n项目支出1138.53万元。\n五、一般公共预算财政拨款支出\n财政拨款支出1406.53万元。财政拨款支出1406.53万元。\n十四、绩效\n整体支出1474.07万元，项目支出1138.53万元。',
    },
    { name: 'the same quantity written 100 and 100.00', text: '七、三公\n公务用车购置费及运行维护费支出决算为92.51万元。公务用车购置费及运行维护费支出决算92.510万元。' },
  ],
  invalid: [
    {
      name: 'the seed 七: 公务用车 决算 92.51 in 七(一) and 0 in 七(二)3 — the one against 07 is quoted',
      text: '七、三公\n（一）总体\n公务用车购置费及运行维护费支出预算为95万元，支出决算为92.51万元。\n（二）具体\n3、公务用车购置费及运行维护费支出决算为0万元。',
      findings: [{ quote: '0万元', severity: 'error', expected: '92.51万元', message: /七（二）3写作0\.00万元，在七（一）写作92\.51万元（表中为92\.51万元）/ }],
    },
    {
      name: 'staff counts stated two ways (在职人员16人 vs 15人)',
      text: '一、基本情况\n本单位在职人员16人。\n十五、其他\n在职人员15人。',
      findings: [{ quote: '15人', severity: 'error', expected: '16人' }],
    },
    {
      name: '项目支出 stated as two values: the one 03 contradicts is quoted',
      text: '三、支出\n项目支出1100.00万元。\n十四、绩效\n项目支出1138.54万元。',
      findings: [{ quote: '1100.00万元', severity: 'error', expected: '1138.54万元' }],
    },
  ],
});
