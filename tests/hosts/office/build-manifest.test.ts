/**
 * npm run build writes dist/manifest.xml with the add-in's URLs from ADDIN_BASE_URL
 * (issue #10, item 8) and validates it offline (scripts/validate-manifest.js, the XSDs of
 * https://learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts/build-manifest.js');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

function build(base: string | undefined, out: string) {
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL;
  if (base !== undefined) env.ADDIN_BASE_URL = base;
  return spawnSync(process.execPath, [SCRIPT, '--out', out], { encoding: 'utf8', env });
}

describe('dist/manifest.xml from ADDIN_BASE_URL', () => {
  let dir: string;
  before(function () {
    if (!hasXmllint && process.env.CI === 'true') throw new Error('CI: xmllint 缺失（apt-get install -y libxml2-utils）');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-mf-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('defaults to https://localhost:3000/ (the dev server)', () => {
    const out = path.join(dir, 'dev.xml');
    const r = build(undefined, out);
    assert.equal(r.status, 0, r.stderr);
    const xml = fs.readFileSync(out, 'utf8');
    assert.match(xml, /<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane\.html"\/>/);
  });

  it('moves every URL and the AppDomain to an intranet server with a path, and the result validates', () => {
    const out = path.join(dir, 'intranet.xml');
    const r = build('https://jsgk.czj.example.gov.cn:8443/juesuan', out);
    assert.equal(r.status, 0, r.stderr);
    const xml = fs.readFileSync(out, 'utf8');
    assert.doesNotMatch(xml, /localhost/);
    assert.match(xml, /<SourceLocation DefaultValue="https:\/\/jsgk\.czj\.example\.gov\.cn:8443\/juesuan\/taskpane\.html"\/>/);
    assert.match(xml, /<AppDomain>https:\/\/jsgk\.czj\.example\.gov\.cn:8443<\/AppDomain>/);
    assert.match(xml, /<bt:Url id="Commands\.Url" DefaultValue="https:\/\/jsgk\.czj\.example\.gov\.cn:8443\/juesuan\/commands\.html"\/>/);
    if (hasXmllint) assert.match(r.stdout, /校验通过/);
  });

  it('refuses http and malformed base URLs, in Chinese', () => {
    const r = build('http://10.1.2.3/juesuan/', path.join(dir, 'bad.xml'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /必须以 https:\/\/ 开头/);
    const r2 = build('not a url', path.join(dir, 'bad2.xml'));
    assert.equal(r2.status, 1);
    assert.match(r2.stderr, /不是有效的网址/);
  });
});
