import { rule } from '../../../../src/core/narrative/verify/rules/text-share-denominator';
import { ruleTester } from './tester';

ruleTester(rule, {
  valid: [
    {
      name: 'the seed 二: shares of 本年收入合计',
      text: '二、收入决算情况说明\n本年收入合计1474.07万元，其中：财政拨款收入1406.53万元，占95.42%；上级补助收入0万元，占0%；其他收入67.54万元，占4.58%。',
      noUnverified: true,
    },
    {
      name: 'the seed 三 and 六: 基本/项目支出 of 本年支出合计, 人员/公用经费 of 基本支出',
      text: '三、支出决算\n基本支出335.54万元，占22.76%；项目支出1138.53万元，占77.24%。\n六、基本支出\n人员经费278.84万元，占基本支出的83.10%；公用经费56.70万元，占基本支出的16.90%。',
      noUnverified: true,
    },
    {
      name: 'a share written with its denominator amount (占本年支出合计1474.07万元的95.42%)',
      text: '五、一般公共预算财政拨款支出\n（一）总体\n财政拨款支出1406.53万元，占本年支出合计1474.07万元的95.42%。',
      noUnverified: true,
    },
    { name: '100% written without decimals', text: '七、三公\n（二）具体\n公务用车购置费及运行维护费支出决算92.51万元，占100%。', noUnverified: true },
  ],
  invalid: [
    {
      name: 'the seed 七(二): 公务用车 决算 占0% of the 三公 total',
      text: '七、三公\n（二）具体\n公务接待费支出决算0万元，占0%，公务用车购置费及运行维护费支出决算92.51万元，占0%。',
      findings: [{ quote: '0%', severity: 'error', expected: '100.00%', message: /“三公”经费92\.51万元（公开07表 G13）/ }],
    },
    {
      name: 'the seed 五(二): 占100% for a class that is 89.34% of 05 合计; the text agrees with its own wrong amount',
      text: '五、一般公共预算财政拨款支出\n（二）结构\n主要用于以下方面：一般公共服务（类）支出1406.53万元，占100%。',
      findings: [{ quote: '100%', severity: 'error', expected: '89.34%', message: /与文中所写金额1406\.53万元相符/ }],
    },
    {
      name: 'a share taken over the wrong denominator names the one that gives it',
      text: '六、一般公共预算财政拨款基本支出\n人员经费278.84万元，占18.92%。',
      findings: [{ quote: '18.92%', severity: 'error', expected: '83.10%', message: /本年支出合计1474\.07万元（公开03表 C11）.*为分母算出/ }],
    },
    {
      name: 'an explicit denominator that is not the proper one: arithmetic right, a warning',
      text: '六、一般公共预算财政拨款基本支出\n人员经费278.84万元，占本年支出合计的18.92%。',
      findings: [{ quote: '18.92%', severity: 'warning', expected: '83.10%', message: /应以一般公共预算财政拨款基本支出为分母/ }],
    },
    {
      name: 'the seed 十四: 涉及资金1406.53 占一般公共预算项目支出总额的100% (05 项目支出 1070.99)',
      text: '十四、绩效\n（1）开展情况\n组织对一般公共预算项目支出全面开展绩效自评，其中，一级项目3个，二级项目6个，共涉及资金1406.53万元，占一般公共预算项目支出总额的100%。',
      findings: [{ quote: '100%', severity: 'error', expected: '131.33%', message: /以一般公共预算财政拨款支出1406\.53万元.*为分母/ }],
    },
    {
      name: 'a share over a zero denominator (08 项目支出 0)',
      text: '十四、绩效\n组织对0个政府性基金预算项目支出开展绩效自评，共涉及资金0万元，占政府性基金预算项目支出总额的0%。',
      findings: [{ quote: '0%', severity: 'warning', expected: '不计算占比' }],
    },
    {
      name: 'a share a rounding step away',
      text: '二、收入决算情况说明\n财政拨款收入1406.53万元，占95.41%。',
      findings: [{ quote: '95.41%', severity: 'rounding', expected: '95.42%' }],
    },
    {
      name: 'a share of something the tool cannot name: 无法核对',
      text: '十四、绩效\n占比为12.00%。',
      findings: [{ quote: '12.00%', severity: 'unverified', unverified: true }],
    },
  ],
});

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'a percentage the parser cannot classify is listed as 无法核对, not passed',
      text: '十五、其他\n满意度达到98.50%。',
      findings: [{ quote: '98.50%', severity: 'unverified', unverified: true, message: /无法核对/ }],
    },
  ],
});
