import { strict as assert } from 'node:assert';
import { a1 } from '../../src/core/cells';
import { refreshFormulas } from '../../src/core/workflows/refresh-formulas';
import { seedSnapshots } from '../fixtures/seed-2021';
import { calculatingHost, evaluate } from '../support/hyperformula';

/**
 * 刷新公式 on a workbook laid out by others: the seed report typed in as published
 * (its quirks included: 04's expense rows shifted a column left, 06's footer values a
 * row below their labels). The reader (src/core/reader) makes the TableModels; the
 * builders put formulas where the sheet actually has its rows and columns.
 */
describe('refreshFormulas on a foreign layout (the seed as published)', () => {
  async function seedHost() {
    const host = calculatingHost();
    for (const s of seedSnapshots({ codesAsText: true })) {
      host.addSheet(s.name);
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && typeof v !== 'object') host.setCell(s.name, a1(s.top + r, s.left + c), v);
        }),
      );
    }
    return host;
  }

  it('keeps the typed totals by default and lists them', async () => {
    const host = await seedHost();
    const r = await refreshFormulas(host);
    assert.ok(r.keptValues.some((c) => c.sheet === '公开03表'));
    assert.equal(host.cell('公开03表', 'E11')?.value, 1138.54);
  });

  it('with replaceValues, turns the typed totals into formulas that give the published figures', async () => {
    const host = await seedHost();
    const r = await refreshFormulas(host, { replaceValues: true });
    assert.equal(r.tables.expenditure, '公开03表');
    const ev = evaluate(host);
    assert.deepEqual(ev.errors(), []);
    const near = (sheet: string, address: string, v: number) => {
      assert.ok(host.cell(sheet, address)?.formula, `${sheet}!${address} is a formula`);
      assert.ok(Math.abs(ev.num(sheet, address) - v) < 0.005, `${sheet}!${address} = ${ev.num(sheet, address)} ≠ ${v}`);
    };
    near('公开01表', 'C32', 1474.07); // 本年收入合计
    near('公开01表', 'F32', 1474.07); // 本年支出合计
    near('公开01表', 'F6', 1256.53); // linked to 03's 201
    near('公开03表', 'C11', 1474.07);
    near('公开03表', 'D11', 335.54);
    near('公开03表', 'E11', 1138.53); // the seed prints 1,138.54: a cent above its own rows
    near('公开04表', 'F39', 1406.53); // over the seed's shifted rows
    near('公开05表', 'C12', 1406.53);
    near('公开06表', 'C11', 248.39);
    near('公开06表', 'C25', 30.44); // the seed prints 30.45: a cent above its items
    near('公开06表', 'C40', 278.83); // the seed prints 278.84 (248.39 + its 30.45)
    near('公开06表', 'I40', 56.7);
    near('公开07表', 'A13', 95);
    near('公开07表', 'G13', 92.51);
  });
});
