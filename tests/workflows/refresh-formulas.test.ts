import { strict as assert } from 'node:assert';
import { parseA1 } from '../../src/core/cells';
import { loadProfile } from '../../src/core/profiles';
import { buildSampleWorkbook, SEED_2021_EXPENDITURE } from '../../src/core/sample';
import { buildTable } from '../../src/core/template';
import { insertTables } from '../../src/core/workflows/insert-tables';
import { refreshFormulas } from '../../src/core/workflows/refresh-formulas';
import { HostError } from '../../src/core/host';
import type { MemoryHost } from '../../src/hosts/memory/memory-host';
import { calculatingHost, evaluate } from '../support/hyperformula';

const round = (n: number) => Math.round(n * 100) / 100;

/** The accountant inserts a row below `below` (an A1 row number) and types a 项 row into it. */
function addItemRow(host: MemoryHost, sheet: string, below: number, cells: Record<string, string | number>) {
  host.insertRows(sheet, below); // 0-based index of the new row = the 1-based row number above it
  for (const [col, v] of Object.entries(cells)) host.setCell(sheet, `${col}${below + 1}`, v);
}

describe('refreshFormulas (刷新公式)', () => {
  it('after a 项 row is inserted below a 款, the totals leave it out until 刷新公式 brings it in', async () => {
    const host = calculatingHost();
    await buildSampleWorkbook(host);
    // 03: rows 11–13 are 2010301/2010302/2010399 under 20103 (row 10); add 2010350 below row 13.
    addItemRow(host, '公开03表', 13, { A: '2010350', B: '信访事务', E: 10 });
    let ev = evaluate(host);
    assert.equal(round(ev.num('公开03表', 'E8')), 1138.53); // the new row is not counted yet
    host.calls = [];
    const r = await refreshFormulas(host);
    assert.deepEqual(host.calls, ['readSheets', 'apply']);
    assert.ok(r.written > 0);
    assert.ok(r.sheets.includes('公开03表'));
    assert.equal(host.cell('公开03表', 'E10')?.formula, '=SUM(E11:E14)');
    assert.equal(host.cell('公开03表', 'C14')?.formula, '=SUM(D14:H14)'); // the new row's 本年支出合计
    assert.equal(host.cell('公开03表', 'E14')?.value, 10); // typed value untouched
    ev = evaluate(host);
    assert.equal(round(ev.num('公开03表', 'E8')), 1148.53);
    assert.equal(round(ev.num('公开03表', 'C8')), 1484.07);
    // 01 follows through its link to 03's 201 row.
    assert.equal(round(ev.num('公开01表', 'F8')), 1266.53);
    assert.equal(round(ev.num('公开01表', 'F34')), 1484.07);
    // A second refresh finds nothing to do.
    const again = await refreshFormulas(host);
    assert.equal(again.written, 0);
    assert.deepEqual(again.sheets, []);
  });

  it('a new 款 with its 项 under an existing 类 is summed into the 类 and 合计', async () => {
    const host = calculatingHost();
    await buildSampleWorkbook(host);
    // 05: 212 at row 19, 21201 row 20, 2120199 row 21 (the last); add 21205 and 2120501 below.
    assert.equal(host.cell('公开05表', 'A19')?.value, '212');
    addItemRow(host, '公开05表', 21, { A: '21205', B: '城乡社区环境卫生' });
    addItemRow(host, '公开05表', 22, { A: '2120501', B: '城乡社区环境卫生', E: 20 });
    await refreshFormulas(host);
    assert.equal(host.cell('公开05表', 'C19')?.formula, '=SUM(C20,C22)');
    assert.equal(host.cell('公开05表', 'E22')?.formula, '=SUM(E23)');
    const ev = evaluate(host);
    assert.equal(round(ev.num('公开05表', 'C19')), 70);
    assert.equal(round(ev.num('公开05表', 'C8')), 1426.53);
    assert.equal(host.cell('公开04表', 'D18')?.value, '十一、城乡社区支出');
    assert.equal(round(ev.num('公开04表', 'G18')), 70); // 04 一般公共预算 column of 212 via the link to 05
    assert.equal(round(ev.num('公开04表', 'F18')), 70);
  });

  it('keeps a typed number where a formula belongs and reports it (unless replaceValues)', async () => {
    const host = calculatingHost();
    await buildSampleWorkbook(host);
    host.setCell('公开05表', 'D9', 335.5); // someone typed over 201 基本支出
    const r = await refreshFormulas(host);
    assert.deepEqual(r.keptValues, [{ sheet: '公开05表', address: 'D9' }]);
    assert.equal(host.cell('公开05表', 'D9')?.value, 335.5);
    const r2 = await refreshFormulas(host, { replaceValues: true });
    assert.equal(r2.written, 1);
    assert.equal(host.cell('公开05表', 'D9')?.formula, '=SUM(D10,D14)');
  });

  it('refuses a protected sheet that needs formulas, writing nothing', async () => {
    const host = calculatingHost();
    await buildSampleWorkbook(host);
    host.setCell('公开03表', 'E10', null);
    host.setCell('公开05表', 'E10', null);
    host.protectSheet('公开05表');
    await assert.rejects(refreshFormulas(host), (e: unknown) => e instanceof HostError && /“公开05表”受保护，无法刷新公式/.test(e.message));
    assert.equal(host.cell('公开03表', 'E10')?.formula, undefined);
  });

  it('2023 profile: split codes, a 项 row added, refreshed and evaluated', async () => {
    const host = calculatingHost();
    const rows = SEED_2021_EXPENDITURE.map(({ code, name }) => ({ code, name }));
    await insertTables(host, { profile: '2023', unit: '测试单位', year: 2023, onConflict: 'skip', rows: { expenditure: rows } });
    assert.deepEqual(host.sheets.map((s) => s.name).slice(6), ['公开07表', '公开08表', '公开09表']);
    assert.equal(host.cell('公开09表', 'A1')?.value, '财政拨款“三公”经费支出决算表');
    // Type the 项 figures where the 2023 layout puts them.
    const layout = buildTable(loadProfile('2023'), 'expenditure', { unit: '', year: 2023, rows }).layout;
    for (const r of SEED_2021_EXPENDITURE) {
      for (const [col, v] of Object.entries(r.values ?? {})) {
        host.setCell('公开03表', layout.lines.find((l) => l.id === r.code)!.values[col]!.cell.address, v);
      }
    }
    let ev = evaluate(host);
    const total = layout.lines.find((l) => l.id === 'total')!;
    const cell = (col: string) => total.values[col]!.cell.address;
    assert.equal(round(ev.num('公开03表', cell('total'))), 1474.07);
    assert.equal(round(ev.num('公开03表', cell('project'))), 1138.53);
    // 01 class rows link to 03 in the 2023 layout too (no 行次: amount in column B / D).
    assert.equal(round(ev.num('公开01表', 'D7')), 1256.53);
    // Insert 2299901 below 2299999 (the last row), codes typed in the three columns.
    const last = layout.lines[layout.lines.length - 1].row + 1; // 1-based
    addItemRow(host, '公开03表', last, { A: '229', B: '99', C: '01', D: '其他支出（追加）', G: 2.47 });
    await refreshFormulas(host);
    ev = evaluate(host);
    assert.equal(round(ev.num('公开03表', cell('project'))), 1141);
    assert.equal(round(ev.num('公开03表', cell('total'))), 1476.54);
    const { row } = parseA1(cell('total'));
    assert.equal(row, 8);
  });
});
