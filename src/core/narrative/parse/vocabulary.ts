import classes2021 from '../../catalog/functional-classes-2021.json';
import type { WorkbookModel } from '../../model/tables';
import type { FigureBase } from '../../figures/types';
import type { SubjectPattern } from './lexicon';

/**
 * The names a text may use that come from the tables themselves: 类 names (for
 * "一般公共服务（类）支出"), 项 chains ("…（类）…（款）行政运行（项）") and 06's economic
 * items ("工资福利支出", "商品和服务支出"). Built from the model when there is one, else
 * from the 2021 functional-class catalog only.
 */
export interface ParseVocabulary {
  classes: Array<{ code: string; label: string }>;
  /** 项 lines with the labels of their 款 and 类. */
  items: Array<{ code: string; label: string; sectionLabel?: string; classLabel?: string }>;
  /** 06 economic 类 and 款 lines. */
  econ: Array<{ code: string; label: string }>;
}

/** A label as a comparison key: no brackets, spaces or ordinal, no trailing 支出. */
export function labelKey(s: string): string {
  return s
    .replace(/[\s\u3000]/g, '')
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/[()（）]/g, '')
    .replace(/支出$/, '');
}

export function vocabularyFromModel(model?: WorkbookModel): ParseVocabulary {
  const classes = new Map<string, string>();
  for (const c of classes2021 as Array<{ code: string; name: string }>) classes.set(c.code, c.name);
  const items: ParseVocabulary['items'] = [];
  const econ: ParseVocabulary['econ'] = [];
  const functional = model?.tables.gpbExpenditure ?? model?.tables.expenditure;
  if (functional) {
    const labelOf = (code: string) => functional.lines.find((l) => l.code === code)?.label;
    for (const l of functional.lines) {
      if (l.level === 'class' && l.code) classes.set(l.code, labelKey(l.label) + '支出');
      if (l.level === 'item' && l.code) {
        items.push({
          code: l.code,
          label: l.label,
          sectionLabel: labelOf(l.code.slice(0, 5)),
          classLabel: labelOf(l.code.slice(0, 3)) ?? classes.get(l.code.slice(0, 3)),
        });
      }
    }
  }
  for (const l of model?.tables.gpbBasic?.lines ?? []) {
    if (l.code && /^\d{3}(\d{2})?$/.test(l.code) && l.label) econ.push({ code: l.code, label: l.label });
  }
  return { classes: [...classes].map(([code, label]) => ({ code, label })), items, econ };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The patterns of the vocabularies met so far, by their names: a district's files share
 * one edition, so their patterns are compiled once per process, not once per text (and
 * V8 keeps their compiled code). A few dozen vocabularies at most; the cache starts
 * over past that.
 */
const patternCache = new Map<string, SubjectPattern[]>();
const PATTERN_CACHE_MAX = 32;

/** Patterns for 类 names and 06 items (tried after the fixed lexicon). Do not modify the array returned: it is shared. */
export function vocabularyPatterns(v: ParseVocabulary): SubjectPattern[] {
  const key = JSON.stringify([v.classes, v.econ]);
  let out = patternCache.get(key);
  if (!out) {
    if (patternCache.size >= PATTERN_CACHE_MAX) patternCache.clear();
    out = buildPatterns(v);
    patternCache.set(key, out);
  }
  return out;
}

function buildPatterns(v: ParseVocabulary): SubjectPattern[] {
  const out: SubjectPattern[] = [];
  for (const c of v.classes) {
    const stem = labelKey(c.label);
    if (stem.length < 2) continue;
    const id: FigureBase = `gpb.class.${c.code}`;
    out.push({
      re: new RegExp(`${escapeRe(stem)}(?:\\(类\\)支出|支出\\(类\\)|\\(类\\)|支出)`),
      byTopic: { gpb: id, other: id },
    });
  }
  for (const e of v.econ) {
    let stem = e.label
      .replace(/[\s\u3000]/g, '')
      .replace(/（/g, '(')
      .replace(/）/g, ')');
    if (/支出$/.test(stem) && stem.length > 4) stem = stem.replace(/支出$/, '');
    if (stem.length < 2) continue;
    const id: FigureBase = `basic.econ.${e.code}`;
    out.push({ re: new RegExp(escapeRe(stem)), byTopic: { basic: id, performance: id, other: id } });
  }
  return out;
}

/** The 项 a chain "A（类）B（款）C（项）" names, by its labels. */
export function resolveItemChain(v: ParseVocabulary, classText: string, sectionText: string, itemText: string): string | undefined {
  const k = labelKey(itemText);
  const candidates = v.items.filter((i) => labelKey(i.label) === k);
  if (candidates.length <= 1) return candidates[0]?.code;
  const bySection = candidates.filter((i) => i.sectionLabel && labelKey(i.sectionLabel) === labelKey(sectionText));
  if (bySection.length === 1) return bySection[0].code;
  const byClass = (bySection.length ? bySection : candidates).filter((i) => i.classLabel && labelKey(i.classLabel) === labelKey(classText));
  return (byClass[0] ?? bySection[0] ?? candidates[0]).code;
}
