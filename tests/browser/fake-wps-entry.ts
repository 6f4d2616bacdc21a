/**
 * Bundled by the browser test and injected before the WPS page's own scripts: the
 * fake WPS object model as `window.Application`, so the WPS task pane (dist/wps/)
 * runs its real code path — WpsHost over a synchronous Application — in Chromium.
 */
import { fakeWps } from '../hosts/wps/fake-wps';

const f = fakeWps();
const s = f.book.add('Sheet1');
s.cell(0, 0).value = '用户自己的数据';
const w = window as unknown as { Application: unknown; __wpsBook: unknown };
w.Application = f.app;
w.__wpsBook = f.book;
