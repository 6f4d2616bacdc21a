import { a1 } from '../../src/core/cells';
import type { SheetSnapshot } from '../../src/core/model/snapshot';
import { MemoryHost } from '../../src/hosts/memory/memory-host';

/** A memory workbook holding the snapshots' values, as a user's file would. */
export function hostOf(snapshots: SheetSnapshot[]): MemoryHost {
  const host = new MemoryHost();
  for (const s of snapshots) {
    host.addSheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && typeof v !== 'object') host.setCell(s.name, a1(s.top + r, s.left + c), v);
      }),
    );
  }
  return host;
}
