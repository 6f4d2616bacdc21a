/**
 * A narrative text file's bytes as text, or why they are not text (in Chinese). Host-free:
 * bytes in, string out (TextDecoder, WHATWG Encoding Standard, in Node and browsers).
 *
 *   UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM, UTF-32 LE/BE with a BOM (or
 *   without, when every code unit's high half is zero), GB18030/GBK (Windows Notepad
 *   "ANSI" on a Chinese system) when the bytes look like Chinese text;
 *   Word, PDF, workbooks, old Office files, RTF and binary files are named and refused;
 *   bytes that decode in none of these (random bytes) are refused as undecodable.
 */

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/**
 * The host's text decoder (the core has no platform APIs): the bytes in that encoding,
 * or undefined when they are not valid in it. In Node and browsers:
 * `(enc, b) => { try { return new TextDecoder(enc, { fatal: true }).decode(b); } catch { return undefined; } }`.
 */
export type Decoder = (encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030', bytes: Uint8Array) => string | undefined;

function starts(b: Uint8Array, ...bytes: number[]): boolean {
  return b.length >= bytes.length && bytes.every((x, i) => b[i] === x);
}

function includesAscii(b: Uint8Array, s: string, limit = b.length): boolean {
  const n = Math.min(limit, b.length);
  outer: for (let i = 0; i + s.length <= n; i++) {
    for (let j = 0; j < s.length; j++) if (b[i + j] !== s.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/** What a file that is not plain text is, in Chinese; undefined for text. */
export function binaryKind(b: Uint8Array): string | undefined {
  if (starts(b, 0x50, 0x4b, 0x03, 0x04)) {
    if (includesAscii(b, 'word/')) return ' Word 文档（.docx）';
    if (includesAscii(b, 'xl/')) return ' Excel 工作簿（.xlsx）';
    return '压缩包（如 .docx、.xlsx、.zip）';
  }
  if (starts(b, 0x25, 0x50, 0x44, 0x46)) return ' PDF 文件';
  if (starts(b, 0xd0, 0xcf, 0x11, 0xe0)) return '旧版 Office 文件（如 .doc、.wps、.xls）';
  if (starts(b, 0x7b, 0x5c, 0x72, 0x74, 0x66)) return ' RTF 文档';
  return undefined;
}

function utf32(b: Uint8Array, littleEndian: boolean, offset: number): string | undefined {
  if ((b.length - offset) % 4 !== 0) return undefined;
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = offset; i < b.length; i += 4) {
    const cp = littleEndian ? (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0 : ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    chunk.push(cp);
    // Bounded argument lists: String.fromCodePoint over 4096 code points at a time.
    if (chunk.length === 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (chunk.length) parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** UTF-32 without a BOM: every code unit's upper 16 bits are zero (text in the BMP) and some lower ones are not. */
function looksUtf32(b: Uint8Array, le: boolean): boolean {
  if (b.length < 8 || b.length % 4 !== 0) return false;
  for (let i = 0; i < b.length; i += 4) {
    const hi = le ? b[i + 2] | b[i + 3] : b[i] | b[i + 1];
    if (hi !== 0) return false;
  }
  return true;
}

/**
 * Share of GBK double-byte characters that lie in GB2312's rows (lead 0xA1–0xF7, trail
 * 0xA1–0xFE): nearly all in real Chinese text, about a quarter in random bytes.
 */
function gb2312Share(b: Uint8Array): number {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < b.length;) {
    const x = b[i];
    if (x < 0x80) {
      i++;
      continue;
    }
    const y = b[i + 1] ?? 0;
    if (y >= 0x30 && y <= 0x39) {
      pairs++; // four-byte GB18030: rare in a report
      i += 4;
      continue;
    }
    pairs++;
    if (x >= 0xa1 && x <= 0xf7 && y >= 0xa1 && y <= 0xfe) common++;
    i += 2;
  }
  return pairs ? common / pairs : 1;
}

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape. */
function controlCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x08 || (c >= 0x0e && c <= 0x1a) || (c >= 0x1c && c <= 0x1f)) n++;
  }
  return n;
}

export function decodeText(bytes: Uint8Array, decode: Decoder): Decoded {
  const b = bytes;
  if (starts(b, 0xff, 0xfe, 0x00, 0x00)) {
    const t = utf32(b, true, 4);
    return t === undefined ? { ok: false, reason: '看起来是 UTF-32（小端）编码，但内容不完整或有误，无法解码' } : { ok: true, text: t, encoding: 'UTF-32LE' };
  }
  if (starts(b, 0x00, 0x00, 0xfe, 0xff)) {
    const t = utf32(b, false, 4);
    return t === undefined ? { ok: false, reason: '看起来是 UTF-32（大端）编码，但内容不完整或有误，无法解码' } : { ok: true, text: t, encoding: 'UTF-32BE' };
  }
  // Notepad's "Unicode" (UTF-16 with a BOM).
  for (const [bom, enc, name] of [
    [[0xff, 0xfe], 'utf-16le', 'UTF-16LE'],
    [[0xfe, 0xff], 'utf-16be', 'UTF-16BE'],
  ] as const) {
    if (!starts(b, ...bom)) continue;
    const t = decode(enc, b.subarray(2));
    return t === undefined ? { ok: false, reason: `看起来是 ${name} 编码，但内容不完整或有误，无法解码` } : { ok: true, text: t, encoding: name };
  }
  const kind = binaryKind(b);
  if (kind) return { ok: false, reason: `是${kind}，不是纯文本文件` };
  if (looksUtf32(b, true)) {
    const t = utf32(b, true, 0);
    if (t !== undefined) return { ok: true, text: t, encoding: 'UTF-32LE' };
  }
  if (looksUtf32(b, false)) {
    const t = utf32(b, false, 0);
    if (t !== undefined) return { ok: true, text: t, encoding: 'UTF-32BE' };
  }
  if (b.subarray(0, 8192).includes(0)) return { ok: false, reason: '是二进制文件（含有空字节），不是纯文本文件' };
  let encoding = 'UTF-8';
  let text = decode('utf-8', b)?.replace(/^\uFEFF/, '');
  if (text === undefined) {
    encoding = 'GB18030';
    text = decode('gb18030', b);
    if (text === undefined || gb2312Share(b) < 0.8) {
      return { ok: false, reason: '无法识别其文字编码（既不是 UTF-8/UTF-16/UTF-32，也不像 GBK 中文文本），可能不是文本文件或已损坏' };
    }
  }
  // A text of mostly control characters is not a narrative.
  const controls = controlCount(text);
  if (text.length && controls / text.length > 0.05) return { ok: false, reason: '含有大量控制字符，不像文本文件' };
  return { ok: true, text, encoding };
}
