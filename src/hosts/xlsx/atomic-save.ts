import * as crypto from 'crypto';
import fs from 'fs';
import * as path from 'path';
import { HostError } from '../../core/host';

/**
 * Saving a workbook so that the file on disk is always either the old one or the new
 * one, whole: the bytes go to a temporary file beside the target, are flushed to disk
 * (fsync), and only then take the target's name by rename(2) — atomic within one file
 * system (POSIX rename; on Windows, MoveFileEx with MOVEFILE_REPLACE_EXISTING, which
 * Node's fs.rename uses). A full disk, a read-only folder or a crash mid-write leave the
 * original untouched.
 *
 * Concurrent writers: a lock file (created with O_EXCL) lets one save at a time; each
 * writer states what it expects the target to hold (the bytes it read, or nothing), so
 * a writer that lost the race is told instead of overwriting the winner's result.
 */

/** Why an operation on a file failed, in Chinese (no raw EROFS/ENOENT). */
export function fileErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件或所在文件夹不存在';
    case 'EEXIST':
      return '已有同名文件';
    case 'ENOTDIR':
      return '所在路径中有同名文件，不是文件夹';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限，或文件正在 Excel/WPS 中打开';
    case 'EBUSY':
    case 'ETXTBSY':
      return '文件正在被其他程序（如 Excel/WPS）使用';
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间不足';
    case 'EROFS':
      return '所在磁盘或文件夹是只读的';
    case 'EISDIR':
      return '这是一个文件夹';
    case 'ENAMETOOLONG':
      return '文件名或路径过长';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件过多';
    case 'EIO':
      return '磁盘读写出错';
    case 'EXDEV':
      return '临时文件与目标不在同一磁盘';
    default:
      return code ? `系统错误 ${code}` : '未知原因';
  }
}

/** A save that did not happen; `unchanged` says the target was left as it was. */
export class SaveError extends HostError {
  constructor(message: string) {
    super(message);
    this.name = 'SaveError';
  }
}

export interface AtomicWriteOptions {
  /**
   * What the target must hold for the write to go ahead: the bytes read when the file
   * was opened (refuse when someone changed it since), null when it must not exist
   * (never overwrite), undefined to replace whatever is there.
   */
  expect?: Buffer | null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeLock(lock: string, target: string): number {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lock, 'wx');
      fs.writeSync(fd, String(process.pid));
      return fd;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let pid = NaN;
      try {
        pid = Number(fs.readFileSync(lock, 'utf8').trim());
      } catch {
        /* vanished meanwhile: try again */
      }
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new SaveError(`“${target}”正由另一个 juesuan 进程（${pid}）写入，本次未改动文件。请等它完成后再试。`);
      }
      try {
        fs.unlinkSync(lock); // left by a process that is gone
      } catch {
        /* another writer removed it */
      }
    }
  }
  throw new SaveError(`“${target}”正由另一个程序写入，本次未改动文件。请稍后再试。`);
}

/** Write `bytes` to `target` atomically (see the module comment). Throws SaveError in Chinese. */
export function atomicWrite(target: string, bytes: Buffer, options: AtomicWriteOptions = {}): void {
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  const unchanged = options.expect === null ? '未创建文件' : '原文件未改动';
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new SaveError(`无法写入“${target}”：${fileErrorText(e)}。${unchanged}。`);
  }
  let lockFd: number | undefined;
  const lock = `${abs}.juesuan-lock`;
  const tmp = path.join(dir, `.${path.basename(abs)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    try {
      lockFd = takeLock(lock, target);
    } catch (e) {
      if (e instanceof SaveError) throw e;
      throw new SaveError(`无法写入“${target}”：${fileErrorText(e)}。${unchanged}。`);
    }
    let mode: number | undefined;
    if (options.expect !== undefined) {
      let current: Buffer | null;
      try {
        current = fs.readFileSync(abs);
        mode = fs.statSync(abs).mode & 0o7777;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new SaveError(`无法写入“${target}”：${fileErrorText(e)}。${unchanged}。`);
        current = null;
      }
      if (options.expect === null && current !== null) {
        throw new SaveError(`“${target}”已存在（可能刚由其他程序创建），为免覆盖，本次未写入。`);
      }
      if (options.expect !== null && (current === null || !current.equals(options.expect))) {
        throw new SaveError(`“${target}”在本工具读取之后已被其他程序修改或删除，为免覆盖他人的修改，本次未写入，文件保持现状。请重新运行。`);
      }
    } else {
      try {
        mode = fs.statSync(abs).mode & 0o7777;
      } catch {
        mode = undefined;
      }
    }
    try {
      const fd = fs.openSync(tmp, 'wx', mode ?? 0o666);
      try {
        let off = 0;
        while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      if (options.expect === null) {
        // Never replace a file that appeared meanwhile: link(2) fails with EEXIST.
        try {
          fs.linkSync(tmp, abs);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') throw new SaveError(`“${target}”已存在（可能刚由其他程序创建），为免覆盖，本次未写入。`);
          // File systems without hard links: the lock and the check above stand in.
          if (fs.existsSync(abs)) throw new SaveError(`“${target}”已存在，为免覆盖，本次未写入。`);
          fs.renameSync(tmp, abs);
        }
      } else {
        fs.renameSync(tmp, abs);
      }
    } catch (e) {
      if (e instanceof SaveError) throw e;
      throw new SaveError(`无法写入“${target}”：${fileErrorText(e)}。${unchanged}。`);
    }
    try {
      const dfd = fs.openSync(dir, 'r');
      try {
        fs.fsyncSync(dfd);
      } finally {
        fs.closeSync(dfd);
      }
    } catch {
      /* directories cannot be opened for fsync on every platform (Windows) */
    }
  } finally {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* renamed, or never created */
    }
    if (lockFd !== undefined) {
      fs.closeSync(lockFd);
      try {
        fs.unlinkSync(lock);
      } catch {
        /* already gone */
      }
    }
  }
}

/** The first name not in use: "out.xlsx", then "out (2).xlsx", "out (3).xlsx" … */
export function freeFileName(target: string): string {
  if (!fs.existsSync(target)) return target;
  const ext = path.extname(target);
  const stem = target.slice(0, target.length - ext.length);
  for (let n = 2; ; n++) {
    const name = `${stem} (${n})${ext}`;
    if (!fs.existsSync(name)) return name;
  }
}
