/**
 * What the browser tests share: the one build of the pages (tests/support/site-build.ts:
 * webpack, development mode, with Office.js and the fake WPS object model) served on 127.0.0.1, headless Chromium
 * (playwright-core) that fails every request leaving 127.0.0.1, and checks of what the
 * user sees (nothing wider than the pane, nothing clipped).
 *
 * Without /usr/bin/chromium the suites skip with a message — except on CI (CI=true),
 * where a missing browser is a failure.
 */
import * as fs from 'node:fs';
import type * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { serve } from '../../src/preview/server';
import { builtSite } from '../support/site-build';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ROOT = path.resolve(__dirname, '../..');
/** Screenshots of every step, kept as test artefacts (out/ is not committed). */
export const SHOTS = path.resolve(process.env.JUESUAN_SCREENSHOTS || path.join(ROOT, 'out', 'screenshots'));

export interface Site {
  base: string;
  dir: string;
  browser: Browser;
}

let site: Promise<Site> | null = null;
let server: http.Server | null = null;

/** Skip (or fail under CI) when Chromium is missing. */
export function needChromium(ctx: Mocha.Context): void {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.env.CI === 'true') throw new Error(`CI: 找不到浏览器 ${CHROMIUM}，浏览器测试不能跳过。`);
  console.log(`      （跳过：找不到 ${CHROMIUM}；apt-get install -y chromium fonts-noto-cjk 后可运行）`);
  ctx.skip();
}

let closing: NodeJS.Timeout | null = null;

/** The built pages, served, and a browser: built once per mocha run. */
export function startSite(): Promise<Site> {
  if (closing) clearTimeout(closing);
  closing = null;
  site ??= (async () => {
    const dir = await builtSite();
    server = await serve(dir);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    fs.mkdirSync(SHOTS, { recursive: true });
    return { base, dir, browser };
  })();
  return site;
}

/**
 * Close the browser and the server — a moment later, so that the next test file of the
 * same mocha run (whose before() calls startSite again) reuses the build.
 */
export function stopSite(): Promise<void> {
  if (site && !closing) closing = setTimeout(() => void closeNow(), 1500);
  return Promise.resolve();
}

async function closeNow(): Promise<void> {
  closing = null;
  if (!site) return;
  const s = await site.catch(() => null);
  site = null;
  await s?.browser.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
}

/** What a page did that it must not: requests leaving 127.0.0.1, page errors, console errors. */
export interface Watch {
  external: string[];
  errors: string[];
}

export async function newContext(s: Site, width: number, height = 800): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
  const context = await s.browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  const watch: Watch = { external: [], errors: [] };
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1') return route.continue();
    watch.external.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => watch.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text());
  });
  return { context, page, watch };
}

/**
 * Elements of the page (or of the frame's document) that stick out to the right of the
 * viewport, and buttons/labels/summaries whose text is cut off. Scrolling boxes (the
 * marked text, the preview's grid) may hold wider content; they themselves must fit.
 * A script text (not a function) so that the test runner's transpiler adds nothing to it.
 */
export const overflowReport = `(() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > width) out.push('page is ' + document.documentElement.scrollWidth + 'px wide in ' + width + 'px');
  function describe(e) {
    const cls = typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '';
    return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + cls + ' “' + (e.textContent || '').trim().slice(0, 20) + '”';
  }
  for (const e of Array.from(document.querySelectorAll('body *'))) {
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height || e.closest('.sr-only')) continue;
    let inScroller = false;
    for (let p = e.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll') inScroller = true;
    }
    if (!inScroller && r.right > width + 0.5) out.push(describe(e) + ' ends at ' + Math.round(r.right) + 'px');
    if (['BUTTON', 'LABEL', 'SUMMARY'].includes(e.tagName) && e.scrollWidth > e.clientWidth + 1) out.push(describe(e) + ' is cut off (' + e.scrollWidth + ' > ' + e.clientWidth + ')');
  }
  return out;
})()`;

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

type GatedWindow = Window & { __juesuan: { host: { readSheets: (...a: unknown[]) => Promise<unknown> } }; __releaseRead?: () => void };

/**
 * Make the pane's next read of the workbook wait, as Excel on the web does with a large
 * workbook, until `release` is called; then the host reads as before. A test sees the busy
 * state for as long as it needs, with no fixed delay.
 */
export async function holdNextRead(target: Page | Frame): Promise<{ release: () => Promise<void> }> {
  await target.evaluate(() => {
    const w = window as unknown as GatedWindow;
    const h = w.__juesuan.host;
    const read = h.readSheets;
    h.readSheets = async (...a: unknown[]) => {
      await new Promise<void>((r) => (w.__releaseRead = r));
      h.readSheets = read;
      return read.apply(h, a);
    };
  });
  return { release: () => target.evaluate(() => (window as unknown as GatedWindow).__releaseRead?.()) };
}
