import type { FigureBase } from '../../figures/types';
import {
  AMOUNT_SUBJECTS,
  COMPARISON_WORDS,
  COUNT_SUBJECTS,
  COUNT_SUFFIXES,
  DIRECTION_WORDS,
  LEFTOVER_PATTERNS,
  REASON_END,
  REASON_START,
  TOPIC_PATTERNS,
  type SubjectPattern,
} from './lexicon';
import { MARKER_RE, normalizeNarrative, originalSpan, type NormalizedText } from './normalize';
import type { Leftover, MarkerKind, Measure, ParsedNarrative, Section, Sentence, Statement, StatementKind, Topic } from './types';
import { resolveItemChain, vocabularyFromModel, vocabularyPatterns, type ParseVocabulary } from './vocabulary';
import { matchSentences, type GrammarMatch, type SlotMatch } from '../grammar/compile';

/**
 * parseNarrative(text, vocabulary?) → sections, sentences, statements, leftovers.
 * Pure; never throws on odd text (what it cannot read it leaves out or leaves
 * without a subject, and the verifier lists those as 无法核对).
 */
export function parseNarrative(text: string, vocabulary: ParseVocabulary = vocabularyFromModel()): ParsedNarrative {
  const norm = normalizeNarrative(text);
  const N = norm.text;
  const amountPatterns = amountPatternsOf(vocabularyPatterns(vocabulary));
  const ctx: Ctx = { norm, N, vocabulary, amountPatterns, groups: 0 };

  const paragraphs = splitParagraphs(N);
  const sections = buildSections(ctx, paragraphs);
  const sentences: Sentence[] = [];
  const statements: Statement[] = [];
  paragraphs.forEach((p, pi) => {
    const section = sectionAt(sections, p.from);
    let lastSubject: { base: FigureBase; text: string } | undefined;
    for (const s of splitSentences(N, p.from, p.to)) {
      const span = originalSpan(norm, s.from, s.to);
      const sentence: Sentence = {
        index: sentences.length,
        text: N.slice(s.from, s.to),
        from: s.from,
        to: s.to,
        start: span.start,
        end: span.end,
        section,
        paragraph: pi,
      };
      sentences.push(sentence);
      lastSubject = parseSentence(ctx, sentence, statements, lastSubject);
    }
  });
  const leftovers = findLeftovers(ctx, sections);
  return { original: text, normalized: norm, sections, sentences, statements, leftovers };
}

interface Ctx {
  norm: NormalizedText;
  N: string;
  vocabulary: ParseVocabulary;
  amountPatterns: SubjectPattern[];
  /** Grammar matches numbered across the text. */
  groups: number;
  /** The sentence being parsed, with its subject matches by topic and pattern set. */
  sentence?: { from: number; to: number; cache: Map<string, SubjectMatch[]> };
}

// ---------------------------------------------------------------------------
// Paragraphs, sections, sentences

interface Range {
  from: number;
  to: number;
}

function splitParagraphs(N: string): Range[] {
  const out: Range[] = [];
  let from = 0;
  for (let i = 0; i <= N.length; i++) {
    if (i === N.length || N[i] === '\n') {
      if (i > from) out.push({ from, to: i });
      from = i + 1;
    }
  }
  return out;
}

function markerKind(marker: string): MarkerKind {
  if (/^[一二三四五六七八九十百]/.test(marker)) return 'cn';
  if (/^\([一二三四五六七八九十]/.test(marker)) return 'parenCn';
  if (/^\d/.test(marker)) return 'num';
  if (/^\(\d/.test(marker)) return 'parenNum';
  return 'circled';
}

function markerLabel(marker: string): string {
  return marker.replace(/[()、.]/g, '');
}

export function topicOf(title: string): Topic | undefined {
  for (const [re, topic] of TOPIC_PATTERNS) if (re.test(title)) return topic;
  return undefined;
}

function buildSections(ctx: Ctx, paragraphs: Range[]): Section[] {
  const { N, norm } = ctx;
  const root: Section = {
    id: '',
    name: '',
    marker: '',
    level: 0,
    title: '',
    topic: 'other',
    from: 0,
    to: N.length,
    start: 0,
    end: norm.original.length,
  };
  const sections: Section[] = [root];
  const stack: Section[] = [];
  for (const p of paragraphs) {
    const text = N.slice(p.from, p.to);
    const m = MARKER_RE.exec(text);
    if (!m) continue;
    const kind = markerKind(m[0]);
    const at = stack.findIndex((s) => s.kind === kind);
    if (at >= 0) stack.length = at;
    const parent = stack[stack.length - 1];
    const stop = text.indexOf('。');
    const title = runOnTitle((stop >= 0 ? text.slice(m[0].length, stop) : text.slice(m[0].length)).trim());
    const own = topicOf(title);
    const topic: Topic = parent === undefined ? (own ?? 'other') : parent.topic === 'other' ? (own ?? 'other') : parent.topic;
    const section: Section = {
      id: parent ? `${parent.id}.${markerLabel(m[0])}` : markerLabel(m[0]),
      name: `${parent?.name ?? ''}${kind === 'parenCn' || kind === 'parenNum' ? `（${markerLabel(m[0])}）` : markerLabel(m[0])}`,
      marker: m[0],
      kind,
      level: stack.length + 1,
      title,
      topic,
      parentId: parent?.id ?? '',
      from: p.from,
      to: N.length,
      start: norm.map[p.from],
      end: norm.original.length,
    };
    if (section.level >= 2) {
      section.subject = headingSubject(ctx, section, p.from + m[0].length, p.from + m[0].length + title.length);
    }
    stack.push(section);
    sections.push(section);
  }
  // A section runs to the next section at its level or above.
  for (let i = 1; i < sections.length; i++) {
    const s = sections[i];
    const next = sections.slice(i + 1).find((x) => x.level <= s.level);
    if (next) {
      s.to = next.from;
      s.end = norm.map[next.from];
    }
  }
  if (sections.length > 1) {
    root.to = sections[1].from;
    root.end = norm.map[sections[1].from];
  }
  return sections;
}

/**
 * A heading run on into its first sentence (text taken from PDF): "一般公共预算财政拨款
 * 支出决算总体情况一般公共预算财政拨款支出1406.53万元…" — the title ends at the last
 * 情况说明/情况/说明 before the first number; the rest is the paragraph's first sentence.
 */
export function runOnTitle(title: string): string {
  const digit = title.search(/\d/);
  if (digit < 0) return title;
  const head = title.slice(0, digit);
  let end = -1;
  // No String.prototype.matchAll: the task pane runs in ES2017 webviews.
  const re = /情况说明|情况|说明/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(head))) end = m.index + m[0].length;
  return end > 0 ? title.slice(0, end) : title;
}

function headingSubject(ctx: Ctx, section: Section, from: number, to: number): FigureBase | undefined {
  const all = allSubjects(ctx, ctx.amountPatterns, section.topic, from, to);
  all.sort((a, b) => a.from - b.from || b.to - b.from - (a.to - a.from));
  return all[0]?.base || undefined;
}

function sectionAt(sections: Section[], pos: number): Section {
  let best = sections[0];
  for (const s of sections) if (s.from <= pos && s.level >= 1) best = s;
  return best;
}

function splitSentences(N: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const k = N.charCodeAt(i);
    if (k === 0x3002 || k === 0xff01 || k === 0xff1f) {
      // 。！？
      out.push({ from: start, to: i + 1 });
      start = i + 1;
    }
  }
  if (start < to) out.push({ from: start, to });
  return out;
}

// ---------------------------------------------------------------------------
// Subjects

interface SubjectMatch {
  from: number;
  to: number;
  /** '' when the words name something the tables do not (an unknown 项). */
  base: FigureBase | '';
  text: string;
  order: number;
}

/**
 * 类(类)款(款)项(项) chains. The class name is at most 30 characters (the longest 类 name, 文化旅游体育与传媒支出, has
 * 11): unbounded, a long run of Chinese without "(类)" made this scan quadratic (a line of
 * 130,000 characters took 12 s).
 */
const ITEM_CHAIN = /([\u4e00-\u9fa5]{1,30}?)(?:支出)?\(类\)(?:支出)?([^，。；：]*?)\(款\)([^，。；：]*?)\(项\)(?:支出)?/g;

/** The lexicon's amount subjects, then the vocabulary's, one shared list per vocabulary's patterns. */
const amountLists = new WeakMap<SubjectPattern[], SubjectPattern[]>();
function amountPatternsOf(vocabularyList: SubjectPattern[]): SubjectPattern[] {
  let list = amountLists.get(vocabularyList);
  if (!list) {
    list = [...AMOUNT_SUBJECTS, ...vocabularyList];
    amountLists.set(vocabularyList, list);
  }
  return list;
}

function globalOf(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
}

/** The patterns of a list as global regexps, made once per list (not looked up per pattern and sentence). */
const globalLists = new WeakMap<SubjectPattern[], RegExp[]>();
function globalsOf(patterns: SubjectPattern[]): RegExp[] {
  let gs = globalLists.get(patterns);
  if (!gs) {
    gs = patterns.map((p) => globalOf(p.re));
    globalLists.set(patterns, gs);
  }
  return gs;
}

const ITEM_CHAIN_G = globalOf(ITEM_CHAIN);

/** What each pattern of a list names in a topic (undefined: nothing there), made once per list and topic. */
const baseLists = new WeakMap<SubjectPattern[], Map<Topic, Array<FigureBase | undefined>>>();
function basesOf(patterns: SubjectPattern[], topic: Topic): Array<FigureBase | undefined> {
  let byTopic = baseLists.get(patterns);
  if (!byTopic) {
    byTopic = new Map();
    baseLists.set(patterns, byTopic);
  }
  let bases = byTopic.get(topic);
  if (!bases) {
    bases = patterns.map((p) => patternBase(p, topic));
    byTopic.set(topic, bases);
  }
  return bases;
}

function patternBase(p: SubjectPattern, topic: Topic): FigureBase | undefined {
  return p.byTopic?.[topic] ?? p.base;
}

/**
 * Subject matches inside [from, to). Within the sentence being parsed, every pattern runs
 * once over the whole sentence and the matches are filtered by range (a match cannot
 * run across a number's unit, so the result equals matching the slice).
 */
function allSubjects(ctx: Ctx, patterns: SubjectPattern[], topic: Topic, from: number, to: number, exact = false): SubjectMatch[] {
  const s = exact ? undefined : ctx.sentence;
  let found: SubjectMatch[];
  if (s && from >= s.from && to <= s.to) {
    const key = `${topic}|${patterns === ctx.amountPatterns ? 'a' : 'c'}`;
    let all = s.cache.get(key);
    if (!all) {
      all = rawSubjects(ctx, patterns, topic, s.from, s.to);
      s.cache.set(key, all);
    }
    found = all.filter((m) => m.from >= from && m.to <= to);
  } else found = rawSubjects(ctx, patterns, topic, from, to);
  // Drop matches inside a longer one ("财政拨款支出" inside "三公经费财政拨款支出").
  return found.filter((a) => !found.some((b) => b !== a && b.from <= a.from && b.to >= a.to && b.to - b.from > a.to - a.from));
}

function rawSubjects(ctx: Ctx, patterns: SubjectPattern[], topic: Topic, from: number, to: number): SubjectMatch[] {
  const slice = ctx.N.slice(from, to);
  const found: SubjectMatch[] = [];
  const globals = globalsOf(patterns);
  const bases = basesOf(patterns, topic);
  for (let order = 0; order < patterns.length; order++) {
    const base = bases[order];
    if (base === undefined) continue;
    const re = globals[order];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push({ from: from + m.index, to: from + m.index + m[0].length, base, text: m[0], order });
    }
  }
  if (patterns === ctx.amountPatterns) {
    const re = ITEM_CHAIN_G;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice))) {
      const code = resolveItemChain(ctx.vocabulary, m[1], m[2], m[3]);
      found.push({
        from: from + m.index,
        to: from + m.index + m[0].length,
        base: code ? `gpb.item.${code}` : '',
        text: m[0],
        order: -1,
      });
    }
  }
  return found;
}

function bestSubject(ctx: Ctx, patterns: SubjectPattern[], topic: Topic, from: number, to: number, exact = false): SubjectMatch | undefined {
  const all = allSubjects(ctx, patterns, topic, from, to, exact);
  all.sort((a, b) => b.to - a.to || b.to - b.from - (a.to - a.from) || a.order - b.order);
  return all[0];
}

/** What may stand between a subject and its number: measure words, 为, a change word. */
const TAIL_OK =
  /^(?:\((?:类|款|项)\))*(?:的)?(?:财政拨款)?(?:支出|费用|经费)?(?:总额|合计|共计|总计)?(?:与上年相比|与上年比|比上年|较上年|同比)?(?:决算数|决算)?(?:年初|全年|上年|调整)?(?:预算|决算)?(?:数)?(?:为|是|达|达到|共|共计|合计)?(?:增加|减少|增长|下降|上升|降低|节约|节省|持平)?(?:\([^)]{1,4}\))?了?$/;

function cleanTail(s: string): string {
  return s.replace(/[，、：；,:\s]/g, '').replace(/^(?:其中|主要用于以下方面|共有|共|本单位|我单位)/, '');
}

// ---------------------------------------------------------------------------
// Statements

const PERCENT_SLOTS = new Set(['completion', 'changeRate', 'share']);

const TOKEN = /(\d+(?:\.\d+)?)(万元|亿元|元|%|辆|人次|个|名|人|台\(套\)|台套|台|套|批次)?/g;
const COUNT_UNITS = new Set(['辆', '人次', '个', '名', '人', '台(套)', '台套', '台', '套', '批次']);
const DIRECTION_RE = /(增加|减少|增长|下降|上升|降低|提高|节约|节省|持平)了?(\([^)]{1,4}\))?了?$/;

function reasonRanges(N: string, s: Sentence): Range[] {
  const text = N.slice(s.from, s.to);
  const out: Range[] = [];
  const start = new RegExp(REASON_START.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = start.exec(text))) {
    const end = new RegExp(REASON_END.source, 'g');
    end.lastIndex = m.index + m[0].length;
    const e = end.exec(text);
    const to = e ? e.index : text.length;
    out.push({ from: s.from + m.index, to: s.from + to });
    start.lastIndex = Math.max(start.lastIndex, to);
  }
  return out;
}

function parseSentence(
  ctx: Ctx,
  sentence: Sentence,
  out: Statement[],
  lastIn: { base: FigureBase; text: string } | undefined,
): { base: FigureBase; text: string } | undefined {
  const { N, norm } = ctx;
  ctx.sentence = { from: sentence.from, to: sentence.to, cache: new Map() };
  const section = sentence.section;
  const topic = section.topic;
  const reasons = reasonRanges(N, sentence);
  const inReason = (pos: number) => reasons.some((r) => pos >= r.from && pos < r.to);
  let last = lastIn;
  let prevEnd = sentence.from;
  const firstInSentence = out.length;
  const slice = N.slice(sentence.from, sentence.to);
  const tokens: Array<{ from: number; to: number; num: string; unit: string }> = [];
  const re = new RegExp(TOKEN.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) {
    const from = sentence.from + m.index;
    const to = from + m[0].length;
    const unit = m[2];
    if (!unit) continue;
    const after = N.slice(to, to + 2);
    if (/^(?:以上|以下|以内)/.test(after)) continue;
    if (unit === '个' && /^[月人]/.test(after)) continue;
    if (unit === '人' && /^[民员]/.test(after)) continue;
    tokens.push({ from, to, num: m[1], unit });
  }
  // The grammar: what each number of a declared sentence is, and whose.
  const roles = new Map<number, { match: GrammarMatch; slot: SlotMatch; group: number }>();
  for (const gm of matchSentences(slice)) {
    const group = ctx.groups++;
    // Literals, not spreads: V8 (node 20) adds each property written after a spread through
    // a slow runtime call, and this runs for every number of every text.
    const at = sentence.from;
    const match: GrammarMatch = {
      family: gm.family,
      variant: gm.variant,
      from: gm.from + at,
      to: gm.to + at,
      slots: gm.slots.map((s) => ({
        slot: s.slot,
        from: s.from + at,
        to: s.to + at,
        unit: s.unit,
        word: s.word && { slot: s.word.slot, text: s.word.text, from: s.word.from + at, to: s.word.to + at },
      })),
    };
    match.slots.forEach((slot, i) => {
      roles.set(slot.from, { match, slot, group });
      if (tokens.some((t) => t.from === slot.from)) return;
      // A number written without its unit (the first of a pair "A、B万元"): the pair's unit.
      const unit = slot.unit || match.slots.slice(i + 1).find((x) => x.unit)?.unit || (PERCENT_SLOTS.has(slot.slot) ? '%' : '万元');
      tokens.push({ from: slot.from, to: slot.to, num: N.slice(slot.from, slot.to), unit });
    });
  }
  tokens.sort((a, b) => a.from - b.from);
  const matchSubjects = new Map<GrammarMatch, FigureBase | undefined>();
  const comparisons = comparisonMatches(N, sentence);

  /** Completes a statement (the literal the caller built, spread-free) and adds it to the text's list. */
  const emit = (partial: Omit<Statement, 'id' | 'start' | 'end' | 'quote' | 'sentence' | 'section'>): Statement => {
    const span = originalSpan(norm, partial.from, partial.to);
    const st = partial as Statement;
    st.id = out.length;
    st.start = span.start;
    st.end = span.end;
    st.quote = norm.original.slice(span.start, span.end);
    st.sentence = sentence;
    st.section = section;
    out.push(st);
    return st;
  };
  const contextSubject = () => last?.base ?? section.subject ?? parentSubject(section);
  const matchSubjectTexts = new Map<GrammarMatch, string>();
  /**
   * Whose figures a grammar match states: the subject named just before it (nothing but
   * measure words between), else — when nothing else is named there — the subject in
   * force (the item's, the paragraph's). Something else named there: unknown.
   */
  const roleSubject = (match: GrammarMatch, localFrom: number): FigureBase | undefined => {
    if (matchSubjects.has(match)) return matchSubjects.get(match);
    // A 原因 clause or a 决算数大于预算数 before the match names nothing: look after it.
    const spent = [...reasons, ...comparisons.map((c) => ({ from: c.from, to: comparisonEnd(N, c.to) }))];
    const afterReasons = Math.max(localFrom, ...spent.filter((r) => r.to <= match.from).map((r) => r.to));
    const from = Math.min(afterReasons, match.from);
    // Matched on the slice itself: the sentence may begin with words a subject pattern
    // could also take ("…费" + "支出决算为…").
    const found = bestSubject(ctx, ctx.amountPatterns, topic, from, match.from, true);
    let subject: FigureBase | undefined;
    if (found) {
      if (found.base && TAIL_OK.test(cleanTail(N.slice(found.to, match.from)))) {
        subject = found.base;
        matchSubjectTexts.set(match, found.text);
      }
    } else if (TAIL_OK.test(cleanTail(N.slice(from, match.from)))) {
      subject = contextSubject();
      if (last) matchSubjectTexts.set(match, last.text);
    }
    matchSubjects.set(match, subject);
    return subject;
  };

  let pendingDenominator: Statement | undefined;
  let ci = 0;
  for (const tok of tokens) {
    // comparison words before this token
    while (ci < comparisons.length && comparisons[ci].from < tok.from) emitComparison(comparisons[ci++]);
    const localFrom = prevEnd;
    prevEnd = tok.to;
    const local = N.slice(localFrom, tok.from);
    const reason = inReason(tok.from);
    const written = tok.num;
    const magnitude = Number(written);
    const writtenDecimals = written.includes('.') ? written.split('.')[1].length : 0;
    // Decimals in 万元: an amount in whole 元 is exact to the 分 of 万元's two decimals.
    const decimals = tok.unit === '元' ? Math.min(2, writtenDecimals + 4) : tok.unit === '亿元' ? 0 : writtenDecimals;
    const role = reason ? undefined : roles.get(tok.from);
    const pattern = role && { family: role.match.family, variant: role.match.variant, slot: role.slot.slot, group: role.group };

    if (tok.unit === '%') {
      let kind: StatementKind = 'percent';
      let denominator: Statement['denominator'];
      let word: string | undefined;
      let wordFrom = 0;
      let leftover: string | undefined;
      const share = /占([^，；。]*?)(?:的)?(?:比重|比例)?(?:为|是)?$/.exec(local);
      const dir = DIRECTION_RE.exec(local);
      const afterDenominator = pendingDenominator && /^的?(?:比重|比例)?(?:为|是)?$/.test(local) ? pendingDenominator : undefined;
      pendingDenominator = undefined;
      if (afterDenominator) {
        kind = 'share';
        denominator = { text: afterDenominator.subjectText ?? '', subject: afterDenominator.subject };
      } else if (share) {
        kind = 'share';
        const dText = share[1].replace(/的$/, '');
        const dFrom = localFrom + share.index + 1;
        const d = dText ? bestSubject(ctx, ctx.amountPatterns, topic, dFrom, dFrom + dText.length) : undefined;
        denominator = { text: dText, subject: d?.base || undefined };
      } else if (/(?:完成|执行)(?:了)?(?:年初|全年|调整)?(?:预算)?(?:数)?的?$|(?:完成|执行)率(?:为|是)?$/.test(local)) {
        kind = 'completion';
      } else if (dir) {
        kind = 'changeRate';
        word = dir[1];
        wordFrom = localFrom + dir.index;
        leftover = dir[2];
      }
      if (role) {
        // The grammar knows what this percentage is.
        kind = role.slot.slot === 'completion' ? 'completion' : role.slot.slot === 'changeRate' ? 'changeRate' : 'share';
        if (kind === 'changeRate' && role.slot.word) {
          word = role.slot.word.text;
          wordFrom = role.slot.word.from;
          leftover = undefined;
        }
      }
      const anchor = findAnchor(out, firstInSentence, kind);
      const subject =
        kind === 'share'
          ? anchor
            ? anchor.subject
            : contextSubject()
          : kind === 'percent' || reason
            ? undefined
            : role
              ? roleSubject(role.match, localFrom)
              : contextSubject();
      const direction = word ? (leftover ? undefined : DIRECTION_WORDS[word]) : undefined;
      const wordSpan = word ? originalSpan(norm, wordFrom, wordFrom + word.length + (leftover?.length ?? 0)) : undefined;
      emit({
        written,
        decimals,
        inReason: reason,
        from: tok.from,
        to: tok.to,
        pattern,
        kind: reason && kind !== 'share' ? 'percent' : kind,
        value: direction === -1 ? -magnitude : magnitude,
        unit: '%',
        subject: subject || undefined,
        subjectText: kind === 'share' ? anchor?.subjectText : last?.text,
        measure: 'actual',
        denominator,
        word,
        direction,
        wordStart: wordSpan?.start,
        wordEnd: wordSpan?.end,
        leftover: leftover ? `${word}${leftover}` : undefined,
        anchor: anchor?.id,
      });
      continue;
    }

    const isCount = COUNT_UNITS.has(tok.unit);
    let value = magnitude;
    if (tok.unit === '元') value = magnitude / 10000;
    if (tok.unit === '亿元') value = magnitude * 10000;
    const patterns = isCount ? COUNT_SUBJECTS : ctx.amountPatterns;
    let subject: FigureBase | undefined;
    let subjectText: string | undefined;
    let tail = local;
    const found = reason ? undefined : bestSubject(ctx, patterns, topic, localFrom, tok.from);
    if (found) {
      tail = N.slice(found.to, tok.from);
      if (TAIL_OK.test(cleanTail(tail)) && found.base) {
        subject = found.base;
        subjectText = found.text;
      } else if (!found.base) {
        subjectText = found.text;
      }
    }
    if (!subject && !reason) {
      if (isCount) {
        const suffix = COUNT_SUFFIXES.find(([r]) => r.test(N.slice(tok.to, tok.to + 20)));
        if (suffix) subject = suffix[1];
        else if (!found && tok.unit === '人次') {
          const before = N.slice(sentence.from, tok.from);
          subject =
            before.lastIndexOf('接待') > before.lastIndexOf('出国')
              ? 'threePublic.reception.persons'
              : before.includes('出国')
                ? 'threePublic.abroad.persons'
                : undefined;
        }
      } else {
        const perf = performanceSubject(N, sentence, local);
        if (perf !== undefined) subject = perf || undefined;
        else if (!found && TAIL_OK.test(cleanTail(local))) {
          subject = contextSubject();
          subjectText = last?.text;
        }
      }
    }
    if (subject && !isCount && /涉及/.test(N.slice(sentence.from, tok.from)) && /部门评价/.test(slice)) subject = undefined;
    let kind: StatementKind = isCount ? 'count' : 'amount';
    let word: string | undefined;
    let direction: 1 | 0 | -1 | undefined;
    let leftover: string | undefined;
    let wordSpan: { start: number; end: number } | undefined;
    const dir = DIRECTION_RE.exec(local);
    if (!isCount && !reason && dir && /上年|同比|去年/.test(N.slice(sentence.from, tok.from))) {
      kind = 'change';
      word = dir[1];
      leftover = dir[2];
      direction = leftover ? undefined : DIRECTION_WORDS[word];
      const wf = localFrom + dir.index;
      wordSpan = originalSpan(norm, wf, wf + dir[0].length);
      if (!found) subject = contextSubject();
    }
    // A number right after a change word is a difference, never a total.
    if (kind !== 'change' && !isCount && dir && !role) subject = undefined;
    const lastClause = tail.split(/[，；：]/).pop() ?? '';
    let measure: Measure = kind === 'change' ? 'actual' : /上年/.test(lastClause) ? 'prior' : /预算/.test(lastClause) ? 'budget' : 'actual';
    if (role && !isCount && role.slot.slot !== 'total') {
      // The grammar knows what this amount is and whose (a share's denominator names its own).
      const slot = role.slot.slot;
      subject = roleSubject(role.match, localFrom);
      subjectText = subject ? (matchSubjectTexts.get(role.match) ?? subjectText) : undefined;
      measure = slot === 'budget' ? 'budget' : 'actual';
      if (slot === 'change') {
        kind = 'change';
        if (role.slot.word) {
          word = role.slot.word.text;
          leftover = undefined;
          direction = DIRECTION_WORDS[word];
          wordSpan = originalSpan(norm, role.slot.word.from, role.slot.word.to);
        }
      } else kind = 'amount';
    }
    const st = emit({
      written,
      decimals,
      inReason: reason,
      from: tok.from,
      to: tok.to,
      pattern,
      kind,
      value: direction === -1 ? -value : value,
      unit: isCount ? tok.unit : '万元',
      subject,
      subjectText,
      measure,
      word,
      direction,
      wordStart: wordSpan?.start,
      wordEnd: wordSpan?.end,
      leftover: leftover ? `${word}${leftover}` : undefined,
      anchor: kind === 'change' ? findAnchor(out, firstInSentence, 'change')?.id : undefined,
    });
    const inShare = !isCount && (/占[^，；。]*$/.test(local) || role?.slot.slot === 'total');
    if (inShare) {
      st.role = 'denominator';
      pendingDenominator = st;
    } else pendingDenominator = undefined;
    if (subject && !reason && kind !== 'change' && !inShare) last = { base: subject, text: subjectText ?? '' };
  }
  while (ci < comparisons.length) emitComparison(comparisons[ci++]);
  return last;

  function emitComparison(c: { from: number; to: number; word: string; leftover?: string }) {
    const span = originalSpan(norm, c.from, c.to);
    emit({
      kind: 'comparison',
      value: COMPARISON_WORDS[c.word] ?? 0,
      written: c.word,
      decimals: 0,
      unit: '',
      subject: contextSubject(),
      subjectText: last?.text,
      measure: 'actual',
      word: c.word,
      direction: c.leftover ? undefined : COMPARISON_WORDS[c.word],
      wordStart: span.start,
      wordEnd: span.end,
      leftover: c.leftover ? `${c.word}${c.leftover}` : undefined,
      inReason: false,
      from: c.from,
      to: c.to,
    });
  }
}

function parentSubject(section: Section): FigureBase | undefined {
  void section;
  return undefined;
}

/** The statement a share, completion or change rate refers to: the last amount (or change) before it in the sentence. */
function findAnchor(out: Statement[], firstInSentence: number, kind: StatementKind): Statement | undefined {
  for (let i = out.length - 1; i >= firstInSentence; i--) {
    const s = out[i];
    if (kind === 'changeRate' && s.kind === 'change') return s;
    if (s.role === 'denominator') continue;
    if (kind === 'change' && s.kind === 'amount' && !s.inReason) return s;
    if ((kind === 'share' || kind === 'completion' || kind === 'percent') && s.kind === 'amount' && !s.inReason) return s;
  }
  return undefined;
}

/** 绩效自评 "共涉及资金X万元": the fund named last before it. '' = named but not a figure. */
function performanceSubject(N: string, sentence: Sentence, local: string): FigureBase | '' | undefined {
  if (!/涉及/.test(local)) return undefined;
  const text = N.slice(sentence.from, sentence.to);
  if (!/自评/.test(text)) return '';
  const before = N.slice(sentence.from, sentence.from + text.indexOf(local) + local.length);
  const funds: Array<[number, FigureBase]> = [
    [before.lastIndexOf('一般公共预算'), 'performance.gpb.amount'],
    [before.lastIndexOf('政府性基金'), 'performance.govFund.amount'],
    [before.lastIndexOf('国有资本经营'), 'performance.stateCapital.amount'],
  ];
  funds.sort((a, b) => b[0] - a[0]);
  return funds[0][0] >= 0 ? funds[0][1] : '';
}

const COMPARISON_RE = /决算数?(?:与(?:年初)?预算数?)?(大于|小于|等于|高于|低于|超过|多于|少于|持平)(\([^)]{1,4}\))?(?:年初|全年)?(?:预算数?)?/g;

/** The end of a comparison clause: past its 年初预算数 and the comma after it. */
function comparisonEnd(N: string, to: number): number {
  const m = /^(?:\([^)]{1,4}\))?(?:年初|全年)?(?:预算)?数?/.exec(N.slice(to, to + 12));
  return to + (m ? m[0].length : 0);
}

function comparisonMatches(N: string, s: Sentence): Array<{ from: number; to: number; word: string; leftover?: string }> {
  const text = N.slice(s.from, s.to);
  const out: Array<{ from: number; to: number; word: string; leftover?: string }> = [];
  const re = new RegExp(COMPARISON_RE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // "与上年决算数持平" compares with last year, not with the budget.
    if (/上年$/.test(text.slice(0, m.index))) continue;
    const wordAt = m.index + m[0].indexOf(m[1]);
    out.push({ from: s.from + wordAt, to: s.from + wordAt + m[1].length + (m[2]?.length ?? 0), word: m[1], leftover: m[2] });
  }
  return out;
}

function findLeftovers(ctx: Ctx, sections: Section[]): Leftover[] {
  const out: Leftover[] = [];
  for (const pattern of LEFTOVER_PATTERNS) {
    const re = new RegExp(pattern.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.N))) {
      const span = originalSpan(ctx.norm, m.index, m.index + m[0].length);
      out.push({
        quote: ctx.norm.original.slice(span.start, span.end),
        start: span.start,
        end: span.end,
        text: m[0],
        section: sectionAt(sections, m.index),
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
