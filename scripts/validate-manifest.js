#!/usr/bin/env node
/**
 * Offline check of the Office add-in manifest (npm run validate):
 *   1. schema: xmllint against the XSDs in scripts/manifest-xsd/ (the online
 *      `office-addin-manifest validate` needs a Microsoft service);
 *   2. our own rules: every resid is defined, every URL is https and on one origin,
 *      every icon exists in assets/, the requirement set is declared.
 * Usage: node scripts/validate-manifest.js [manifest.xml]
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const manifest = path.resolve(process.argv[2] || 'manifest.xml');
const root = path.resolve(__dirname, '..');
const xsd = path.join(__dirname, 'manifest-xsd', 'OfficeAppManifestV1_1.xsd');
const problems = [];

if (!fs.existsSync(manifest)) {
  console.error(`找不到清单文件：${manifest}`);
  process.exit(2);
}

const lint = spawnSync('xmllint', ['--noout', '--schema', xsd, manifest], { encoding: 'utf8' });
if (lint.error) {
  console.error('validate-manifest: 需要 xmllint（Debian/Ubuntu: apt-get install -y libxml2-utils）');
  process.exit(2);
}
if (lint.status !== 0) problems.push(`架构校验未通过：\n${lint.stderr.trim()}`);

const xml = fs.readFileSync(manifest, 'utf8');
const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
for (const m of xml.matchAll(/resid="([^"]+)"/g)) {
  if (!defined.has(m[1])) problems.push(`resid "${m[1]}" 未在 Resources 中定义`);
}
const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
const origins = new Set();
for (const u of urls) {
  const url = new URL(u);
  if (url.protocol !== 'https:') problems.push(`URL 必须使用 https：${u}`);
  origins.add(url.origin);
  if (/\.png$/i.test(url.pathname)) {
    // the icons are served from <base>/assets/: check the file the build copies there
    const file = path.join(root, 'assets', path.basename(decodeURIComponent(url.pathname)));
    if (!fs.existsSync(file)) problems.push(`图标文件不存在：${path.relative(root, file)}（${u}）`);
  }
}
if (origins.size > 1) problems.push(`URL 应在同一来源下（便于内网部署时统一替换）：${[...origins].join('、')}`);
if (!/<Set\s+Name="ExcelApi"\s+MinVersion="1\.\d+"/.test(xml)) problems.push('未在 <Requirements> 中声明 ExcelApi 要求集');
if (!/<Permissions>ReadWriteDocument<\/Permissions>/.test(xml)) problems.push('Permissions 应为 ReadWriteDocument');

if (problems.length) {
  console.error(`${path.basename(manifest)} 校验未通过：\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`${path.basename(manifest)} 校验通过（架构、资源 ID、URL、图标、要求集）。`);
