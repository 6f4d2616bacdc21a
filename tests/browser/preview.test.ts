/**
 * `npm run preview`'s page at 1366×768, as someone trying the add-in sees it: the task
 * pane (an iframe of taskpane.html?host=memory) beside a simulated workbook loaded with
 * the full sample (公开01–09表 and 补充信息). Asserted: the sheet tabs, the grid
 * (role="grid") with values and the formula of the selected cell, the selection and the
 * marks drawn in the grid after the pane's jobs, suspects of a likely slip in their own
 * colour, and no request outside the origin, no console error. Screenshots in
 * out/screenshots/ (or $JUESUAN_SCREENSHOTS).
 */
import { strict as assert } from 'node:assert';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import type { Finding } from '../../src/core/findings/finding';
import { holdNextRead, needChromium, newContext, overflowReport, shot, startSite, stopSite, type Site, type Watch } from './support';

type W = Window & { __juesuan: { showCheck(f: Finding[]): void; host: { readSheets: (...a: unknown[]) => Promise<unknown> } } };

describe('npm run preview: the pane beside a simulated workbook (1366 px)', function () {
  this.timeout(240_000);
  let site: Site;
  let context: BrowserContext;
  let page: Page;
  let pane: Frame;
  let watch: Watch;

  before(async function () {
    needChromium(this);
    site = await startSite();
    ({ context, page, watch } = await newContext(site, 1366, 768));
    await page.goto(`${site.base}/preview.html`);
    await page.waitForSelector('body[data-ready="preview"]', { timeout: 30_000 });
    const frame = await (await page.$('#pv-pane'))?.contentFrame();
    assert.ok(frame);
    pane = frame;
  });
  after(async () => {
    await context?.close();
    await stopSite();
  });

  it('shows the sample workbook: sheet tabs (with 补充信息), the grid, the pane', async () => {
    const tabs = await page.$$eval('#pv-sheets [role="tab"]', (t) => t.map((x) => x.textContent));
    for (let i = 1; i <= 9; i++) assert.ok(tabs.includes(`公开0${i}表`), tabs.join('、'));
    assert.ok(tabs.includes('补充信息'));
    assert.equal(await page.getAttribute('#pv-grid', 'role'), 'grid');
    assert.equal(await page.getAttribute('#pv-grid', 'aria-label'), '工作表 公开01表');
    assert.match((await page.textContent('#pv-grid')) ?? '', /收入支出决算总表/);
    assert.match((await pane.textContent('#host-label')) ?? '', /预览/);
    assert.deepEqual(await page.evaluate(overflowReport), []);
    await shot(page, 'preview-1366-start', false);
  });

  it('sheet names and cell text are shown as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await pane.evaluate((name) => {
      const h = (window as unknown as { __juesuan: { host: { setCell(s: string, a: string, v: string): void; notify(c: string): void } } }).__juesuan.host;
      h.setCell(name, 'A1', '<b>粗</b>&amp;');
      h.notify('apply');
    }, hostile);
    await page.click(`#pv-sheets [role="tab"] >> text=${hostile}`);
    assert.equal(await page.textContent('#pv-grid td[data-address="A1"]'), '<b>粗</b>&amp;');
    assert.equal(await page.$$eval('#pv-grid img, #pv-sheets img, #pv-grid b', (e) => e.length), 0);
    await page.click('#pv-reset');
    await page.waitForFunction(() => document.querySelectorAll('#pv-sheets [role="tab"]').length === 10);
  });

  it('a formula cell shows its value in the grid and its formula in the formula bar', async () => {
    await page.click('#pv-sheets [role="tab"]:text-is("公开03表")');
    const formulaCell = page.locator('#pv-grid td.formula').first();
    const address = await formulaCell.getAttribute('data-address');
    const formula = await formulaCell.getAttribute('data-formula');
    assert.ok(address && formula?.startsWith('='));
    assert.match((await formulaCell.textContent()) ?? '', /^[\d,.-]+$/, 'the value, not the formula');
    await formulaCell.click();
    assert.equal(await page.textContent('#pv-address'), `公开03表!${address}`);
    assert.equal(await page.textContent('#pv-formula'), formula);
    assert.equal(await formulaCell.getAttribute('aria-selected'), 'true');
    await page.keyboard.press('ArrowDown');
    const below = address.replace(/\d+$/, (d) => String(Number(d) + 1));
    await page.waitForFunction((a) => document.getElementById('pv-address')?.textContent === a, `公开03表!${below}`);
    assert.equal(await page.getAttribute(`#pv-grid td[data-address="${below}"]`, 'aria-selected'), 'true', 'arrow keys move the selection');
  });

  it('a finding clicked in the pane selects its cells in the grid; 标记 draws the marks', async () => {
    await pane.click('#tab-btn-check');
    await pane.check('#mark-rounding');
    await pane.click('#run-check');
    await pane.waitForSelector('#run-check.done', { timeout: 20_000 });
    await pane.click('#findings details[data-severity="rounding"] > summary');
    const item = pane.locator('#findings .finding').first();
    const cells = (await item.locator('.cells').textContent()) ?? '';
    await item.click();
    const [sheet, address] = cells.split('、')[0].split('!');
    await page.waitForFunction((s) => document.querySelector('#pv-sheets [aria-selected="true"]')?.textContent === s, sheet);
    assert.equal(await page.getAttribute(`#pv-grid td[data-address="${address}"]`, 'aria-selected'), 'true');
    await pane.click('#mark');
    await pane.waitForSelector('#mark.done');
    assert.ok((await page.$$('#pv-grid td[data-mark]')).length > 0, 'marks drawn in the grid');
    assert.ok((await page.$$('#pv-sheets [role="tab"].marked')).length > 0, 'marked sheets flagged on their tabs');
    await shot(page, 'preview-1366-marked', false);
    await pane.click('#clear-marks');
    await pane.waitForSelector('#clear-marks.done');
    assert.equal((await page.$$('#pv-grid td[data-mark]')).length, 0);
  });

  it('a likely slip: the suspect cell in a stronger colour than the cells of what it explains', async () => {
    const slip = {
      rule: 'likely-slip',
      severity: 'error',
      message: '公开03表!E10 可能录错：改为 634.31 后，下列 1 处不一致成立。',
      cells: [{ sheet: '公开03表', address: 'E10' }],
      table: 'expenditure',
      expected: 634.31,
      explains: [{ rule: 't03-sum', severity: 'error', message: '项目支出合计不等于各项之和', cells: [{ sheet: '公开03表', address: 'E7' }], table: 'expenditure' }],
    };
    await pane.evaluate((f) => (window as unknown as W).__juesuan.showCheck(f as Finding[]), [slip]);
    await pane.click('#mark');
    await pane.waitForSelector('#mark.done');
    await page.click('#pv-sheets [role="tab"]:text-is("公开03表")');
    const suspect = await page.getAttribute('#pv-grid td[data-address="E10"]', 'data-mark');
    const consequence = await page.getAttribute('#pv-grid td[data-address="E7"]', 'data-mark');
    assert.ok(suspect && consequence && suspect !== consequence, `${suspect} / ${consequence}`);
    await shot(page, 'preview-1366-slip', false);
    await pane.click('#clear-marks');
    await pane.waitForSelector('#clear-marks.done');
  });

  it('the busy state shows in the pane during a slow read, and the grid stays usable', async () => {
    const read = await holdNextRead(pane);
    await pane.click('#run-check');
    await pane.waitForSelector('#tab-check .progress.active');
    assert.equal((await pane.textContent('#run-check'))?.trim(), '正在校验…');
    await shot(page, 'preview-1366-busy', false);
    await read.release();
    await pane.waitForSelector('#run-check.done', { timeout: 20_000 });
  });

  it('重新载入示例 restores the sample without "(2)" copies; the 情况说明 written by the pane appears as a sheet', async () => {
    await pane.click('#tab-btn-draft');
    await pane.click('#run-draft');
    await pane.waitForSelector('#run-draft.done', { timeout: 20_000 });
    await pane.click('#write-draft');
    await pane.waitForSelector('#write-draft.done');
    assert.equal(await page.textContent('#pv-sheets [aria-selected="true"]'), '情况说明');
    await shot(page, 'preview-1366-draft', false);
    await page.click('#pv-reset');
    await page.waitForFunction(() => !Array.from(document.querySelectorAll('#pv-sheets [role="tab"]')).some((t) => t.textContent === '情况说明'));
    const tabs = await page.$$eval('#pv-sheets [role="tab"]', (t) => t.map((x) => x.textContent ?? ''));
    assert.equal(tabs.length, 10, tabs.join('、'));
    assert.ok(!tabs.some((n) => /\(\d+\)$/.test(n)));
  });

  it('at 100%, 125% and 150% zoom widths the pane fits (340, 272 and 227 px)', async () => {
    for (const w of ['340', '272', '227']) {
      await page.selectOption('#pv-width', w);
      await page.waitForFunction((x) => (document.getElementById('pv-pane') as HTMLIFrameElement).getBoundingClientRect().width === Number(x), w);
      for (const tab of ['insert', 'check', 'draft', 'verify']) {
        await pane.click(`#tab-btn-${tab}`);
        assert.deepEqual(await pane.evaluate(overflowReport), [], `${w} px, ${tab}`);
      }
      await shot(page, `preview-1366-pane-${w}`, false);
    }
  });

  it('made no request outside its origin, loaded no Office.js, logged no error', async () => {
    assert.equal(await pane.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office), 'undefined');
    assert.deepEqual(watch.external, []);
    assert.deepEqual(watch.errors, []);
  });
});
