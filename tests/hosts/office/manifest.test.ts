import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * The add-in's packaging files: the Excel manifest passes the offline schema check
 * (and fails it when the element order is wrong), the WPS ribbon is well-formed and
 * its callbacks exist, the icons are real PNGs of the sizes named.
 */
const ROOT = path.resolve(__dirname, '../../..');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

function validate(file: string) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/validate-manifest.js'), file], { encoding: 'utf8' });
}

describe('add-in packaging: manifest, icons, WPS ribbon', () => {
  before(function () {
    if (!hasXmllint) {
      if (process.env.CI === 'true') throw new Error('CI: xmllint 缺失（apt-get install -y libxml2-utils）');
      console.log('      （跳过：未安装 xmllint）');
      this.skip();
    }
  });

  it('manifest.xml passes the offline validation', () => {
    const r = validate(path.join(ROOT, 'manifest.xml'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /校验通过/);
  });

  it('fails when Requirements comes after DefaultSettings, or a resid is undefined', () => {
    const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const req = / {2}<Requirements>[\s\S]*?<\/Requirements>\n/.exec(xml)![0];
    const swapped = xml.replace(req, '').replace('  <Permissions>', `${req}  <Permissions>`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-manifest-'));
    fs.writeFileSync(path.join(dir, 'a.xml'), swapped);
    const r = validate(path.join(dir, 'a.xml'));
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /架构校验未通过/);
    fs.writeFileSync(path.join(dir, 'b.xml'), xml.replace('resid="Group.Label"', 'resid="Group.Missing"'));
    const r2 = validate(path.join(dir, 'b.xml'));
    assert.notEqual(r2.status, 0);
    assert.match(r2.stderr, /Group\.Missing/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('declares zh-CN, ReadWriteDocument, ExcelApi 1.1 and a 决算公开 button that shows the task pane', () => {
    const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    assert.match(xml, /<DefaultLocale>zh-CN<\/DefaultLocale>/);
    assert.match(xml, /<Permissions>ReadWriteDocument<\/Permissions>/);
    assert.match(xml, /<Set Name="ExcelApi" MinVersion="1\.1"\/>/);
    assert.match(xml, /<OfficeTab id="TabHome">/);
    assert.match(xml, /<Action xsi:type="ShowTaskpane">/);
    assert.match(xml, /id="TaskpaneButton.Label" DefaultValue="决算公开"/);
  });

  it('icons are PNGs of the sizes their names say', () => {
    for (const size of [16, 32, 64, 80]) {
      const png = fs.readFileSync(path.join(ROOT, `assets/icon-${size}.png`));
      assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
      assert.equal(png.readUInt32BE(16), size);
      assert.equal(png.readUInt32BE(20), size);
    }
  });

  it('the WPS ribbon is well-formed and every callback it names is in js/ribbon.js', () => {
    const ribbon = path.join(ROOT, 'wps/ribbon.xml');
    const r = spawnSync('xmllint', ['--noout', ribbon], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const xml = fs.readFileSync(ribbon, 'utf8');
    assert.match(xml, /<tab id="juesuanTab" label="决算公开">/);
    const js = fs.readFileSync(path.join(ROOT, 'wps/js/ribbon.js'), 'utf8');
    const calls = [...xml.matchAll(/(?:onLoad|onAction|getImage|getEnabled)="ribbon\.(\w+)"/g)].map((m) => m[1]);
    assert.ok(calls.length >= 3);
    const sandbox: { window: Record<string, unknown>; document: unknown } = {
      window: {},
      document: { location: { href: 'http://intranet/juesuan/wps/index.html' } },
    };
    vm.runInNewContext(js, sandbox, { filename: 'wps/js/ribbon.js' });
    const api = sandbox.window.ribbon as Record<string, unknown>;
    for (const c of calls) assert.equal(typeof api[c], 'function', c);
  });

  it('the WPS button opens the task pane from the add-in folder, once, then toggles it', () => {
    const js = fs.readFileSync(path.join(ROOT, 'wps/js/ribbon.js'), 'utf8');
    const panes: { ID: string; url: string; Visible: boolean }[] = [];
    const store = new Map<string, string>();
    const app = {
      PluginStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) },
      CreateTaskPane: (url: string) => {
        const p = { ID: `p${panes.length}`, url, Visible: false };
        panes.push(p);
        return p;
      },
      GetTaskPane: (id: string) => panes.find((p) => p.ID === id) ?? null,
    };
    const win: Record<string, unknown> = { Application: app };
    vm.runInNewContext(js, { window: win, document: { location: { href: 'http://intranet/juesuan/wps/index.html?x=1' } } }, { filename: 'wps/js/ribbon.js' });
    const ribbon = win.ribbon as { OnAction(c: { Id: string }): boolean };
    ribbon.OnAction({ Id: 'juesuanOpenPane' });
    assert.equal(panes.length, 1);
    assert.equal(panes[0].url, 'http://intranet/juesuan/wps/taskpane.html');
    assert.equal(panes[0].Visible, true);
    ribbon.OnAction({ Id: 'juesuanOpenPane' });
    assert.equal(panes.length, 1);
    assert.equal(panes[0].Visible, false);
  });
});
