/**
 * The task pane bundle must load in the older webviews our users have: Safari's
 * WKWebView (Office 2016/2019 for Mac on older macOS: Safari 11–15) and the older
 * Chromium embedded in WPS on Linux. webpack/TypeScript downlevel syntax to ES2017
 * but not regex features (lookbehind, named groups, the s flag, \p{…} — a single one
 * is a SyntaxError for the whole file in Safari < 16.4, so the pane is dead) nor
 * built-in methods.
 *
 * The browser tests' one webpack build (tests/support/site-build.ts: development mode,
 * no devtool, so no code hidden in eval strings),
 * then every emitted .js is parsed with acorn at ecmaVersion 2017 (acorn validates
 * regex literals per ecmaVersion) and its tokens are scanned for built-ins newer than
 * ES2017 that src/taskpane/polyfills.ts does not provide. The built-ins it does
 * provide must come from a polyfill module that the entry imports first.
 *
 * Internet Explorer 11 (issue #10, item 7): volume-licensed Office 2016/2019 on Windows
 * show add-ins in IE11, whatever else is installed
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 * Every script the pane page can load there — its inline scripts, office.js, the legacy
 * bundle taskpane.legacy.js and the function file — must parse as ES5 (acorn,
 * ecmaVersion 5) and call no built-in newer than ES5 that core-js does not provide in
 * the bundle; the page's CSS must not depend on gap or grid; and the legacy bundle runs
 * the pane in Chromium too (the pane suite, tests/browser/taskpane.test.ts, ?legacy=1).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vm from 'node:vm';
import * as path from 'node:path';
import * as acorn from 'acorn';
import { builtSite } from '../support/site-build';

const ROOT = path.resolve(__dirname, '../..');
/** Files of the ES5 build (IE11), checked by the ES5 tests instead of the ES2017 built-in scan. */
const LEGACY = ['taskpane.legacy.js', 'commands.js', 'bundle-loader.js', 'boot.js'];

/** acorn's Token, with the value its typings leave out (name text, string, regex {pattern, flags}). */
type Tok = acorn.Token & { value?: unknown };

/** Built-ins newer than ES2017 that no polyfill covers: `.name(` calls and plain names. */
const UNCOVERED_METHODS = [
  'flat',
  'fromEntries',
  'trimStart',
  'trimEnd',
  'finally',
  'matchAll',
  'replaceAll',
  'at',
  'findLast',
  'findLastIndex',
  'toSorted',
  'toReversed',
  'toSpliced',
  'hasOwn',
  'allSettled',
  'groupBy',
];
const UNCOVERED_NAMES = ['structuredClone'];
/** Static members checked with their owner (`Promise.any(` – `.any(` alone is too common). */
const UNCOVERED_STATIC: Array<[string, string]> = [['Promise', 'any']];

/** What src/taskpane/polyfills.ts provides as methods (it also provides globalThis). */
const POLYFILLED_METHODS = ['flatMap'];

/** The .js files the build deploys: Office.js is Microsoft's (its ES5 parse is checked below); preview.js and test/ are the preview page and the test's fake WPS model, never deployed. */
function jsFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (dir !== root || !['office-js', 'test'].includes(e.name)) out.push(...jsFiles(root, p));
    }
    // wps/js/ is copied as it is (the WPS ribbon glue, not built by us) — checked too
    else if (e.name.endsWith('.js') && !(dir === root && e.name === 'preview.js')) out.push(p);
  }
  return out;
}

interface Use {
  name: string;
  line: number;
}

/** Calls of the given methods/names in a file's tokens (strings and comments ignored). */
function usesIn(code: string, methods: string[], names: string[], statics: Array<[string, string]>): Use[] {
  // tokenized as the latest JavaScript, so that a file with newer regex syntax is still scanned
  const tokens: Tok[] = [...acorn.tokenizer(code, { ecmaVersion: 'latest', sourceType: 'script', locations: true, allowHashBang: true })];
  const uses: Use[] = [];
  const isName = (t: Tok | undefined, v: string) => !!t && (t.type.label === 'name' || t.type.keyword === v) && t.value === v;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const line = t.loc?.start.line ?? 0;
    if (t.type.label === '.' && tokens[i + 2]?.type.label === '(') {
      const m = methods.find((n) => isName(tokens[i + 1], n));
      if (m) uses.push({ name: `.${m}(`, line });
    }
    const n = names.find((x) => isName(t, x));
    if (n && tokens[i - 1]?.type.label !== '.') uses.push({ name: n, line });
    for (const [owner, member] of statics) {
      if (isName(t, owner) && tokens[i + 1]?.type.label === '.' && isName(tokens[i + 2], member)) uses.push({ name: `${owner}.${member}`, line });
    }
  }
  return uses;
}

describe('task pane bundle: loads in older webviews (ES2017: Safari 11+, older Chromium; ES5: IE11)', function () {
  this.timeout(400_000);
  let tmp: string;
  let files: string[] = [];

  before(async function () {
    tmp = await builtSite();
    files = jsFiles(tmp);
  });

  it('emits the pane, the WPS pane and the function file', function () {
    const rel = files.map((f) => path.relative(tmp, f).split(path.sep).join('/'));
    for (const f of ['taskpane.js', 'wps/taskpane.js', 'commands.js']) assert.ok(rel.includes(f), `${f} missing: ${rel.join(', ')}`);
  });

  it('every emitted .js parses as ES2017 (no regex lookbehind, named groups, s flag, \\p{…}, no newer syntax)', function () {
    const failures: string[] = [];
    for (const f of files) {
      const code = fs.readFileSync(f, 'utf8');
      try {
        acorn.parse(code, { ecmaVersion: 2017, sourceType: 'script', allowHashBang: true });
      } catch (e) {
        const err = e as SyntaxError & { loc?: { line: number; column: number } };
        const line = err.loc ? (code.split('\n')[err.loc.line - 1] ?? '') : '';
        const col = err.loc?.column ?? 0;
        failures.push(`${path.relative(tmp, f)}: ${err.message}\n    ${line.slice(Math.max(0, col - 60), col + 80).trim()}`);
        // the parse stops at the first error: name every regex literal that is not ES2017
        for (const t of acorn.tokenizer(code, { ecmaVersion: 'latest', sourceType: 'script', locations: true, allowHashBang: true })) {
          if (t.type.label !== 'regexp') continue;
          const re = (t as Tok).value as { pattern: string; flags: string };
          try {
            acorn.parse(`/${re.pattern}/${re.flags}`, { ecmaVersion: 2017 });
          } catch (e2) {
            failures.push(`${path.relative(tmp, f)}:${t.loc?.start.line} regex /${re.pattern}/${re.flags}: ${(e2 as Error).message.replace(/ \(\d+:\d+\)$/, '')}`);
          }
        }
      }
    }
    assert.deepEqual(failures, [], `not ES2017:\n${failures.join('\n')}`);
  });

  it('calls no built-in newer than ES2017 that src/taskpane/polyfills.ts does not provide', function () {
    const found: string[] = [];
    for (const f of files) {
      if (LEGACY.includes(path.relative(tmp, f))) continue; // ES5 + core-js: checked below
      const code = fs.readFileSync(f, 'utf8');
      let uses: Use[];
      try {
        uses = usesIn(code, UNCOVERED_METHODS, UNCOVERED_NAMES, UNCOVERED_STATIC);
      } catch {
        continue; // a file that does not even tokenize fails the parse test above
      }
      for (const u of uses) {
        const src = code.split('\n')[u.line - 1].trim().slice(0, 140);
        found.push(`${path.relative(tmp, f)}:${u.line} ${u.name}  ${src}`);
      }
    }
    assert.deepEqual(found, [], `built-ins newer than ES2017 without a polyfill:\n${found.join('\n')}`);
  });

  it('the polyfills run before any other module of the pane and the function file', function () {
    for (const entry of ['src/taskpane/taskpane.ts', 'src/commands/commands.ts']) {
      const text = fs.readFileSync(path.join(ROOT, entry), 'utf8');
      const first = /^\s*import\s+(?:type\s)?[^'"]*?['"]([^'"]+)['"]/m.exec(text);
      assert.ok(first, `${entry}: no import`);
      assert.match(first[1], /\/polyfills$/, `${entry}: the first import must be the polyfills, is ${first[1]}`);
    }
    // and the bundle does use what they provide, so they are not dead weight
    const pane = fs.readFileSync(path.join(tmp, 'taskpane.js'), 'utf8');
    const used = usesIn(pane, POLYFILLED_METHODS, [], []).map((u) => u.name);
    assert.ok(used.includes('.flatMap('), `expected .flatMap( in taskpane.js, found ${used.join(' ')}`);
  });

  it('the polyfills provide flatMap with the ES2019 semantics, non-enumerable', function () {
    // Load the module in this process with Array.prototype.flatMap removed, then restore it.
    const saved = Object.getOwnPropertyDescriptor(Array.prototype, 'flatMap')!;
    const modPath = require.resolve(path.join(ROOT, 'src/taskpane/polyfills.ts'));
    try {
      delete (Array.prototype as unknown as Record<string, unknown>).flatMap;
      assert.equal(typeof Array.prototype.flatMap, 'undefined');
      delete require.cache[modPath];
      require(modPath);
      assert.equal(typeof Array.prototype.flatMap, 'function');
      assert.notEqual(Array.prototype.flatMap, saved.value, 'the polyfill, not the native');
      assert.deepEqual(
        [1, 2, 3].flatMap((x) => (x === 2 ? [] : [x, [x * 10]])),
        [1, [10], 3, [30]],
      );
      assert.deepEqual(
        ['a', 'b'].flatMap((x, i, arr) => `${x}${i}${arr.length}`),
        ['a02', 'b12'],
      );
      // Holes (written by index: a sparse literal is a lint error) are skipped, in the input and in the mapped arrays.
      const holey = [1];
      holey[2] = 3;
      const withHole = (x: number) => {
        const r = [x];
        r[2] = x;
        return r;
      };
      assert.deepEqual(holey.flatMap(withHole), [1, 1, 3, 3]);
      const ctx = { k: 7 };
      assert.deepEqual(
        [1].flatMap(function (this: typeof ctx, x) {
          return [x * this.k];
        }, ctx),
        [7],
      );
      assert.equal(Object.getOwnPropertyDescriptor(Array.prototype, 'flatMap')!.enumerable, false);
      const keys: string[] = [];
      const array: object = [1]; // for…in over an array on purpose: it lists inherited enumerable keys too
      for (const k in array) keys.push(k);
      assert.deepEqual(keys, ['0'], 'no enumerable additions to arrays');
    } finally {
      Object.defineProperty(Array.prototype, 'flatMap', saved);
      delete require.cache[modPath];
    }
  });

  // ---- Internet Explorer 11 -------------------------------------------------------------

  /** The scripts taskpane.html and commands.html can load in IE11: inline, office.js, the ES5 bundles. */
  function ie11Scripts(): { name: string; code: string }[] {
    const out: { name: string; code: string }[] = [];
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = fs.readFileSync(path.join(tmp, page), 'utf8');
      let i = 0;
      for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) out.push({ name: `${page} inline #${++i}`, code: m[1] });
    }
    const officeJs = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist/office.js');
    out.push({ name: 'office-js/office.js', code: fs.readFileSync(officeJs, 'utf8') });
    for (const f of LEGACY) out.push({ name: f, code: fs.readFileSync(path.join(tmp, f), 'utf8') });
    return out;
  }

  it('the page loads taskpane.legacy.js where the ES2017 syntax is missing, taskpane.js elsewhere', function () {
    const html = fs.readFileSync(path.join(tmp, 'taskpane.html'), 'utf8');
    assert.match(html, /<script src="bundle-loader\.js"><\/script>/, 'the Office page loads its bundle through bundle-loader.js');
    const loader = fs.readFileSync(path.join(tmp, 'bundle-loader.js'), 'utf8');
    assert.match(loader, /taskpane\.legacy\.js/);
    // The loader runs as a classic script: `this` is the window. IE11 has no `noModule` on
    // script elements and no Object.entries (feature tests: the CSP forbids eval).
    const run = (search: string, ie11: boolean) => {
      const added: string[] = [];
      const el: { src: string; noModule?: boolean } = ie11 ? { src: '' } : { src: '', noModule: false };
      const win = {
        location: { search },
        document: { createElement: () => el, body: { appendChild: (x: { src: string }) => added.push(x.src) } },
        ...(ie11 ? { Object: {} } : {}),
      };
      vm.runInNewContext(loader, win);
      return added;
    };
    assert.deepEqual(run('', true), ['taskpane.legacy.js']);
    assert.deepEqual(run('', false), ['taskpane.js']);
    assert.deepEqual(run('?host=memory&legacy=1', false), ['taskpane.legacy.js']);
    // the WPS page (Chromium) keeps the modern bundle
    assert.match(fs.readFileSync(path.join(tmp, 'wps/taskpane.html'), 'utf8'), /<script defer src="taskpane\.js">/);
  });

  it('every script the pane page can load in IE11 parses as ES5 (acorn ecmaVersion 5)', function () {
    const failures: string[] = [];
    for (const { name, code } of ie11Scripts()) {
      try {
        acorn.parse(code, { ecmaVersion: 5, sourceType: 'script' });
      } catch (e) {
        const err = e as SyntaxError & { loc?: { line: number; column: number } };
        const line = err.loc ? (code.split('\n')[err.loc.line - 1] ?? '') : '';
        failures.push(`${name}: ${err.message}  ${line.slice(Math.max(0, (err.loc?.column ?? 0) - 60), (err.loc?.column ?? 0) + 60).trim()}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('the legacy bundle calls no built-in newer than ES5 that core-js does not provide in it', function () {
    // Built-ins IE11 lacks, as `.name(` calls or plain names, and the core-js modules that provide them.
    const methods: Record<string, RegExp> = {
      includes: /^es\.(array|string)\.includes$/,
      find: /^es\.array\.find$/,
      findIndex: /^es\.array\.find-index$/,
      fill: /^es\.array\.fill$/,
      from: /^es\.array\.from$/,
      of: /^es\.array\.of$/,
      assign: /^es\.object\.assign$/,
      entries: /^es\.(object\.entries|array\.iterator)$/,
      values: /^es\.(object\.values|array\.iterator)$/,
      startsWith: /^es\.string\.starts-with$/,
      endsWith: /^es\.string\.ends-with$/,
      padStart: /^es\.string\.pad-start$/,
      padEnd: /^es\.string\.pad-end$/,
      repeat: /^es\.string\.repeat$/,
      trimStart: /^es\.string\.trim-start$/,
      trimEnd: /^es\.string\.trim-end$/,
      flat: /^es\.array\.flat$/,
      flatMap: /^es\.array\.flat-map$/,
      fromEntries: /^es\.object\.from-entries$/,
      isInteger: /^es\.number\.is-integer$/,
      isNaN: /^es\.number\.is-nan$|^$/,
      trunc: /^es\.math\.trunc$/,
      sign: /^es\.math\.sign$/,
      codePointAt: /^es\.string\.code-point-at$/,
      finally: /^es\.promise\.finally$/,
      allSettled: /^es\.promise\.all-settled$/,
      matchAll: /^es\.string\.match-all$/,
      replaceAll: /^es\.string\.replace-all$/,
      at: /^es\.(array|string)\.at$/,
      findLast: /^es\.array\.find-last$/,
      hasOwn: /^es\.object\.has-own$/,
      normalize: /^$/,
    };
    const names: Record<string, RegExp> = {
      Promise: /^es\.promise$/,
      Map: /^es\.map$/,
      Set: /^es\.set$/,
      WeakMap: /^es\.weak-map$/,
      WeakSet: /^es\.weak-set$/,
      Symbol: /^es\.symbol$/,
      Reflect: /^es\.reflect\./,
      globalThis: /^es\.global-this$/,
      URLSearchParams: /^web\.url-search-params$/,
      URL: /^web\.url$/,
      Proxy: /^$/,
      BigInt: /^$/,
      TextEncoder: /^$/,
      TextDecoder: /^$/,
      fetch: /^$/,
      structuredClone: /^$/,
      queueMicrotask: /^web\.queue-microtask$/,
    };
    const code = fs.readFileSync(path.join(tmp, 'taskpane.legacy.js'), 'utf8');
    // development build: every module is preceded by /***/ "./path":
    const parts = code.split(/\/\*\*\*\/ "(\.\/[^"]+)":/);
    const provided = new Set<string>();
    const appCode: { file: string; code: string }[] = [];
    for (let i = 1; i < parts.length; i += 2) {
      const file = parts[i];
      const core = /node_modules\/core-js\/modules\/([a-z0-9.-]+)\.js$/.exec(file);
      if (core) provided.add(core[1]);
      else if (!/node_modules\/core-js\//.test(file)) appCode.push({ file, code: parts[i + 1] });
    }
    assert.ok(provided.size > 10, `core-js modules in the bundle: ${[...provided].join(' ')}`);
    const missing = new Set<string>();
    const checked = new Set<string>();
    for (const { file, code: c } of appCode) {
      for (const u of usesIn(c, Object.keys(methods), Object.keys(names), [])) {
        checked.add(u.name);
        const key = u.name.replace(/^\.|\($/g, '');
        const re = methods[key] ?? names[key];
        if (![...provided].some((m) => re.test(m))) missing.add(`${u.name} in ${file}`);
      }
    }
    assert.ok(checked.size >= 5, `the scan finds the pane's uses of newer built-ins: ${[...checked].join(' ')}`);
    assert.deepEqual([...missing], [], 'built-ins IE11 lacks, used without a core-js polyfill in the bundle');
  });

  it('the pane’s CSS does not depend on gap or grid (IE11 has neither for flex layouts)', function () {
    const css = fs.readFileSync(path.join(tmp, 'taskpane.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    assert.doesNotMatch(css, /(^|[\s;{])(row-|column-)?gap\s*:/);
    assert.doesNotMatch(css, /display\s*:\s*(inline-)?grid/);
  });

  // The legacy bundle running the pane (insert, sample, check, draft, marks) is the whole
  // pane suite run a third time on it: tests/browser/taskpane.test.ts, '?legacy=1'.
});
