#!/usr/bin/env node
/**
 * Writes the Excel manifest for a deployment (npm run build calls it through webpack;
 * `npm run manifest` alone): manifest.xml with every https://localhost:3000/ URL
 * replaced by ADDIN_BASE_URL (default https://localhost:3000/, the dev server), then
 * validated (scripts/validate-manifest.js: schema with xmllint, resource ids, one https
 * origin, icons, requirement set). An invalid base URL or manifest stops the build.
 *
 * Usage: ADDIN_BASE_URL=https://juesuan.intranet.example/addin/ node scripts/build-manifest.js [--out dist/manifest.xml]
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const DEV_BASE = 'https://localhost:3000/';

/** The base URL from configuration, checked: https, no query or fragment, ending in "/". */
function baseUrl(value) {
  const raw = (value || DEV_BASE).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL 不是有效的网址：${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL 必须以 https:// 开头（Office 只加载 https 的加载项）：${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL 不应带查询参数或 #：${raw}`);
  return url.origin + (url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
}

/** manifest.xml's text with its URLs moved to `base`. */
function manifestFor(base, source = path.join(ROOT, 'manifest.xml')) {
  const b = baseUrl(base);
  const origin = new URL(b).origin;
  const xml = fs.readFileSync(source, 'utf8');
  return xml
    .replace(/<!--[\s\S]*?-->\n?/, `<!-- 决算公开助手: Excel task pane add-in, built for ${b} (npm run build, ADDIN_BASE_URL). -->\n`)
    .split(DEV_BASE)
    .join(b)
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`);
}

/** Run the offline validation on a written manifest; returns { ok, output }. xmllint missing: ok with a note (unless CI). */
function validate(file) {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'validate-manifest.js'), file], { encoding: 'utf8' });
  const output = `${r.stdout || ''}${r.stderr || ''}`.trim();
  if (r.status === 2 && /xmllint/.test(output) && process.env.CI !== 'true') return { ok: true, output: `${output}（未作架构校验）` };
  return { ok: r.status === 0, output };
}

/** Write and validate: throws with the validator's message when the manifest is not valid. */
function writeManifest(out, base = process.env.ADDIN_BASE_URL) {
  const xml = manifestFor(base);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, xml);
  const v = validate(out);
  if (!v.ok) throw new Error(v.output);
  return v.output;
}

module.exports = { baseUrl, manifestFor, writeManifest, DEV_BASE };

if (require.main === module) {
  const i = process.argv.indexOf('--out');
  const out = path.resolve(i > 0 ? process.argv[i + 1] : path.join(ROOT, 'dist', 'manifest.xml'));
  try {
    console.log(writeManifest(out));
    console.log(`已写入 ${path.relative(process.cwd(), out)}（${baseUrl(process.env.ADDIN_BASE_URL)}）`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
