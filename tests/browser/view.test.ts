import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/core/findings/finding';
import { chooseHost } from '../../src/taskpane/host-select';
import { cellsLabel, findingCells, groupFindings, markSegments, parseTolerance, sectionsText } from '../../src/taskpane/view';
import { fakeWps } from '../hosts/wps/fake-wps';

const f = (severity: Finding['severity'], table: Finding['table'], address = 'C8'): Finding => ({
  rule: 'r',
  severity,
  message: 'm',
  cells: [{ sheet: '公开03表', address }],
  table,
});

describe('task pane view helpers', () => {
  it('groups findings by severity (错误, 提示, 尾数差异) then by table in 01…09 order', () => {
    const groups = groupFindings(
      [f('warning', 'threePublic'), f('error', 'expenditure'), f('rounding', undefined), f('error', 'summary'), f('error', 'expenditure')],
      { summary: '01', expenditure: '03' },
    );
    assert.deepEqual(
      groups.map((g) => [g.label, g.count]),
      [
        ['错误', 3],
        ['提示', 1],
        ['尾数差异', 1],
      ],
    );
    assert.deepEqual(
      groups[0].tables.map((t) => [t.label, t.items.length]),
      [
        ['公开01表 收入支出决算总表', 1],
        ['公开03表 支出决算表', 2],
      ],
    );
    assert.equal(groups[2].tables[0].label, '其他');
  });

  it('labels cells compactly and collects distinct cells for marking', () => {
    const cells = [
      { sheet: '公开03表', address: 'C8' },
      { sheet: '公开03表', address: 'D8' },
      { sheet: '公开05表', address: 'C7' },
      { sheet: '公开05表', address: 'D7' },
    ];
    assert.equal(cellsLabel(cells), '公开03表!C8、D8、公开05表!C7 等4个单元格');
    assert.equal(findingCells([{ cells }, { cells: cells.slice(0, 2) }]).length, 4);
  });

  it('cuts a narrative around the quoted words, by offsets or by first unused occurrence', () => {
    const text = '本年收入合计1474.07万元，本年支出合计1474.07万元。';
    const segs = markSegments(text, [{ quote: '1474.07万元' }, { quote: '1474.07万元' }, { quote: '本年', start: 0, end: 2 }]);
    assert.equal(segs.map((s) => s.text).join(''), text);
    assert.deepEqual(
      segs.filter((s) => s.finding !== undefined).map((s) => [s.text, s.finding]),
      [
        ['本年', 2],
        ['1474.07万元', 0],
        ['1474.07万元', 1],
      ],
    );
    assert.deepEqual(markSegments('无', [{ quote: '没有' }]), [{ text: '无' }]);
  });

  it('reads the tolerance box and joins sections as plain text', () => {
    assert.equal(parseTolerance(''), undefined);
    assert.equal(parseTolerance(' 0.01 '), 0.01);
    assert.ok(Number.isNaN(parseTolerance('-1')!));
    assert.ok(Number.isNaN(parseTolerance('一分')!));
    assert.equal(
      sectionsText([
        { id: '一', title: '收入支出决算总体情况说明', text: '甲。\n乙。' },
        { id: '二', title: '收入决算情况说明', text: '丙。' },
      ]),
      '一、收入支出决算总体情况说明\n甲。\n乙。\n\n二、收入决算情况说明\n丙。',
    );
  });

  describe('chooseHost', () => {
    it('forces the in-memory preview with ?host=memory', async () => {
      const c = await chooseHost('?host=memory', { Application: fakeWps().app });
      assert.equal(c.mode, 'memory');
      assert.match(c.note ?? '', /预览模式/);
    });

    it('takes WPS when window.Application is there', async () => {
      const c = await chooseHost('', { Application: fakeWps().app });
      assert.equal(c.mode, 'wps');
      assert.equal(c.host.kind, 'wps');
    });

    it('takes Excel when Office.onReady reports it, warning on old versions', async () => {
      const minor = (v = '1.1') => Number(v.split('.')[1]);
      const office = (max: string) => ({
        onReady: async () => ({ host: 'Excel', platform: 'PC' }),
        context: { requirements: { isSetSupported: (_n: string, v?: string) => minor(v) <= minor(max) } },
      });
      const modern = await chooseHost('', { Office: office('1.17') });
      assert.equal(modern.mode, 'office');
      assert.equal(modern.note, undefined);
      const old = await chooseHost('', { Office: office('1.1') });
      assert.equal(old.mode, 'office');
      assert.match(old.note ?? '', /版本较旧/);
    });

    it('falls back to the preview outside any spreadsheet (Office.onReady with host null)', async () => {
      const c = await chooseHost('', { Office: { onReady: async () => ({ host: null, platform: null }) } });
      assert.equal(c.mode, 'memory');
    });
  });
});
