import { strict as assert } from 'node:assert';
import { sheetNameProblem } from '../../../src/core/plan/sheet-name';
import { emptyPlan } from '../../../src/core/plan/sheet-plan';
import { MemoryHost } from '../../../src/hosts/memory/memory-host';
import { XlsxHost } from '../../../src/hosts/xlsx/xlsx-host';

/**
 * One sheet-name rule for every host. Excel refuses names that are empty, longer than
 * 31 characters, contain \ / ? * [ ] :, or begin or end with an apostrophe
 * (https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9).
 */
describe('sheet names: one rule, one message, every host', () => {
  const bad = ['', '   ', 'a/b', 'x[1]', 'a:b', "'上年", "上年'", 'x'.repeat(32)];
  const good = ['公开01表', '上年’s', 'x'.repeat(31), "a'b"];

  it('names the problem in Chinese', () => {
    for (const n of bad) assert.ok(sheetNameProblem(n), `should refuse ${JSON.stringify(n)}`);
    for (const n of good) assert.equal(sheetNameProblem(n), null, n);
  });

  it('the memory host and the xlsx host refuse the same names with the same message, writing nothing', async () => {
    for (const n of bad) {
      const expected = `${sheetNameProblem(n)}，未写入任何内容。`;
      const mem = new MemoryHost();
      await assert.rejects(mem.apply({ create: [emptyPlan(n)], update: [] }), (e: Error) => e.message === expected);
      assert.deepEqual(
        (await mem.listSheets()).map((s) => s.name),
        [],
      );
      const xlsx = XlsxHost.create();
      await assert.rejects(xlsx.apply({ create: [emptyPlan(n)], update: [] }), (e: Error) => e.message === expected);
    }
  });
});
