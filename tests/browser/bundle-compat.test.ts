/**
 * The task pane bundle must load in the older webviews our users have: Safari's
 * WKWebView (Office 2016/2019 for Mac on older macOS: Safari 11–15) and the older
 * Chromium embedded in WPS on Linux. webpack/TypeScript downlevel syntax to ES2017
 * but not regex features (lookbehind, named groups, the s flag, \p{…} — a single one
 * is a SyntaxError for the whole file in Safari < 16.4, so the pane is dead) nor
 * built-in methods.
 *
 * One webpack build (development mode, no devtool: no code hidden in eval strings),
 * then every emitted .js is parsed with acorn at ecmaVersion 2017 (acorn validates
 * regex literals per ecmaVersion) and its tokens are scanned for built-ins newer than
 * ES2017 that src/taskpane/polyfills.ts does not provide. The built-ins it does
 * provide must come from a polyfill module that the entry imports first.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as acorn from 'acorn';

const ROOT = path.resolve(__dirname, '../..');

/** acorn's Token, with the value its typings leave out (name text, string, regex {pattern, flags}). */
type Tok = acorn.Token & { value?: unknown };

/** Built-ins newer than ES2017 that no polyfill covers: `.name(` calls and plain names. */
const UNCOVERED_METHODS = ['flat', 'fromEntries', 'trimStart', 'trimEnd', 'finally', 'matchAll', 'replaceAll', 'at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'hasOwn', 'allSettled', 'groupBy'];
const UNCOVERED_NAMES = ['structuredClone'];
/** Static members checked with their owner (`Promise.any(` – `.any(` alone is too common). */
const UNCOVERED_STATIC: Array<[string, string]> = [['Promise', 'any']];

/** What src/taskpane/polyfills.ts provides as methods (it also provides globalThis). */
const POLYFILLED_METHODS = ['flatMap'];

async function build(outDir: string): Promise<void> {
  // Loaded when a build runs, not when mocha loads the test files.
  const webpack = (await import('webpack')).default;
  const configOf = ((await import(pathToFileURL(path.join(ROOT, 'webpack.config.js')).href)) as { default: (env: object, argv: object) => import('webpack').Configuration }).default;
  const config = configOf({ outDir, noOfficeJs: true }, { mode: 'development' });
  config.context = ROOT;
  config.devtool = false; // no eval-source-map: the code stays code, not strings
  await new Promise<void>((resolve, reject) =>
    webpack(config).run((err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...jsFiles(p));
    // wps/js/ is copied as it is (the WPS ribbon glue, not built by us) — checked too
    else if (e.name.endsWith('.js')) out.push(p);
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

describe('task pane bundle: loads in older webviews (ES2017: Safari 11+, older Chromium)', function () {
  this.timeout(180_000);
  let tmp: string;
  let files: string[] = [];

  before(async function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-compat-'));
    await build(tmp);
    files = jsFiles(tmp);
  });

  after(function () {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
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
        const line = err.loc ? code.split('\n')[err.loc.line - 1] ?? '' : '';
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
      assert.deepEqual([1, 2, 3].flatMap((x) => (x === 2 ? [] : [x, [x * 10]])), [1, [10], 3, [30]]);
      assert.deepEqual(['a', 'b'].flatMap((x, i, arr) => `${x}${i}${arr.length}`), ['a02', 'b12']);
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
      assert.deepEqual([1].flatMap(function (this: typeof ctx, x) { return [x * this.k]; }, ctx), [7]);
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
});
