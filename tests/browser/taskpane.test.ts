/**
 * The task pane in a real browser: webpack builds it (development mode, into a temp
 * dir), a tiny http server serves it on 127.0.0.1, headless Chromium (playwright-core)
 * opens it with the in-memory host (?host=memory), and the test clicks through
 * 插入 and 一键校验 like a user. Every request leaving 127.0.0.1 is blocked and fails
 * the test (the pane must make no network calls). Screenshots go to
 * $JUESUAN_SCREENSHOTS (default: the temp dir) for a look at the Chinese layout.
 *
 * Without /usr/bin/chromium the suite skips with a message — except on CI
 * (CI=true), where a missing browser is a failure.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

async function build(outDir: string): Promise<void> {
  // Loaded when a build runs, not when mocha loads the test files.
  const webpack = (await import('webpack')).default;
  const configOf = ((await import(pathToFileURL(path.join(ROOT, 'webpack.config.js')).href)) as { default: (env: object, argv: object) => import('webpack').Configuration }).default;
  const config = configOf({ outDir }, { mode: 'development' });
  config.context = ROOT;
  // the fake WPS object model, injected into the WPS page as window.Application
  (config.entry as Record<string, string>)['test/fake-wps'] = path.join(ROOT, 'tests/browser/fake-wps-entry.ts');
  config.devtool = false;
  await new Promise<void>((resolve, reject) =>
    webpack(config).run((err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('task pane in headless Chromium (in-memory host)', function () {
  this.timeout(180_000);
  let tmp: string;
  let server: http.Server | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let base: string;
  const external: string[] = [];
  const pageErrors: string[] = [];
  let shots: string;
  let out: string;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI === 'true') throw new Error(`CI: 找不到浏览器 ${CHROMIUM}，浏览器测试不能跳过。`);
      console.log(`      （跳过：找不到 ${CHROMIUM}；apt-get install -y chromium fonts-noto-cjk 后可运行）`);
      this.skip();
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-pane-'));
    shots = process.env.JUESUAN_SCREENSHOTS || tmp;
    fs.mkdirSync(shots, { recursive: true });
    out = path.join(tmp, 'dist');
    await build(out);
    server = await serve(out);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      viewport: { width: 380, height: 900 },
      locale: 'zh-CN',
    });
    await context.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === '127.0.0.1') return route.continue();
      external.push(route.request().url());
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
  });

  after(async () => {
    await context?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    if (tmp && !process.env.JUESUAN_KEEP) {
      for (const f of fs.readdirSync(tmp)) if (f !== path.basename(shots)) fs.rmSync(path.join(tmp, f), { recursive: true, force: true });
    }
  });

  const sheetNames = () => page.evaluate(() => (window as unknown as { __juesuan: { host: { sheets: { name: string }[] } } }).__juesuan.host.sheets.map((s) => s.name));

  it('loads in preview mode with the profiles and the nine tables listed', async () => {
    await page.goto(`${base}/taskpane.html?host=memory`);
    await page.waitForSelector('body[data-ready="memory"]', { timeout: 20_000 });
    assert.match(await page.textContent('#host-label') ?? '', /预览/);
    const options = await page.$$eval('#profile option', (o) => o.map((x) => (x as HTMLOptionElement).value));
    assert.ok(options.includes('2021') && options.includes('2023'), options.join());
    const boxes = await page.$$eval('#tables input', (i) => i.length);
    assert.ok(boxes >= 9, `${boxes} table checkboxes`);
  });

  it('refuses to insert without a unit name, in Chinese', async () => {
    await page.fill('#unit', '');
    await page.click('#insert');
    await page.waitForSelector('#error:not([hidden])');
    assert.match(await page.textContent('#error') ?? '', /请填写单位名称/);
  });

  it('插入 creates the sheets of the chosen profile', async () => {
    await page.selectOption('#profile', '2021');
    await page.fill('#year', '2021');
    await page.fill('#unit', '株洲市石峰区机关事务服务中心');
    await page.click('#insert');
    await page.waitForFunction(() => /已插入/.test(document.getElementById('insert-result')?.textContent ?? ''), undefined, { timeout: 20_000 });
    const names = await sheetNames();
    for (let i = 1; i <= 9; i++) assert.ok(names.includes(`公开0${i}表`), `missing 公开0${i}表 in ${names.join('、')}`);
    assert.ok(await page.isHidden('#error'));
    await page.screenshot({ path: path.join(shots, 'taskpane-insert.png'), fullPage: true });
  });

  it('inserting again with 跳过 skips every existing sheet', async () => {
    await page.check('input[name="conflict"][value="skip"]');
    await page.click('#insert');
    await page.waitForFunction(() => /跳过/.test(document.getElementById('insert-result')?.textContent ?? ''));
    const names = await sheetNames();
    assert.equal(names.filter((n) => n === '公开01表').length, 1);
    assert.ok(!names.some((n) => n.startsWith('公开01表(')));
  });

  it('一键校验 lists findings grouped by severity and table; clicking one selects its cells', async () => {
    // the sample's figures, so that there is something to find
    await page.click('#sample');
    await page.waitForFunction(() => /示例/.test(document.getElementById('insert-result')?.textContent ?? ''));
    await page.click('.tabs button[data-tab="check"]');
    assert.ok(await page.isVisible('#tab-check'));
    await page.click('#run-check');
    await page.waitForFunction(() => (document.getElementById('check-summary')?.textContent ?? '') !== '', undefined, { timeout: 20_000 });
    const summary = (await page.textContent('#check-summary')) ?? '';
    assert.match(summary, /错误 \d+|未发现问题/);
    const items = await page.$$('#findings .finding');
    if (/错误/.test(summary)) {
      assert.ok(items.length > 0, 'findings listed');
      const groups = await page.$$eval('#findings > details > summary', (s) => s.map((x) => x.textContent));
      assert.ok(groups.every((g) => /^(错误|提示|尾数差异)（\d+）$/.test(g ?? '')), groups.join());
      const first = items[0];
      await first.click();
      const selection = await page.evaluate(() => (window as unknown as { __juesuan: { host: { selection: unknown[] } } }).__juesuan.host.selection);
      assert.ok(selection.length > 0, 'the finding selected its cells');
      await page.click('#mark');
      const marks = await page.evaluate(() => (window as unknown as { __juesuan: { host: { marks: Map<string, unknown> } } }).__juesuan.host.marks.size);
      assert.ok(marks > 0, 'cells marked');
      await page.click('#clear-marks');
    }
    // re-running replaces the list rather than appending to it
    const count = items.length;
    await page.click('#run-check');
    await page.waitForTimeout(300);
    assert.equal((await page.$$('#findings .finding')).length, count);
    await page.screenshot({ path: path.join(shots, 'taskpane-check.png'), fullPage: true });
  });

  it('rejects a bad tolerance in Chinese', async () => {
    await page.fill('#tolerance', '零点五');
    await page.click('#run-check');
    await page.waitForSelector('#error:not([hidden])');
    assert.match(await page.textContent('#error') ?? '', /尾数容差/);
    await page.fill('#tolerance', '');
  });

  it('情况说明 drafts sections that can be written to a sheet', async () => {
    await page.click('.tabs button[data-tab="draft"]');
    await page.click('#run-draft');
    await page.waitForFunction(() => document.querySelectorAll('#sections .section').length > 0 || !document.getElementById('error')?.hidden, undefined, {
      timeout: 20_000,
    });
    assert.ok(await page.isHidden('#error'), await page.textContent('#error') ?? '');
    const titles = await page.$$eval('#sections .section h3', (h) => h.map((x) => x.firstChild?.textContent ?? ''));
    assert.ok(titles[0].startsWith('一、'), titles.join());
    await context!.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.click('#copy-all');
    await page.waitForFunction(() => /已复制全部/.test(document.getElementById('draft-result')?.textContent ?? ''));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^一、收入支出决算总体情况说明\n/);
    assert.match(copied, /\n\n二、收入决算情况说明\n/);
    await page.click('#write-draft');
    await page.waitForFunction(() => /已写入工作表/.test(document.getElementById('draft-result')?.textContent ?? ''));
    assert.ok((await sheetNames()).includes('情况说明'));
    await page.screenshot({ path: path.join(shots, 'taskpane-draft.png'), fullPage: false });
  });

  it('核对情况说明 lists the findings and marks the wrong words in the text', async () => {
    await page.click('.tabs button[data-tab="verify"]');
    const text =
      '三、支出决算情况说明\n2021年度本年支出合计1474.07万元，其中：基本支出335.54万元，占22.76%；项目支出1138.54万元，占77.24%。';
    await page.fill('#verify-text', text);
    await page.click('#run-verify');
    await page.waitForFunction(() => (document.getElementById('verify-summary')?.textContent ?? '') !== '', undefined, { timeout: 20_000 });
    assert.ok(await page.isHidden('#error'), (await page.textContent('#error')) ?? '');
    const marks = await page.$$eval('#verify-marked mark', (m) => m.map((x) => x.textContent));
    assert.ok(marks.includes('1474.07万元'), marks.join('|'));
    assert.equal(((await page.textContent('#verify-marked')) ?? '').replace(/\s+/g, ''), text.replace(/\s+/g, ''));
    const items = await page.$$('#verify-findings .finding');
    assert.ok(items.length >= marks.length);
    await page.click('#verify-marked mark');
    assert.equal(await page.$$eval('#verify-findings .finding.active', (a) => a.length), 1);
    // the sheet list offers the workbook's sheets for reading a text from a range
    const sheets = await page.$$eval('#verify-sheet option', (o) => o.map((x) => (x as HTMLOptionElement).value));
    assert.ok(sheets.includes('情况说明'), sheets.join());
    await page.selectOption('#verify-sheet', '情况说明');
    await page.click('#verify-load');
    await page.waitForFunction(() => ((document.getElementById('verify-text') as HTMLTextAreaElement).value || '').includes('收入支出决算总体情况说明'));
    await page.screenshot({ path: path.join(shots, 'taskpane-verify.png'), fullPage: false });
  });

  it('fits a narrow (320 px) task pane without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const tab of ['insert', 'check', 'draft', 'verify']) {
      await page.click(`.tabs button[data-tab="${tab}"]`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${tab}: page is ${width}px wide`);
    }
    await page.click('.tabs button[data-tab="insert"]');
    await page.screenshot({ path: path.join(shots, 'taskpane-320.png'), fullPage: false });
    await page.setViewportSize({ width: 380, height: 900 });
  });

  it('serves Office.js from its own origin (offline intranets)', async () => {
    const status = await page.evaluate(async () => (await fetch('office-js/office.js')).status);
    assert.equal(status, 200);
    const strings = await page.evaluate(async () => (await fetch('office-js/zh-cn/office_strings.js')).status);
    assert.equal(strings, 200);
  });

  it('made no request outside 127.0.0.1 and threw no page errors', () => {
    assert.deepEqual(external, []);
    assert.deepEqual(pageErrors, []);
  });

  it('in WPS (window.Application), the pane inserts, checks, selects and marks through the WPS object model', async () => {
    const p3 = await context!.newPage();
    const errors: string[] = [];
    p3.on('pageerror', (e) => errors.push(String(e)));
    await p3.addInitScript({ path: path.join(out, 'test/fake-wps.js') });
    await p3.goto(`${base}/wps/taskpane.html`);
    await p3.waitForSelector('body[data-ready]', { timeout: 20_000 });
    assert.equal(await p3.getAttribute('body', 'data-ready'), 'wps');
    assert.equal(await p3.textContent('#host-label'), '已连接 WPS 表格');
    assert.ok(await p3.isHidden('#sample'), 'no sample button outside the preview');
    await p3.fill('#unit', '株洲市石峰区机关事务服务中心');
    await p3.fill('#year', '2021');
    await p3.click('#insert');
    await p3.waitForFunction(() => /已插入|失败/.test((document.getElementById('insert-result')?.textContent ?? '') + (document.getElementById('error')?.textContent ?? '')));
    assert.ok(await p3.isHidden('#error'), (await p3.textContent('#error')) ?? '');
    type Book = { list: { Name: string; cells: Map<string, { value: unknown }> }[]; selected: string; active: string };
    const names = await p3.evaluate(() => ((window as unknown as { __wpsBook: Book }).__wpsBook.list.map((s) => s.Name)));
    assert.equal(names[0], 'Sheet1');
    for (let i = 1; i <= 9; i++) assert.ok(names.includes(`公开0${i}表`), names.join('、'));
    await p3.click('.tabs button[data-tab="check"]');
    await p3.click('#run-check');
    await p3.waitForFunction(() => (document.getElementById('check-summary')?.textContent ?? '') !== '', undefined, { timeout: 20_000 });
    assert.ok(await p3.isHidden('#error'), (await p3.textContent('#error')) ?? '');
    const first = await p3.$('#findings .finding');
    if (first) {
      await first.click();
      await p3.waitForFunction(() => (window as unknown as { __wpsBook: Book }).__wpsBook.selected !== '');
      await p3.click('#mark');
      const fcs = await p3.evaluate(() =>
        (window as unknown as { __wpsBook: { list: { fcs: unknown[] }[] } }).__wpsBook.list.reduce((n, s) => n + s.fcs.length, 0),
      );
      assert.ok(fcs > 0, 'conditional formats added');
      await p3.click('#clear-marks');
      const left = await p3.evaluate(() =>
        (window as unknown as { __wpsBook: { list: { fcs: unknown[] }[] } }).__wpsBook.list.reduce((n, s) => n + s.fcs.length, 0),
      );
      assert.equal(left, 0);
    }
    assert.ok(await p3.isHidden('#error'), (await p3.textContent('#error')) ?? '');
    await p3.screenshot({ path: path.join(shots, 'taskpane-wps.png'), fullPage: false });
    assert.deepEqual(errors, []);
    await p3.close();
  });

  it('outside Office, the local Office.js reports no host and the pane falls back to the preview', async () => {
    const p2 = await context!.newPage();
    const errors: string[] = [];
    p2.on('pageerror', (e) => errors.push(String(e)));
    const before = external.length;
    await p2.goto(`${base}/taskpane.html`);
    await p2.waitForSelector('body[data-ready]', { timeout: 30_000 });
    assert.equal(await p2.getAttribute('body', 'data-ready'), 'memory');
    assert.equal(await p2.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office), 'object', 'office.js loaded from the add-in');
    assert.match((await p2.textContent('#host-label')) ?? '', /未连接 Excel\/WPS/);
    assert.deepEqual(errors, []);
    // Office.js itself may try Microsoft's logging frame after 3 s (blocked here); nothing else may leave.
    const others = external.slice(before).filter((u) => !u.startsWith('https://telemetryservice.firstpartyapps.oaspapps.com/'));
    assert.deepEqual(others, []);
    await p2.close();
  });
});
