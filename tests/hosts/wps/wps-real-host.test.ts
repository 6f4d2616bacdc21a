/**
 * WpsHost against the ways the real WPS object model fails (issue #10, item 1), each
 * reproduced by the fake (tests/hosts/wps/fake-wps.ts) after the documentation cited
 * there and here. Members as in the WPS typings (npm et-jsapi-declare), which mirror
 * Excel VBA's object model.
 */
import { strict as assert } from 'node:assert';
import { HostError } from '../../../src/core/host';
import { MARK_FORMULA } from '../../../src/hosts/spreadsheet-kit/marks';
import { WpsHost, bgr } from '../../../src/hosts/wps/wps-host';
import { insertTables } from '../../../src/core/workflows/insert-tables';
import { checkWorkbook } from '../../../src/core/workflows/check-workbook';
import { tablePlan } from '../office/plan-fixture';
import { REF_ERROR, WBook, WSheet, fakeWps, shownRule } from './fake-wps';

function setup() {
  const f = fakeWps();
  const s = f.book.add('Sheet1');
  s.cell(0, 0).value = '用户自己的数据';
  return { ...f, host: new WpsHost(f.app) };
}

const sheetsOf = (book: WBook) => book.list.filter((s): s is WSheet => s instanceof WSheet);

describe('WpsHost: what the real WPS does (issue #10)', () => {
  // https://learn.microsoft.com/office/troubleshoot/excel/update-values-dialog-box-opens :
  // a reference to a sheet name the workbook does not have is a link to another file.
  it('adds every new sheet before filling any: 01→02/03 and 04→05/08/09 links find their sheets (no 更新值 dialog, no #REF!)', async () => {
    const { book, host } = setup();
    const r = await insertTables(host, { profile: '2021', unit: '某单位', year: 2021, onConflict: 'skip' });
    assert.equal(r.created.length, 9);
    assert.deepEqual(book.dialogs, [], 'no file dialog');
    const refs: string[] = [];
    let links = 0;
    for (const s of sheetsOf(book)) {
      for (const [k, c] of s.cells) {
        if (c.formula && /!/.test(c.formula)) links++;
        if (c.value === REF_ERROR) refs.push(`${s.Name}!${k} ${c.formula}`);
      }
    }
    assert.ok(links >= 8, `cross-sheet links written (${links})`);
    assert.deepEqual(refs, []);
  });

  // https://learn.microsoft.com/office/vba/api/excel.application.displayalerts
  // https://learn.microsoft.com/office/vba/api/excel.application.calculation
  it('writes with DisplayAlerts off and manual calculation, and restores both (and recalculates on the way back)', async () => {
    const { book, wapp, host } = setup();
    await insertTables(host, { profile: '2021', unit: '某单位', year: 2021, onConflict: 'skip' });
    assert.ok(book.writeStates.length > 50);
    assert.ok(book.writeStates.every((w) => w.calc === -4135 && w.alerts === false), 'every formula written in manual calculation, alerts off');
    assert.equal(wapp.DisplayAlerts, true);
    assert.equal(wapp.Calculation, -4105);
    assert.equal(wapp.ScreenUpdating, true);
    assert.ok(wapp.calculations >= 1, 'automatic calculation restored: WPS recalculates');
    // a user in manual mode stays in manual mode
    const m = setup();
    m.wapp.Calculation = -4135;
    await m.host.apply({ create: [tablePlan('公开03表', '支出决算表')], update: [] });
    assert.equal(m.wapp.Calculation, -4135);
  });

  it('works on the workbook the job started on, not on whatever is active when it writes', async () => {
    const { book, wapp, host } = setup();
    await host.listSheets(); // the job starts: 插入 reads the sheet list
    const other = new WBook(wapp, '工作簿2');
    other.add('别的表');
    wapp.books.push(other);
    wapp.ActiveWorkbook = other; // the user clicks into another window meanwhile
    await host.apply({ create: [tablePlan('公开03表', '支出决算表')], update: [] });
    assert.ok(book.has('公开03表'), 'written into the job’s workbook');
    assert.ok(!other.has('公开03表'), 'not into the other one');
    // and a workbook closed in between is said, not written elsewhere
    wapp.ActiveWorkbook = other;
    await host.listSheets(); // a new job starts in the other workbook (the active one)
    wapp.books.splice(wapp.books.indexOf(other), 1); // which the user then closes
    wapp.ActiveWorkbook = book;
    await assert.rejects(host.apply({ create: [tablePlan('公开04表', 'x')], update: [] }), /工作簿已关闭/);
    assert.ok(!book.has('公开04表') && !other.has('公开04表'));
  });

  // https://learn.microsoft.com/office/vba/api/excel.sheets : Sheets holds worksheets and chart sheets.
  it('skips chart sheets (no UsedRange) when listing, reading and checking', async () => {
    const { book, host } = setup();
    book.addChart('图表1');
    await insertTables(host, { profile: '2021', unit: '某单位', year: 2021, onConflict: 'skip', tables: ['expenditure'] });
    const list = await host.listSheets();
    assert.deepEqual(list.map((s) => s.name), ['Sheet1', '公开03表']);
    const snaps = await host.readSheets();
    assert.deepEqual(snaps.map((s) => s.name), ['Sheet1', '公开03表']);
    const { findings } = await checkWorkbook(host);
    assert.ok(Array.isArray(findings));
  });

  it('an unexpected shape from Value2 is an error naming the sheet, not an empty sheet', async () => {
    const { book, host } = setup();
    const s = book.add('公开03表');
    s.cell(0, 0).value = '支出决算表';
    s.cell(3, 2).value = 5;
    s.value2Of = () => 0; // a scalar for a 4×3 range
    await assert.rejects(host.readSheets(), (e: unknown) => e instanceof HostError && /公开03表/.test(e.message) && /形状/.test(e.message));
    s.value2Of = () => [[1, 2, 3]]; // one row for four
    await assert.rejects(host.readSheets(['公开03表']), /4 行 × 3 列/);
  });

  // https://learn.microsoft.com/office/vba/api/excel.formatcondition.setfirstpriority ;
  // WPS: https://airsheet.wps.cn/docs/apiV2/excel/workbook/FormatCondition/%E6%96%B9%E6%B3%95/SetFirstPriority%20%E6%96%B9%E6%B3%95.html
  it('puts its marks first (SetFirstPriority): a user rule on the same cells does not hide them', async () => {
    const { book, host } = setup();
    const s = book.add('公开03表');
    s.cell(7, 2).value = 1;
    s.fcs.push({ rect: { top: 0, left: 0, bottom: 100, right: 10 }, type: 2, formula: '=TRUE', color: 0xffffff });
    await host.mark({ cells: [{ sheet: '公开03表', address: 'C8' }], color: '#FFC7CE' });
    const shown = shownRule(s, 'C8');
    assert.equal(shown?.formula, MARK_FORMULA);
    assert.equal(shown?.color, bgr('#FFC7CE'));
    await host.clearMarks();
    assert.equal(shownRule(s, 'C8')?.formula, '=TRUE');
  });

  it('a failed insert removes the sheets it added, so that a retry does not meet 已有同名工作表', async () => {
    const { book, host } = setup();
    const plans = [tablePlan('公开01表', 'a'), tablePlan('公开02表', 'b')];
    book.failOn = (what, sheet) => what === 'Merge' && sheet === '公开02表'; // the second sheet fails half-way
    await assert.rejects(host.apply({ create: plans, update: [] }), /已删除本次新增的工作表/);
    book.failOn = null;
    assert.deepEqual(sheetsOf(book).map((s) => s.Name), ['Sheet1']);
    await host.apply({ create: plans, update: [] });
    assert.deepEqual(sheetsOf(book).map((s) => s.Name), ['Sheet1', '公开01表', '公开02表']);
  });

  // https://learn.microsoft.com/office/vba/api/excel.application.calculate
  it('recalculates before reading when the workbook is in manual calculation', async () => {
    const { book, wapp, host } = setup();
    const s = book.add('公开03表');
    Object.assign(s.cell(6, 2), { value: 100, formula: '=SUM(C8:C9)', calculated: 300 });
    wapp.Calculation = -4135;
    const [snap] = await host.readSheets(['公开03表']);
    assert.equal(snap.values[6 - snap.top][2 - snap.left], 300, 'the total as it is now, not as at the last F9');
    // when WPS cannot recalculate, the read says so instead of handing out old totals
    Object.assign(s.cell(6, 2), { calculated: 400 });
    wapp.Calculate = () => {
      throw new Error('计算引擎忙');
    };
    await assert.rejects(host.readSheets(), /手动计算.*可能不是最新的/);
  });
});
