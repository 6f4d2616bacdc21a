/**
 * The task pane in headless Chromium, as an accountant uses it: the pane page
 * (taskpane.html?host=memory, the in-memory workbook) at 272 px (a 340 px pane at 125%
 * zoom) and 320 px, driven through every job; what is asserted is what the user sees —
 * the busy state during a slow read, confirmations beside the action, nothing wider than
 * the pane, 无法核对 collapsed with its count. Also: the tabs by keyboard, the
 * Content-Security-Policy of every page, the WPS page over a fake WPS object model and
 * the Office.js page outside Office. Every request leaving 127.0.0.1 fails the test; so
 * does any console error. Screenshots of each step go to out/screenshots/ (or
 * $JUESUAN_SCREENSHOTS). The preview page (workbook beside the pane, 1366 px) is
 * tests/browser/preview.test.ts.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { DiagnosedFinding, Finding } from '../../src/core/findings/finding';
import { CSP } from '../../src/preview/server';
import { holdNextRead, needChromium, newContext, overflowReport, shot, startSite, stopSite, type Site, type Watch } from './support';

interface PaneHost {
  sheets: { name: string }[];
  marks: Map<string, Map<string, string>>;
  selection: { sheet: string; address: string }[];
  readSheets: (...a: unknown[]) => Promise<unknown>;
  setCell(sheet: string, address: string, v: unknown): void;
  cell(sheet: string, address: string): { value: unknown } | undefined;
}
interface PaneHook {
  host: PaneHost;
  showCheck(findings: Finding[]): void;
  showVerify(text: string, found: unknown[]): void;
}
type W = Window & { __juesuan: PaneHook };

/** Findings of the shapes whose producers land later (src/core/findings/finding.ts), on the sample's cells. */
const SLIP: DiagnosedFinding = {
  rule: 'likely-slip',
  severity: 'error',
  message: '公开03表!E10 可能录错：改为 634.31 后，下列 2 处不一致都成立。',
  cells: [{ sheet: '公开03表', address: 'E10' }],
  table: 'expenditure',
  expected: 634.31,
  explains: [
    {
      rule: 't03-sum',
      severity: 'error',
      message: '支出合计不等于基本支出与项目支出之和',
      cells: [
        { sheet: '公开03表', address: 'C7' },
        { sheet: '公开03表', address: 'E10' },
      ],
      table: 'expenditure',
    },
    { rule: 't03-eq-t05', severity: 'error', message: '公开03表与公开05表项目支出不一致', cells: [{ sheet: '公开05表', address: 'E7' }], table: 'gpbExpenditure' },
  ],
};
const PLANTED: Finding[] = [
  { rule: 't01-total', severity: 'error', message: '收入总计不等于支出总计', cells: [{ sheet: '公开01表', address: 'C36' }], table: 'summary' },
  SLIP,
  { rule: 'text-unverified', severity: 'unverified', message: '无法与表中数字对应', cells: [], table: 'threePublic' },
  { rule: 'text-unverified', severity: 'unverified', message: '无法与表中数字对应', cells: [] },
];

const marksOf = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const [sheet, m] of (window as unknown as W).__juesuan.host.marks) for (const [k, c] of m) out[`${sheet}|${k}`] = c;
    return out;
  });
const sheetNames = (page: Page) => page.evaluate(() => (window as unknown as W).__juesuan.host.sheets.map((s) => s.name));

async function noOverflow(page: Page, where: string): Promise<void> {
  const report = await page.evaluate<string[]>(overflowReport);
  assert.deepEqual(report, [], `${where}: ${report.join('; ')}`);
}

let site: Site;

describe('task pane in headless Chromium', function () {
  this.timeout(240_000);

  before(async function () {
    needChromium(this);
    site = await startSite();
  });
  after(stopSite);

  // The last run loads the ES5 bundle for Internet Explorer 11 (Office 2016/2019 volume
  // licences) through the same page (?legacy=1): it must pass the same suite.
  for (const [width, legacy] of [
    [272, false],
    [320, false],
    [320, true],
  ] as const) {
    describe(`at ${width} px (the pane page, in-memory workbook${legacy ? ', IE11 bundle' : ''})`, () => {
      let context: BrowserContext;
      let page: Page;
      let watch: Watch;
      const step = async (name: string) => {
        await noOverflow(page, name);
        await shot(page, `pane-${width}${legacy ? '-legacy' : ''}-${name}`);
      };

      before(async () => {
        ({ context, page, watch } = await newContext(site, width, 900));
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
        await page.goto(`${site.base}/taskpane.html?host=memory${legacy ? '&legacy=1' : ''}`);
        await page.waitForSelector('body[data-ready="memory"]', { timeout: 20_000 });
        const scripts = await page.$$eval('script[src]', (list) => list.map((x) => x.getAttribute('src') ?? ''));
        assert.ok(scripts.includes(legacy ? 'taskpane.legacy.js' : 'taskpane.js'), scripts.join());
      });
      after(async () => context?.close());

      it('starts in preview mode without repeating the title Office shows above the pane', async () => {
        assert.match((await page.textContent('#host-label')) ?? '', /预览/);
        const h1 = await page.$eval('h1', (h) => ({ w: h.getBoundingClientRect().width, cls: h.className, text: h.textContent }));
        assert.deepEqual(h1, { w: 1, cls: 'sr-only', text: '决算公开助手' }, 'the title is for screen readers only');
        assert.ok((await page.$$('#tables input')).length >= 9);
        await step('start');
      });

      it('tabs: arrow keys, Home and End move between them (WAI-ARIA tabs)', async () => {
        await page.focus('#tab-btn-insert');
        await page.keyboard.press('ArrowRight');
        assert.equal(await page.getAttribute('#tab-btn-check', 'aria-selected'), 'true');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-btn-check');
        assert.ok(await page.isVisible('#tab-check'));
        assert.ok(await page.isHidden('#tab-insert'));
        assert.equal(await page.getAttribute('#tab-btn-check', 'tabindex'), '0');
        assert.equal(await page.getAttribute('#tab-btn-insert', 'tabindex'), '-1');
        await page.keyboard.press('End');
        assert.equal(await page.getAttribute('#tab-btn-last-year', 'aria-selected'), 'true');
        await page.keyboard.press('ArrowRight');
        assert.equal(await page.getAttribute('#tab-btn-insert', 'aria-selected'), 'true', 'wraps around');
        await page.keyboard.press('ArrowLeft');
        assert.equal(await page.getAttribute('#tab-btn-last-year', 'aria-selected'), 'true');
        await page.keyboard.press('ArrowLeft');
        assert.equal(await page.getAttribute('#tab-btn-verify', 'aria-selected'), 'true');
        await page.keyboard.press('Home');
        assert.equal(await page.getAttribute('#tab-btn-insert', 'aria-selected'), 'true');
        assert.equal(await page.getAttribute('#tab-insert', 'aria-labelledby'), 'tab-btn-insert');
        assert.equal(await page.getAttribute('#tab-btn-insert', 'aria-controls'), 'tab-insert');
      });

      it('an error appears under the action, can be closed, and goes away with its tab', async () => {
        await page.fill('#unit', '');
        await page.click('#insert');
        await page.waitForSelector('#error:not([hidden])');
        assert.match((await page.textContent('#error')) ?? '', /请填写单位名称/);
        assert.equal(await page.evaluate(() => document.getElementById('error')?.closest('.panel')?.id), 'tab-insert');
        await step('error');
        await page.click('#error-close');
        assert.ok(await page.isHidden('#error'));
        await page.click('#insert');
        await page.waitForSelector('#error:not([hidden])');
        await page.click('#tab-btn-check');
        assert.ok(await page.isHidden('#error'), 'cleared when the tab changes');
        await page.click('#tab-btn-insert');
      });

      it('插入示例数据 loads the full sample with 补充信息, and never makes "(2)" copies', async () => {
        await page.click('#sample');
        await page.waitForSelector('#sample.done');
        assert.match((await page.textContent('#sample')) ?? '', /已插入示例/);
        const names = await sheetNames(page);
        for (let i = 1; i <= 9; i++) assert.ok(names.includes(`公开0${i}表`), names.join('、'));
        assert.ok(names.includes('补充信息'), names.join('、'));
        await page.click('#sample');
        await page.waitForFunction(() => /未重复插入/.test(document.querySelector('#tab-insert .progress')?.textContent ?? ''));
        assert.deepEqual(await sheetNames(page), names, 'nothing added the second time');
        assert.ok(!names.some((n) => /\(\d+\)$/.test(n)));
        await step('sample-again');
      });

      it('插入 with 跳过 says so on the button, with the details under it', async () => {
        await page.selectOption('#profile', '2021');
        await page.fill('#year', '2021');
        await page.fill('#unit', '株洲市石峰区机关事务服务中心');
        await page.check('input[name="conflict"][value="skip"]');
        await page.click('#insert');
        await page.waitForSelector('#insert.done');
        assert.match((await page.textContent('#insert')) ?? '', /已存在，已跳过/);
        assert.match((await page.textContent('#insert-result')) ?? '', /已存在、跳过：公开01表/);
        await step('insert-skip');
      });

      it('一键校验 during a slow read: the button says what it does, the others wait, progress shows, old results dim', async () => {
        await page.click('#tab-btn-check');
        await page.click('#run-check');
        await page.waitForSelector('#run-check.done', { timeout: 20_000 });
        // now make the host slow, as Excel on the web is with a large workbook
        const read = await holdNextRead(page);
        await page.click('#run-check');
        await page.waitForSelector('#tab-check .progress.active', { timeout: 5000 });
        assert.equal((await page.textContent('#run-check'))?.trim(), '正在校验…');
        assert.ok(await page.$eval('#run-check', (b) => b.classList.contains('running')));
        for (const id of ['#mark', '#clear-marks', '#run-draft', '#insert']) assert.ok(await page.isDisabled(id), `${id} waits`);
        assert.match((await page.textContent('#tab-check .progress')) ?? '', /正在读取工作表/);
        assert.equal(await page.getAttribute('#tab-check', 'aria-busy'), 'true');
        assert.ok(Number(await page.$eval('#findings', (e) => getComputedStyle(e).opacity)) < 1, 'old results dimmed');
        // a disabled button looks disabled (Fluent's disabled colours), unlike an enabled one
        const look = (sel: string) => page.$eval(sel, (b) => getComputedStyle(b).color);
        assert.notEqual(await look('#mark'), await look('#tab-btn-check'));
        await noOverflow(page, 'busy');
        await shot(page, `pane-${width}${legacy ? '-legacy' : ''}-busy`);
        await read.release();
        await page.waitForSelector('#run-check.done', { timeout: 20_000 });
        // the confirmation reads as one (success colours), also under the pointer that clicked
        assert.deepEqual(await page.$eval('#run-check', (b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]), [
          'rgb(241, 250, 241)',
          'rgb(14, 112, 14)',
        ]);
        assert.ok(!(await page.isDisabled('#mark')));
        assert.equal(await page.getAttribute('#tab-check', 'aria-busy'), null);
        assert.match((await page.textContent('#check-summary')) ?? '', /错误 0提示 0尾数差异 \d+|未发现问题/);
        await page.evaluate(() => {
          const h = (window as unknown as W).__juesuan.host;
          delete (h as Partial<PaneHost>).readSheets; // back to the prototype's
        });
      });

      it('标记 after a check with only 尾数差异 says why there is nothing to mark; with them, says how many', async () => {
        const rounding = await page.$$eval('#findings details[data-severity="rounding"]', (d) => d.map((x) => (x as HTMLDetailsElement).open));
        assert.deepEqual(rounding, [false], '尾数差异 collapsed');
        await page.click('#mark');
        await page.waitForFunction(() => /尾数差异/.test(document.querySelector('#tab-check .progress.notice')?.textContent ?? ''));
        assert.match((await page.textContent('#tab-check .progress')) ?? '', /要标记 \d+ 处尾数差异，请勾选“标记时包括尾数差异”/);
        assert.ok(await page.isHidden('#error'));
        await page.check('#mark-rounding');
        await page.click('#mark');
        await page.waitForSelector('#mark.done');
        assert.match((await page.textContent('#mark')) ?? '', /已标记 \d+ 个单元格（\d+ 张表）/);
        assert.ok(Object.keys(await marksOf(page)).length > 0);
        await step('marked');
        await page.click('#clear-marks');
        await page.waitForSelector('#clear-marks.done');
        assert.match((await page.textContent('#clear-marks')) ?? '', /已清除/);
        assert.deepEqual(await marksOf(page), {});
        await page.uncheck('#mark-rounding');
      });

      it('likely slips first with what they explain folded; 无法核对 collapsed with its count; 标记 paints suspects apart', async () => {
        await page.evaluate((f: Finding[]) => {
          (window as unknown as W).__juesuan.showCheck(f);
        }, PLANTED);
        const first = await page.$eval('#findings > :first-child', (e: Element) => e.className);
        assert.equal(first, 'slip');
        assert.equal(await page.$eval('#findings .slip details.explains', (d) => (d as HTMLDetailsElement).open), false);
        assert.match((await page.textContent('#findings .slip details.explains summary')) ?? '', /由此引起的 2 处不一致/);
        const unverified = await page.$eval('#findings details[data-severity="unverified"]', (d) => ({
          open: (d as HTMLDetailsElement).open,
          label: d.querySelector('summary')?.textContent,
        }));
        assert.deepEqual(unverified, { open: false, label: '另有 2 处无法核对，展开' });
        const summary = (await page.textContent('#check-summary')) ?? '';
        assert.match(summary, /错误 2/, 'the slip and the other error; not what the slip explains, not 无法核对');
        assert.match(summary, /另有 2 处无法核对/);
        // the explained findings are not repeated at top level
        assert.equal(await page.$$eval('#findings .severity-group .finding', (b) => b.length), 1);
        await page.click('#mark');
        await page.waitForSelector('#mark.done');
        assert.match((await page.textContent('#mark')) ?? '', /已标记 4 个单元格（3 张表），其中 1 个疑似笔误/);
        const marks = await marksOf(page);
        const suspect = marks['公开03表|9,4'];
        const other = marks['公开03表|6,2'];
        assert.ok(suspect && other && suspect !== other, JSON.stringify(marks));
        assert.equal(marks['公开05表|6,4'], other);
        await step('slip');
        await page.click('#clear-marks');
        await page.waitForSelector('#clear-marks.done');
      });

      it('情况说明 after a check with errors says which sections state the wrong figures; 复制 confirms on its own button', async () => {
        // plant a real slip in the workbook: 公开01表's 一般公共预算财政拨款收入
        const before = await page.evaluate(() => (window as unknown as W).__juesuan.host.cell('公开01表', 'C8')?.value);
        assert.equal(before, 1406.53);
        await page.evaluate(() => (window as unknown as W).__juesuan.host.setCell('公开01表', 'C8', 1460.53));
        await page.click('#run-check');
        await page.waitForSelector('#run-check.done', { timeout: 20_000 });
        assert.match((await page.textContent('#run-check')) ?? '', /发现 \d+ 处错误/);
        await page.click('#tab-btn-draft');
        await page.click('#run-draft');
        await page.waitForSelector('#run-draft.done', { timeout: 20_000 });
        assert.ok(await page.isHidden('#error'), (await page.textContent('#error')) ?? '');
        assert.match((await page.textContent('#draft-concerns')) ?? '', /上次一键校验发现 \d+ 处错误，下列 \d+ 节引用了有误的数字/);
        assert.ok((await page.$$('#sections .section.concern')).length > 0);
        // the full sample has 补充信息: few prompts left
        const todo = await page.$$eval('#todo li', (l) => l.length);
        assert.ok(todo < 10, `${todo} prompts`);
        await step('draft-concerns');
        const copy = page.locator('#sections .section h3 button').nth(2);
        await copy.scrollIntoViewIfNeeded();
        await copy.click();
        await page.waitForFunction(() => document.querySelectorAll('#sections .section h3 button')[2]?.classList.contains('done'));
        assert.match((await copy.textContent()) ?? '', /已复制/);
        assert.ok(await copy.isVisible(), 'the confirmation is where the user clicked');
        assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^三、/);
        await page.click('#copy-all');
        await page.waitForSelector('#copy-all.done');
        assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^一、收入支出决算总体情况说明\n/);
        await page.click('#write-draft');
        await page.waitForSelector('#write-draft.done');
        assert.match((await page.textContent('#write-draft')) ?? '', /已写入“情况说明”/);
        // put the figure back, check again: no concerns
        await page.evaluate(() => (window as unknown as W).__juesuan.host.setCell('公开01表', 'C8', 1406.53));
        await page.click('#tab-btn-check');
        await page.click('#run-check');
        await page.waitForSelector('#run-check.done', { timeout: 20_000 });
        await page.click('#tab-btn-draft');
        await page.click('#run-draft');
        await page.waitForSelector('#run-draft.done', { timeout: 20_000 });
        assert.equal((await page.textContent('#draft-concerns'))?.trim(), '');
        assert.equal((await page.$$('#sections .section.concern')).length, 0);
      });

      it('核对情况说明 groups by section, wrong statements first, 无法核对 collapsed with its count', async () => {
        await page.click('#tab-btn-verify');
        const text =
          '一、收入支出决算总体情况说明\n2021年度收、支总计1474.07万元。\n三、支出决算情况说明\n2021年度本年支出合计1474.07万元，其中：基本支出335.54万元，占22.76%；项目支出1138.54万元，占77.24%。另有专项经费12.34万元。';
        await page.fill('#verify-text', text);
        await page.click('#run-verify');
        await page.waitForSelector('#run-verify.done', { timeout: 20_000 });
        assert.ok(await page.isHidden('#error'), (await page.textContent('#error')) ?? '');
        const marks = await page.$$eval('#verify-marked mark', (m) => m.map((x) => x.textContent));
        assert.ok(marks.includes('1474.07万元'), marks.join('|'));
        const headings = await page.$$eval('#verify-findings .text-section h3', (h) => h.map((x) => x.textContent));
        assert.ok(headings.length > 0 && headings.every((h) => /（\d+）$/.test(h ?? '')), headings.join('|'));
        // the first listed is a wrong statement, never a 无法核对
        assert.equal(await page.$eval('#verify-findings .finding', (b) => b.closest('details[data-severity="unverified"]') === null), true);
        const unverified = await page.$('#verify-findings details[data-severity="unverified"]');
        if (unverified) {
          assert.equal(await unverified.evaluate((d) => (d as HTMLDetailsElement).open), false);
          assert.match((await unverified.$eval('summary', (s) => s.textContent)) ?? '', /^另有 \d+ 处无法核对，展开$/);
        }
        await step('verify');
        // the collapsed count, deterministic: a hundred 无法核对 fold into one line
        const many = Array.from({ length: 100 }, (_, i) => ({
          rule: 'u',
          severity: 'unverified',
          unverified: true,
          message: '无法核对',
          quote: `${i}`,
          start: i,
          end: i + 1,
          section: i < 50 ? '七' : '八',
          cells: [],
        }));
        const wrong = {
          rule: 'w',
          severity: 'error',
          message: '与表中不符',
          quote: '1474.07万元',
          start: 200,
          end: 209,
          section: '一',
          expected: '1474.08万元',
          cells: [{ sheet: '公开01表', address: 'C36' }],
        };
        await page.evaluate((arg: { t: string; f: unknown[] }) => (window as unknown as W).__juesuan.showVerify(arg.t, arg.f), { t: text, f: [...many, wrong] });
        assert.equal(await page.$eval('#verify-findings details[data-severity="unverified"] summary', (s) => s.textContent), '另有 100 处无法核对，展开');
        assert.equal(await page.$eval('#verify-findings details[data-severity="unverified"]', (d) => (d as HTMLDetailsElement).open), false);
        assert.deepEqual(await page.$$eval('#verify-findings .text-section h3', (h) => h.map((x) => x.textContent)), ['一（1）']);
        const height = await page.$eval('#verify-findings', (e) => e.getBoundingClientRect().height);
        assert.ok(height < 400, `the list is ${height}px tall`);
        await step('verify-collapsed');
      });

      it('every tab fits: nothing wider than the pane, nothing cut off', async () => {
        for (const tab of ['insert', 'check', 'draft', 'verify']) {
          await page.click(`#tab-btn-${tab}`);
          await noOverflow(page, tab);
        }
      });

      it('made no request outside 127.0.0.1 and logged no error', () => {
        assert.deepEqual(watch.external, []);
        assert.deepEqual(watch.errors, []);
      });
    });
  }

  describe('Content-Security-Policy', () => {
    it('every page carries it (script-src self, no eval), and no page has an inline script', () => {
      assert.match(CSP, /(^|; )script-src 'self'(;|$)/);
      assert.doesNotMatch(CSP, /unsafe-inline|unsafe-eval/);
      const pages = ['taskpane.html', 'wps/taskpane.html', 'commands.html', 'help.html', 'preview.html'];
      for (const p of pages) {
        const html = fs.readFileSync(path.join(site.dir, p), 'utf8');
        const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(html);
        assert.equal(meta?.[1].replace(/&#39;/g, "'"), CSP, `${p}: CSP meta`);
        if (html.includes('<script')) assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), `${p}: the policy comes before the first script`);
        const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]) && m[2].trim());
        assert.deepEqual(
          inline.map((m) => m[2].slice(0, 40)),
          [],
          `${p}: inline script`,
        );
      }
    });

    it('is in force: an injected inline script does not run, and the pane itself violates nothing', async () => {
      const { context, page, watch } = await newContext(site, 320);
      const violations: string[] = [];
      await page.exposeFunction('__violation', (v: string) => violations.push(v));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e: SecurityPolicyViolationEvent) => {
          const w = window as unknown as { __violation(v: string): Promise<void> };
          void w.__violation(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await page.goto(`${site.base}/taskpane.html?host=memory`);
      await page.waitForSelector('body[data-ready="memory"]');
      await page.click('#sample');
      await page.waitForSelector('#sample.done');
      assert.equal(violations.length, 0, `the pane runs under its policy: ${violations.join()}`);
      const ran = await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.head.append(s);
        return (window as unknown as { __inline?: number }).__inline;
      });
      assert.equal(ran, undefined);
      for (let i = 0; i < 40 && !violations.length; i++) await page.waitForTimeout(50);
      assert.ok(
        violations.some((v) => v.startsWith('script-src')),
        violations.join(),
      );
      assert.deepEqual(watch.external, []);
      await context.close();
    });
  });

  it('in WPS (window.Application), the pane inserts, checks, selects and marks through the WPS object model', async () => {
    const { context, page, watch } = await newContext(site, 320, 900);
    await page.addInitScript({ path: path.join(site.dir, 'test/fake-wps.js') });
    await page.goto(`${site.base}/wps/taskpane.html`);
    await page.waitForSelector('body[data-ready]', { timeout: 20_000 });
    assert.equal(await page.getAttribute('body', 'data-ready'), 'wps');
    assert.equal(await page.textContent('#host-label'), '已连接 WPS 表格');
    assert.ok(await page.isHidden('#sample'), 'no sample button outside the preview');
    await page.fill('#unit', '株洲市石峰区机关事务服务中心');
    await page.fill('#year', '2021');
    await page.click('#insert');
    await page.waitForSelector('#insert.done, #error:not([hidden])', { timeout: 20_000 });
    assert.ok(await page.isHidden('#error'), (await page.textContent('#error')) ?? '');
    type Book = { list: { Name: string; fcs: unknown[] }[]; selected: string };
    const names = await page.evaluate(() => (window as unknown as { __wpsBook: Book }).__wpsBook.list.map((s) => s.Name));
    assert.equal(names[0], 'Sheet1');
    for (let i = 1; i <= 9; i++) assert.ok(names.includes(`公开0${i}表`), names.join('、'));
    await page.click('#tab-btn-check');
    await page.click('#run-check');
    await page.waitForSelector('#run-check.done', { timeout: 20_000 });
    assert.ok(await page.isHidden('#error'), (await page.textContent('#error')) ?? '');
    const first = await page.$('#findings .severity-group[open] .finding');
    if (first) {
      await first.click();
      await page.waitForFunction(() => (window as unknown as { __wpsBook: Book }).__wpsBook.selected !== '');
      await page.click('#mark');
      await page.waitForSelector('#mark.done');
      const fcs = await page.evaluate(() => (window as unknown as { __wpsBook: Book }).__wpsBook.list.reduce((n, s) => n + s.fcs.length, 0));
      assert.ok(fcs > 0, 'conditional formats added');
      await page.click('#clear-marks');
      await page.waitForSelector('#clear-marks.done');
      const left = await page.evaluate(() => (window as unknown as { __wpsBook: Book }).__wpsBook.list.reduce((n, s) => n + s.fcs.length, 0));
      assert.equal(left, 0);
    }
    await shot(page, 'wps-check');
    assert.deepEqual(watch.errors, []);
    assert.deepEqual(watch.external, []);
    await context.close();
  });

  it('outside Office, the local Office.js reports no host, the pane falls back to the preview, and its logging frame is blocked by the policy', async () => {
    const { context, page, watch } = await newContext(site, 320);
    await page.goto(`${site.base}/taskpane.html`);
    await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
    assert.equal(await page.getAttribute('body', 'data-ready'), 'memory');
    assert.equal(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office), 'object', 'office.js loaded from the add-in');
    assert.match((await page.textContent('#host-label')) ?? '', /未连接 Excel\/WPS/);
    assert.equal(await page.evaluate(async () => (await fetch('office-js/zh-cn/office_strings.js')).status), 200);
    // Office.js tries Microsoft's logging frame about 3 s after loading outside Office
    await page.waitForTimeout(4500);
    assert.deepEqual(watch.external, [], 'frame-src self: nothing leaves, not even the attempt');
    // What the policy refuses there is Office.js's logging frame only: the frame itself
    // (frame-src) and the style="display:none" it sets on it (o15apptofilemappingtable.js:
    // proxyFrame.setAttribute("style","display:none"); sha256 of "display:none" below).
    const telemetryFrame = (e: string) =>
      /frame-src/.test(e) || /telemetryservice\.firstpartyapps\.oaspapps\.com/.test(e) || /style-src.*sha256-aqNNdDLnnrDOnTNdkJpYlAxKVJtLt9CtFLklmInuUAE=/.test(e);
    const others = watch.errors.filter((e) => !telemetryFrame(e));
    assert.deepEqual(others, []);
    await context.close();
  });
});
