import { strict as assert } from 'assert';
import { valueAt, type SheetSnapshot } from '../../../src/core/model/snapshot';
import { parseA1 } from '../../../src/core/cells';
import { deriveLastYear, describeOrigin, matchLines, originCells, type PriorFigure } from '../../../src/core/last-year';
import type { TableModel, WorkbookModel } from '../../../src/core/model/tables';
import { readWorkbook } from '../../../src/core/reader';
import { seedModel } from '../figures/seed-model';
import { lastYearSnapshots, LAST_YEAR_TEXT } from './last-year-book';

/**
 * deriveLastYear on a generated 2020 report of the seed's unit in the 2023 layout
 * (last-year-book.ts), paired with the seed's 2021 tables as published.
 */

let snaps: SheetSnapshot[];
let last: WorkbookModel;

function cellValue(f: PriorFigure): unknown {
  assert.equal(f.origin.kind, 'table', f.id);
  if (f.origin.kind !== 'table') return undefined;
  const c = f.origin.cells[0];
  const s = snaps.find((x) => x.name === c.sheet)!;
  const { row, col } = parseA1(c.address);
  return valueAt(s, row, col);
}

describe('last year: figures from last year’s workbook (2023 layout) for this year’s (2021 seed)', () => {
  before(async () => {
    snaps = await lastYearSnapshots();
    last = readWorkbook(snaps);
  });

  it('reads last year’s workbook in the other edition’s layout (三公 as 公开09表)', () => {
    assert.deepEqual(last.missing, []);
    assert.equal(last.order, '2023');
    assert.equal(last.tables.threePublic?.sheet, '公开09表');
  });

  it('derives each 上年 field of 补充信息, figure by figure, from the cell that holds it', () => {
    const d = deriveLastYear(last, { current: seedModel() });
    // What the seed's 2021 情况说明 implies for last year (see last-year-book.ts).
    const expected: Array<[string, string, number, string]> = [
      ['summary.total', 'prior.summaryTotal', 1764.99, '公开01表'],
      ['fiscal.total', 'prior.fiscalTotal', 1528.44, '公开04表'],
      ['gpb.total', 'prior.gpbTotal', 1528.44, '公开05表'],
      ['threePublic.abroad', 'prior.threePublic.abroad', 0, '公开09表'],
      ['threePublic.carPurchase', 'prior.threePublic.carPurchase', 0, '公开09表'],
      ['threePublic.carOperation', 'prior.threePublic.carOperation', 132.74, '公开09表'],
      ['threePublic.reception', 'prior.threePublic.reception', 0, '公开09表'],
    ];
    for (const [id, key, value, sheet] of expected) {
      const f = d.get(id);
      assert.ok(f, id);
      assert.equal(f.key, key, id);
      assert.equal(f.value, value, id);
      assert.equal(f.origin.kind === 'table' && f.origin.cells[0].sheet, sheet, id);
      // The cell named is the one that holds the value.
      assert.equal(cellValue(f), value, `${id} at ${JSON.stringify(f.origin)}`);
    }
    // No text given: 机关运行经费 is not in the tables, so it is not derived.
    assert.equal(d.get('operatingCost'), undefined);
  });

  it('derives 基本支出, 项目支出, 人员/公用经费 and the "三公" totals, each from its cell', () => {
    const d = deriveLastYear(last, { current: seedModel() });
    const expected: Record<string, number> = {
      'gpb.basic': 460.12,
      'gpb.project': 1068.32,
      'expenditure.total': 1764.99,
      'expenditure.basic': 460.12,
      'expenditure.project': 1304.87,
      'income.total': 1764.99,
      'basic.personnel': 330,
      'basic.public': 130.12,
      'threePublic.car': 132.74,
      'threePublic.total': 132.74,
    };
    for (const [id, value] of Object.entries(expected)) {
      const f = d.get(id);
      assert.ok(f, id);
      assert.equal(f.value, value, id);
      assert.equal(f.key, undefined, `${id} has no 补充信息 field`);
      assert.equal(cellValue(f), value, id);
    }
  });

  it('pairs classes and items by code, and by name where the code changed; lists what it cannot pair', () => {
    const d = deriveLastYear(last, { current: seedModel() });
    // 201 by code; 210 by code although renamed (医疗卫生与计划生育支出 → 卫生健康支出).
    assert.equal(d.get('gpb.class.201')?.value, 1498.44);
    assert.equal(d.get('gpb.class.210')?.value, 30);
    assert.match(d.get('gpb.class.210')!.note!, /上年为“医疗卫生与计划生育支出”，本年为“卫生健康支出”，按编码 210 对应/);
    assert.equal(d.get('gpb.item.2010301')?.value, 340.12);
    assert.equal(d.get('gpb.item.2010302')?.value, 770);
    assert.equal(d.get('gpb.item.2100410')?.value, 30);
    // 2019901 last year is 2019999 this year: paired by name, said so.
    const recoded = d.get('gpb.item.2019999')!;
    assert.equal(recoded.value, 268.32);
    assert.match(recoded.note!, /上年为 2019901，本年为 2019999，按名称“其他一般公共服务支出”对应/);
    assert.equal(cellValue(recoded), 268.32);
    // Never guessed: this year's 212, 2010399, 2120199 have no counterpart; last year's 2010350 no longer exists.
    assert.equal(d.get('gpb.class.212'), undefined);
    assert.equal(d.get('gpb.item.2010399'), undefined);
    assert.equal(d.get('gpb.item.2120199'), undefined);
    assert.deepEqual(
      d.unmatched.map((u) => `${u.side} ${u.level} ${u.code}`),
      ['current class 212', 'current item 2010399', 'current item 2120199', 'last item 2010350'],
    );
    const gone = d.unmatched.find((u) => u.code === '2010350')!;
    assert.equal(gone.value, 120);
    assert.match(gone.message, /上年项级科目 2010350 事业运行（120\.00万元）在本年表中没有对应科目/);
    // Every unmatched line names its cell.
    for (const u of d.unmatched) assert.equal(u.cells.length, 1, u.code);
  });

  it('two last-year lines with the same name and retired codes: ambiguous, not paired', () => {
    const cur = seedModel().tables.gpbExpenditure!;
    const prev = last.tables.gpbExpenditure!;
    const twin = prev.lines.find((l) => l.code === '2019901')!;
    const doubled: TableModel = { ...prev, lines: [...prev.lines, { ...twin, id: '2019902', code: '2019902', row: twin.row + 100 }] };
    const m = matchLines(cur, doubled, 'total', '公开05表');
    assert.equal(
      m.pairs.find((p) => p.current.code === '2019999'),
      undefined,
    );
    const u = m.unmatched.find((x) => x.code === '2019999')!;
    assert.match(u.message, /有 2 个同名科目（2019901、2019902），无法确定对应哪一个/);
  });

  it('takes what the tables do not hold from last year’s 情况说明, marked 取自上年情况说明', () => {
    const d = deriveLastYear(last, { current: seedModel(), text: LAST_YEAR_TEXT });
    const expected: Array<[string, number, string | undefined]> = [
      ['operatingCost', 91.13, 'prior.operatingCost'],
      ['procurement.total', 400, undefined],
      ['procurement.goods', 300, undefined],
      ['procurement.works', 100, undefined],
      ['procurement.services', 0, undefined],
      ['assets.vehicles', 36, undefined],
      ['threePublic.car.fleet', 36, undefined],
      ['threePublic.car.purchased', 0, undefined],
      ['threePublic.abroad.groups', 0, undefined],
      ['threePublic.abroad.persons', 0, undefined],
      ['threePublic.reception.batches', 0, undefined],
      ['threePublic.reception.persons', 0, undefined],
    ];
    for (const [id, value, key] of expected) {
      const f = d.get(id);
      assert.ok(f, id);
      assert.equal(f.value, value, id);
      assert.equal(f.key, key, id);
      assert.equal(f.note, '取自上年情况说明', id);
      assert.equal(f.origin.kind, 'text');
      if (f.origin.kind === 'text') assert.equal(LAST_YEAR_TEXT.slice(f.origin.start, f.origin.end), f.origin.quote, id);
    }
    const op = d.get('operatingCost')!;
    assert.equal(describeOrigin(op), '取自上年情况说明，第15行“91.13万元”');
    assert.deepEqual(originCells(op.origin), [{ sheet: '取自上年情况说明', address: '第15行' }]);
    // The tables have 三公: the text's 三公 amounts are not used for the 补充信息 fields.
    assert.equal(d.get('threePublic.carOperation')!.origin.kind, 'table');
    assert.deepEqual(d.problems, []);
  });

  it('a figure the text states twice with different numbers is reported, not taken', () => {
    const text = `${LAST_YEAR_TEXT}\n十、补充\n本部门2020年度机关运行经费支出95.00万元。\n`;
    const d = deriveLastYear(last, { current: seedModel(), text });
    assert.equal(d.get('operatingCost'), undefined);
    assert.equal(d.problems.length, 1);
    assert.match(d.problems[0].message, /机关运行经费.*有不同的数字.*91\.13万元.*95\.00万元.*未采用/);
  });

  it('without a 三公 table last year, the "三公" items come from the text', () => {
    const noTp: WorkbookModel = { ...last, tables: { ...last.tables, threePublic: undefined }, missing: ['threePublic'] };
    const d = deriveLastYear(noTp, { current: seedModel(), text: LAST_YEAR_TEXT });
    const car = d.get('threePublic.carOperation')!;
    assert.equal(car.value, 132.74);
    assert.equal(car.key, 'prior.threePublic.carOperation');
    assert.equal(car.origin.kind, 'text');
    assert.equal(d.get('threePublic.abroad')?.value, 0);
    assert.equal(d.get('threePublic.reception')?.value, 0);
    // Without the text, nothing is guessed.
    assert.equal(deriveLastYear(noTp, { current: seedModel() }).get('threePublic.carOperation'), undefined);
  });

  it('a last-year table kept in 元 is converted to 万元 and says so', () => {
    const s = last.tables.summary!;
    const inYuan: TableModel = {
      ...s,
      moneyUnit: '元',
      lines: s.lines.map((l) => ({
        ...l,
        values: Object.fromEntries(Object.entries(l.values).map(([k, a]) => [k, a && { ...a, value: a.value * 10000 }])),
      })),
    };
    const d = deriveLastYear({ ...last, tables: { ...last.tables, summary: inYuan } }, { current: seedModel() });
    assert.equal(d.get('summary.total')?.value, 1764.99);
    assert.match(d.get('summary.total')!.note!, /已换算为万元/);
    assert.ok(d.problems.some((p) => /以“元”为金额单位/.test(p.message)));
  });

  it('this year’s file given as last year’s: warned', () => {
    const d = deriveLastYear(seedModel(), { current: seedModel() });
    assert.ok(d.problems.some((p) => /可能选成了本年的文件/.test(p.message)));
    assert.ok(!deriveLastYear(last, { current: seedModel() }).problems.length);
  });
});
