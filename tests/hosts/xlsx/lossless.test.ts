import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initWorkbook, type InitOptions } from '../../../src/cli/commands/init';
import { XlsxHost } from '../../../src/hosts/xlsx/xlsx-host';
import { assertOnlyProductPartsChanged, partsOf, sheetParts } from './support/parts';
import { requireTool } from '../../support/env';
import { recalculateXlsx, SOFFICE } from '../../support/libreoffice';

/**
 * init and init --on-conflict refresh on real workbooks from other programs: every part
 * that is not the product's is byte for byte as it was (ECMA-376 Part 2 parts compared
 * after unzipping), the parts that change only gain entries, and the result opens.
 */

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'bad-input');
/** Workbooks as LibreOffice saves them (tests/fixtures/libreoffice-saved/README.md). */
const LO_SAVED = path.join(__dirname, '..', '..', 'fixtures', 'libreoffice-saved');
const XLSX = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));

const OPTIONS: InitOptions = { profile: '2021', unit: '', year: 2021, onConflict: 'skip' };

/** Whether `before` is `after` with text inserted (count="N" attributes aside). */
export function onlyInserted(before: string, after: string): boolean {
  const strip = (s: string) => s.replace(/\scount="\d+"/g, '');
  const a = strip(before);
  const b = strip(after);
  let i = 0;
  for (let j = 0; j < b.length && i < a.length; j++) if (a[i] === b[j]) i++;
  return i === a.length;
}

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-lossless-'));
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function initCopy(source: string, name: string, onConflict: InitOptions['onConflict']): Promise<{ before: Buffer; after: Buffer; saved: boolean }> {
  const file = path.join(dir, name);
  fs.copyFileSync(source, file);
  fs.chmodSync(file, 0o644);
  const before = fs.readFileSync(file);
  const { saved } = await initWorkbook(file, { ...OPTIONS, onConflict });
  return { before, after: fs.readFileSync(file), saved };
}

async function assertLossless(before: Buffer, after: Buffer): Promise<void> {
  await assertOnlyProductPartsChanged(before, after);
  const a = await partsOf(before);
  const b = await partsOf(after);
  for (const p of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']) {
    if (a.has(p) && b.has(p)) assert.ok(onlyInserted(a.get(p)!.toString('utf8'), b.get(p)!.toString('utf8')), `${p}: only entries added`);
  }
}

describe('lossless init on workbooks from openpyxl, LibreOffice and hand-edited XML', function () {
  this.timeout(120_000);

  for (const f of XLSX) {
    it(`init keeps every part of ${f} that is not the product's`, async () => {
      let r: { before: Buffer; after: Buffer; saved: boolean };
      try {
        r = await initCopy(path.join(FIXTURES, f), `skip-${f}`, 'skip');
      } catch (e) {
        assert.fail(`init refused ${f}: ${(e as Error).message}`);
      }
      if (!r.saved) assert.ok(r.after.equals(r.before), 'nothing saved: not one byte written');
      else await assertLossless(r.before, r.after);
      const host = await XlsxHost.open(path.join(dir, `skip-${f}`));
      const names = (await host.listSheets()).map((s) => s.name);
      assert.ok(names.includes('补充信息') && names.includes('公开01表'), names.join(','));
    });

    it(`init --on-conflict refresh keeps every part of ${f} that is not the product's, and a second refresh writes nothing`, async () => {
      const file = path.join(dir, `refresh-${f}`);
      let r: { before: Buffer; after: Buffer; saved: boolean };
      try {
        r = await initCopy(path.join(FIXTURES, f), `refresh-${f}`, 'refresh');
      } catch (e) {
        // Only a refresh into a protected 公开 sheet is refused, and then the file is untouched.
        assert.match(f, /protected/, (e as Error).message);
        assert.match((e as Error).message, /受保护/);
        assert.deepEqual(fs.readFileSync(file), fs.readFileSync(path.join(FIXTURES, f)));
        return;
      }
      if (r.saved) await assertLossless(r.before, r.after);
      const again = fs.readFileSync(file);
      const second = await initWorkbook(file, { ...OPTIONS, onConflict: 'refresh' });
      assert.equal(second.saved, false, 'a refresh that changes nothing writes nothing');
      assert.ok(fs.readFileSync(file).equals(again));
    });
  }

  it('keeps protection exactly: password hashes, sheet="true", and never writes a protected sheet', async () => {
    for (const f of ['protected-sheet-legacy-password.xlsx', 'lo-protected-sheets.xlsx']) {
      const r = await initCopy(path.join(FIXTURES, f), `prot-${f}`, 'beside');
      const a = await partsOf(r.before);
      const b = await partsOf(r.after);
      const sheets = await sheetParts(a);
      for (const [name, part] of sheets) {
        const xml = a.get(part)!.toString('utf8');
        if (!/<sheetProtection\b/.test(xml)) continue;
        assert.ok(b.get(part)!.equals(a.get(part)!), `${name}: protected sheet unchanged`);
        assert.match(b.get(part)!.toString('utf8'), /password="(CC1A|cc1a)"/);
      }
      const host = await XlsxHost.open(path.join(dir, `prot-${f}`));
      const locked = (await host.listSheets()).filter((s) => s.protected).map((s) => s.name);
      assert.ok(locked.includes('公开07表'), `${f}: 公开07表 read as protected (${locked.join(',')})`);
      // A refresh would write into the protected 公开07表: refused, the file untouched.
      const file = path.join(dir, `prot-refresh-${f}`);
      fs.copyFileSync(path.join(FIXTURES, f), file);
      fs.chmodSync(file, 0o644);
      await assert.rejects(initWorkbook(file, { ...OPTIONS, onConflict: 'refresh' }), /受保护/);
      assert.ok(fs.readFileSync(file).equals(fs.readFileSync(path.join(FIXTURES, f))));
      assert.ok(!fs.existsSync(`${file}.bak`), 'no stray backup');
    }
  });
});

describe('lossless init on workbooks saved by LibreOffice', function () {
  this.timeout(120_000);

  it('keeps every user part (init, and init --on-conflict refresh)', async () => {
    const books = fs.readdirSync(LO_SAVED).filter((x) => x.endsWith('.xlsx'));
    assert.ok(books.length >= 3, books.join(','));
    for (const f of books) {
      const saved = path.join(LO_SAVED, f);
      const r = await initCopy(saved, `lo-${f}`, 'skip');
      if (r.saved) await assertLossless(r.before, r.after);
      else assert.ok(r.after.equals(r.before), 'nothing to add: not one byte written');
      const r2 = await initCopy(saved, `lo-refresh-${f}`, 'refresh');
      if (r2.saved) await assertLossless(r2.before, r2.after);
    }
  });

  describe('in LibreOffice', function () {
    this.timeout(300_000);
    before(requireTool('LibreOffice', SOFFICE));

    it('what init wrote opens in LibreOffice, which recalculates and saves it with the new 补充信息 sheet and the user’s own', async () => {
      const r = await initCopy(path.join(LO_SAVED, 'defined-names.xlsx'), 'lo-back-defined-names.xlsx', 'skip');
      assert.ok(r.saved);
      const back = await recalculateXlsx(path.join(dir, 'lo-back-defined-names.xlsx'), path.join(dir, 'lo-back'));
      const host = await XlsxHost.open(back);
      const names = (await host.listSheets()).map((s) => s.name);
      assert.ok(names.includes('补充信息') && names.includes('我的数据'), names.join(','));
    });
  });
});
