import type { TableKey } from '../model/tables';
import type { Profile, TableSpec } from './types';
import { EDITIONS } from '../editions';

export * from './types';

/**
 * The profiles the product ships, by id: the layouts the editions own
 * (src/core/editions/<id>/profile.json). A new layout comes with a new edition.
 */
const PROFILES: Record<string, Profile> = {};
// No Object.fromEntries: the task pane runs in ES2017 webviews.
for (const e of EDITIONS) if (e.ownsProfile) PROFILES[e.profile.id] = e.profile;

export function profileIds(): string[] {
  return Object.keys(PROFILES);
}

/** A profile by id; throws a Chinese message for an unknown id. Validates the data. */
export function loadProfile(id: string): Profile {
  const p = PROFILES[id];
  if (!p) throw new Error(`未知的报表格式“${id}”，可用的格式：${profileIds().join('、')}`);
  validateProfile(p);
  return p;
}

/** The spec of one table in a profile; throws when the profile does not have the table. */
export function tableSpec(profile: Profile, key: TableKey): TableSpec {
  const t = profile.tables.find((x) => x.key === key);
  if (!t) throw new Error(`报表格式“${profile.id}”不含${key}表`);
  return t;
}

/** Sheet name of a table: the profile's, else 公开NN表. */
export function sheetNameOf(spec: TableSpec): string {
  return spec.sheet ?? `公开${spec.number}表`;
}

/** Checks a profile's data for the mistakes a hand-edited JSON file invites. */
export function validateProfile(p: Profile): void {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const t of p.tables) {
    if (keys.has(t.key)) problems.push(`${t.key} 重复`);
    keys.add(t.key);
    const width = t.columnWidths.length;
    for (const [i, row] of t.header.rows.entries()) {
      if (row.length !== width) problems.push(`${t.key} 表头第${i + 1}行应有${width}列，实有${row.length}列`);
    }
    for (const m of t.header.merges) {
      if (!/^[A-Z]+\d+:[A-Z]+\d+$/.test(m)) problems.push(`${t.key} 合并区域“${m}”无效`);
    }
    const cols: number[] = [];
    if (t.layout === 'classified') cols.push(...t.codeColumns, t.nameColumn, ...Object.values(t.columns));
    if (t.layout === 'twoSided') {
      for (const s of [t.income, t.expense]) cols.push(s.labelColumn, ...Object.values(s.columns));
    }
    if (t.layout === 'economic') for (const g of t.groups) cols.push(g.codeColumn, g.nameColumn, g.amountColumn);
    if (t.layout === 'threePublic') for (const b of t.blocks) cols.push(...Object.values(b.columns));
    for (const c of cols) if (c < 0 || c >= width) problems.push(`${t.key} 列号${c}超出表宽${width}`);
  }
  if (problems.length) throw new Error(`报表格式“${p.id}”数据有误：${problems.join('；')}`);
}
