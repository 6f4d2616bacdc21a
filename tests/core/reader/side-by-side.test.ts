import { strict as assert } from 'assert';
import { amount, line } from '../../../src/core/model/tables';
import { readWorkbook } from '../../../src/core/reader';
import { runRules } from '../../../src/core/rules';
import { gridToSnapshot, seedGrid, seedSnapshots, SEED_TABLES } from '../../fixtures/seed-2021';
import type { TableKey } from '../../../src/core/model/tables';

/** Two grids side by side, `gap` empty columns between them. */
function beside(a: string[][], b: string[][], gap: number): string[][] {
  const width = Math.max(...a.map((r) => r.length));
  const rows = Math.max(a.length, b.length);
  const out: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const left = [...(a[i] ?? [])];
    while (left.length < width + gap) left.push('');
    out.push([...left, ...(b[i] ?? [])]);
  }
  return out;
}

describe('reader: tables side by side on one sheet (issue #9)', () => {
  for (const gap of [1, 0]) {
    it(`reads 05 | 06 and 08 | 09 side by side (${gap ? 'an empty column between' : 'no gutter'})`, () => {
      const pairs: Array<[TableKey, TableKey]> = [
        ['gpbExpenditure', 'gpbBasic'],
        ['govFund', 'stateCapital'],
      ];
      const inPairs = new Set(pairs.flat());
      const snaps = [
        ...seedSnapshots().filter((_, i) => !inPairs.has(SEED_TABLES[i].key)),
        ...pairs.map(([a, b], i) => gridToSnapshot(`并排${i + 1}`, beside(seedGrid(a), seedGrid(b), gap))),
      ];
      const wb = readWorkbook(snaps);
      assert.deepEqual(wb.missing, []);
      const width05 = Math.max(...seedGrid('gpbExpenditure').map((r) => r.length));
      const t05 = wb.tables.gpbExpenditure!;
      const t06 = wb.tables.gpbBasic!;
      assert.equal(t05.sheet, '并排1');
      assert.equal(t06.sheet, '并排1');
      assert.equal(amount(t05, '2010301', 'basic')!.value, 335.54);
      assert.equal(amount(t06, '30101', 'amount')!.value, 73.5);
      assert.equal(line(t06, '301')!.label, '工资福利支出');
      // 06's cells are where they are on the sheet, right of 05.
      const col = amount(t06, '30101', 'amount')!.cell.address.replace(/\d+/g, '');
      assert.ok(col.charCodeAt(0) - 65 >= width05 + gap, col);
      assert.ok(wb.tables.govFund!.notes.some((n) => /无数据/.test(n)));
      assert.ok(wb.tables.stateCapital!.notes.some((n) => /无数据/.test(n)));
      // the check finds what it finds on the seed laid out one table a sheet
      const norm = (fs: ReturnType<typeof runRules>) => fs.map((f) => `${f.rule} ${f.severity}`).sort();
      assert.deepEqual(norm(runRules(wb)), norm(runRules(readWorkbook(seedSnapshots()))));
    });
  }
});
