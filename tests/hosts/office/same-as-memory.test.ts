import { strict as assert } from 'node:assert';
import { formulaAt, snapshotExtent, valueAt, type SheetSnapshot } from '../../../src/core/model/snapshot';
import { sampleBatch } from '../../../src/core/sample';
import type { WorkbookHost } from '../../../src/core/host';
import { MemoryHost } from '../../../src/hosts/memory/memory-host';
import { OfficeHost } from '../../../src/hosts/office/office-host';
import { WpsHost } from '../../../src/hosts/wps/wps-host';
import { fakeWps } from '../wps/fake-wps';
import { FakeBook } from './fake-excel';

/**
 * The real thing the workflows write — the seed sample's nine 公开 sheets, built by the
 * core's template and formula builders — written through the Office.js host (over the
 * fake Excel) and the WPS host (over the fake WPS), read back, and compared cell by cell
 * with the in-memory host: every host must hold the same texts, numbers and formulas.
 */
function compare(a: SheetSnapshot, b: SheetSnapshot): string[] {
  const diffs: string[] = [];
  const ea = snapshotExtent(a);
  const eb = snapshotExtent(b);
  const top = Math.min(a.top, b.top);
  const left = Math.min(a.left, b.left);
  for (let r = top; r <= Math.max(ea.bottom, eb.bottom); r++) {
    for (let c = left; c <= Math.max(ea.right, eb.right); c++) {
      const fa = formulaAt(a, r, c);
      const fb = formulaAt(b, r, c);
      if (fa !== fb) diffs.push(`${a.name} (${r},${c}) formula ${fa} ≠ ${fb}`);
      if (fa || fb) continue; // the fakes do not calculate
      const va = valueAt(a, r, c);
      const vb = valueAt(b, r, c);
      if (JSON.stringify(va) !== JSON.stringify(vb)) diffs.push(`${a.name} (${r},${c}) value ${JSON.stringify(va)} ≠ ${JSON.stringify(vb)}`);
    }
  }
  return diffs;
}

async function roundTrip(host: WorkbookHost): Promise<SheetSnapshot[]> {
  const { batch } = sampleBatch();
  await host.apply(batch);
  return host.readSheets(batch.create.map((p) => p.name));
}

describe('Office.js and WPS hosts write what the in-memory host holds (seed sample, nine sheets)', () => {
  let reference: SheetSnapshot[];
  before(async () => {
    reference = await roundTrip(new MemoryHost());
    assert.ok(reference.length >= 9);
  });

  for (const api of ['1.17', '1.1']) {
    it(`Office.js host, ExcelApi ${api}: same cells, in at most 3 syncs to write and 2 to read`, async () => {
      const book = new FakeBook();
      const host = new OfficeHost(book.env(api));
      const { batch } = sampleBatch();
      await host.apply(batch);
      const writes = book.syncs;
      assert.ok(writes <= 3, `apply: ${writes} syncs`);
      const snaps = await host.readSheets(batch.create.map((p) => p.name));
      assert.equal(book.syncs - writes, 2);
      const diffs = reference.flatMap((ref, i) => compare(ref, snaps[i]));
      assert.deepEqual(diffs.slice(0, 10), []);
      if (api === '1.17') {
        const key = (s: SheetSnapshot) => (s.merges ?? []).map((m) => JSON.stringify(m)).sort();
        reference.forEach((ref, i) => assert.deepEqual(key(snaps[i]), key(ref), `merges of ${ref.name}`));
      }
      // the codes of the classified tables stay text
      const t03 = snaps.find((s) => s.name === '公开03表')!;
      const codes = t03.values.flat().filter((v) => typeof v === 'string' && /^\d{3,7}$/.test(v));
      assert.ok(codes.length > 5, `text codes in 公开03表: ${codes.length}`);
    });
  }

  it('WPS host: same cells', async () => {
    const { app } = fakeWps();
    const snaps = await roundTrip(new WpsHost(app));
    const diffs = reference.flatMap((ref, i) => compare(ref, snaps[i]));
    assert.deepEqual(diffs.slice(0, 10), []);
  });
});
