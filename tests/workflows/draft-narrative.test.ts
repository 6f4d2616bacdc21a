import { strict as assert } from 'assert';
import { inputSheetPlan } from '../../src/core/inputs';
import { SEED_2021_INPUTS } from '../../src/core/sample/seed-2021-inputs';
import { draftNarrative, draftNarrativeDetail, writeNarrativeSheet } from '../../src/core/workflows/draft-narrative';
import { MemoryHost } from '../../src/hosts/memory/memory-host';
import { seedModel } from '../core/figures/seed-model';
import { buildDemo } from '../../src/cli/commands/demo';
import { evaluateFormulas } from '../../src/hosts/xlsx/evaluate';
import { inputsFromValues } from '../../src/core/inputs';
import { draftFromModel } from '../../src/core/narrative/draft';

async function seedHost() {
  const host = new MemoryHost();
  await host.apply({ create: [inputSheetPlan(SEED_2021_INPUTS)], update: [] });
  host.roundTrips = 0;
  host.calls = [];
  return host;
}

// The reader is injected with the seed's tables as published (read by the real reader
// from the verbatim fixtures); the 补充信息 sheet is read from the host for real.
const reader = () => seedModel();

describe('workflow: draftNarrative', () => {
  it('reads the workbook in one round trip and drafts the whole seed narrative', async () => {
    const host = await seedHost();
    const d = await draftNarrative(host, { readWorkbook: reader });
    assert.deepEqual(host.calls, ['readSheets']);
    assert.equal(d.sections.length, 15);
    // Nothing to fill but a look at the published 04, whose expense rows are shifted.
    assert.equal(d.todo.length, 1);
    assert.match(d.todo[0], /^读表：公开04表.*支出栏整体向左错位了一列/);
    assert.equal(d.sections[0].text, '2021年度收、支总计1474.07万元，与上年相比，减少290.92万元，下降16.48%，主要原因是按区委区政府要求增收节支，厉行节约，减少支出。');
    // The prior year's cell is the 补充信息 cell the template put it in.
    const prior = d.sections[0].figures.find((f) => f.figureId === 'summary.total.prior')!;
    assert.deepEqual(prior.cells, [{ sheet: '补充信息', address: 'B8' }]);
  });

  it('a reason the user clears becomes a prompt and a todo line naming its cell', async () => {
    const host = await seedHost();
    host.setCell('补充信息', 'B22', null);
    const { draft, inputs } = await draftNarrativeDetail(host, { readWorkbook: reader });
    assert.equal(inputs.values['reason.summaryTotal']!.cell!.address, 'B22');
    assert.equal(draft.sections[0].text, '2021年度收、支总计1474.07万元，与上年相比，减少290.92万元，下降16.48%，主要原因是【请填写：主要原因】。');
    assert.deepEqual(
      draft.todo.filter((t) => !t.startsWith('读表：')),
      ['一、收入支出决算总体情况说明：请在补充信息表填写“收、支总计增减变动的主要原因”（补充信息!B22）'],
    );
  });

  it('writes the draft to 情况说明 and never overwrites an existing one', async () => {
    const host = await seedHost();
    const d = await draftNarrative(host, { readWorkbook: reader });
    assert.equal(await writeNarrativeSheet(host, d), '情况说明');
    host.setCell('情况说明', 'A1', '用户自己的文字');
    assert.equal(await writeNarrativeSheet(host, d), '情况说明(2)');
    assert.equal(host.cell('情况说明', 'A1')!.value, '用户自己的文字');
    assert.equal(host.cell('情况说明(2)', 'A2')!.value, '一、收入支出决算总体情况说明');
    assert.equal(host.activeSheet, '情况说明(2)');
  });
});

describe('workflow: draftNarrative on the demo workbook (real reader, live formulas)', () => {
  it('drafts the seed narrative with no prompts; totals follow the formulas the workbook computes', async () => {
    const host = await buildDemo();
    assert.ok(evaluateFormulas(host, false));
    const d = await draftNarrative(host);
    assert.deepEqual(d.todo, []);
    const published = draftFromModel(seedModel(), inputsFromValues(SEED_2021_INPUTS));
    const differ = d.sections.filter((s, i) => s.text !== published.sections[i].text).map((s) => s.id);
    // The demo's 合计 cells are formulas over the 项 rows: 03 项目支出 = 1138.53 (the
    // published cell says 1138.54) and 06 人员经费合计 = 278.83 (published 278.84);
    // the draft states what the cells hold. Every other section is the same.
    assert.deepEqual(differ, ['三', '六']);
    assert.match(d.sections[2].text, /项目支出1138\.53万元，占77\.24%/);
    assert.match(d.sections[5].text, /人员经费278\.83万元，占基本支出的83\.10%/);
  });
});
