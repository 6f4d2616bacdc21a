import { strict as assert } from 'assert';
import fc from 'fast-check';
import { modelTable, modelWorkbook, type LineSpec } from '../../../src/core/model/build';
import { runRules } from '../../../src/core/rules';

/**
 * Property tests over random 03 tables built bottom-up from 项 figures in cents:
 * consistent tables give no finding at all; one mistyped 项 gives errors that all point
 * at that cell's row sum and its 款 sum, and nothing else.
 */
const item = fc.record({
  basic: fc.integer({ min: 0, max: 5_000_000 }),
  project: fc.integer({ min: 0, max: 5_000_000 }),
});
// Up to 4 classes × 3 款 × 4 项.
const tree = fc.array(fc.array(fc.array(item, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });

type Item = { basic: number; project: number };

function lines(classes: Item[][][]): LineSpec[] {
  const row = (c: Item[]) => {
    const basic = c.reduce((s, x) => s + x.basic, 0);
    const project = c.reduce((s, x) => s + x.project, 0);
    return { total: (basic + project) / 100, basic: basic / 100, project: project / 100 };
  };
  const all = classes.flat(2);
  const out: LineSpec[] = [{ id: 'total', values: row(all) }];
  classes.forEach((sections, i) => {
    const cls = String(201 + i);
    out.push({ id: cls, values: row(sections.flat()) });
    sections.forEach((items, j) => {
      const sec = `${cls}${String(j + 1).padStart(2, '0')}`;
      out.push({ id: sec, values: row(items) });
      items.forEach((it, k) => out.push({ id: `${sec}${String(k + 1).padStart(2, '0')}`, values: row([it]) }));
    });
  });
  return out;
}

describe('rules on random consistent tables (fast-check)', () => {
  it('a table consistent to the cent gives no finding', () => {
    fc.assert(
      fc.property(tree, (classes) => {
        const found = runRules(modelWorkbook(modelTable('expenditure', lines(classes)))).filter((f) => f.rule !== 'table-missing');
        assert.deepEqual(found, []);
      }),
      { numRuns: 200 },
    );
  });

  it('one 项 基本支出 mistyped by 1.00 or more is found in its row and its 款, pointing at the cell', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.integer({ min: 100, max: 100_000 }), (classes, pick, delta) => {
        const spec = lines(classes);
        const items = spec.filter((l) => l.id.length === 7);
        const target = items[pick % items.length];
        target.values.basic = (target.values.basic as number) + delta / 100;
        const model = modelWorkbook(modelTable('expenditure', spec));
        const cell = model.tables.expenditure!.lines.find((l) => l.id === target.id)!.values.basic!.cell;
        const found = runRules(model).filter((f) => f.rule !== 'table-missing');
        assert.deepEqual(found.map((f) => f.rule).sort(), ['classified-section-eq-sum-items', 't03-row-total-eq-sum-parts']);
        for (const f of found) {
          assert.equal(f.severity, 'error', f.message);
          assert.ok(
            f.cells.some((c) => c.address === cell.address),
            `${f.rule} points at ${cell.address}`,
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});
