#!/usr/bin/env node
/**
 * Writes the add-in icons (assets/icon-16.png … icon-80.png) with a tiny PNG
 * encoder over node's zlib: a blue rounded square holding a white table grid with
 * a red total row — no image tools needed. Run: node assets/make-icons.js
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BLUE = [31, 95, 168, 255];
const WHITE = [255, 255, 255, 255];
const RED = [214, 48, 49, 255];
const CLEAR = [0, 0, 0, 0];
const LINE = [18, 56, 104, 255];
const HEAD = [189, 215, 238, 255];

function icon(size) {
  const s = size / 16; // design on a 16-unit grid
  const radius = 3 * s;
  return png(size, (x, y) => {
    const px = x + 0.5;
    const py = y + 0.5;
    // rounded square
    const cx = Math.min(Math.max(px, radius), size - radius);
    const cy = Math.min(Math.max(py, radius), size - radius);
    if ((px - cx) ** 2 + (py - cy) ** 2 > radius ** 2) return CLEAR;
    const u = px / s;
    const v = py / s;
    // table area: 3..13 × 3.5..12.5
    if (u >= 3 && u <= 13 && v >= 3.5 && v <= 12.5) {
      const line = Math.max(1, Math.round(s)) / s; // at least one pixel
      const onH = [3.5, 6.5, 9.5, 12.5].some((t) => Math.abs(v - t) <= line / 2 + 0.001);
      const onV = [3, 6.5, 13].some((t) => Math.abs(u - t) <= line / 2 + 0.001);
      if (onH || onV) return LINE;
      if (v < 6.5) return HEAD; // header row
      if (v > 9.5) return RED; // the total row
      return WHITE;
    }
    return BLUE;
  });
}

const out = path.resolve(__dirname);
for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), icon(size));
}
console.log('icons written to', out);
