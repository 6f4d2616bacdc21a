import { strict as assert } from 'assert';
import fc from 'fast-check';
import type { Finding } from '../../../src/core/findings/finding';
import type { SheetSnapshot } from '../../../src/core/model/snapshot';
import { amount, line, type ColumnId } from '../../../src/core/model/tables';
import { readWorkbook } from '../../../src/core/reader';
import { checkWorkbook } from '../../../src/core/workflows/check-workbook';
import { gridToSnapshot, seedGrid, seedSnapshots } from '../../fixtures/seed-2021';
import { hostOf } from '../../support/memory-workbook';

/**
 * 02/03/05/08/09 whose codes are printed in split columns as exports print them (issue #9):
 * 类 | 款 with a two-digit 款 and no 项 column (tables that go down to 款 only), 类 | 款 | 项,
 * 款 as 3 or 03, the full code printed in the 款 column (20103), 类 printed on 类 rows only.
 * Each sheet is laid out as the exports lay it out: title, 公开NN表, 部门, 金额单位, headers
 * with 科目编码 over 类 | 款 (| 项), a 栏次 row, the 合计 row, then the code rows.
 */

type Key = 'income' | 'expenditure' | 'gpbExpenditure' | 'govFund' | 'stateCapital';
type Grid = string[][];

interface Column {
  /** Upper header (printed over the first column of a group, '' under a merged group). */
  top: string;
  sub: string;
  id: ColumnId;
}

const flat = (ids: Array<[ColumnId, string]>): Column[] => ids.map(([id, top]) => ({ top, sub: '', id }));
const spent = (first: string): Column[] => [
  { top: '本年支出', sub: first, id: 'total' },
  { top: '', sub: '基本支出', id: 'basic' },
  { top: '', sub: '项目支出', id: 'project' },
];

const TABLES: Record<Key, { number: string; title: string; columns: Column[] }> = {
  income: {
    number: '02',
    title: '收入决算表',
    columns: flat([
      ['total', '本年收入合计'],
      ['fiscal', '财政拨款收入'],
      ['superior', '上级补助收入'],
      ['business', '事业收入'],
      ['operating', '经营收入'],
      ['affiliated', '附属单位上缴收入'],
      ['other', '其他收入'],
    ]),
  },
  expenditure: {
    number: '03',
    title: '支出决算表',
    columns: flat([
      ['total', '本年支出合计'],
      ['basic', '基本支出'],
      ['project', '项目支出'],
      ['toSuperior', '上缴上级支出'],
      ['operating', '经营支出'],
      ['toAffiliated', '对附属单位补助支出'],
    ]),
  },
  gpbExpenditure: { number: '05', title: '一般公共预算财政拨款支出决算表', columns: spent('小计') },
  govFund: {
    number: '08',
    title: '政府性基金预算财政拨款收入支出决算表',
    columns: [
      { top: '年初结转和结余', sub: '', id: 'opening' },
      { top: '本年收入', sub: '', id: 'income' },
      ...spent('小计'),
      { top: '年末结转和结余', sub: '', id: 'closing' },
    ],
  },
  stateCapital: { number: '09', title: '国有资本经营预算财政拨款支出决算表', columns: spent('合计') },
};

interface Row {
  code: string;
  name: string;
  /** One figure per column (cents); 0 prints as an empty cell. */
  cents: number[];
}

interface Print {
  /** 'section': 类 | 款 columns, no 项 rows; 'item': 类 | 款 | 项; 'fullItem': 类 | 款, a 项 row prints its full code in the 款 column. */
  depth: 'section' | 'item' | 'fullItem';
  /** 类 (and 款) printed on their own rows only. */
  carry: boolean;
  /** 款 and 项 printed as 03 / 01 (text), else as 3 / 1 (numbers). */
  padded: boolean;
  /** The 款 column prints the full code (20103). */
  fullSection: boolean;
  /** 'named': 类 | 款 (| 项) under 科目编码; 'merged': 科目编码 over blank cells. */
  headers: 'named' | 'merged';
  /** 合计 in the first code column or in the name column. */
  totalIn: 'code' | 'name';
}

const yuan = (c: number) => (c === 0 ? '' : (c / 100).toFixed(2));

/** The code cells of one row. */
function codeCells(code: string, p: Print): string[] {
  const cls = code.slice(0, 3);
  const part = (d: string) => (p.padded ? d : String(Number(d)));
  const width = p.depth === 'item' ? 3 : 2;
  let cells: string[];
  if (code.length === 3) cells = [cls];
  else if (code.length === 5) cells = [p.carry ? '' : cls, p.fullSection ? code : part(code.slice(3))];
  else if (p.depth === 'fullItem') cells = [p.carry ? '' : cls, code];
  else cells = [p.carry ? '' : cls, p.carry ? '' : p.fullSection ? code.slice(0, 5) : part(code.slice(3, 5)), part(code.slice(5))];
  while (cells.length < width) cells.push('');
  return cells;
}

/** One table as an export prints it. */
function exportGrid(key: Key, rows: Row[], p: Print): Grid {
  const t = TABLES[key];
  const width = p.depth === 'item' ? 3 : 2;
  const blanks = (n: number) => Array<string>(n).fill('');
  const n = t.columns.length;
  const sums = t.columns.map((_, i) => rows.filter((r) => r.code.length === 3).reduce((s, r) => s + r.cents[i], 0));
  const codeHeader = p.headers === 'named' ? ['类', '款', '项'].slice(0, width) : blanks(width);
  const printed = rows.filter((r) => p.depth !== 'section' || r.code.length <= 5);
  return [
    [t.title],
    [...blanks(width + n), `公开${t.number}表`],
    ['部门：株洲市石峰区机关事务服务中心', ...blanks(width + n - 1), '金额单位：万元'],
    ['科目编码', ...blanks(width - 1), '科目名称', ...t.columns.map((c) => c.top)],
    [...codeHeader, '', ...t.columns.map((c) => c.sub)],
    ['栏次', ...blanks(width), ...t.columns.map((_, i) => String(i + 1))],
    p.totalIn === 'code' ? ['合计', ...blanks(width), ...sums.map(yuan)] : [...blanks(width), '合计', ...sums.map(yuan)],
    ...printed.map((r) => [...codeCells(r.code, p), r.name, ...r.cents.map(yuan)]),
    ['注：本表反映部门本年度的有关情况。'],
  ];
}

const sheetOf = (key: Key, rows: Row[], p: Print): SheetSnapshot =>
  gridToSnapshot(`公开${TABLES[key].number}表`, exportGrid(key, rows, p), { codesAsText: p.padded || p.fullSection });

/** A consistent tree of rows: every 类 and 款 the sum of its children. */
function treeRows(tree: Array<{ cls: string; name: string; sections: Array<{ sec: string; items: Array<{ item: string; cents: number[] }> }> }>): Row[] {
  const add = (a: number[], b: number[]) => a.map((x, i) => x + b[i]);
  const out: Row[] = [];
  for (const c of tree) {
    const secRows: Row[][] = c.sections.map((s) => {
      const items = s.items.map((it) => ({ code: c.cls + s.sec + it.item, name: `项${c.cls}${s.sec}${it.item}`, cents: it.cents }));
      const sum = items.reduce(
        (acc, r) => add(acc, r.cents),
        items[0].cents.map(() => 0),
      );
      return [{ code: c.cls + s.sec, name: `款${c.cls}${s.sec}`, cents: sum }, ...items];
    });
    const sum = secRows.reduce(
      (acc, rs) => add(acc, rs[0].cents),
      secRows[0][0].cents.map(() => 0),
    );
    out.push({ code: c.cls, name: c.name, cents: sum }, ...secRows.flat());
  }
  return out;
}

const GOV_FUND: Row[] = treeRows([
  {
    cls: '208',
    name: '社会保障和就业支出',
    sections: [{ sec: '22', items: [{ item: '01', cents: [0, 120000, 120000, 0, 120000, 0] }] }],
  },
  {
    cls: '229',
    name: '其他支出',
    sections: [
      {
        sec: '60',
        items: [
          { item: '02', cents: [5000, 30000, 35000, 0, 35000, 0] },
          { item: '99', cents: [0, 4512, 4512, 0, 4512, 0] },
        ],
      },
    ],
  },
]);
const STATE_CAPITAL: Row[] = treeRows([
  {
    cls: '223',
    name: '国有资本经营预算支出',
    sections: [
      { sec: '01', items: [{ item: '05', cents: [80000, 0, 80000] }] },
      { sec: '99', items: [{ item: '99', cents: [1250, 0, 1250] }] },
    ],
  },
]);

const BASE: Print = { depth: 'section', carry: false, padded: true, fullSection: false, headers: 'named', totalIn: 'name' };

/** The seed's 02/03/05 printed as an export with split codes (类 | 款 and, when `item`, 项). */
function seedSplit(key: 'income' | 'expenditure' | 'gpbExpenditure', p: Print): Grid {
  const g = seedGrid(key);
  const width = p.depth === 'item' ? 3 : 2;
  const out: Grid = [];
  for (const row of g) {
    const c0 = (row[0] ?? '').trim();
    if (/^2\d{2}(\d{2}){0,2}$/.test(c0)) {
      if (p.depth === 'section' && c0.length === 7) continue;
      out.push([...codeCells(c0, p), ...row.slice(1)]);
    } else if (/编码$/.test(c0.replace(/\s/g, ''))) {
      out.push(['科目编码', ...Array<string>(width - 1).fill(''), ...row.slice(1)]);
      if (p.headers === 'named') out.push([...['类', '款', '项'].slice(0, width)]);
    } else {
      out.push([row[0] ?? '', ...Array<string>(width - 1).fill(''), ...row.slice(1)]);
    }
  }
  return out;
}

describe('reader: 类 | 款 split code columns in 02/03/05/08/09 (issue #9)', () => {
  for (const key of ['income', 'expenditure', 'gpbExpenditure'] as const) {
    for (const p of [BASE, { ...BASE, headers: 'merged', padded: false } as Print, { ...BASE, depth: 'fullItem', carry: true } as Print]) {
      it(`${TABLES[key].number}: the seed printed 类 | 款 (${p.depth}, ${p.headers} headers, ${p.padded ? '03' : '3'}${p.carry ? ', 类 on 类 rows only' : ''})`, () => {
        const wb = readWorkbook([gridToSnapshot('表', seedSplit(key, p), { codesAsText: p.padded })]);
        const t = wb.tables[key]!;
        assert.deepEqual(
          wb.problems.map((x) => x.message),
          [],
        );
        const ids = t.lines.map((l) => l.id);
        const codes = seedGrid(key)
          .map((r) => (r[0] ?? '').trim())
          .filter((c) => /^2\d{2}(\d{2}){0,2}$/.test(c) && (p.depth !== 'section' || c.length <= 5));
        assert.deepEqual(ids, ['total', ...codes]);
        assert.equal(line(t, '20103')!.level, 'section');
        assert.match(line(t, '20103')!.label, /^政府办公厅.室.及相关机构事务$/);
        assert.equal(amount(t, '20103', 'total')!.value, 1252.01);
      });
    }
  }

  it('08 and 09 down to 款 only: 229 | 60 read as 22960, 223 | 01 as 22301', () => {
    const wb = readWorkbook([sheetOf('govFund', GOV_FUND, BASE), sheetOf('stateCapital', STATE_CAPITAL, { ...BASE, headers: 'merged', padded: false })]);
    assert.deepEqual(wb.problems, []);
    assert.deepEqual(
      wb.tables.govFund!.lines.map((l) => l.id),
      ['total', '208', '20822', '229', '22960'],
    );
    assert.equal(amount(wb.tables.govFund, '22960', 'income')!.value, 345.12);
    assert.equal(amount(wb.tables.govFund, '22960', 'opening')!.value, 50);
    assert.deepEqual(
      wb.tables.stateCapital!.lines.map((l) => l.id),
      ['total', '223', '22301', '22399'],
    );
    assert.equal(amount(wb.tables.stateCapital, '22399', 'total')!.value, 12.5);
    assert.equal(amount(wb.tables.stateCapital, 'total', 'total')!.value, 812.5);
  });

  it('08 and 09 with 类 | 款 | 项, the full 款 code (20103) read as is, 类 carried down', () => {
    const p: Print = { ...BASE, depth: 'item', carry: true, fullSection: true, totalIn: 'code' };
    const wb = readWorkbook([sheetOf('govFund', GOV_FUND, p), sheetOf('stateCapital', STATE_CAPITAL, { ...p, carry: false })]);
    assert.deepEqual(wb.problems, []);
    assert.deepEqual(
      wb.tables.govFund!.lines.map((l) => l.id),
      ['total', '208', '20822', '2082201', '229', '22960', '2296002', '2296099'],
    );
    assert.deepEqual(
      wb.tables.stateCapital!.lines.map((l) => l.id),
      ['total', '223', '22301', '2230105', '22399', '2239999'],
    );
  });

  it('a column of 行次 numbers beside three-digit codes is not a 款 column', () => {
    const rows = [
      ['一般公共预算财政拨款支出决算表'],
      ['', '', '', '', '', '公开05表'],
      ['部门：某单位', '', '', '', '', '金额单位：万元'],
      ['科目编码', '行次', '科目名称', '本年支出', '', ''],
      ['', '', '', '小计', '基本支出', '项目支出'],
      ['栏次', '', '', '1', '2', '3'],
      ['合计', '1', '', '30.00', '20.00', '10.00'],
      ['201', '2', '一般公共服务支出', '20.00', '20.00', ''],
      ['208', '3', '社会保障和就业支出', '10.00', '', '10.00'],
    ];
    for (const headed of [true, false]) {
      const g = rows.map((r, i) => (i === 3 && !headed ? r.map((c) => (c === '行次' ? '' : c)) : r));
      const t = readWorkbook([gridToSnapshot('表5', g)]).tables.gpbExpenditure!;
      assert.deepEqual(
        t.lines.map((l) => l.id),
        ['total', '201', '208'],
        `行次 ${headed ? 'headed' : 'unheaded'}`,
      );
      assert.equal(amount(t, '208', 'project')!.value, 10);
    }
  });

  it('line numbers running down every code row (no header, no 合计 number) are not 款', () => {
    const g = [
      ['国有资本经营预算财政拨款支出决算表'],
      ['科目编码', '', '科目名称', '合计', '基本支出', '项目支出'],
      ['223', '1', '国有资本经营预算支出', '8.00', '', '8.00'],
      ['224', '2', '灾害防治及应急管理支出', '2.00', '', '2.00'],
      ['229', '3', '其他支出', '1.00', '', '1.00'],
    ];
    const t = readWorkbook([gridToSnapshot('表9', g)]).tables.stateCapital!;
    assert.deepEqual(
      t.lines.map((l) => l.id),
      ['223', '224', '229'],
    );
  });

  it('a name column beside three-digit codes is not a code column (类-only table)', () => {
    const g = [
      ['国有资本经营预算财政拨款支出决算表'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['合计', '', '10.00', '', '10.00'],
      ['223', '国有资本经营预算支出', '8.00', '', '8.00'],
      ['229', '其他支出', '2.00', '', '2.00'],
    ];
    const t = readWorkbook([gridToSnapshot('表9', g)]).tables.stateCapital!;
    assert.deepEqual(
      t.lines.map((l) => l.id),
      ['total', '223', '229'],
    );
    assert.equal(line(t, '229')!.label, '其他支出');
  });

  it('any column count and padding (fast-check): every code read, every figure at its place', () => {
    const part = (max: number) => fc.integer({ min: 1, max }).map((n) => String(n).padStart(2, '0'));
    const figures = (n: number) => fc.array(fc.integer({ min: 0, max: 9_999_999 }), { minLength: n, maxLength: n });
    const keyArb = fc.constantFrom<Key>('income', 'expenditure', 'gpbExpenditure', 'govFund', 'stateCapital');
    const printArb: fc.Arbitrary<Print> = fc.record({
      depth: fc.constantFrom('section', 'item', 'fullItem'),
      carry: fc.boolean(),
      padded: fc.boolean(),
      fullSection: fc.boolean(),
      headers: fc.constantFrom('named', 'merged'),
      totalIn: fc.constantFrom('code', 'name'),
    });
    const treeArb = (n: number) =>
      fc.uniqueArray(fc.constantFrom('201', '205', '208', '210', '212', '213', '221', '223', '229'), { minLength: 1, maxLength: 3 }).chain((classes) =>
        fc.tuple(
          ...classes.map((cls) =>
            fc
              .uniqueArray(part(99), { minLength: 1, maxLength: 3 })
              .chain((secs) =>
                fc.tuple(
                  ...secs.map((sec) =>
                    fc
                      .uniqueArray(part(99), { minLength: 1, maxLength: 3 })
                      .chain((items) => fc.tuple(...items.map((item) => figures(n).map((cents) => ({ item, cents })))).map((its) => ({ sec, items: its }))),
                  ),
                ),
              )
              .map((sections) => ({ cls, name: `类${cls}`, sections })),
          ),
        ),
      );
    const caseArb = keyArb.chain((key) => fc.record({ key: fc.constant(key), print: printArb, tree: treeArb(TABLES[key].columns.length) }));
    fc.assert(
      fc.property(caseArb, ({ key, print, tree }) => {
        const rows = treeRows(tree);
        const wb = readWorkbook([sheetOf(key, rows, print)]);
        const t = wb.tables[key]!;
        assert.deepEqual(
          wb.problems.map((x) => x.message),
          [],
        );
        const expected = rows.filter((r) => print.depth !== 'section' || r.code.length <= 5);
        assert.deepEqual(
          t.lines.map((l) => l.id),
          ['total', ...expected.map((r) => r.code)],
        );
        for (const r of expected) {
          TABLES[key].columns.forEach((c, i) => assert.equal(amount(t, r.code, c.id)?.value ?? 0, r.cents[i] / 100, `${r.code} ${c.id}`));
          assert.equal(line(t, r.code)!.label, r.name);
        }
      }),
      { numRuns: 150, seed: 9909 },
    );
  });
});

describe('check: 02/03/05 with 类 | 款 codes, end to end (issue #9)', () => {
  const show = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.rule} ${f.message}`).join('\n');
  const brief = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.rule}`).sort();
  const SPLIT = ['income', 'expenditure', 'gpbExpenditure'] as const;
  const keyOf = (s: SheetSnapshot) => SPLIT.find((k) => s.values.flat().includes(`公开${TABLES[k].number}表`));

  /**
   * The seed with 02, 03 and 05 printed 类 | 款 (`p`); `plant`: 03's 20103 项目支出 and its row
   * total one cent up, the 类 201 above keeping its figure (a 尾数差异 in a 款 sum).
   */
  function workbook(p: Print, plant: boolean): SheetSnapshot[] {
    return seedSnapshots().map((s) => {
      const key = keyOf(s);
      if (!key) return s;
      let g = seedSplit(key, p);
      if (plant && key === 'expenditure') {
        // 类 | 款: name in column 2, 本年支出合计 3, 基本支出 4, 项目支出 5.
        g = g.map((row) => (row[0] === '201' && Number(row[1]) === 3 ? row.map((c, i) => (i === 3 ? '1,252.02' : i === 5 ? '916.48' : c)) : row));
      }
      return gridToSnapshot(s.name, g, { codesAsText: p.padded });
    });
  }

  /** The seed as it is (one code column), without its 项 rows when the split print has none. */
  function reference(p: Print): SheetSnapshot[] {
    if (p.depth !== 'section') return seedSnapshots();
    return seedSnapshots().map((s) =>
      keyOf(s)
        ? gridToSnapshot(
            s.name,
            seedGrid(keyOf(s)!).filter((r) => !/^2\d{6}$/.test((r[0] ?? '').trim())),
          )
        : s,
    );
  }

  for (const p of [
    { ...BASE, depth: 'fullItem', headers: 'merged' },
    { ...BASE, depth: 'section', padded: false },
  ] as Print[]) {
    it(`a one-cent 尾数差异 in a 款 sum is found, no 科目…重复出现 warning (${p.depth === 'section' ? '类 | 款 down to 款' : '类 | 款, 项 as full codes'})`, async () => {
      const clean = await checkWorkbook(hostOf(workbook(p, false)));
      const planted = await checkWorkbook(hostOf(workbook(p, true)));
      for (const r of [clean, planted]) assert.ok(!r.findings.some((f) => /重复出现/.test(f.message)), show(r.findings));
      // Read as the same figures printed with one code column are read: the same findings.
      const ref = await checkWorkbook(hostOf(reference(p)));
      assert.deepEqual(brief(clean.findings), brief(ref.findings), show(clean.findings));
      for (const k of SPLIT) {
        assert.deepEqual(
          clean.model.tables[k]!.lines.map((l) => l.id),
          ref.model.tables[k]!.lines.map((l) => l.id),
        );
      }
      const added = planted.findings.filter((f) => !clean.findings.some((c) => c.message === f.message));
      assert.ok(
        added.some((f) => f.severity === 'rounding' && f.rule === 'classified-class-eq-sum-sections' && /201/.test(f.message)),
        show(planted.findings),
      );
      assert.ok(
        added.every((f) => f.severity === 'rounding'),
        show(added),
      );
    });
  }
});
