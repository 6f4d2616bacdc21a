import { displayText } from '../cells';
import { formulaAt, valueAt, type SheetSnapshot } from '../model/snapshot';
import type { TableKey } from '../model/tables';
import type { Profile } from '../profiles';
import { buildTable, snapshotOfPlan, type RowInput, type TableBuild } from './template';
import type { SheetPlan } from '../plan/sheet-plan';
import type { TableModel } from '../model/tables';
import { loadProfile, profileIds } from '../profiles';

/**
 * Recognise a sheet laid out by our own template (any profile version of it), so that
 * its rows — including 项 rows the accountant added — get a layout at the positions
 * the sheet actually has. Foreign layouts are the reader's job (src/core/reader).
 */

const norm = (v: unknown) => displayText(v).replace(/\s+/g, '');

function codePart(v: unknown, len: number): string {
  const s = norm(v);
  if (!s) return '';
  if (!/^\d+$/.test(s)) return '?';
  return s.padStart(len, '0');
}

/** The 类/款/项 rows under the 合计 row, in sheet order, until the first row without a code. */
export function classifiedRowsOf(snapshot: SheetSnapshot, build: TableBuild): RowInput[] {
  const spec = build.spec;
  if (spec.layout !== 'classified') return [];
  const rows: RowInput[] = [];
  const last = snapshot.top + snapshot.values.length - 1;
  for (let r = build.firstDataRow + 1; r <= last; r++) {
    let code: string;
    if (spec.codeColumns.length === 1) {
      code = norm(valueAt(snapshot, r, spec.codeColumns[0]));
    } else {
      const [c, s, i] = spec.codeColumns.map((col, j) => codePart(valueAt(snapshot, r, col), j === 0 ? 3 : 2));
      code = c + (s ? s + i : '');
      if (!s && i) code = '?';
    }
    if (!/^\d{3}(\d{2}(\d{2})?)?$/.test(code)) break;
    rows.push({ code, name: norm(valueAt(snapshot, r, spec.nameColumn)) || String(formulaAt(snapshot, r, spec.nameColumn) ?? '') });
  }
  return rows;
}

/** Whether the snapshot has this table of the profile at the template's positions. */
export function fitsTemplate(snapshot: SheetSnapshot, build: TableBuild): boolean {
  const spec = build.spec;
  const at = (r: number, c: number) => norm(valueAt(snapshot, r, c));
  const d = build.firstDataRow;
  if (spec.layout === 'classified') return at(d, spec.totalRow.labelColumns[0]) === norm(spec.totalRow.label);
  if (spec.layout === 'twoSided') {
    const first = spec.rows[0];
    return !!first.income?.label && at(d, spec.income.labelColumn) === norm(first.income.label) && at(d, spec.expense.labelColumn) === norm(first.expense?.label);
  }
  if (spec.layout === 'economic') return at(d, spec.groups[0].codeColumn) === spec.groups[0].items[0].code;
  // 三公: the header texts must match.
  const top = d - spec.header.rows.length;
  let total = 0;
  let same = 0;
  spec.header.rows.forEach((row, i) =>
    row.forEach((text, c) => {
      if (!text) return;
      total++;
      if (at(top + i, c) === norm(text)) same++;
    }),
  );
  return total > 0 && same / total >= 0.6;
}

/**
 * The table as laid out on the sheet by the profile's template (with the sheet's own
 * rows), or undefined when the sheet does not follow the template.
 */
export function recognizeTable(snapshot: SheetSnapshot, profile: Profile, key: TableKey, options: { unit?: string; year?: number } = {}): TableBuild | undefined {
  if (!profile.tables.some((t) => t.key === key)) return undefined;
  const base = { unit: options.unit ?? '', year: options.year ?? 0, sheet: snapshot.name };
  const blank = buildTable(profile, key, { ...base, withoutFormulas: true });
  if (!fitsTemplate(snapshot, blank)) return undefined;
  if (blank.spec.layout !== 'classified') return buildTable(profile, key, base);
  const rows = classifiedRowsOf(snapshot, blank);
  return buildTable(profile, key, { ...base, rows, keepOrder: true });
}

/** Which of the profiles' tables a sheet is (by its title in the first row and the template's positions). */
export function recognizeSheet(snapshot: SheetSnapshot, profiles: Profile[]): { profile: Profile; key: TableKey; build: TableBuild } | undefined {
  const texts = new Set<string>();
  for (let r = snapshot.top; r < snapshot.top + Math.min(snapshot.values.length, 3); r++) {
    for (const v of snapshot.values[r - snapshot.top] ?? []) if (v !== null) texts.add(norm(v));
  }
  for (const profile of profiles) {
    for (const spec of profile.tables) {
      if (!texts.has(norm(spec.title))) continue;
      const build = recognizeTable(snapshot, profile, spec.key);
      if (build) return { profile, key: spec.key, build };
    }
  }
  return undefined;
}

/**
 * The layout of a SheetPlan this template made (recognised by its title and layout,
 * with the plan's own rows); undefined for a plan that is not one of ours.
 */
export function layoutOfPlan(plan: SheetPlan, profiles?: Profile[]): TableModel | undefined {
  return recognizeSheet(snapshotOfPlan(plan), profiles ?? profileIds().map(loadProfile))?.build.layout;
}
