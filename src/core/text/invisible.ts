/**
 * Characters that do not show but change what a parser sees: a soft hyphen or word
 * joiner before a figure hides it from the number pattern; a direction mark or override
 * reorders what the reader sees. They are removed before parsing; an offset map leads
 * from the cleaned text back to the original, so a quote can be shown as it was.
 *
 * Removed: C0/C1 controls except tab, line feed and carriage return; U+00AD soft hyphen;
 * U+034F combining grapheme joiner; U+061C Arabic letter mark; U+115F/U+1160/U+3164/
 * U+FFA0 Hangul fillers; U+180E Mongolian vowel separator; U+200B–U+200F zero-width
 * space, (non-)joiners, LRM/RLM; U+2028/U+2029 become line feeds; U+202A–U+202E
 * embeddings and overrides; U+2060–U+2064 word joiner and invisible operators;
 * U+2066–U+2069 isolates; U+206A–U+206F deprecated format characters; U+FEFF;
 * U+FE00–U+FE0F variation selectors; U+E0001, U+E0020–U+E007F tags.
 */

const RANGES: Array<[number, number]> = [
  [0x0000, 0x0008],
  [0x000b, 0x000c],
  [0x000e, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xe0001, 0xe0001],
  [0xe0020, 0xe007f],
];

/** Whether a code point is one of the invisible characters listed above. */
export function isInvisible(cp: number): boolean {
  for (const [a, b] of RANGES) if (cp >= a && cp <= b) return true;
  return false;
}

export interface CleanText {
  /** The text without invisible characters (U+2028/U+2029 as line feeds). */
  text: string;
  /** For each index of `text` (and text.length), the index in the original. */
  map: Int32Array;
  /** Invisible characters removed: offset in the original and the character. */
  removed: Array<{ index: number; char: string }>;
}

/** Remove invisible and direction characters; linear, no recursion, no argument spreading. */
export function removeInvisible(original: string): CleanText {
  const out: string[] = [];
  const map = new Int32Array(original.length + 1);
  const removed: CleanText['removed'] = [];
  let n = 0;
  for (let i = 0; i < original.length; i++) {
    const c = original[i];
    if (c === '\u2028' || c === '\u2029') {
      map[n++] = i;
      out.push('\n');
      continue;
    }
    const cp = original.codePointAt(i) ?? 0;
    if (isInvisible(cp)) {
      const ch = cp > 0xffff ? original.slice(i, i + 2) : c;
      removed.push({ index: i, char: ch });
      if (ch.length === 2) i++;
      continue;
    }
    map[n++] = i;
    out.push(c);
  }
  map[n] = original.length;
  return { text: out.join(''), map: map.slice(0, n + 1), removed };
}

/** "U+00AD（软连字符）": how a removed character is named for people. */
export function describeInvisible(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const names: Record<number, string> = {
    0x00ad: '软连字符',
    0x200b: '零宽空格',
    0x200c: '零宽不连字',
    0x200d: '零宽连字',
    0x200e: '从左到右标记',
    0x200f: '从右到左标记',
    0x2060: '词连接符',
    0xfeff: '零宽不换行空格',
    0x202a: '从左到右嵌入',
    0x202b: '从右到左嵌入',
    0x202c: '方向格式结束',
    0x202d: '从左到右强制',
    0x202e: '从右到左强制',
    0x2066: '从左到右隔离',
    0x2067: '从右到左隔离',
    0x2068: '首字符方向隔离',
    0x2069: '方向隔离结束',
  };
  const name = names[cp] ?? (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? '控制字符' : '不可见字符');
  return `${hex}（${name}）`;
}

/**
 * A quote from the cleaned text as it stood in the original (with the invisible
 * characters it held): the first occurrence of `quote` in `clean.text` mapped back.
 */
export function originalQuote(quote: string, clean: CleanText, original: string): string {
  if (!clean.removed.length || !quote) return quote;
  const at = clean.text.indexOf(quote);
  if (at < 0) return quote;
  const start = clean.map[at];
  const end = at + quote.length < clean.map.length ? clean.map[at + quote.length - 1] + 1 : original.length;
  return original.slice(start, end);
}

/** Whether a text states any figure (a digit, half- or full-width). */
export function hasFigures(text: string): boolean {
  return /[0-9\uFF10-\uFF19]/.test(text);
}
