import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isCellError, type CellValue } from '../../src/core/cells';
import { inputSheetPlan, INPUT_SECTIONS, readInputs, APPENDED_SECTION_TITLE, type InputKey } from '../../src/core/inputs';
import type { SheetSnapshot } from '../../src/core/model/snapshot';
import type { SheetPlan } from '../../src/core/plan/sheet-plan';
import { SEED_2021_INPUTS } from '../../src/core/sample/seed-2021-inputs';
import { draftNarrative } from '../../src/core/workflows/draft-narrative';
import { draftWithLastYear, importLastYear, lastYearLines, PRIOR_KEYS, verifyWithLastYear, type LastYearSource } from '../../src/core/workflows/import-last-year';
import { verifyNarrative } from '../../src/core/workflows/verify-narrative';
import { MemoryHost } from '../../src/hosts/memory/memory-host';
import { seedSnapshots } from '../fixtures/seed-2021';
import { lastYearSnapshots, LAST_YEAR_TEXT } from '../core/last-year/last-year-book';

/**
 * 导入上年报表 on the seed: this year's tables as published (the verbatim fixtures), its
 * 补充信息 as the demo fills it but with the 上年 fields left blank, and a generated
 * 2020 report in the 2023 layout (tests/core/last-year/last-year-book.ts) with an
 * excerpt of its 情况说明.
 */

const SEED_TEXT = fs.readFileSync(path.join(__dirname, '../fixtures/narratives/seed-2021.txt'), 'utf8');

/** What the seed's 2021 情况说明 implies for the 上年 fields (the demo's typed values). */
const IMPLIED: Partial<Record<InputKey, number>> = Object.fromEntries(PRIOR_KEYS.map((k) => [k, SEED_2021_INPUTS.values![k] as number]));

function planOf(s: SheetSnapshot): SheetPlan {
  const cells: SheetPlan['cells'] = [];
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || isCellError(v) || typeof v === 'boolean') return;
      cells.push({ row: s.top + r, col: s.left + c, value: v });
    }),
  );
  return { name: s.name, cells, merges: [], styles: {} };
}

function withoutPriors(): NonNullable<typeof SEED_2021_INPUTS.values> {
  const values = { ...SEED_2021_INPUTS.values };
  for (const k of PRIOR_KEYS) delete values[k];
  return values;
}

async function seedHost(options: { inputs?: boolean; typed?: Partial<Record<InputKey, number>> } = {}): Promise<MemoryHost> {
  const host = new MemoryHost();
  const create = seedSnapshots().map(planOf);
  if (options.inputs !== false) create.push(inputSheetPlan({ values: { ...withoutPriors(), ...options.typed }, budgets: SEED_2021_INPUTS.budgets }));
  await host.apply({ create, update: [] });
  host.roundTrips = 0;
  host.calls = [];
  return host;
}

let lastYear: LastYearSource;

function valueOf(host: MemoryHost, sheet: string, address: string): CellValue | undefined {
  return host.cell(sheet, address)?.value;
}

describe('workflow: importLastYear (导入上年报表)', () => {
  before(async () => {
    lastYear = { snapshots: await lastYearSnapshots(), text: LAST_YEAR_TEXT, name: '2020年决算公开.xlsx' };
  });

  it('fills every blank 上年 field of 补充信息 with what the seed’s text implies, in one batch', async () => {
    const host = await seedHost();
    const r = await importLastYear(host, lastYear, { write: true });
    assert.deepEqual(host.calls, ['readSheets', 'apply']);
    assert.deepEqual(
      r.fill.map((f) => f.key),
      PRIOR_KEYS,
    );
    assert.deepEqual(r.differ, []);
    assert.deepEqual(r.missing, []);
    const read = readInputs(await host.readSheets());
    for (const k of PRIOR_KEYS) {
      assert.equal(read.values[k]?.value, IMPLIED[k], k);
      const f = r.fill.find((x) => x.key === k)!;
      assert.deepEqual(f.cell, read.values[k]!.cell, k);
    }
    const op = r.fill.find((f) => f.key === 'prior.operatingCost')!;
    assert.match(op.source, /^取自上年情况说明，第15行“91\.13万元”/);
    const total = r.fill.find((f) => f.key === 'prior.summaryTotal')!;
    assert.equal(total.source, '上年报表“2020年决算公开.xlsx” 公开01表!B36');
  });

  it('never overwrites a typed value: the same value is noted, a different one listed', async () => {
    const host = await seedHost({ typed: { 'prior.summaryTotal': 1700, 'prior.fiscalTotal': 1528.44 } });
    const before = readInputs(await host.readSheets());
    const cell = before.values['prior.summaryTotal']!.cell!;
    host.calls = [];
    const r = await importLastYear(host, lastYear, { write: true });
    assert.deepEqual(
      r.same.map((f) => f.key),
      ['prior.fiscalTotal'],
    );
    assert.equal(r.differ.length, 1);
    assert.equal(r.differ[0].key, 'prior.summaryTotal');
    assert.equal(r.differ[0].typed, 1700);
    assert.equal(r.differ[0].value, 1764.99);
    assert.equal(valueOf(host, cell.sheet, cell.address), 1700, 'typed value kept');
    assert.ok(!r.written.some((c) => c.address === cell.address));
    const lines = lastYearLines(r, { mode: 'written' });
    assert.ok(
      lines.includes(`  · 上年收、支总计：已填 1700.00万元（补充信息!${cell.address}），上年报表为 1764.99万元（上年报表“2020年决算公开.xlsx” 公开01表!B36）`),
      lines.join('\n'),
    );
  });

  it('a 上年 cell holding text or "-" is the user’s: listed, never written', async () => {
    const host = await seedHost();
    const read = readInputs(await host.readSheets());
    const at = (k: InputKey) => read.values[k]!.cell!.address;
    host.setCell('补充信息', at('prior.summaryTotal'), '约1765');
    host.setCell('补充信息', at('prior.fiscalTotal'), '-');
    host.calls = [];
    const r = await importLastYear(host, lastYear, { write: true });
    assert.deepEqual(
      r.differ.map((d) => [d.key, d.typedText]),
      [
        ['prior.summaryTotal', '约1765'],
        ['prior.fiscalTotal', '-'],
      ],
    );
    assert.equal(valueOf(host, '补充信息', at('prior.summaryTotal')), '约1765');
    assert.equal(valueOf(host, '补充信息', at('prior.fiscalTotal')), '-');
    assert.equal(r.fill.length, PRIOR_KEYS.length - 2);
    assert.ok(lastYearLines(r).some((l) => l.includes('上年收、支总计：已填 “约1765”')));
  });

  it('a last-year file of the wrong year is pointed out (its 封面/titles say 2019年度, this year is 2021)', async () => {
    const host = await seedHost();
    const cover = (y: number): SheetSnapshot => ({ name: '封面', top: 0, left: 0, values: [[`株洲市石峰区机关事务服务中心${y}年度部门决算`]] });
    const wrong = await importLastYear(host, { ...lastYear, snapshots: [cover(2019), ...lastYear.snapshots] });
    assert.ok(
      wrong.lastYear.problems.some((p) => /标明的是2019年度.*上年应为2020年度/.test(p.message)),
      JSON.stringify(wrong.lastYear.problems),
    );
    const right = await importLastYear(host, { ...lastYear, snapshots: [cover(2020), ...lastYear.snapshots] });
    assert.deepEqual(right.lastYear.problems, []);
  });

  it('without writing, only plans: nothing is written', async () => {
    const host = await seedHost();
    const r = await importLastYear(host, lastYear);
    assert.deepEqual(host.calls, ['readSheets']);
    assert.equal(r.fill.length, PRIOR_KEYS.length);
    assert.deepEqual(r.written, []);
  });

  it('an older 补充信息 without the 上年 rows gets them appended under its last row', async () => {
    const host = await seedHost();
    const sheet = host.sheet('补充信息')!;
    const labels = new Set(INPUT_SECTIONS[1].fields.map((f) => f.label));
    for (const [k, c] of [...sheet.cells]) if (typeof c.value === 'string' && labels.has(c.value)) sheet.cells.delete(k);
    const r = await importLastYear(host, lastYear, { write: true });
    assert.equal(r.fill.length, PRIOR_KEYS.length);
    const read = readInputs(await host.readSheets());
    for (const k of PRIOR_KEYS) assert.equal(read.values[k]?.value, IMPLIED[k], k);
    const title = [...sheet.cells].find(([, c]) => c.value === APPENDED_SECTION_TITLE);
    assert.ok(title, 'a section title marks the appended rows');
    // Nothing that was there changed.
    assert.equal(read.values.operatingCost?.value, 56.7);
  });

  it('a workbook without 补充信息 gets the sheet, with the 上年 fields filled', async () => {
    const host = await seedHost({ inputs: false });
    const r = await importLastYear(host, lastYear, { write: true });
    assert.equal(r.createdSheet, true);
    const read = readInputs(await host.readSheets());
    assert.ok(read.found);
    for (const k of PRIOR_KEYS) assert.equal(read.values[k]?.value, IMPLIED[k], k);
  });

  it('last year’s tables pasted into one sheet of this workbook: read from there, left out of this year’s', async () => {
    const host = await seedHost();
    // Stack last year's nine tables one below the other on one sheet, as a user pastes them.
    const cells: SheetPlan['cells'] = [];
    let top = 0;
    for (const s of lastYear.snapshots) {
      s.values.forEach((row, r) => row.forEach((v, c) => v !== null && !isCellError(v) && typeof v !== 'boolean' && cells.push({ row: top + r, col: c, value: v })));
      top += s.values.length + 2;
    }
    await host.apply({ create: [{ name: '上年报表', cells, merges: [], styles: {} }], update: [] });
    const pasted = await host.readSheets(['上年报表']);
    const r = await importLastYear(host, { snapshots: pasted, name: '上年报表' }, { write: true, excludeSheets: ['上年报表'] });
    assert.deepEqual(r.lastYear.problems, []);
    const read = readInputs(await host.readSheets());
    for (const k of PRIOR_KEYS) if (k !== 'prior.operatingCost') assert.equal(read.values[k]?.value, IMPLIED[k], k);
    assert.equal(read.values['prior.operatingCost']?.value, null, 'not in the tables, and no text given');
    assert.deepEqual(
      r.missing.map((m) => m.key),
      ['prior.operatingCost'],
    );
  });

  it('the seed’s narrative then has no 上年 prompt left', async () => {
    const host = await seedHost();
    const before = await draftNarrative(host);
    const prompts = (d: typeof before) => d.sections.flatMap((s) => s.text.match(/【请填写：上年[^】]*】/g) ?? []);
    assert.ok(prompts(before).length >= 5, prompts(before).join(' '));
    const { draft, plan } = await draftWithLastYear(host, lastYear);
    assert.deepEqual(prompts(draft), []);
    assert.deepEqual(
      draft.todo.filter((t) => /上年/.test(t)),
      [],
    );
    assert.equal(plan.fill.length, PRIOR_KEYS.length);
    assert.equal(
      draft.sections[0].text,
      '2021年度收、支总计1474.07万元，与上年相比，减少290.92万元，下降16.48%，主要原因是按区委区政府要求增收节支，厉行节约，减少支出。',
    );
    // Each 上年 figure names where it comes from.
    const prior = draft.sections[0].figures.find((f) => f.figureId === 'summary.total.prior')!;
    assert.deepEqual(prior.cells, [{ sheet: '[2020年决算公开.xlsx]公开01表', address: 'B36' }]);
    const op = draft.sections.flatMap((s) => s.figures).find((f) => f.figureId === 'operatingCost.prior')!;
    assert.deepEqual(op.cells, [{ sheet: '取自上年情况说明', address: '第15行' }]);
  });

  it('the seed’s check has fewer 无法核对, by the number of statements that need a 上年 figure', async () => {
    const host = await seedHost();
    const before = await verifyNarrative(host, SEED_TEXT);
    const { findings: after } = await verifyWithLastYear(host, SEED_TEXT, lastYear);
    const unverified = (list: typeof before) => list.filter((f) => f.unverified);
    // The statements that need a 上年 figure: year-on-year changes and rates left unverified without one.
    const needPrior = unverified(before).filter((f) => f.rule === 'text-year-on-year');
    assert.equal(needPrior.length, 10, needPrior.map((f) => `${f.section} ${f.quote}`).join('\n'));
    assert.equal(unverified(before).length - unverified(after).length, needPrior.length);
    assert.deepEqual(
      unverified(after).filter((f) => f.rule === 'text-year-on-year'),
      [],
    );
    // Now checked: the seed's 30.17% (40.23 ÷ 132.74 = 30.31%) is an error, and the rates on a zero base.
    const car = after.find((f) => f.quote === '30.17%')!;
    assert.equal(car.severity, 'error');
    assert.equal(car.expected, '30.31%');
    assert.match(car.message, /上年132\.74万元（\[2020年决算公开\.xlsx\]公开09表 J9、K9）/);
  });
});
