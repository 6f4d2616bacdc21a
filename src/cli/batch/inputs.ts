import * as fs from 'fs';
import * as path from 'path';

/**
 * The workbooks a `check` command line names: files as given; folders walked
 * recursively for .xlsx and .xlsm; glob patterns (* ? ** [..] {a,b}) for shells that
 * do not expand them (Windows cmd, or quoted). Hidden entries (.name) and Office lock
 * files (~$name) found in folders or by patterns are skipped. Order: as given; inside a
 * folder or a pattern, by path. A file named twice is checked once.
 */

export interface Input {
  /** The path as shown to the user (as given, or given folder + relative path). */
  file: string;
  /** Set when nothing can be checked for this argument (reason in Chinese). */
  problem?: string;
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

function skipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every file under a folder, depth first, sorted by name at each level, with its path
 * relative to the folder ('/'-separated). Hidden and lock entries are skipped; symlinked
 * folders are not followed (no cycles), linked files are. A folder that cannot be listed
 * (permissions) is passed to `unreadable`, never dropped silently.
 */
function visitTree(dir: string, rel: string, onFile: (full: string, rel: string) => void, unreadable: (dir: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    // A folder that is not there (a pattern's base, or moved meanwhile) holds nothing to
    // check; one that is there but cannot be listed (permissions) is said.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') unreadable(dir);
    return;
  }
  entries.sort((a, b) => byName(a.name, b.name));
  for (const e of entries) {
    if (skipped(e.name)) continue;
    const full = path.join(dir, e.name);
    const r = rel ? `${rel}/${e.name}` : e.name;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        isDir = false;
        isFile = fs.statSync(full).isFile();
      } catch {
        continue;
      }
    }
    if (isDir) visitTree(full, r, onFile, unreadable);
    else if (isFile) onFile(full, r);
  }
}

export function hasMagic(p: string): boolean {
  return /[*?[{]/.test(p);
}

/** A glob (one path segment or **) as a regular expression over a '/'-separated path. */
export function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // "**/" matches any number of folders, "**" at the end anything.
        i++;
        if (pattern[i + 1] === '/') {
          i++;
          re += '(?:[^/]*/)*';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = pattern.indexOf('}', i + 1);
      if (end < 0) re += '\\{';
      else {
        const alts = pattern
          .slice(i + 1, end)
          .split(',')
          .map((a) =>
            a
              .replace(/[.+^$()|\\]/g, '\\$&')
              .replace(/\*/g, '[^/]*')
              .replace(/\?/g, '[^/]'),
          );
        re += `(?:${alts.join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, process.platform === 'win32' ? 'i' : '');
}

/** The files a pattern matches: walk from the longest folder prefix without magic. */
function expandGlob(pattern: string, unreadable: (dir: string) => void): string[] {
  const unified = pattern.split(path.sep).join('/');
  const parts = unified.split('/');
  let cut = 0;
  while (cut < parts.length - 1 && !hasMagic(parts[cut])) cut++;
  const fixed = parts.splice(0, cut);
  const base = fixed.length ? fixed.join('/') || '/' : '.';
  const re = globRegExp(parts.join('/'));
  const found: string[] = [];
  visitTree(base, '', (_full, r) => (re.test(r) ? void found.push(fixed.length ? path.join(base, r) : r) : undefined), unreadable);
  // A pattern for workbooks only keeps .xlsx/.xlsm unless it names another extension.
  return found.filter((f) => WORKBOOK.test(f) || !/\*$/.test(pattern));
}

export function expandInputs(args: string[]): Input[] {
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ file });
  };
  const unreadable = (dir: string) => out.push({ file: dir, problem: `无法读取文件夹“${dir}”：没有读取权限或已被移走，其中的工作簿未校验。` });
  for (const arg of args) {
    const before = out.length;
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(arg);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const files: string[] = [];
      visitTree(arg, '', (full) => (WORKBOOK.test(full) ? void files.push(full) : undefined), unreadable);
      if (!files.length && out.length === before) out.push({ file: arg, problem: `无法读取“${arg}”：这是一个文件夹，其中（含子文件夹）没有 .xlsx 或 .xlsm 工作簿。` });
      files.forEach(add);
    } else if (!st && hasMagic(arg)) {
      const files = expandGlob(arg, unreadable);
      if (!files.length && out.length === before) out.push({ file: arg, problem: `无法读取“${arg}”：没有与之匹配的工作簿。` });
      files.forEach(add);
    } else add(arg); // a file, or a path that does not exist (the reader says so)
  }
  return out;
}
