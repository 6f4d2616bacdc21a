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

interface Ch {
  c: string;
  at: number;
}

const QUOTES = /[“”‘’"'「」『』]/;
const SPACE = /[ \t\u00a0\u3000\u200b\ufeff]/;
const NEWLINE = /[\r\n\u2028\u2029]/;

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

/** Section markers at the start of a line (see sections.ts for the kinds). */
export const MARKER_RE = /^(?:[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十]+\)|\d{1,2}[、.](?!\d)|\(\d{1,2}\)|[①②③④⑤⑥⑦⑧⑨⑩])/;

const TERMINATOR = /[。！？；;:：]$/;

function lineText(line: Ch[]): string {
  return line.map((x) => x.c).join('');
}

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
  // 1. Character pass: half-width, drop quotes and spaces; keep line breaks as markers.
  const chars: Ch[] = [];
  for (let i = 0; i < original.length; i++) {
    const raw = original[i];
    if (QUOTES.test(raw) || SPACE.test(raw)) continue;
    if (NEWLINE.test(raw)) {
      chars.push({ c: '\n', at: i });
      continue;
    }
    chars.push({ c: halfWidth(raw), at: i });
  }
  // 2. Lines: split, drop empty ones, join those inside a sentence.
  const lines: Ch[][] = [];
  let cur: Ch[] = [];
  const breaks: Ch[] = [];
  for (const ch of chars) {
    if (ch.c === '\n') {
      if (cur.length) {
        lines.push(cur);
        breaks.push(ch); // the first line break after each line
      }
      cur = [];
      continue;
    }
    cur.push(ch);
  }
  if (cur.length) lines.push(cur);
  const joined: Ch[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) {
      const prev = lineText(lines[i - 1]);
      const next = lineText(lines[i]);
      if (!joins(prev, next)) joined.push({ c: '\n', at: breaks[i - 1]?.at ?? lines[i][0].at });
    }
    for (const ch of lines[i]) joined.push(ch); // no spread: a line may hold 100,000+ characters
  }
  // 3. Thousands separators and ASCII punctuation between words.
  const out: Ch[] = [];
  for (let i = 0; i < joined.length; i++) {
    const { c, at } = joined[i];
    if (c === ',' || c === '，') {
      const prevDigit = i > 0 && /\d/.test(joined[i - 1].c);
      const next3 = joined
        .slice(i + 1, i + 4)
        .map((x) => x.c)
        .join('');
      const after = joined[i + 4]?.c ?? '';
      const groupOk = /^\d{3}$/.test(next3) && !/\d/.test(after);
      // A full-width comma is a separator only inside a number that goes on to a
      // decimal point, another group or its unit ("１，４７４．０７", "14，740，700元").
      if (prevDigit && groupOk && (c === ',' || /[.，,万元亿]/.test(after))) continue;
      out.push({ c: '，', at });
      continue;
    }
    if (c === ';') {
      out.push({ c: '；', at });
      continue;
    }
    if (c === ':') {
      out.push({ c: '：', at });
      continue;
    }
    out.push({ c, at });
  }
  return {
    text: out.map((x) => x.c).join(''),
    map: [...out.map((x) => x.at), original.length],
    original,
  };
}

/** Original [start, end) of the normalised range [from, to). */
export function originalSpan(n: NormalizedText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = n.map[Math.min(from, n.map.length - 1)];
    return { start: at, end: at };
  }
  return { start: n.map[from], end: n.map[to - 1] + 1 };
}
