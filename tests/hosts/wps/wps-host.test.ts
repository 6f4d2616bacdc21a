import { strict as assert } from 'node:assert';
import { HostError } from '../../../src/core/host';
import { MARK_FORMULA } from '../../../src/hosts/spreadsheet-kit/marks';
import { WpsHost, bgr } from '../../../src/hosts/wps/wps-host';
import { ninePlans, tablePlan } from '../office/plan-fixture';
import { REF_ERROR, fakeWps } from './fake-wps';

function setup() {
  const { app, book, window } = fakeWps();
  const s = book.add('Sheet1');
  s.cell(0, 0).value = '用户自己的数据';
  return { app, book, window, host: new WpsHost(app) };
}

describe('WpsHost (over a fake of the WPS object model)', () => {
  it('converts #RRGGBB to the BGR integer Interior.Color wants', () => {
    assert.equal(bgr('#FF0000'), 255);
    assert.equal(bgr('#0000FF'), 16711680);
    assert.equal(bgr('#FFC7CE'), 0xcec7ff);
  });

  it('inserts nine sheets after the last one, by whole blocks, codes and "=" strings as text', async () => {
    const { book, host, app, window } = setup();
    const plans = ninePlans();
    plans[0].cells.push({ row: 30, col: 0, value: '=不是公式' });
    await host.apply({ create: plans, update: [], activate: '公开01表' });
    assert.deepEqual(
      book.list.map((s) => s.Name),
      ['Sheet1', ...plans.map((p) => p.name)],
    );
    assert.equal(book.log.filter((l) => l.startsWith('Formula ')).length, 9, 'one Formula write per sheet');
    const s3 = book.sheet('公开03表');
    assert.equal(s3.peek('A10')!.value, '2010301');
    assert.equal(s3.peek('C8')!.value, 1256.53);
    assert.equal(s3.peek('C8')!.numberFormat, '#,##0.00');
    assert.ok(s3.peek('C7')!.formula!.startsWith('=SUMPRODUCT('));
    assert.deepEqual(s3.merges, ['A1:H1', 'A4:B4']);
    assert.equal(s3.widths.get(1), 36);
    assert.equal(s3.PageSetup.Orientation, 2);
    assert.equal(s3.PageSetup.PrintTitleRows, '$4:$6');
    assert.equal(book.sheet('公开01表').peek('A31')!.value, '=不是公式');
    assert.equal(book.sheet('公开01表').peek('A31')!.formula, undefined);
    assert.equal(book.active, '公开01表');
    assert.equal(window.FreezePanes, true);
    assert.equal(app.ScreenUpdating, true, 'screen updating restored');
  });

  it('refuses protected structure / protected sheet / name clash before any write', async () => {
    const { book, host } = setup();
    book.ProtectStructure = true;
    await assert.rejects(host.apply({ create: [tablePlan('公开01表', 'x')], update: [] }), /工作簿结构受保护/);
    book.ProtectStructure = false;
    book.add('公开03表').ProtectContents = true;
    await assert.rejects(
      host.apply({ create: [tablePlan('公开04表', 'y')], update: [tablePlan('公开03表', 'x')] }),
      (e: unknown) => e instanceof HostError && /公开03表”受保护/.test(e.message),
    );
    await assert.rejects(host.apply({ create: [tablePlan('sheet1', 'z')], update: [] }), /已有名为“Sheet1”/);
    assert.equal(book.list.length, 2);
    assert.deepEqual(book.log, []);
  });

  it('updates only the listed cells of an existing sheet (no gaps written)', async () => {
    const { book, host } = setup();
    const s = book.add('公开03表');
    s.cell(6, 3).value = 7; // D7, between the two written cells
    await host.apply({
      create: [],
      update: [{ name: '公开03表', cells: [{ row: 6, col: 2, formula: '=SUM(C8:C9)' }, { row: 6, col: 4, value: 1 }], merges: [], styles: {} }],
    });
    assert.equal(s.peek('C7')!.formula, '=SUM(C8:C9)');
    assert.equal(s.peek('D7')!.value, 7);
    assert.equal(s.peek('E7')!.value, 1);
  });

  it('reads values, formulas and CVErr errors of the used range', async () => {
    const { book, host } = setup();
    const s = book.add('公开03表');
    s.cell(2, 1).value = '合计';
    Object.assign(s.cell(2, 2), { value: 1474.07, formula: '=SUM(C4:C5)' });
    s.cell(3, 2).value = REF_ERROR;
    s.cell(3, 3).value = '=看似公式';
    const [snap] = await host.readSheets(['公开03表']);
    assert.equal(snap.top, 2);
    assert.equal(snap.left, 1);
    assert.deepEqual(snap.values, [
      ['合计', 1474.07, null],
      [null, { error: '#REF!' }, '=看似公式'],
    ]);
    assert.equal(snap.formulas![0][1], '=SUM(C4:C5)');
    assert.equal(snap.formulas![1][2], null);
    const list = await host.listSheets();
    assert.deepEqual(list.map((x) => x.name), ['Sheet1', '公开03表']);
  });

  it('says which sheets are hidden or very hidden (Sheet.Visible)', async () => {
    const { book, host } = setup();
    const states: [string, number | boolean][] = [['可见', -1], ['隐藏', 0], ['深度隐藏', 2], ['隐藏（布尔）', false], ['可见（布尔）', true]];
    for (const [name, v] of states) {
      const s = book.add(name);
      s.cell(0, 0).value = '公开03表';
      s.Visible = v;
    }
    const snaps = await host.readSheets();
    assert.deepEqual(
      snaps.map((s) => [s.name, s.hidden === true]),
      [['Sheet1', false], ['可见', false], ['隐藏', true], ['深度隐藏', true], ['隐藏（布尔）', true], ['可见（布尔）', false]],
    );
    assert.equal(snaps[0].hidden, undefined, 'a visible sheet leaves hidden out, as the other hosts do');
  });

  it('marks with tagged conditional formats and clears exactly those', async () => {
    const { book, host } = setup();
    await host.apply({ create: [tablePlan('公开03表', '支出决算表')], update: [] });
    const s = book.sheet('公开03表');
    s.fcs.push({ rect: { top: 7, left: 2, bottom: 20, right: 2 }, type: 2, formula: '=C8>1000' });
    s.fcs.push({ rect: { top: 7, left: 3, bottom: 20, right: 3 }, type: 1, formula: '' });
    await host.mark({ cells: [{ sheet: '公开03表', address: 'C8' }, { sheet: '公开03表', address: 'D9' }], color: '#FFC7CE' });
    const ours = s.fcs.filter((f) => f.formula === MARK_FORMULA);
    assert.equal(ours.length, 2);
    assert.equal(ours[0].color, bgr('#FFC7CE'));
    assert.equal(s.peek('C8')!.color, undefined, 'the cell fill is untouched');
    await host.mark({ cells: [{ sheet: '公开03表', address: 'C10' }], color: '#FFEB9C' });
    assert.equal(s.fcs.filter((f) => f.formula === MARK_FORMULA).length, 1);
    // keep: added over the marks already there (a likely slip's suspect over its consequences)
    await host.mark({ cells: [{ sheet: '公开03表', address: 'C12' }], color: '#F4B183', keep: true });
    assert.equal(s.fcs.filter((f) => f.formula === MARK_FORMULA).length, 2);
    await host.clearMarks();
    assert.deepEqual(s.fcs.map((f) => f.formula), ['=C8>1000', '']);
    await assert.rejects(host.mark({ cells: [{ sheet: '无此表', address: 'A1' }], color: '#FFC7CE' }), /找不到工作表“无此表”/);
  });

  it('selects the first cell on its sheet', async () => {
    const { book, host } = setup();
    book.add('公开05表');
    await host.select([{ sheet: '公开05表', address: 'B7' }]);
    assert.equal(book.active, '公开05表');
    assert.equal(book.selected, '公开05表!B7');
  });

  it('says so in Chinese when no workbook is open', async () => {
    const host = new WpsHost({ ActiveWorkbook: null });
    await assert.rejects(host.listSheets(), /没有打开的工作簿/);
  });
});
