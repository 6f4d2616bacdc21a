import { rule } from '../../../../src/core/narrative/verify/rules/text-template-leftover';
import { ruleTester } from './tester';

ruleTester(rule, {
  valid: [
    { name: 'a chosen word', text: '决算数大于年初预算数，与上年相比减少40.23万元，下降30.17%。' },
    { name: 'brackets that hold words', text: '一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。因公出国（境）费。' },
  ],
  invalid: [
    {
      name: 'the seed 五(三)2: 大于（小于）, and which word the numbers give',
      text: '五、一般公共预算财政拨款支出\n（三）具体\n2、一般公共服务（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）。\n年初预算为588.50万元，支出决算为634.31万元，完成年初预算的107.78%，决算数大于（小于）年初预算数的主要原因是：追加经费。',
      findings: [{ quote: '大于（小于）', severity: 'error', expected: '大于' }],
    },
    {
      name: 'the seed 七(一): 减少（增长）, 减少（增加）',
      text: '七、三公\n公务接待费支出决算为0万元，与上年相比减少（增加）0万元，减少（增长）0%。',
      findings: [
        { quote: '减少（增加）', severity: 'error', expected: '持平' },
        { quote: '减少（增长）', severity: 'error', expected: '持平' },
      ],
    },
    {
      name: 'a change choice left in, decided by last year from 补充信息',
      text: '十、机关运行经费\n本部门2021年度机关运行经费支出56.70万元，比上年决算数减少（增加）34.43万元，减少（增长）37.78%。',
      inputs: 'seed',
      findings: [
        { quote: '减少（增加）', severity: 'error', expected: '减少' },
        { quote: '减少（增长）', severity: 'error', expected: '下降' },
      ],
    },
    {
      name: 'placeholders XX, ×× and empty 〔〕',
      text: '本单位XX年度支出××万元，文号〔〕。',
      findings: [
        { quote: 'XX', severity: 'error', message: /占位符/ },
        { quote: '××', severity: 'error' },
        { quote: '〔〕', severity: 'error' },
      ],
    },
    { name: 'a half-width choice 增加(减少)', text: '与上年相比增加(减少)5万元。', findings: [{ quote: '增加(减少)', severity: 'error' }] },
  ],
});
