import { strict as assert } from 'node:assert';
import { HostError } from '../../../src/core/host';
import { MemoryHost } from '../../../src/hosts/memory/memory-host';
import type { SheetPlan } from '../../../src/core/plan/sheet-plan';
import { calculatingHost } from '../../support/hyperformula';

const plan = (name: string, cells: SheetPlan['cells'] = []): SheetPlan => ({
  name,
  cells,
  merges: [],
  styles: { amount: { numberFormat: '#,##0.00', border: true }, red: { fill: '#FF0000' } },
});

describe('MemoryHost', () => {
  it('creates sheets, writes values, formulas and styles, and reads them back with calculated values', async () => {
    const host = calculatingHost();
    await host.apply({
      create: [
        plan('公开01表', [
          { row: 0, col: 0, value: 1.5, style: 'amount' },
          { row: 1, col: 0, value: '=not a formula' },
          { row: 2, col: 0, formula: "=A1*2+'公开02表'!B2" },
        ]),
        plan('公开02表', [{ row: 1, col: 1, value: 10 }]),
      ],
      update: [],
    });
    const [s] = await host.readSheets(['公开01表']);
    assert.deepEqual(s.values, [[1.5], ['=not a formula'], [13]]);
    assert.deepEqual(s.formulas, [[null], [null], ["=A1*2+'公开02表'!B2"]]);
    assert.equal(host.cell('公开01表', 'A1')?.style?.numberFormat, '#,##0.00');
    const infos = await host.listSheets();
    assert.deepEqual(
      infos.map((i) => [i.name, i.index, i.protected]),
      [
        ['公开01表', 0, false],
        ['公开02表', 1, false],
      ],
    );
    assert.equal(host.roundTrips, 3);
  });

  it('updates only the listed cells; a cell write without value keeps the content', async () => {
    const host = new MemoryHost();
    host.setCell('S', 'A1', 5);
    host.setCell('S', 'B1', 'keep');
    await host.apply({
      create: [],
      update: [
        plan('S', [
          { row: 0, col: 0, style: 'amount' },
          { row: 0, col: 2, value: 'new' },
        ]),
      ],
    });
    assert.equal(host.cell('S', 'A1')?.value, 5);
    assert.equal(host.cell('S', 'A1')?.style?.border, true);
    assert.equal(host.cell('S', 'B1')?.value, 'keep');
    assert.equal(host.cell('S', 'C1')?.value, 'new');
  });

  it('refuses the whole batch on a name clash (case-insensitive), writing nothing', async () => {
    const host = new MemoryHost();
    host.setCell('Sheet1', 'A1', 1);
    await assert.rejects(
      host.apply({ create: [plan('新表', [{ row: 0, col: 0, value: 1 }]), plan('SHEET1')], update: [plan('Sheet1', [{ row: 0, col: 0, value: 2 }])] }),
      (e: unknown) => e instanceof HostError && /已存在名为“SHEET1”的工作表/.test(e.message),
    );
    assert.deepEqual(
      host.sheets.map((s) => s.name),
      ['Sheet1'],
    );
    assert.equal(host.cell('Sheet1', 'A1')?.value, 1);
  });

  it('refuses a protected structure or sheet in Chinese, writing nothing', async () => {
    const host = new MemoryHost();
    host.setCell('A', 'A1', 1);
    host.setCell('B', 'A1', 1);
    host.protectStructure();
    await assert.rejects(host.apply({ create: [plan('C')], update: [plan('A', [{ row: 0, col: 0, value: 9 }])] }), /工作簿结构受保护/);
    assert.equal(host.cell('A', 'A1')?.value, 1);
    host.protectStructure(false);
    host.protectSheet('B');
    await assert.rejects(
      host.apply({ create: [plan('C')], update: [plan('A', [{ row: 0, col: 0, value: 9 }]), plan('B', [{ row: 0, col: 0, value: 9 }])] }),
      /工作表“B”受保护/,
    );
    assert.equal(host.cell('A', 'A1')?.value, 1);
    assert.equal(host.sheet('C'), undefined);
    await assert.rejects(host.apply({ create: [plan('a/b')], update: [] }), /名称“a\/b”含有不允许的字符/);
  });

  it('keeps marks apart from the fill: clearMarks restores exactly, a new mark replaces the old', async () => {
    const host = new MemoryHost();
    await host.apply({ create: [plan('S', [{ row: 0, col: 0, value: 1, style: 'red' }])], update: [] });
    await host.mark({
      cells: [
        { sheet: 'S', address: 'A1' },
        { sheet: 'S', address: 'B2' },
      ],
      color: '#FFFF00',
    });
    assert.equal(host.marks.get('S')?.get('1,1'), '#FFFF00');
    await host.mark({ cells: [{ sheet: 'S', address: 'C3' }], color: '#00FF00' });
    assert.equal(host.marks.get('S')?.size, 1);
    await host.clearMarks();
    assert.equal(host.marks.size, 0);
    assert.equal(host.cell('S', 'A1')?.style?.fill, '#FF0000');
    await host.select([{ sheet: 'S', address: 'C3' }]);
    assert.equal(host.activeSheet, 'S');
  });

  it('mark with keep adds to the marks (suspects over the rest), and clearMarks removes both', async () => {
    const host = new MemoryHost();
    host.setCell('S', 'A1', 1);
    await host.mark({
      cells: [
        { sheet: 'S', address: 'A1' },
        { sheet: 'S', address: 'B2' },
      ],
      color: '#FFC7CE',
    });
    await host.mark({ cells: [{ sheet: 'S', address: 'B2' }], color: '#FF7C80', keep: true });
    assert.deepEqual(
      [...(host.marks.get('S') ?? new Map())],
      [
        ['0,0', '#FFC7CE'],
        ['1,1', '#FF7C80'],
      ],
    );
    await host.mark({ cells: [{ sheet: 'S', address: 'C3' }], color: '#FFC7CE' });
    assert.deepEqual([...(host.marks.get('S')?.keys() ?? [])], ['2,2'], 'without keep, a mark replaces');
    await host.clearMarks();
    assert.equal(host.marks.size, 0);
  });

  it('tells subscribers after each change of the workbook, marks or selection (for the preview)', async () => {
    const host = new MemoryHost();
    const seen: string[] = [];
    const off = host.subscribe((c) => seen.push(c));
    await host.apply({ create: [plan('S', [{ row: 0, col: 0, value: 1 }])], update: [] });
    await host.readSheets();
    await host.mark({ cells: [{ sheet: 'S', address: 'A1' }], color: '#FFC7CE' });
    await host.select([{ sheet: 'S', address: 'A1' }]);
    await host.clearMarks();
    off();
    await host.select([{ sheet: 'S', address: 'A1' }]);
    assert.deepEqual(seen, ['apply', 'mark', 'select', 'clearMarks']);
  });
});
