import { strict as assert } from 'node:assert';
import type { DiagnosedFinding, Finding } from '../../src/core/findings/finding';
import { chooseHost } from '../../src/taskpane/host-select';
import {
  cellsLabel,
  checkView,
  draftConcerns,
  findingCells,
  groupFindings,
  groupTextFindings,
  markedLabel,
  markPlan,
  markSegments,
  nothingToMark,
  parseTolerance,
  sectionsText,
  unverifiedLabel,
} from '../../src/taskpane/view';
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
    const groups = groupFindings([f('warning', 'threePublic'), f('error', 'expenditure'), f('rounding', undefined), f('error', 'summary'), f('error', 'expenditure')], {
      summary: '01',
      expenditure: '03',
    });
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

  // The shapes of src/core/findings/finding.ts whose producers land later: built here.
  const slip: DiagnosedFinding = {
    rule: 'likely-slip',
    severity: 'error',
    message: '公开03表!D9 可能录错：改为 634.31 后，下列 2 处不一致都成立。',
    cells: [
      { sheet: '公开03表', address: 'D9' },
      { sheet: '公开05表', address: 'D9' },
    ],
    table: 'expenditure',
    expected: 634.31,
    explains: [
      {
        rule: 't03-sum',
        severity: 'error',
        message: '合计不等于各项之和',
        cells: [
          { sheet: '公开03表', address: 'D7' },
          { sheet: '公开03表', address: 'D9' },
        ],
        table: 'expenditure',
      },
      { rule: 't03-eq-t05', severity: 'error', message: '03表与05表不一致', cells: [{ sheet: '公开05表', address: 'D7' }], table: 'gpbExpenditure' },
    ],
  };

  describe('check results', () => {
    it('lists likely slips apart (first), keeps 无法核对 out of the counted groups, and counts them apart', () => {
      const v = checkView([f('error', 'summary', 'B8'), slip, f('unverified', 'threePublic', 'C7'), f('unverified', undefined, 'A1'), f('rounding', 'summary')], {
        summary: '01',
      });
      assert.deepEqual(v.diagnosed, [slip]);
      assert.deepEqual(
        v.groups.map((g) => [g.severity, g.count]),
        [
          ['error', 1],
          ['rounding', 1],
        ],
      );
      assert.equal(v.unverifiedCount, 2);
      assert.deepEqual(
        v.unverified.map((t) => t.table),
        ['threePublic', null],
      );
      assert.deepEqual(v.counts, { error: 2, warning: 0, rounding: 1, unverified: 2 });
      assert.equal(unverifiedLabel(2), '另有 2 处无法核对，展开');
    });

    it('marks the suspects apart from the cells of what they explain; 无法核对 is never marked', () => {
      const plan = markPlan([slip, f('warning', 'summary', 'B8'), f('unverified', 'summary', 'B9'), f('rounding', 'summary', 'B10')], false);
      assert.deepEqual(
        plan.suspects.map((c) => `${c.sheet}!${c.address}`),
        ['公开03表!D9', '公开05表!D9'],
      );
      // D9 of 03 is in an explained finding too: painted once, as a suspect
      assert.deepEqual(
        plan.others.map((c) => `${c.sheet}!${c.address}`),
        ['公开03表!D7', '公开05表!D7', '公开03表!B8'],
      );
      assert.equal(markedLabel(plan), '已标记 5 个单元格（2 张表），其中 2 个疑似笔误（深色）');
      assert.equal(markPlan([f('rounding', 'summary', 'B10')], true).others.length, 1);
      assert.equal(markedLabel(markPlan([f('error', 'summary', 'B10')], false)), '已标记 1 个单元格（1 张表）');
    });

    it('says why there is nothing to mark', () => {
      assert.match(nothingToMark(null, false) ?? '', /请先运行一键校验/);
      assert.match(nothingToMark([f('rounding', 'summary')], false) ?? '', /没有错误或提示需要标记。要标记 1 处尾数差异，请勾选/);
      assert.match(nothingToMark([], false) ?? '', /没有发现需要标记/);
      assert.match(nothingToMark([f('unverified', 'summary')], true) ?? '', /没有发现需要标记/);
      assert.equal(nothingToMark([f('error', 'summary')], false), null);
    });
  });

  it('groups a narrative check by section in text order, wrong statements first, 无法核对 apart', () => {
    const t = (severity: Finding['severity'], section: string | undefined, start: number, unverified?: boolean) => ({ severity, section, start, unverified });
    const g = groupTextFindings([
      t('warning', '三', 50),
      t('warning', '一', 5, true),
      t('error', '一', 30),
      t('rounding', '一', 10),
      t('unverified', '二', 40),
      t('error', undefined, 90),
    ]);
    assert.deepEqual(
      g.wrong.map((s) => [s.section, s.items.map((i) => `${i.severity}@${i.start}`)]),
      [
        ['一', ['error@30', 'rounding@10']],
        ['三', ['warning@50']],
        ['', ['error@90']],
      ],
    );
    assert.equal(g.unverifiedCount, 2);
    assert.deepEqual(
      g.unverified.map((s) => s.section),
      ['一', '二'],
    );
  });

  it('names the draft sections that state figures from cells the last check found wrong', () => {
    const sections = [
      { id: '一', title: '收入支出决算总体情况说明', figures: [{ cells: [{ sheet: '公开01表', address: 'B8' }] }] },
      { id: '三', title: '支出决算情况说明', figures: [{ cells: [{ sheet: '公开03表', address: 'D7' }] }, { cells: [{ sheet: '公开03表', address: 'E7' }] }] },
      { id: '七', title: '“三公”经费', figures: [{ cells: [{ sheet: '公开07表', address: 'C7' }] }] },
    ];
    const found = draftConcerns([slip, f('warning', 'summary', 'B8'), f('unverified', 'threePublic', 'C7')], sections);
    assert.deepEqual(
      found.map((c) => [c.sectionId, c.cells.map((x) => x.address)]),
      [['三', ['D7']]],
    );
    const b8: Finding = { rule: 'r', severity: 'error', message: 'm', cells: [{ sheet: '公开01表', address: 'B8' }], table: 'summary' };
    assert.deepEqual(
      draftConcerns([b8], sections).map((c) => c.sectionId),
      ['一'],
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
