import rule from '../../../src/core/rules/checks/classified-section-eq-sum-items';
import { RuleTester } from '../../../src/core/rules/testing/rule-tester';
import { cellsIn, seedWorkbook } from './seed-workbook';

const slip = seedWorkbook({ set: [['expenditure', '20103', 'project', 916.48]] });
const wrong = seedWorkbook({ set: [['income', '2010399', 'fiscal', 280]] });
const s = cellsIn(slip);
const w = cellsIn(wrong);

new RuleTester().run(rule, {
  valid: [
    { name: 'the seed figures', model: seedWorkbook() },
    {
      name: 'a 款 without 项 rows is a leaf, not checked',
      model: seedWorkbook({ edit: (x) => (x.expenditure = x.expenditure.filter((l) => l.id !== '2019999')) }),
    },
  ],
  invalid: [
    {
      name: '03 20103 项目支出 off by 0.01: 尾数差异',
      model: slip,
      findings: [
        {
          severity: 'rounding',
          message: '03表20103款项目支出 916.48 ≠ 2010302、2010399项项目支出之和 916.47，差额 0.01（尾数差异，容差 0.01）',
          cells: [s('expenditure', '20103', 'project'), s('expenditure', '2010302', 'project'), s('expenditure', '2010399', 'project')],
        },
      ],
    },
    {
      name: '02 2010399 财政拨款收入 mistyped',
      model: wrong,
      findings: [
        {
          severity: 'error',
          message: '02表20103款财政拨款收入 1,252.01 ≠ 2010301、2010302、2010399项财政拨款收入之和 1,249.85，差额 2.16',
          cells: [w('income', '20103', 'fiscal'), w('income', '2010301', 'fiscal'), w('income', '2010302', 'fiscal'), w('income', '2010399', 'fiscal')],
        },
      ],
    },
  ],
});
