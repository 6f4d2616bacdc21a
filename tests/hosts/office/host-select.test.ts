/**
 * Host detection (issue #10, item 9): WPS's Application may appear after the page's
 * scripts run, Office.onReady may take many seconds on a cold start, and inside a real
 * host the pane never falls into the in-memory preview silently.
 */
import { strict as assert } from 'node:assert';
import { chooseHost } from '../../../src/taskpane/host-select';
import { fakeWps } from '../wps/fake-wps';

const FAST = { office: 50, officeInside: 300, wps: 300, poll: 10 };
const excel = (delay: number) => ({
  onReady: () => new Promise<{ host: string | null; platform: string | null }>((r) => setTimeout(() => r({ host: 'Excel', platform: 'PC' }), delay)),
  context: { requirements: { isSetSupported: () => true } },
});
const never = { onReady: () => new Promise<{ host: string | null; platform: string | null }>(() => undefined) };
const INSIDE = '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0';

describe('chooseHost: detection inside real hosts', () => {
  it('waits for WPS’s window.Application when the page runs in WPS', async () => {
    const win: { Application?: unknown; wps: object; navigator: { userAgent: string } } = { wps: {}, navigator: { userAgent: 'Mozilla/5.0 WpsOffice' } };
    setTimeout(() => (win.Application = fakeWps().app), 100);
    const c = await chooseHost('', win as never, FAST);
    assert.equal(c.mode, 'wps');
    assert.equal(c.host.kind, 'wps');
  });

  it('waits for a slow Office start when the URL says the page runs in Office', async () => {
    const c = await chooseHost(INSIDE, { Office: excel(150) }, FAST);
    assert.equal(c.mode, 'office');
    assert.equal(c.label, '已连接 Excel');
  });

  it('inside Office, a host that never answers is said plainly — not the preview', async () => {
    const c = await chooseHost(INSIDE, { Office: never }, FAST);
    assert.equal(c.mode, 'office');
    assert.match(c.label, /未连接 Excel/);
    assert.match(c.note ?? '', /没有就绪/);
    await assert.rejects(c.host.listSheets(), /没有就绪/);
  });

  it('inside Office without office.js, and inside WPS without Application, the same', async () => {
    const a = await chooseHost(INSIDE, {}, FAST);
    assert.match(a.label, /未连接 Excel/);
    assert.match(a.note ?? '', /Office\.js 未能加载/);
    const b = await chooseHost('', { wps: {} }, FAST);
    assert.equal(b.mode, 'wps');
    assert.match(b.label, /未连接 WPS/);
    await assert.rejects(b.host.readSheets(), /JsApiPlugin=true/);
  });

  it('outside any host: the preview, as before', async () => {
    const c = await chooseHost('', { Office: never }, FAST);
    assert.equal(c.mode, 'memory');
    const d = await chooseHost('', {}, FAST);
    assert.equal(d.mode, 'memory');
  });

  it('an Excel without ExcelApi 1.1 names the Office version it needs', async () => {
    const c = await chooseHost(
      '',
      { Office: { onReady: async () => ({ host: 'Excel', platform: 'PC' }), context: { requirements: { isSetSupported: () => false } } } },
      FAST,
    );
    assert.notEqual(c.mode, 'memory');
    assert.match(c.note ?? '', /Office 2016/);
  });
});
