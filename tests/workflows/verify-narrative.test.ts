import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { a1, isCellError } from '../../src/core/cells';
import { inputSheetPlan } from '../../src/core/inputs';
import { SEED_2021_INPUTS } from '../../src/core/sample/seed-2021-inputs';
import { verifyNarrative } from '../../src/core/workflows/verify-narrative';
import { MemoryHost } from '../../src/hosts/memory/memory-host';
import { seedSnapshots } from '../fixtures/seed-2021';

const TEXT = fs.readFileSync(path.join(__dirname, '../fixtures/narratives/seed-2021.txt'), 'utf8');

/** The seed tables typed into an in-memory workbook, as a user's foreign layout. */
function seedHost(): MemoryHost {
  const host = new MemoryHost();
  for (const s of seedSnapshots()) {
    host.addSheet(s.name);
    s.values.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null || isCellError(v)) return;
        host.setCell(s.name, a1(s.top + i, s.left + j), v);
      }),
    );
  }
  return host;
}

describe('workflow: verifyNarrative', () => {
  it('reads the workbook once and checks the seed text against its tables', async () => {
    const host = seedHost();
    host.calls = [];
    const findings = await verifyNarrative(host, TEXT);
    assert.deepEqual(host.calls, ['readSheets']);
    const tp = findings.find((f) => f.quote === '124.13%')!;
    assert.equal(tp.expected, '97.38%');
    assert.equal(TEXT.slice(tp.start, tp.end), '124.13%');
    // without a 补充信息 sheet, 机关运行经费 cannot be verified
    const ops = findings.find((f) => f.section === '十' && f.quote === '56.70万元')!;
    assert.ok(ops.unverified);
    assert.match(ops.message, /补充信息/);
  });

  it('reads the 补充信息 sheet when there is one', async () => {
    const host = seedHost();
    await host.apply({ create: [inputSheetPlan(SEED_2021_INPUTS)], update: [] });
    host.calls = [];
    const findings = await verifyNarrative(host, TEXT);
    assert.deepEqual(host.calls, ['readSheets']);
    assert.equal(
      findings.find((f) => f.section === '十' && f.quote === '56.70万元'),
      undefined,
    );
    const veh = findings.find((f) => f.rule === 'text-amount-matches-table' && f.quote === '35辆' && f.section === '十三')!;
    assert.equal(veh.expected, '36辆');
    assert.equal(veh.cells[0].sheet, '补充信息');
  });

  it('honours the rounding tolerance option', async () => {
    const host = seedHost();
    const strict = await verifyNarrative(host, '三、支出决算情况说明\n项目支出1138.53万元。', { tolerance: 0 });
    assert.deepEqual(
      strict.map((f) => f.severity),
      ['error'],
    );
    const loose = await verifyNarrative(host, '三、支出决算情况说明\n项目支出1138.53万元。');
    assert.deepEqual(
      loose.map((f) => f.severity),
      ['rounding'],
    );
  });
});
