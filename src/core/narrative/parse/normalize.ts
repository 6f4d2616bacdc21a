/**
 * Offset-keeping normalisation of a narrative text.
 *
 * The verifier must quote the user's text exactly, so normalisation never loses
 * track of where a character came from: `map[i]` is the offset in the ORIGINAL
 * string of normalised character i (`map[text.length]` is the original length).
 *
 * What changes:
 *   - full-width digits, letters, ％ ． and brackets （） become half-width
 *     (Chinese ，；：。、 stay as they are; ASCII , ; : between words become Chinese);
 *   - quotation marks (“三公” / "三公") and every white space inside a line are dropped;
 *   - thousands separators inside numbers are dropped (1,474.07 → 1474.07);
 *   - line breaks inside a sentence are joined ("减少34.43\n\n万元"); line breaks
 *     between paragraphs and after headings become one "\n".
 */
export interface NormalizedText {
  text: string;
  /** Original offset of each normalised character; one extra entry for the end. */
  map: number[];
  original: string;
}

/** The characters the normaliser drops (quotation marks, white space inside a line) and the line breaks. */
const QUOTES = ['“', '”', '‘', '’', '"', "'", '「', '」', '『', '』'];
const SPACE = [' ', '\t', '\u00a0', '\u3000', '\u200b', '\ufeff'];
const NEWLINE = ['\r', '\n', '\u2028', '\u2029'];

function halfWidth(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '（') return '(';
  if (c === '）') return ')';
  if (c === '［' || c === '〔' || c === '【') return '[';
  if (c === '］' || c === '〕' || c === '】') return ']';
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0); // ０-９
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return String.fromCharCode(code - 0xfee0);
  if (c === '％') return '%';
  if (c === '．') return '.';
  if (c === '－' || c === '−') return '-';
  if (c === '＋') return '+';
  if (c === '／') return '/';
  if (c === '×' || c === '＊') return c; // kept: ×× is a template leftover
  if (c === '!' || c === '！') return '！';
  if (c === '?' || c === '？') return '？';
  return c;
}

/**
 * What the character pass does to each character it changes, by UTF-16 code: '' drops
 * it, '\n' marks a line break, else its half-width form. A character not listed stays as
 * it is. Made once from the lists and halfWidth() above (which touches only ASCII, the
 * General Punctuation to CJK Symbols blocks and the full-width forms).
 */
const CHANGED: Map<number, string> = (() => {
  const out = new Map<number, string>();
  const ranges: Array<[number, number]> = [
    [0, 0x7f],
    [0x2000, 0x33ff],
    [0xfe00, 0xffff],
  ];
  for (const [from, to] of ranges) {
    for (let k = from; k <= to; k++) {
      const c = String.fromCharCode(k);
      const h = halfWidth(c);
      if (h !== c) out.set(k, h);
    }
  }
  for (const c of NEWLINE) out.set(c.charCodeAt(0), '\n');
  for (const c of [...QUOTES, ...SPACE]) out.set(c.charCodeAt(0), '');
  return out;
})();

/** Section markers at the start of a line (see sections.ts for the kinds). */
export const MARKER_RE = /^(?:[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十]+\)|\d{1,2}[、.](?!\d)|\(\d{1,2}\)|[①②③④⑤⑥⑦⑧⑨⑩])/;

const TERMINATOR = /[。！？；;:：]$/;

/**
 * Whether the line break between two non-empty lines is inside a sentence.
 * - a number or unit split across lines ("34.43" / "万元") is always joined;
 * - a heading (a line starting with a section marker and no full stop) is followed
 *   by its own paragraph, except a tiny tail like "支出。";
 * - otherwise a line without a final punctuation mark continues on the next line,
 *   unless the next line opens a section.
 */
function joins(prev: string, next: string): boolean {
  if (/[\d.]$/.test(prev) && /^(?:\d|万|元|%|亿)/.test(next)) return true;
  if (/^[，。；、%)：:万元辆个人次台]/.test(next)) return true;
  if (MARKER_RE.test(next)) return false;
  if (TERMINATOR.test(prev)) return false;
  const heading = MARKER_RE.test(prev) && !/。/.test(prev);
  // "5、…（项）" / "支出。": a 项 chain heading whose last word slipped to the next line.
  if (heading) return /\((?:类|款|项)\)$/.test(prev) && next.length <= 8 && /。$/.test(next);
  return true;
}

export function normalizeNarrative(original: string): NormalizedText {
  // Characters and their original offsets in two parallel arrays (no object per
  // character: a district's texts run to millions of characters).
  // 1. Character pass: half-width, drop quotes and spaces; keep line breaks as markers.
  const cs: string[] = [];
  const ats: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const changed = CHANGED.get(original.charCodeAt(i));
    if (changed === '') continue;
    cs.push(changed ?? original[i]);
    ats.push(i);
  }
  // 2. Lines ([from, to) in cs): split, drop empty ones, join those inside a sentence.
  const lineFrom: number[] = [];
  const lineTo: number[] = [];
  /** The first line break after each line (its original offset). */
  const breaks: number[] = [];
  let cur = 0;
  for (let k = 0; k < cs.length; k++) {
    if (cs[k] !== '\n') continue;
    if (k > cur) {
      lineFrom.push(cur);
      lineTo.push(k);
      breaks.push(ats[k]);
    }
    cur = k + 1;
  }
  if (cs.length > cur) {
    lineFrom.push(cur);
    lineTo.push(cs.length);
  }
  const lineText = (l: number) => cs.slice(lineFrom[l], lineTo[l]).join('');
  const jc: string[] = [];
  const ja: number[] = [];
  let prev = lineFrom.length ? lineText(0) : '';
  for (let l = 0; l < lineFrom.length; l++) {
    if (l > 0) {
      const next = lineText(l);
      if (!joins(prev, next)) {
        jc.push('\n');
        ja.push(breaks[l - 1] ?? ats[lineFrom[l]]);
      }
      prev = next;
    }
    for (let k = lineFrom[l]; k < lineTo[l]; k++) {
      jc.push(cs[k]);
      ja.push(ats[k]);
    }
  }
  // 3. Thousands separators and ASCII punctuation between words.
  const oc: string[] = [];
  const oa: number[] = [];
  for (let i = 0; i < jc.length; i++) {
    const c = jc[i];
    const at = ja[i];
    if (c === ',' || c === '，') {
      const prevDigit = i > 0 && /\d/.test(jc[i - 1]);
      const next3 = jc.slice(i + 1, i + 4).join('');
      const after = jc[i + 4] ?? '';
      const groupOk = /^\d{3}$/.test(next3) && !/\d/.test(after);
      // A full-width comma is a separator only inside a number that goes on to a
      // decimal point, another group or its unit ("１，４７４．０７", "14，740，700元").
      if (prevDigit && groupOk && (c === ',' || /[.，,万元亿]/.test(after))) continue;
      oc.push('，');
      oa.push(at);
      continue;
    }
    oc.push(c === ';' ? '；' : c === ':' ? '：' : c);
    oa.push(at);
  }
  oa.push(original.length);
  return { text: oc.join(''), map: oa, original };
}

/** Original [start, end) of the normalised range [from, to). */
export function originalSpan(n: NormalizedText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = n.map[Math.min(from, n.map.length - 1)];
    return { start: at, end: at };
  }
  return { start: n.map[from], end: n.map[to - 1] + 1 };
}
