import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inputSheetPlan, readInputs } from '../../src/core/inputs';
import { sampleBatch } from '../../src/core/sample/seed-2021';
import { SEED_2021_INPUTS } from '../../src/core/sample/seed-2021-inputs';
import { PRIOR_KEYS } from '../../src/core/workflows/import-last-year';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { lastYearPlans, LAST_YEAR_TEXT } from '../core/last-year/last-year-book';
import { juesuan, juesuanSpawned } from '../support/cli';

/**
 * `--last-year` / `--last-year-text` on narrate, verify-text and init (issue #14), run
 * in-process (main(argv, io); one spawned smoke test) on real .xlsx files:
 * this year = the seed sample with its 补充信息 but the 上年 fields blank; last year =
 * the generated 2020 report in the 2023 layout, saved by ExcelJS (formulas without
 * cached values, computed by the CLI when read).
 */

const ROOT = path.resolve(__dirname, '..', '..');
const SEED_TEXT = path.join(ROOT, 'tests', 'fixtures', 'narratives', 'seed-2021.txt');

describe('juesuan --last-year', function () {
  this.timeout(180_000);
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-last-year-'));
    const last = XlsxHost.create();
    await last.apply({ create: lastYearPlans(), update: [] });
    await last.save(path.join(dir, '2020.xlsx'));
    fs.writeFileSync(path.join(dir, '2020.txt'), LAST_YEAR_TEXT);
    const values = { ...SEED_2021_INPUTS.values };
    for (const k of PRIOR_KEYS) delete values[k];
    const cur = XlsxHost.create();
    const { batch } = sampleBatch();
    await cur.apply({ create: [...batch.create, inputSheetPlan({ values, budgets: SEED_2021_INPUTS.budgets })], update: [] });
    await cur.save(path.join(dir, '2021.xlsx'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('narrate: no 上年 prompt left, and the 上年 figures listed with their source', async () => {
    const plain = await juesuan(['narrate', '2021.xlsx'], dir);
    assert.equal(plain.status, 0, plain.stderr);
    assert.match(plain.stdout, /【请填写：上年收、支总计】/);
    const r = await juesuan(['narrate', '2021.xlsx', '--last-year', '2020.xlsx', '--last-year-text', '2020.txt'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /【请填写：上年/);
    assert.match(r.stdout, /2021年度收、支总计1474\.07万元，与上年相比，减少290\.92万元，下降16\.48%/);
    assert.match(r.stdout, /【上年数】\n采用上年报表中的上年数 8 项/);
    assert.match(r.stdout, /上年机关运行经费：91\.13万元（取自上年情况说明，第15行“91\.13万元”）/);
    assert.match(r.stdout, /上年项级科目 2010350 事业运行（120\.00万元）在本年表中没有对应科目/);
    // --json: the same contract; the figure names last year's cell; the listing goes to stderr.
    const j = await juesuan(['narrate', '2021.xlsx', '--json', '--last-year', '2020.xlsx'], dir);
    assert.equal(j.status, 0, j.stderr);
    const json = JSON.parse(j.stdout) as { sections: Array<{ figures: Array<{ id: string; value: number; cells: Array<{ sheet: string; address: string }> }> }> };
    const prior = json.sections[0].figures.find((f) => f.id === 'summary.total.prior')!;
    assert.equal(prior.value, 1764.99);
    assert.deepEqual(prior.cells, [{ sheet: '[2020.xlsx]公开01表', address: 'B36' }]);
    assert.match(j.stderr, /【上年数】/);
  });

  it('verify-text: 10 fewer 无法核对 (the statements that need a 上年 figure)', async () => {
    const count = async (args: string[]) => {
      const r = await juesuan(['verify-text', '2021.xlsx', SEED_TEXT, '--json', ...args], dir);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const list = JSON.parse(r.stdout) as Array<{ severity: string; message: string }>;
      return list.filter((f) => f.message.startsWith('无法核对')).length;
    };
    const before = await count([]);
    const after = await count(['--last-year', '2020.xlsx', '--last-year-text', '2020.txt']);
    assert.equal(before - after, 10);
  });

  it('init --last-year fills the 补充信息 上年 fields; a second run changes nothing', async () => {
    const r = await juesuan(['init', 'new.xlsx', '--year', '2021', '--last-year', '2020.xlsx', '--last-year-text', '2020.txt'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /已填入“补充信息”的上年数 8 项/);
    const host = await XlsxHost.open(path.join(dir, 'new.xlsx'));
    const inputs = readInputs(await host.readSheets());
    for (const k of PRIOR_KEYS) assert.equal(inputs.values[k]?.value, SEED_2021_INPUTS.values![k], k);
    const again = await juesuan(['init', 'new.xlsx', '--year', '2021', '--last-year', '2020.xlsx', '--last-year-text', '2020.txt'], dir);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /^未改动：new\.xlsx/);
    assert.match(again.stdout, /已填写且与上年报表一致 8 项/);
    assert.ok(!fs.existsSync(path.join(dir, 'new.xlsx.bak')));
  });

  it('a last-year file that is not a workbook is refused (exit 2), naming it — as a child process', () => {
    fs.writeFileSync(path.join(dir, 'bad.xlsx'), 'not a zip');
    const r = juesuanSpawned(['narrate', '2021.xlsx', '--last-year', 'bad.xlsx'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /上年报表：.*bad\.xlsx/);
  });
});
