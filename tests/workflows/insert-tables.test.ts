import { strict as assert } from 'node:assert';
import { loadProfile, type Profile } from '../../src/core/profiles';
import { buildSampleWorkbook, SEED_2021_UNIT } from '../../src/core/sample';
import { insertTables } from '../../src/core/workflows/insert-tables';
import { HostError } from '../../src/core/host';
import { MemoryHost, type MemorySheet } from '../../src/hosts/memory/memory-host';
import { calculatingHost, evaluate } from '../support/hyperformula';

const NINE = ['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表'];
const base = { profile: '2021', unit: '测试单位', year: 2021 } as const;

/** A deep copy of a sheet's cells, to compare before/after. */
const dump = (s: MemorySheet) => JSON.stringify([...s.cells.entries()].sort());

describe('insertTables', () => {
  it('inserts the nine blank tables in one listSheets and one apply; formulas evaluate without errors', async () => {
    const host = calculatingHost();
    const r = await insertTables(host, { ...base, onConflict: 'skip', includeInputs: true });
    assert.deepEqual(r.created, [...NINE, '补充信息']);
    assert.deepEqual(host.calls, ['listSheets', 'apply']);
    assert.equal(host.activeSheet, '公开01表');
    const ev = evaluate(host);
    assert.deepEqual(ev.errors(), []);
    assert.equal(ev.num('公开01表', 'C38'), 0);
    assert.equal(host.cell('公开01表', 'C38')?.formula, '=SUM(C34:C36)');
  });

  it("'skip' leaves an existing sheet exactly as it was", async () => {
    const host = new MemoryHost();
    host.setCell('公开03表', 'A1', '我的表');
    host.setCell('公开03表', 'C9', 12.5);
    const before = dump(host.sheet('公开03表')!);
    const r = await insertTables(host, { ...base, onConflict: 'skip' });
    assert.deepEqual(r.skipped, ['公开03表']);
    assert.equal(r.sheets.expenditure, '公开03表');
    assert.equal(dump(host.sheet('公开03表')!), before);
    assert.equal(host.sheets.length, 9);
  });

  it("'beside' adds 公开03表(2), then (3)", async () => {
    const host = new MemoryHost();
    host.setCell('公开03表', 'A1', 'x');
    const r = await insertTables(host, { ...base, tables: ['expenditure'], onConflict: 'beside' });
    assert.deepEqual(r.created, ['公开03表(2)']);
    const r2 = await insertTables(host, { ...base, tables: ['expenditure'], onConflict: 'beside' });
    assert.deepEqual(r2.created, ['公开03表(3)']);
    assert.equal(host.cell('公开03表(3)', 'A1')?.value, '支出决算表');
    assert.equal(host.cell('公开03表', 'A1')?.value, 'x');
  });

  it("'refresh' rewrites the frame and formulas, keeps every typed value and cells outside the template", async () => {
    const host = calculatingHost();
    await buildSampleWorkbook(host);
    // The accountant's workbook drifted: a header text edited, a subtotal formula deleted,
    // a typed remark beside the table, a different unit typed in the title rows.
    host.setCell('公开03表', 'C5', '支出合计');
    host.setCell('公开03表', 'E10', null); // 20103 项目支出 formula gone
    host.setCell('公开03表', 'J12', '备注：含追加');
    const typed = host.cell('公开03表', 'E12')?.value; // 2010302 项目支出 634.31
    host.calls = [];
    const r = await insertTables(host, { ...base, unit: SEED_2021_UNIT, tables: ['expenditure', 'income'], onConflict: 'refresh' });
    assert.deepEqual(r.refreshed.sort(), ['公开02表', '公开03表']);
    assert.deepEqual(host.calls, ['listSheets', 'readSheets', 'apply']);
    assert.equal(host.cell('公开03表', 'C5')?.value, '支出合计', 'a header the user changed stays (issue #10, item 5)');
    assert.equal(host.cell('公开03表', 'E10')?.formula, '=SUM(E11:E13)');
    assert.equal(host.cell('公开03表', 'E12')?.value, typed);
    assert.equal(host.cell('公开03表', 'J12')?.value, '备注：含追加');
    assert.equal(host.cell('公开03表', 'B11')?.value, '行政运行');
    const ev = evaluate(host);
    assert.equal(Math.round(ev.num('公开03表', 'E8') * 100) / 100, 1138.53);
    assert.deepEqual(r.keptValues, []);
  });

  it("'refresh' keeps the user's frame texts (金额单位：元 stays 元) and fills only blank ones, unless restoreFrame asks", async () => {
    const host = new MemoryHost();
    await insertTables(host, { ...base, tables: ['expenditure'], onConflict: 'skip' });
    const unitCell = [...host.sheet('公开03表')!.cells.entries()].find(([, c]) => typeof c.value === 'string' && c.value.startsWith('金额单位'))!;
    const [r, c] = unitCell[0].split(',').map(Number);
    const addr = `${String.fromCharCode(65 + c)}${r + 1}`;
    const template = unitCell[1].value;
    host.setCell('公开03表', addr, '金额单位：元');
    host.setCell('公开03表', 'A1', null); // the title deleted
    await insertTables(host, { ...base, tables: ['expenditure'], onConflict: 'refresh' });
    assert.equal(host.cell('公开03表', addr)?.value, '金额单位：元');
    assert.equal(host.cell('公开03表', 'A1')?.value, '支出决算表', 'a blank frame cell is put back');
    await insertTables(host, { ...base, tables: ['expenditure'], onConflict: 'refresh', restoreFrame: true });
    assert.equal(host.cell('公开03表', addr)?.value, template);
  });

  it("'refresh' never merges over a cell that holds something (a merge keeps the upper-left value only)", async () => {
    const host = new MemoryHost();
    await insertTables(host, { ...base, tables: ['expenditure'], onConflict: 'skip' });
    const s = host.sheet('公开03表')!;
    const title = s.merges.find((m) => m.top === 0)!;
    s.merges = [];
    host.setCell('公开03表', 'B1', '（草稿）'); // inside the title's merge, right of A1
    await insertTables(host, { ...base, tables: ['expenditure'], onConflict: 'refresh' });
    assert.ok(!s.merges.some((m) => m.top === title.top && m.left === title.left), 'the title merge is left out');
    assert.equal(host.cell('公开03表', 'B1')?.value, '（草稿）');
    assert.ok(s.merges.length > 0, 'merges over blank cells are put back');
  });

  it('refuses a protected workbook structure or a protected sheet to refresh, writing nothing', async () => {
    const host = new MemoryHost();
    host.setCell('公开03表', 'A1', 'x');
    host.protectStructure();
    await assert.rejects(insertTables(host, { ...base, onConflict: 'skip' }), (e: unknown) => e instanceof HostError && /工作簿结构受保护/.test(e.message));
    assert.deepEqual(
      host.sheets.map((s) => s.name),
      ['公开03表'],
    );
    host.protectStructure(false);
    host.protectSheet('公开03表');
    await assert.rejects(
      insertTables(host, { ...base, onConflict: 'refresh' }),
      (e: unknown) => e instanceof HostError && /工作表“公开03表”受保护，无法刷新表样/.test(e.message),
    );
    assert.deepEqual(
      host.sheets.map((s) => s.name),
      ['公开03表'],
    );
    assert.equal(host.cell('公开03表', 'A1')?.value, 'x');
  });

  it("'refresh' leaves a sheet that does not follow the template untouched and says so", async () => {
    const host = new MemoryHost();
    host.setCell('公开05表', 'A1', '别人的表');
    host.setCell('公开05表', 'B3', 7);
    const before = dump(host.sheet('公开05表')!);
    const r = await insertTables(host, { ...base, tables: ['gpbExpenditure'], onConflict: 'refresh' });
    assert.deepEqual(r.unrecognized, ['公开05表']);
    assert.equal(dump(host.sheet('公开05表')!), before);
  });

  it('a profile that drops a table is a data change: the workflow inserts what the data lists', async () => {
    const custom = JSON.parse(JSON.stringify(loadProfile('2021'))) as Profile;
    custom.id = 'no-09';
    custom.tables = custom.tables.filter((t) => t.key !== 'stateCapital');
    const host = new MemoryHost();
    const r = await insertTables(host, { ...base, profile: custom, onConflict: 'skip' });
    assert.deepEqual(r.created, NINE.slice(0, 8));
    await assert.rejects(insertTables(host, { ...base, profile: custom, tables: ['stateCapital'], onConflict: 'skip' }), /不含所选的表/);
  });
});
