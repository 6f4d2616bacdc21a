/**
 * Text normalisation shared by the table reader and the narrative parser.
 *
 * Real files hold full-width digits and letters (１２３, ＡＢＣ), full-width or
 * half-width brackets（） vs (), stray spaces inside labels ("公 开 04 表",
 * "公务用车购 置费"), thousands separators in numbers stored as text ("1,474.07")
 * and the 万元 / 元 unit in varying spellings. These helpers turn such text into
 * forms that compare equal, without changing what the user wrote.
 */

/** Full-width ASCII (！..～) and the ideographic space become their half-width forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Only the full-width digits, letters and the decimal point/comma/minus become half-width. */
export function digitsToHalfWidth(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ．，－＋％]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

const SPACE_RE = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** Trim and collapse runs of white space (including full-width and no-break spaces) to one space. */
export function collapseSpaces(s: string): string {
  return s.replace(SPACE_RE, ' ').trim();
}

/** Remove every white space character (labels split by stray spaces: "公 开 04 表" -> "公开04表"). */
export function removeSpaces(s: string): string {
  return s.replace(SPACE_RE, '');
}

/**
 * The comparison key of a label: no spaces, half-width ASCII, () for （）, : for ：,
 * no quotation marks, lower case. "一般公共预算财政拨款“三公”经费" and
 * "一般公共预算财政拨款\"三公\"经费" give the same key; so do
 * "因公出国（境）费" and "因公出国 (境)费".
 */
export function matchKey(s: string): string {
  return removeSpaces(toHalfWidth(s))
    .replace(/[“”‘’"'「」『』]/g, '')
    .replace(/[【〔［]/g, '[')
    .replace(/[】〕］]/g, ']')
    .toLowerCase();
}

/**
 * A label as people write it, tidied for display: trimmed, runs of spaces collapsed,
 * spaces between two CJK characters removed ("公务用车购 置费" -> "公务用车购置费").
 */
export function tidyLabel(s: string): string {
  let t = collapseSpaces(s);
  // Remove single spaces that sit between CJK characters or CJK punctuation.
  t = t.replace(/([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])/g, '$1');
  return t;
}

/** Chinese numerals used in ordinals (一、 … 二十六、). */
const CN_DIGITS = '零〇一二三四五六七八九十百';

/**
 * Strip a leading ordinal: "一、", "二十六、", "（一）", "(1)", "1.", "1、", "其中：".
 * "一、一般公共服务支出" -> "一般公共服务支出".
 */
export function stripOrdinal(s: string): string {
  let t = s.trim();
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t
      .replace(new RegExp(`^[${CN_DIGITS}]+\\s*[、.．,，]\\s*`), '')
      .replace(new RegExp(`^[（(]\\s*[${CN_DIGITS}0-9０-９]+\\s*[）)]\\s*[、.．]?\\s*`), '')
      .replace(/^[0-9０-９]+\s*[、.．]\s*(?=\D)/, '')
      .replace(/^其中\s*[:：]?\s*/, '')
      .trim();
    if (t === before) break;
  }
  return t;
}

/** True for a cell text that means "nothing here": empty, spaces, "-", "—", "--", "－", "/" . */
export function isBlankText(s: string): boolean {
  return /^[\s\u3000]*([-－—–‐―─/／]{1,3})?[\s\u3000]*$/.test(s);
}

/**
 * Parse a number written as text: "1,474.07", "１，４７４．０７", " 335.54 ", "-12.5",
 * "−12.5", "(12.50)" (accounting negative), "1 474.07". Returns undefined for anything
 * else (including blanks; see isBlankText).
 */
export function parseNumberText(s: string): number | undefined {
  let t = digitsToHalfWidth(s).replace(/[\s\u3000\u00a0]/g, '');
  t = t.replace(/[−–—]/g, '-');
  if (t === '') return undefined;
  let negative = false;
  const paren = /^[（(](.*)[）)]$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1];
  }
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[-+]?\.\d+$/.test(t)) return undefined;
  const n = Number(t.replace(/,/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return negative ? -n : n;
}

/**
 * The money unit named in a text like "金额单位：万元", "单位: 元", "（单位：万元）".
 * Returns '万元' or '元', undefined when the text names no unit.
 */
export function parseMoneyUnit(s: string): '万元' | '元' | undefined {
  const k = matchKey(s);
  const m = /单位:?(万元|元)/.exec(k);
  if (m) return m[1] as '万元' | '元';
  return undefined;
}

/** The 公开NN表 label in a text ("公开01表", "公 开 04 表", "公开０７表"): '01'..'99', else undefined. */
export function parseTableNumber(s: string): string | undefined {
  const k = matchKey(s);
  const m = /公开(\d{1,2})表/.exec(k);
  if (!m) return undefined;
  return m[1].padStart(2, '0');
}

/** The unit name in "部门：株洲市……" / "单位名称：…" / "编制单位：…" (not "金额单位"). */
export function parseUnitName(s: string): string | undefined {
  const t = collapseSpaces(toHalfWidth(s));
  const m = /^(?:部门|单位名称|编制单位|部门名称|单位)\s*[:：]\s*(.+)$/.exec(t);
  if (!m) return undefined;
  const name = m[1].trim();
  if (/^(万元|元)$/.test(name)) return undefined;
  return name || undefined;
}

/** A note line: "注：…", "注:…", "说明：…", or a sentence saying the table has no data. */
export function isNoteText(s: string): boolean {
  const k = matchKey(s);
  return /^(注|备注|说明)\d*[:.、]/.test(k) || /无数据|本表为空|空表/.test(k);
}
