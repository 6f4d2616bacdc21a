import { strict as assert } from 'assert';
import { amount, line } from '../../../src/core/model/tables';
import { readWorkbook } from '../../../src/core/reader';
import { checkModel } from '../../../src/core/workflows/check-workbook';
import { gridToSnapshot, seedGrid, seedSnapshots } from '../../fixtures/seed-2021';
import { twoGroup06 } from '../../fixtures/seed-2021/variants';

type Grid = string[][];

/**
 * 06 printed with its economic codes split into 类 | 款 (`301 | 01 | 基本工资`), as some
 * exports do: every group of 科目编码 · 科目名称 · 决算数 becomes 类 · 款 · 科目名称 · 决算数.
 * `carry`: the 类 is printed on the 类 row only (款 rows leave it empty).
 */
function splitEconomic(g: Grid, options: { carry?: boolean; headers?: 'merged' | 'named' } = {}): Grid {
  return g.map((row) => {
    const out: string[] = [];
    for (let k = 0; k < row.length; k += 3) {
      const [code = '', name = '', amt = ''] = row.slice(k, k + 3);
      if (code === '科目编码') {
        out.push(...(options.headers === 'named' ? ['类', '款'] : ['科目编码', '']), name, amt);
      } else if (/^3\d{4}$/.test(code)) {
        out.push(options.carry ? '' : code.slice(0, 3), code.slice(3), name, amt);
      } else if (/^3\d{2}$/.test(code)) {
        out.push(code, '', name, amt);
      } else {
        out.push(code, '', name, amt);
      }
    }
    return out;
  });
}

describe('reader: split code columns (issue #9)', () => {
  for (const variant of [
    { name: 'three groups, 科目编码 over 类 | 款', grid: () => splitEconomic(seedGrid('gpbBasic')) },
    { name: 'two groups, 类 | 款 headers', grid: () => splitEconomic(twoGroup06(), { headers: 'named' }) },
    { name: 'two groups, 类 printed on 类 rows only', grid: () => splitEconomic(twoGroup06(), { carry: true }) },
  ]) {
    it(`06 with 301 | 01 read as 30101 (${variant.name})`, () => {
      const wb = readWorkbook([gridToSnapshot('表6', variant.grid())]);
      const t = wb.tables.gpbBasic!;
      assert.deepEqual(
        wb.problems.filter((p) => /重复/.test(p.message)),
        [],
      );
      assert.equal(line(t, '301')!.level, 'class');
      assert.equal(amount(t, '30101', 'amount')!.value, 73.5);
      assert.equal(line(t, '30101')!.label, '基本工资');
      assert.equal(line(t, '30101')!.level, 'section');
      assert.equal(amount(t, '302', 'amount')!.value, 56.7);
      assert.ok(line(t, '30399'), '303 款 read');
      assert.equal(amount(t, 'personnelTotal', 'amount')!.value, 278.84);
    });
  }

  it('the 301/302 sums of a split 06 are checked (the seed’s 303 ≠ Σ款 0.01 is found)', () => {
    const snaps = seedSnapshots().map((s) =>
      s.name.includes('06') || (s.values.flat().some((v) => v === '公开06表') && !s.values.flat().some((v) => v === '公开05表'))
        ? gridToSnapshot(s.name, splitEconomic(seedGrid('gpbBasic')))
        : s,
    );
    const found = checkModel(readWorkbook(snaps));
    assert.ok(!found.some((f) => /重复出现/.test(f.message)), found.map((f) => f.message).join('\n'));
    assert.ok(
      found.some((f) => f.rule === 't06-class-eq-sum-sections' && /303类/.test(f.message)),
      found.map((f) => `${f.rule} ${f.message}`).join('\n'),
    );
  });
});
