import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { a1, isCellError, parseA1, type CellValue } from '../../src/core/cells';
import type { ColumnId, LineId, TableKey, TableModel } from '../../src/core/model/tables';
import { valueAt, formulaAt, type SheetSnapshot } from '../../src/core/model/snapshot';
import { sampleBatch } from '../../src/core/sample/seed-2021';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { evaluateFormulas } from '../../src/hosts/xlsx/evaluate';
import { juesuan } from '../support/cli';
import { requireTool } from '../support/env';
import { recalculateXlsx, SOFFICE } from '../support/libreoffice';

/**
 * The demo workbook, as `juesuan demo` writes it (typed input figures, every total a
 * formula, no cached values), recalculated by LibreOffice — a real spreadsheet engine
 * that knows nothing of this code — must show the seed report's published totals.
 */

/** Published figures of the seed report (tests/fixtures/seed-2021/), 万元. */
const PUBLISHED: Array<{ table: TableKey; line: LineId; col: ColumnId[]; value: number; what: string; computed?: number }> = [
  { table: 'summary', line: 'inc.total', col: ['amount'], value: 1474.07, what: '01 本年收入合计' },
  { table: 'summary', line: 'exp.total', col: ['exp.amount', 'amount'], value: 1474.07, what: '01 本年支出合计' },
  { table: 'summary', line: 'inc.grandTotal', col: ['amount'], value: 1474.07, what: '01 收入总计' },
  { table: 'summary', line: 'exp.grandTotal', col: ['exp.amount', 'amount'], value: 1474.07, what: '01 支出总计' },
  { table: 'summary', line: '201', col: ['exp.amount', 'amount'], value: 1256.53, what: '01 一般公共服务支出' },
  { table: 'summary', line: '229', col: ['exp.amount', 'amount'], value: 67.54, what: '01 其他支出' },
  { table: 'income', line: 'total', col: ['total'], value: 1474.07, what: '02 本年收入合计' },
  { table: 'income', line: 'total', col: ['fiscal'], value: 1406.53, what: '02 财政拨款收入' },
  { table: 'income', line: 'total', col: ['other'], value: 67.54, what: '02 其他收入' },
  { table: 'expenditure', line: 'total', col: ['total'], value: 1474.07, what: '03 本年支出合计' },
  { table: 'expenditure', line: 'total', col: ['basic'], value: 335.54, what: '03 基本支出' },
  // Printed 1,138.54; its 类 rows give 920.99 + 100.00 + 50.00 + 67.54 = 1,138.53.
  { table: 'expenditure', line: 'total', col: ['project'], value: 1138.54, computed: 1138.53, what: '03 项目支出' },
  { table: 'fiscalSummary', line: 'inc.total', col: ['amount'], value: 1406.53, what: '04 本年收入合计' },
  { table: 'gpbExpenditure', line: 'total', col: ['total'], value: 1406.53, what: '05 合计' },
  { table: 'gpbExpenditure', line: 'total', col: ['basic'], value: 335.54, what: '05 基本支出' },
  { table: 'gpbExpenditure', line: 'total', col: ['project'], value: 1070.99, what: '05 项目支出' },
  // The seed prints 303 对个人和家庭的补助 as 30.45 while its items add up to 30.44
  // (23.95 + 2.74 + 0.86 + 2.89): its 278.84 = 248.39 + 30.45 is a rounding cent above
  // what its own items give. The formula gives 278.83, one cent (尾数差异) off.
  { table: 'gpbBasic', line: 'personnelTotal', col: ['amount'], value: 278.84, computed: 278.83, what: '06 人员经费合计' },
  { table: 'gpbBasic', line: 'publicTotal', col: ['amount'], value: 56.7, what: '06 公用经费合计' },
  { table: 'gpbBasic', line: '301', col: ['amount'], value: 248.39, what: '06 工资福利支出' },
  { table: 'threePublic', line: 'actual', col: ['total'], value: 92.51, what: '07 决算数合计' },
  { table: 'threePublic', line: 'budget', col: ['total'], value: 95, what: '07 预算数合计' },
];

function cellOf(layouts: TableModel[], table: TableKey, line: LineId, cols: ColumnId[]): { sheet: string; address: string } {
  const t = layouts.find((l) => l.key === table);
  assert.ok(t, `layout of ${table}`);
  const l = t.lines.find((x) => x.id === line);
  assert.ok(l, `line ${line} in ${table}`);
  for (const c of cols) if (l.values[c]) return l.values[c].cell;
  throw new Error(`no column ${cols.join('/')} on ${table} ${line}`);
}

function at(snaps: SheetSnapshot[], sheet: string, address: string): { v: CellValue; f: string | null } {
  const s = snaps.find((x) => x.name === sheet);
  assert.ok(s, `sheet ${sheet}`);
  const { row, col } = parseA1(address);
  return { v: valueAt(s, row, col), f: formulaAt(s, row, col) };
}

describe('e2e: the demo workbook recalculated by LibreOffice', function () {
  this.timeout(240_000);
  let dir: string;
  let recalculated: SheetSnapshot[];
  let written: XlsxHost;
  let out: string;
  const { layouts } = sampleBatch();

  before(requireTool('LibreOffice', SOFFICE));

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-e2e-'));
    const demo = path.join(dir, 'in', 'demo-2021.xlsx');
    const run = await juesuan(['demo', demo], dir);
    assert.equal(run.status, 0, `juesuan demo failed:\n${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /示例工作簿已生成/);
    written = await XlsxHost.open(demo);
    out = await recalculateXlsx(demo, path.join(dir, 'out'));
    recalculated = await (await XlsxHost.open(out)).readSheets();
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the demo file carries formulas without cached values (nothing precomputed)', async () => {
    assert.ok(written.uncomputedFormulaCount() > 50, `formula cells: ${written.uncomputedFormulaCount()}`);
    const names = (await written.listSheets()).map((s) => s.name);
    for (const n of ['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表', '补充信息']) {
      assert.ok(names.includes(n), `sheet ${n} in ${names.join(',')}`);
    }
  });

  for (const p of PUBLISHED) {
    const title = p.computed === undefined ? `${p.value.toFixed(2)}` : `${p.computed.toFixed(2)} (printed ${p.value.toFixed(2)}, a rounding cent)`;
    it(`${p.what} = ${title}, a formula computed by LibreOffice`, () => {
      const cell = cellOf(layouts, p.table, p.line, p.col);
      const { v, f } = at(recalculated, cell.sheet, cell.address);
      assert.ok(f, `${cell.sheet}!${cell.address} should hold a formula`);
      assert.equal(typeof v, 'number', `${cell.sheet}!${cell.address} = ${JSON.stringify(v)} (${f})`);
      const expected = p.computed ?? p.value;
      assert.ok(Math.abs((v as number) - expected) < 0.005, `${cell.sheet}!${cell.address} = ${v as number}, expected ${expected} (published ${p.value})`);
      assert.ok(
        Math.abs((v as number) - p.value) <= 0.01 + 1e-9,
        `${cell.sheet}!${cell.address} = ${v as number} is more than a rounding cent from the published ${p.value}`,
      );
    });
  }

  it('no formula evaluates to an error, and the in-process engine agrees with LibreOffice on every formula', async () => {
    const mine = await XlsxHost.open(path.join(dir, 'in', 'demo-2021.xlsx'));
    const r = evaluateFormulas(mine);
    assert.ok(r && r.computed > 50);
    const ours = await mine.readSheets();
    let compared = 0;
    for (const s of recalculated) {
      s.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const f = s.formulas?.[i]?.[j];
          if (!f) return;
          const addr = `${s.name}!${a1(s.top + i, s.left + j)}`;
          assert.ok(!isCellError(v), `${addr} ${f} = ${JSON.stringify(v)}`);
          const o = at(ours, s.name, a1(s.top + i, s.left + j)).v;
          if (typeof v === 'number') {
            assert.ok(typeof o === 'number' && Math.abs(o - v) < 1e-9, `${addr} ${f}: LibreOffice ${v}, in-process ${JSON.stringify(o)}`);
          } else {
            assert.deepEqual(o ?? '', v ?? '', `${addr} ${f}`);
          }
          compared++;
        }),
      );
    }
    assert.ok(compared > 50, `compared ${compared} formulas`);
  });

  it('juesuan check reads the cached values of the recalculated file (no in-process evaluation) and finds no error', async () => {
    const r = await juesuan(['check', out, '--json'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const findings = JSON.parse(r.stdout) as Array<{ rule: string; severity: string }>;
    assert.ok(!findings.some((f) => f.rule === 'formulas-not-computed'));
    assert.ok(
      findings.every((f) => f.severity !== 'error'),
      r.stdout,
    );
    const text = await juesuan(['check', out], dir, { JUESUAN_NO_ENGINE: '1' });
    assert.equal(text.status, 0);
    assert.doesNotMatch(text.stdout, /已在本机计算|没有计算结果/);
  });
});
