import type { TableKey, TableModel } from '../model/tables';
import { edition as national2021 } from './national-2021';
import { edition as national2023 } from './national-2023';
import { edition as shanghai } from './shanghai';
import type { Edition } from './types';

export * from './types';

/**
 * Every edition the product knows, the default first. Adding one is adding a folder
 * (see README.md) and one line here (the bundler needs the static import).
 */
export const EDITIONS: readonly Edition[] = [national2021, national2023, shanghai];

/** The edition used when nothing tells otherwise (the first listed). */
export function defaultEdition(): Edition {
  return EDITIONS[0];
}

/** An edition by id; undefined for an unknown id. */
export function findEdition(id: string | undefined): Edition | undefined {
  return id === undefined ? undefined : EDITIONS.find((e) => e.id === id);
}

/** An edition by id; throws a Chinese message for an unknown id. */
export function editionById(id: string): Edition {
  const e = findEdition(id);
  if (!e) throw new Error(`未知的决算公开格式“${id}”，可用的格式：${EDITIONS.map((x) => x.id).join('、')}`);
  return e;
}

/** The 公开NN表 number of each table in an edition (from its profile). */
export function tableNumbers(edition: Edition): Partial<Record<TableKey, string>> {
  const out: Partial<Record<TableKey, string>> = {};
  for (const t of edition.profile.tables) out[t.key] = t.number;
  return out;
}

/** The 公开NN表 number of a table in the edition a workbook follows (default edition when unknown). */
export function tableNumberIn(editionId: string | undefined, key: TableKey): string | undefined {
  return tableNumbers(findEdition(editionId) ?? defaultEdition())[key];
}

function squeeze(s: string): string {
  return s.replace(/\s/g, '');
}

/**
 * The edition a workbook's tables follow, as far as their 公开NN表 labels and titles tell;
 * undefined when they tell nothing. An edition's title marks, when it has any, must all
 * be present; among editions whose marks are present and whose numbers are not
 * contradicted, the one with marks wins, then the one with more numbers matched.
 */
export function detectEdition(tables: Partial<Record<TableKey, TableModel>>): Edition | undefined {
  const scored = EDITIONS.map((e) => {
    const numbers = e.recognise.numbers ?? tableNumbers(e);
    let hits = 0;
    let misses = 0;
    for (const [key, n] of Object.entries(numbers) as Array<[TableKey, string]>) {
      const found = tables[key]?.number;
      if (found === undefined) continue;
      if (found === n) hits++;
      else misses++;
    }
    const marks = Object.entries(e.recognise.titles ?? {}) as Array<[TableKey, string]>;
    const marked =
      marks.length > 0 &&
      marks.every(([key, re]) => {
        const t = tables[key];
        return !!t && new RegExp(re).test(squeeze(t.title));
      });
    return { e, hits, misses, marked, hasMarks: marks.length > 0 };
  });
  const fits = scored.filter((s) => (!s.hasMarks || s.marked) && (s.hits > 0 ? s.misses <= s.hits : s.marked));
  fits.sort((a, b) => Number(b.marked) - Number(a.marked) || b.hits - a.hits || a.misses - b.misses);
  const best = fits[0];
  if (!best) return undefined;
  // Marks only count when the numbers do not point elsewhere.
  if (best.marked && best.misses > 0) return fits.find((f) => !f.marked)?.e ?? best.e;
  return best.e;
}

/**
 * The edition to draft and check in: the one given, else the one the workbook was
 * recognised as, else by the 决算年度 (the latest edition whose fromYear it reaches),
 * else the default.
 */
export function editionFor(options: { edition?: string; detected?: string; year?: number }): Edition {
  const given = findEdition(options.edition) ?? findEdition(options.detected);
  if (given) return given;
  const year = options.year;
  if (year !== undefined) {
    const byYear = EDITIONS.filter((e) => e.recognise.fromYear !== undefined && e.recognise.fromYear <= year).sort(
      (a, b) => (b.recognise.fromYear ?? 0) - (a.recognise.fromYear ?? 0),
    )[0];
    if (byYear) return byYear;
  }
  return defaultEdition();
}
