/**
 * Built-ins newer than ES2017 that the pane's code calls, for the older webviews our users
 * have: Safari's WKWebView in Excel 2016/2019 for Mac on older macOS (Safari 11–15) and the
 * older Chromium embedded in WPS on Linux. TypeScript/webpack downlevel syntax to ES2017,
 * not built-ins. Only what the bundle uses (Array.prototype.flatMap, globalThis); each one
 * guarded and non-enumerable, like the native. No dependencies.
 *
 * Imported first by taskpane.ts and commands.ts. tests/browser/bundle-compat.test.ts checks
 * that, the semantics, and that the bundle calls no newer built-in missing here — add it
 * here (and to the test's list) when new code needs one.
 */

function define(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

// Array.prototype.flatMap (ES2019; Safari 12, Chromium 69): map, then flatten one level.
if (!Array.prototype.flatMap) {
  define(Array.prototype, 'flatMap', function flatMap<T, U>(this: T[], f: (v: T, i: number, a: T[]) => U | readonly U[], thisArg?: unknown): U[] {
    const out: U[] = [];
    for (let i = 0; i < this.length; i++) {
      if (!(i in this)) continue; // holes are skipped, as by the native
      const v = f.call(thisArg, this[i], i, this);
      if (Array.isArray(v)) {
        const items = v as readonly U[];
        for (let j = 0; j < items.length; j++) if (j in items) out.push(items[j]);
      } else out.push(v as U);
    }
    return out;
  });
}

// globalThis (ES2020; Safari 12.1, Chromium 71): the WPS host reads Application from it.
if (typeof globalThis === 'undefined') {
  // A webview always has window (and self); no Function('return this') (no eval).
  const g: object = typeof self !== 'undefined' ? self : window;
  define(g, 'globalThis', g);
}

export {};
