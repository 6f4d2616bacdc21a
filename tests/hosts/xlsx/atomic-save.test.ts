import { strict as assert } from 'assert';
import * as fs from 'fs';
import fsModule from 'fs';
import * as os from 'os';
import * as path from 'path';
import { atomicWrite, freeFileName, SaveError } from '../../../src/hosts/xlsx/atomic-save';
import { XlsxHost } from '../../../src/hosts/xlsx/xlsx-host';
import { initWorkbook } from '../../../src/cli/commands/init';
import { emptyPlan } from '../../../src/core/plan/sheet-plan';

/**
 * Saves are all-or-nothing (temporary file beside the target, fsync, rename(2): atomic
 * within a file system, https://pubs.opengroup.org/onlinepubs/9699919799/functions/rename.html),
 * refuse to overwrite a file someone else changed meanwhile, and say in Chinese that the
 * file is unchanged when they fail. Disk-full is simulated by failing write(2) with ENOSPC
 * (what the kernel returns then), so the test needs no special file system.
 */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-save-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'bad-input', 'user-book-lo.xlsx');

function copyFixture(name: string): string {
  const file = path.join(dir, name);
  fs.copyFileSync(FIXTURE, file);
  fs.chmodSync(file, 0o644);
  return file;
}

function failWrites(code: string): () => void {
  // The module object itself (a namespace import is a read-only view of it).
  const real = fsModule.writeSync;
  (fsModule as { writeSync: typeof fs.writeSync }).writeSync = (fd: number, data: unknown, ...rest: unknown[]) => {
    // Let the first bytes through, as a disk filling up mid-write does, then fail.
    if (Buffer.isBuffer(data) && data.length > 100) {
      (real as (...a: unknown[]) => number)(fd, data, 0, 100);
      throw Object.assign(new Error(`${code}: simulated`), { code });
    }
    return (real as (...a: unknown[]) => number)(fd, data, ...rest);
  };
  return () => {
    (fsModule as { writeSync: typeof fs.writeSync }).writeSync = real;
  };
}

describe('atomic saves', () => {
  it('a disk that fills up mid-write leaves the original whole, says so in Chinese, leaves no temporary file', async () => {
    const file = copyFixture('book.xlsx');
    const before = fs.readFileSync(file);
    const restore = failWrites('ENOSPC');
    try {
      await assert.rejects(initWorkbook(file, { profile: '2021', unit: '', year: 2021, onConflict: 'skip' }), (e: unknown) => {
        assert.ok(e instanceof SaveError, String(e));
        assert.match((e as Error).message, /磁盘空间不足/);
        assert.match((e as Error).message, /原文件未改动/);
        assert.doesNotMatch((e as Error).message, /ENOSPC/);
        return true;
      });
    } finally {
      restore();
    }
    assert.ok(fs.readFileSync(file).equals(before), 'the original is byte for byte as it was');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['book.xlsx'], 'no temporary file, no lock, no stray backup');
  });

  it('a new file interrupted mid-write is not left behind at all (never 0 bytes)', () => {
    const file = path.join(dir, 'new.xlsx');
    const restore = failWrites('EIO');
    try {
      assert.throws(() => atomicWrite(file, Buffer.alloc(10_000, 1), { expect: null }), /磁盘读写出错.*未创建文件/);
    } finally {
      restore();
    }
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('concurrent writers: the first save wins, the second is told and overwrites nothing', async () => {
    const file = copyFixture('shared.xlsx');
    const a = await XlsxHost.open(file);
    const b = await XlsxHost.open(file);
    await a.apply({ create: [{ ...emptyPlan('甲的表'), cells: [{ row: 0, col: 0, value: '甲' }] }], update: [] });
    await b.apply({ create: [{ ...emptyPlan('乙的表'), cells: [{ row: 0, col: 0, value: '乙' }] }], update: [] });
    assert.equal(await a.save(file), true);
    const winner = fs.readFileSync(file);
    await assert.rejects(b.save(file), (e: unknown) => e instanceof SaveError && /已被其他程序修改/.test((e as Error).message));
    assert.ok(fs.readFileSync(file).equals(winner), "the winner's file is intact");
    const names = (await (await XlsxHost.open(file)).listSheets()).map((s) => s.name);
    assert.ok(names.includes('甲的表') && !names.includes('乙的表'), names.join(','));
  });

  it('a writer holding the lock makes the others wait their turn (told, nothing written); a stale lock is taken over', () => {
    const file = copyFixture('locked.xlsx');
    const before = fs.readFileSync(file);
    fs.writeFileSync(`${file}.juesuan-lock`, String(process.pid)); // a live process holds it
    assert.throws(() => atomicWrite(file, Buffer.from('new'), { expect: before }), /正由另一个 juesuan 进程.*写入/);
    assert.ok(fs.readFileSync(file).equals(before));
    fs.writeFileSync(`${file}.juesuan-lock`, '2147483646'); // no such process
    atomicWrite(file, Buffer.from('new'), { expect: before });
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    assert.ok(!fs.existsSync(`${file}.juesuan-lock`));
  });

  it('never replaces a file that must not exist; freeFileName picks the next free name', () => {
    const file = path.join(dir, 'demo.xlsx');
    fs.writeFileSync(file, 'user data');
    assert.throws(() => atomicWrite(file, Buffer.from('demo'), { expect: null }), /已存在/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'user data');
    assert.equal(freeFileName(file), path.join(dir, 'demo (2).xlsx'));
    assert.equal(freeFileName(path.join(dir, 'other.xlsx')), path.join(dir, 'other.xlsx'));
  });

  it('keeps the file mode of the file it replaces', () => {
    const file = copyFixture('mode.xlsx');
    fs.chmodSync(file, 0o640);
    atomicWrite(file, Buffer.from('x'), { expect: fs.readFileSync(file) });
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  });
});
