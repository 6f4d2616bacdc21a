import { rule } from '../../../../src/core/narrative/verify/rules/text-year-on-year';
import { ruleTester } from './tester';

ruleTester(rule, {
  valid: [
    {
      name: 'the seed 一 with last year from 补充信息: 减少290.92万元，下降16.48%',
      text: '一、收入支出决算总体情况说明\n2021年度收、支总计1474.07万元。与上年相比，减少290.92万元，减少16.48%，主要是因为厉行节约。',
      inputs: 'seed',
      noUnverified: true,
    },
    {
      name: 'the seed 十 with a line break inside the number and unit',
      text: '十、关于机关运行经费支出说明\n本部门2021年度机关运行经费支出56.70万元，比上年决算数减少34.43\n\n万元，减少37.78%。',
      inputs: 'seed',
      noUnverified: true,
    },
    {
      name: 'the seed 五(三)1: 决算数大于年初预算数 (335.54 > 328.99)',
      text: '五、一般公共预算财政拨款支出\n（三）具体\n1、一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。\n年初预算为328.99万元，支出决算为335.54万元，决算数大于年初预算数的主要原因是：人员经费不足。',
    },
    {
      name: 'without last year, a change and a rate that agree with each other are only 无法核对',
      text: '一、收入支出决算总体情况说明\n2021年度收、支总计1474.07万元。与上年相比，减少290.92万元，减少16.48%。',
    },
  ],
  invalid: [
    {
      name: 'the seed 七(一): 决算数大于预算数 when 92.51 < 95',
      text: '七、三公经费\n（一）总体\n公务用车购置费及运行维护费支出预算为95万元，支出决算为92.51万元，决算数大于预算数的主要原因是公车平台预算不足。',
      findings: [{ quote: '大于', severity: 'error', expected: '小于', message: /92\.51万元（公开07表 I13）小于预算95\.00万元/ }],
    },
    {
      name: 'the seed 七(一): 减少40.23万元，减少30.17% do not agree (40.23 ÷ 132.74 = 30.31%), without inputs',
      text: '七、三公经费\n（一）总体\n公务用车购置费及运行维护费支出决算为92.51万元，与上年相比减少40.23万元，减少30.17%。',
      findings: [
        { quote: '40.23万元', severity: 'unverified', unverified: true },
        { quote: '30.17%', severity: 'error', expected: '30.31%', message: /上年应为132\.74万元/ },
      ],
    },
    {
      name: 'the same with last year from 补充信息',
      text: '七、三公经费\n（一）总体\n公务用车购置费及运行维护费支出决算为92.51万元，与上年相比减少40.23万元，减少30.17%。',
      inputs: 'seed',
      findings: [{ quote: '30.17%', severity: 'error', expected: '30.31%', message: /上年132\.74万元（补充信息/ }],
    },
    {
      name: 'the seed 七(一) 因公出国: 增加0万元 (持平) and a rate on a zero base',
      text: '七、三公经费\n（一）总体\n因公出国（境）费支出决算为0万元，与上年相比增加0万元，增长0%。',
      findings: [
        { quote: '增加', severity: 'warning', expected: '持平' },
        { quote: '0%', severity: 'error', expected: '不计算增减率', message: /上年为0/ },
      ],
    },
    {
      name: 'a sign word against the numbers: 增加 when the total fell',
      text: '一、收入支出决算总体情况说明\n2021年度收、支总计1474.07万元。与上年相比，增加290.92万元，增长16.48%。',
      inputs: 'seed',
      findings: [
        { quote: '增加', severity: 'error', expected: '减少' },
        { quote: '增长', severity: 'error', expected: '下降' },
      ],
    },
    {
      name: 'a wrong change amount with last year from 补充信息',
      text: '四、财政拨款收入支出决算总体情况说明\n2021年度财政拨款收、支总计1406.53万元，与上年相比，减少120.00万元，下降7.98%。',
      inputs: 'seed',
      findings: [{ quote: '120.00万元', severity: 'error', expected: '121.91万元' }],
    },
  ],
});

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'a comparison word with no budget anywhere is 无法核对',
      text: '十四、绩效\n项目决算数大于预算数。',
      findings: [{ quote: '大于', severity: 'unverified', unverified: true }],
    },
  ],
});
