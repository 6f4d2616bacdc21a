import { strict as assert } from 'assert';
import fc from 'fast-check';
import { TABLE_KEYS, type WorkbookModel } from '../../../src/core/model/tables';
import { readWorkbook } from '../../../src/core/reader';
import { gridToSnapshot, seedGrid, SEED_TABLES } from '../../fixtures/seed-2021';

/** Every non-blank figure the reader finds, by table, line and column (cells left out). */
function figures(wb: WorkbookModel): string[] {
  const out: string[] = [];
  for (const k of TABLE_KEYS) {
    for (const l of wb.tables[k]?.lines ?? []) {
      for (const [c, a] of Object.entries(l.values)) if (a && !a.blank) out.push(`${k} ${l.id} ${c} ${a.value}`);
    }
  }
  return out.sort();
}

describe('reader: property — layout noise does not change the figures', () => {
  const baseline = figures(readWorkbook(SEED_TABLES.map((t) => gridToSnapshot(t.key, seedGrid(t.key)))));

  it('same figures with blank rows inserted anywhere, any used-range offset, sheet order and names, text numbers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(60), { maxLength: 6 }),
        fc.nat(5),
        fc.nat(4),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('Sheet', '表', '公开', 'x'),
        (blankAt, top, left, numbersAsText, oneSheet, prefix) => {
          const grids = SEED_TABLES.map((t) => {
            const g = seedGrid(t.key).map((r) => [...r]);
            for (const at of blankAt) if (at > 0 && at < g.length) g.splice(at, 0, []);
            return g;
          });
          const snaps = oneSheet
            ? [
                gridToSnapshot(
                  `${prefix}1`,
                  grids.flatMap((g) => [...g, []]),
                  { numbersAsText, top, left },
                ),
              ]
            : grids.map((g, i) => gridToSnapshot(`${prefix}${9 - i}`, g, { numbersAsText, top, left })).reverse();
          const wb = readWorkbook(snaps);
          assert.deepEqual(wb.missing, []);
          assert.deepEqual(figures(wb), baseline);
        },
      ),
      { numRuns: 60 },
    );
  });
});
