import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withStaticFallbacks } from '../../scripts/css-fallbacks';

/**
 * Internet Explorer 11 has no CSS custom properties
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins:
 * volume-licensed Office 2016/2019 use it): every declaration with var() needs a static
 * copy before it, or the pane is unstyled there.
 */
describe('stylesheet fallbacks for Internet Explorer 11', () => {
  const css = fs.readFileSync(path.join(__dirname, '../../src/taskpane/taskpane.css'), 'utf8');
  const out = withStaticFallbacks(css);

  it('puts a static copy before every var() declaration of the pane stylesheet', () => {
    const decls = out.split(/[;{}]/).map((d) => d.trim());
    let uses = 0;
    decls.forEach((d, i) => {
      const m = /^([a-z-]+)\s*:\s*(.*var\(--.*)$/.exec(d);
      if (!m || m[1].startsWith('--')) return;
      uses++;
      const before = decls[i - 1] ?? '';
      assert.ok(before.startsWith(`${m[1]}:`) && !before.includes('var('), `no static copy before “${d}”`);
    });
    assert.ok(uses > 50, `only ${uses} var() declarations found`);
  });

  it('substitutes :root values, nested references and fallbacks', () => {
    const got = withStaticFallbacks(':root { --a: 4px; --b: var(--a); }\n.x { margin: var(--b) var(--c, 2px); color: var(--nope); }');
    assert.match(got, /margin: 4px 2px; margin: var\(--b\) var\(--c, 2px\);/);
    assert.match(got, /[{;]\s*color: var\(--nope\);/, 'an unknown property is left as it is');
  });
});
