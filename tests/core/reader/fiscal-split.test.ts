import { strict as assert } from 'assert';
import { amount } from '../../../src/core/model/tables';
import { readWorkbook } from '../../../src/core/reader';
import { runRules } from '../../../src/core/rules';
import { gridToSnapshot, seedSnapshots, SEED_TABLES } from '../../fixtures/seed-2021';

/**
 * 02 收入决算表 with 财政拨款收入 split into fund sub-columns (issue #9), with or without a
 * 小计 under 财政拨款收入, figures of the seed.
 */
function income02(withSubtotal: boolean, gpbTotal = '1,406.53'): string[][] {
  const funds = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];
  const sub = withSubtotal ? ['小计', ...funds] : funds;
  const pad = (fiscal: string) => (withSubtotal ? [fiscal, fiscal, '', ''] : [fiscal, '', '']);
  const row = (code: string, name: string, total: string, fiscal: string, other = '') => [code, name, total, ...pad(fiscal), '', '', '', '', other];
  const rows = [
    ['201', '一般公共服务支出', '1,256.53', '1,256.53'],
    ['20103', '政府办公厅（室）及相关机构事务', '1,252.01', '1,252.01'],
    ['2010301', '行政运行', '335.54', '335.54'],
    ['2010302', '一般行政管理事务', '634.31', '634.31'],
    ['2010399', '其他政府办公厅（室）及相关机构事务支出', '282.16', '282.16'],
    ['20199', '其他一般公共服务支出', '4.52', '4.52'],
    ['2019999', '其他一般公共服务支出', '4.52', '4.52'],
    ['210', '卫生健康支出', '100.00', '100.00'],
    ['21004', '公共卫生', '100.00', '100.00'],
    ['2100410', '突发公共卫生事件应急处理', '100.00', '100.00'],
    ['212', '城乡社区支出', '50.00', '50.00'],
    ['21201', '城乡社区管理事务', '50.00', '50.00'],
    ['2120199', '其他城乡社区管理事务支出', '50.00', '50.00'],
  ];
  const total = row('合计', '', '1,474.07', gpbTotal, '67.54');
  if (withSubtotal) total[4] = gpbTotal === '1,406.53' ? '1,406.53' : gpbTotal;
  return [
    ['收入决算表'],
    ['公开02表'],
    ['部门：株洲市石峰区机关事务服务中心', '', '', '', '', '', '', '', '', '', '金额单位：万元'],
    [
      '功能分类科目编码',
      '科目名称',
      '本年收入合计',
      '财政拨款收入',
      ...(withSubtotal ? ['', '', ''] : ['', '']),
      '上级补助收入',
      '事业收入',
      '经营收入',
      '附属单位上缴收入',
      '其他收入',
    ],
    ['', '', '', ...sub, '', '', '', '', ''],
    total,
    ...rows.map(([c, n, t, f]) => row(c, n, t, f)),
    row('229', '其他支出', '67.54', '', '67.54'),
    row('22999', '其他支出', '67.54', '', '67.54'),
    row('2299999', '其他支出', '67.54', '', '67.54'),
  ];
}

const with02 = (grid: string[][]) => seedSnapshots().map((s, i) => (SEED_TABLES[i].key === 'income' ? gridToSnapshot(s.name, grid) : s));

describe('reader + rules: 02 with 财政拨款收入 split by fund (issue #9)', () => {
  for (const withSubtotal of [false, true]) {
    it(`reads the fund columns${withSubtotal ? ' beside their 小计' : ''} and checks them against 01 and 04`, () => {
      const wb = readWorkbook(with02(income02(withSubtotal)));
      const t = wb.tables.income!;
      assert.equal(amount(t, 'total', 'fiscal.gpb')!.value, 1406.53);
      assert.equal(t.columns.fiscal !== undefined, withSubtotal);
      assert.equal(amount(t, '2010301', 'fiscal.gpb')!.value, 335.54);
      const about02 = runRules(wb).filter((f) => f.rule.startsWith('t02') || f.rule === 't04-income-total-eq-t02-fiscal');
      assert.deepEqual(about02, []);

      // 100.00 missing from the 一般公共预算 column of the 合计 row: 01/04 and the row disagree.
      const bad = runRules(readWorkbook(with02(income02(withSubtotal, '1,306.53'))));
      const rules = new Set(bad.filter((f) => f.severity === 'error').map((f) => f.rule));
      assert.ok(rules.has(withSubtotal ? 't02-row-total-eq-sum-sources' : 't02-fiscal-eq-t01-fiscal-income'), [...rules].join(' '));
      assert.ok(rules.has('classified-total-eq-sum-classes'));
    });
  }
});
