import { rule } from '../../../../src/core/narrative/verify/rules/text-completion-rate';
import { ruleTester } from './tester';

const ITEM1 = '五、一般公共预算财政拨款支出\n（三）具体情况\n1、一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。\n';

ruleTester(rule, {
  valid: [
    {
      name: 'the seed 五(三)1 with the 补充信息 budgets: 335.54 ÷ 328.99 = 101.99%',
      text: `${ITEM1}年初预算为328.99万元，支出决算为335.54万元，完成年初预算的101.99%。`,
      inputs: 'seed',
      noUnverified: true,
    },
    {
      name: 'the seed 五(三) total: 1406.53 ÷ 917.49 = 153.30%',
      text: '五、一般公共预算财政拨款支出\n（三）具体情况\n2021年度财政拨款支出年初预算数为917.49万元，支出决算数为1406.53万元，完成年初预算的153.30%。',
      inputs: 'seed',
      noUnverified: true,
    },
  ],
  invalid: [
    {
      name: 'the seed 七(一): 三公 完成预算的124.13% (07: 92.51 ÷ 95 = 97.38%)',
      text: '七、三公经费\n（一）总体\n“三公”经费财政拨款支出预算为95万元，支出决算为92.51万元，完成预算的124.13%。',
      findings: [{ quote: '124.13%', severity: 'error', expected: '97.38%', message: /公开07表.*决算小于预算，完成率不应超过100%/ }],
    },
    {
      name: 'the seed 五(三)3: 完成年初预算的100% on a zero budget',
      text: `五、一般公共预算财政拨款支出\n（三）具体情况\n3、一般公共服务（类）政府办公厅（室）及相关机构事务（款）其他政府办公厅（室）及相关机构事务支出（项）。\n年初预算为0万元，支出决算为282.16万元，完成年初预算的100%。`,
      findings: [{ quote: '100%', severity: 'error', expected: '不计算完成率', message: /预算数为0/ }],
    },
    {
      name: 'the seed 七(一): 因公出国 0万元 完成预算的0% on a 0 budget',
      text: '七、三公经费\n（一）总体\n因公出国（境）费支出预算为0万元，支出决算为0万元，完成预算的0%。',
      findings: [{ quote: '0%', severity: 'error', expected: '不计算完成率' }],
    },
    {
      name: 'without the 补充信息 sheet, a rate that agrees with the budget the text states is only 无法完全核对',
      text: `${ITEM1}年初预算为328.99万元，支出决算为335.54万元，完成年初预算的101.99%。`,
      findings: [{ quote: '101.99%', severity: 'unverified', unverified: true, message: /文中的预算数/ }],
    },
    {
      name: 'with the 补充信息 budget, a wrong rate is an error naming the input cell',
      text: `${ITEM1}年初预算为328.99万元，支出决算为335.54万元，完成年初预算的110.00%。`,
      inputs: 'seed',
      findings: [{ quote: '110.00%', severity: 'error', expected: '101.99%', message: /补充信息/ }],
    },
  ],
});
