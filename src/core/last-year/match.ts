import type { CellRef } from '../cells';
import { roundHalfAway } from '../figures';
import type { Line, TableModel } from '../model/tables';
import { matchKey, stripOrdinal } from '../text/normalize';
import type { Unmatched } from './types';

/**
 * Pairing this year's 类/项 lines with last year's, in one classified table (公开05表).
 *
 * 1. Same code → the same 科目 (a different name is noted: classes and items are
 *    renamed between editions, e.g. 医疗卫生与计划生育支出 → 卫生健康支出).
 * 2. A code that does not exist in the other year → a line of the same level whose
 *    code does not exist this year either, with the same name (items: in the same 款,
 *    else in the same 类, by code or name) — exactly one such line, else nothing.
 * 3. Nothing found → reported as unmatched, never guessed (a line missing from last
 *    year's table may mean no money last year, or a 科目 renamed and recoded).
 */

export interface LinePair {
  current: Line;
  last: Line;
  by: 'code' | 'name';
  /** Chinese note when the pair is not an exact code-and-name match. */
  note?: string;
}

export interface MatchResult {
  pairs: LinePair[];
  unmatched: Unmatched[];
}

/** Name comparison key: no ordinal, spaces, brackets or trailing 支出. */
export function nameKey(label: string): string {
  return matchKey(stripOrdinal(label)).replace(/[()]/g, '').replace(/支出$/, '');
}

function moneyOf(l: Line, col: string): number {
  const a = l.values[col];
  return a && Number.isFinite(a.value) ? a.value : 0;
}

function cellsOf(l: Line, col: string): CellRef[] {
  const a = l.values[col];
  return a ? [a.cell] : [];
}

function labelOf(t: TableModel, code: string): string {
  return t.lines.find((l) => l.code === code)?.label ?? '';
}

/**
 * Pair the 类 and 项 lines with money of `current` with lines of `last`, by code then by name.
 * `col` is the amount column (05: 'total'); `what` names the table in messages.
 */
export function matchLines(current: TableModel, last: TableModel, col: string, what: string, factor = 1): MatchResult {
  const pairs: LinePair[] = [];
  const unmatched: Unmatched[] = [];
  const levels = ['class', 'item'] as const;
  const currentCodes = new Set(current.lines.filter((l) => l.code).map((l) => l.code!));
  const lastByCode = new Map(last.lines.filter((l) => l.code).map((l) => [l.code!, l]));
  const usedLast = new Set<Line>();

  for (const level of levels) {
    const levelName = level === 'class' ? '类' : '项';
    for (const cur of current.lines) {
      if (cur.level !== level || !cur.code) continue;
      if (roundHalfAway(moneyOf(cur, col)) === 0) continue;
      const same = lastByCode.get(cur.code);
      if (same && same.level === level) {
        const renamed = nameKey(same.label) !== nameKey(cur.label);
        pairs.push({
          current: cur,
          last: same,
          by: 'code',
          note: renamed ? `科目名称已调整：上年为“${stripOrdinal(same.label)}”，本年为“${stripOrdinal(cur.label)}”，按编码 ${cur.code} 对应` : undefined,
        });
        usedLast.add(same);
        continue;
      }
      // By name, among last year's lines whose code is gone this year.
      const key = nameKey(cur.label);
      const parentKey = (t: TableModel, code: string) => nameKey(labelOf(t, code.slice(0, level === 'item' ? 5 : 3)));
      const classKey = (t: TableModel, code: string) => nameKey(labelOf(t, code.slice(0, 3)));
      const named = last.lines.filter((l) => l.level === level && l.code && !currentCodes.has(l.code) && !usedLast.has(l) && nameKey(l.label) === key);
      // Items: the same 款 first (by code or name), else the same 类; classes: by name alone.
      const sameSection = (l: Line) => l.code!.slice(0, 5) === cur.code!.slice(0, 5) || parentKey(last, l.code!) === parentKey(current, cur.code!);
      const sameClass = (l: Line) => l.code!.slice(0, 3) === cur.code!.slice(0, 3) || classKey(last, l.code!) === classKey(current, cur.code!);
      const inSection = level === 'item' ? named.filter(sameSection) : named;
      const candidates = inSection.length ? inSection : named.filter(sameClass);
      // …and the other way round: no second line of this year could claim the same one.
      const rivals =
        candidates.length === 1
          ? current.lines.filter((c) => {
              const l = candidates[0];
              if (c === cur || c.level !== level || !c.code || lastByCode.has(c.code) || nameKey(c.label) !== key) return false;
              if (roundHalfAway(moneyOf(c, col)) === 0) return false;
              if (level === 'class') return true;
              const sec = c.code.slice(0, 5) === l.code!.slice(0, 5) || parentKey(current, c.code) === parentKey(last, l.code!);
              return inSection.length ? sec : c.code.slice(0, 3) === l.code!.slice(0, 3) || classKey(current, c.code) === classKey(last, l.code!);
            })
          : [];
      if (candidates.length === 1 && !rivals.length) {
        const l = candidates[0];
        pairs.push({
          current: cur,
          last: l,
          by: 'name',
          note: `科目编码已调整：上年为 ${l.code}，本年为 ${cur.code}，按名称“${stripOrdinal(cur.label)}”对应`,
        });
        usedLast.add(l);
        continue;
      }
      const name = stripOrdinal(cur.label);
      unmatched.push({
        level,
        side: 'current',
        code: cur.code,
        name,
        value: roundHalfAway(moneyOf(cur, col)),
        cells: cellsOf(cur, col),
        message:
          candidates.length > 1
            ? `本年${levelName}级科目 ${cur.code} ${name} 在上年${what}中有 ${candidates.length} 个同名科目（${candidates.map((c) => c.code).join('、')}），无法确定对应哪一个，未填上年数。`
            : rivals.length
              ? `本年${levelName}级科目 ${cur.code} ${name} 与本年 ${rivals.map((c) => c.code).join('、')} 同名，都可能对应上年的 ${candidates[0].code}，无法确定，未填上年数。`
              : `本年${levelName}级科目 ${cur.code} ${name} 在上年${what}中找不到相同编码或名称的科目（上年可能没有这项支出，也可能科目已调整），未填上年数。`,
      });
    }
  }
  // Last year's lines with money that no current line took (a 项 that no longer exists …).
  for (const level of levels) {
    const levelName = level === 'class' ? '类' : '项';
    for (const l of last.lines) {
      if (l.level !== level || !l.code || usedLast.has(l)) continue;
      const v = moneyOf(l, col) / factor;
      if (roundHalfAway(v) === 0) continue;
      if (currentCodes.has(l.code)) continue; // still there, only without money this year
      const name = stripOrdinal(l.label);
      unmatched.push({
        level,
        side: 'last',
        code: l.code,
        name,
        value: roundHalfAway(v),
        cells: cellsOf(l, col),
        message: `上年${levelName}级科目 ${l.code} ${name}（${roundHalfAway(v).toFixed(2)}万元）在本年表中没有对应科目（该科目本年不再使用或本年无此项支出），仅计入上年合计。`,
      });
    }
  }
  return { pairs, unmatched };
}
