/**
 * The Excel requirement set of every class member, read from the remarks of
 * @types/office-js (`[Api set: ExcelApi 1.2]`, `[Api set: ExcelApi 1.1 for get, 1.8 for set]`),
 * the same text as Microsoft's reference pages
 * (https://learn.microsoft.com/javascript/api/excel; sets per Office version:
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
 * Generated when the tests load, so the fake follows the typings the project installs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface MemberSets {
  get: string;
  set: string;
}

let table: Map<string, MemberSets> | null = null;

function parse(): Map<string, MemberSets> {
  const file = path.join(path.dirname(require.resolve('@types/office-js/package.json')), 'index.d.ts');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out = new Map<string, MemberSets>();
  let inExcel = false;
  let cls: string | null = null;
  let pending: MemberSets | null = null;
  for (const line of lines) {
    if (/^declare namespace Excel \{/.test(line)) {
      inExcel = true;
      continue;
    }
    if (!inExcel) continue;
    if (/^\}/.test(line)) {
      inExcel = false;
      cls = null;
      continue;
    }
    const c = /^ {4}class (\w+)/.exec(line);
    if (c) {
      cls = c[1];
      pending = null;
      continue;
    }
    if (/^ {4}(interface|enum|namespace|function|type|const) /.test(line)) {
      cls = null;
      continue;
    }
    const api = /\[Api set: ExcelApi (\d+\.\d+)(?: for get, (\d+\.\d+) for set)?/.exec(line);
    if (api) {
      pending = { get: api[1], set: api[2] ?? api[1] };
      continue;
    }
    const m = /^ {8}(?:readonly )?(\w+)\??[(:<]/.exec(line);
    if (m && cls) {
      const key = `${cls}.${m[1]}`;
      if (pending && !out.has(key)) out.set(key, pending);
      pending = null;
    }
  }
  return out;
}

/** The ExcelApi version `Class.member` needs to be read (get) or written (set); undefined = not in the typings. */
export function apiSetOf(cls: string, member: string, access: 'get' | 'set' = 'get'): string | undefined {
  table ??= parse();
  return table.get(`${cls}.${member}`)?.[access];
}

export function apiSetCount(): number {
  table ??= parse();
  return table.size;
}
