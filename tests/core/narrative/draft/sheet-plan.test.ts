import { strict as assert } from 'assert';
import { inputsFromValues } from '../../../../src/core/inputs';
import { draftFromModel, narrativeSheetPlan, narrativeText } from '../../../../src/core/narrative/draft';
import { SEED_2021_INPUTS } from '../../../../src/core/sample/seed-2021-inputs';
import { XlsxHost } from '../../../../src/hosts/xlsx/xlsx-host';
import { calculatingHost } from '../../../support/hyperformula';
import { seedModel } from '../../figures/seed-model';

/** A draft whose user-given texts start with = + - @ (they become whole paragraphs). */
function trickyDraft() {
  const fill = {
    ...SEED_2021_INPUTS,
    values: {
      ...SEED_2021_INPUTS.values,
      'performance.text': '=SUM(A1:A3)',
      'other.text': '-1+2',
    },
  };
  const d = draftFromModel(seedModel(), inputsFromValues(fill));
  // And two more lines of the kind a pasted reason can bring.
  d.sections[14].text += '\n+86 0731\n@提醒';
  return d;
}

describe('情况说明 sheet plan', () => {
  it('one paragraph per row in column A, all constants, all text-formatted, todo appended', () => {
    const d = draftFromModel(seedModel(), inputsFromValues({ values: { year: 2021 } }));
    const plan = narrativeSheetPlan(d);
    assert.equal(plan.name, '情况说明');
    assert.equal(plan.cells[0].value, '2021年度部门决算情况说明');
    assert.equal(plan.cells[1].value, '一、收入支出决算总体情况说明');
    assert.ok(plan.cells.every((c) => c.col === 0 && c.formula === undefined && typeof c.value === 'string'));
    assert.ok(plan.cells.every((c) => plan.styles[c.style!].numberFormat === '@'));
    const values = plan.cells.map((c) => c.value as string);
    const todoAt = values.indexOf('待补充事项（生成情况说明时未能取得，请在补充信息表填写后重新生成）：');
    assert.ok(todoAt > 0);
    assert.equal(values.length - todoAt - 1, d.todo.length);
    assert.equal(values[todoAt + 1], `1. ${d.todo[0]}`);
    // The paragraphs are exactly the text's lines.
    const body = values.slice(1, todoAt).join('\n');
    assert.equal(`${values[0]}\n${body}`, narrativeText(d));
  });

  it('lines starting with = + - @ stay text through ExcelJS (.xlsx written and read back)', async () => {
    const d = trickyDraft();
    const host = XlsxHost.create();
    await host.apply({ create: [narrativeSheetPlan(d)], update: [] });
    const again = await XlsxHost.fromBuffer(await host.toBuffer());
    const [snap] = await again.readSheets(['情况说明']);
    const col = snap.values.map((r) => r[0]);
    for (const line of ['=SUM(A1:A3)', '-1+2', '+86 0731', '@提醒']) {
      const i = col.indexOf(line);
      assert.ok(i >= 0, `${line} kept as its text`);
      assert.equal(snap.formulas?.[i]?.[0] ?? null, null, `${line} is no formula`);
    }
    const ws = again.workbook.getWorksheet('情况说明')!;
    let formulas = 0;
    ws.eachRow((row) => row.eachCell((c) => void (c.formula ? formulas++ : 0)));
    assert.equal(formulas, 0);
  });

  it('lines starting with = stay text in a calculating workbook (HyperFormula)', async () => {
    const host = calculatingHost();
    // A formula elsewhere makes the host evaluate the workbook.
    host.setCell('其他', 'A1', '=1+1');
    await host.apply({ create: [narrativeSheetPlan(trickyDraft())], update: [] });
    const snaps = await host.readSheets();
    const s = snaps.find((x) => x.name === '情况说明')!;
    const col = s.values.map((r) => r[0]);
    assert.ok(col.includes('=SUM(A1:A3)'));
    assert.ok(col.includes('-1+2'));
    assert.equal(snaps.find((x) => x.name === '其他')!.values[0][0], 2);
  });
});
