'use strict';
/**
 * Internet Explorer 11 (the webview of volume-licensed Office 2016/2019) has no CSS custom
 * properties: every declaration using var(--x) is dropped there, and the pane would show
 * unstyled. This puts a static copy of each such declaration before it, with the values
 * of :root's properties substituted (what postcss-custom-properties does with
 * `preserve: true`): IE11 keeps the static one and ignores the var() one, every other
 * browser uses the var() one (it comes last). Only :root definitions are known here,
 * which is all the pane's stylesheet uses.
 */
function withStaticFallbacks(css) {
  const vars = new Map();
  const root = /:root\s*\{([^}]*)\}/g;
  let m;
  while ((m = root.exec(css))) {
    for (const decl of m[1].split(';')) {
      const d = /^\s*(--[\w-]+)\s*:\s*([\s\S]+?)\s*$/.exec(decl);
      if (d) vars.set(d[1], d[2]);
    }
  }
  const resolve = (value, depth = 0) =>
    depth > 8
      ? value
      : value.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (all, name, fallback) => {
          const v = vars.has(name) ? vars.get(name) : fallback;
          return v === undefined ? all : resolve(v, depth + 1);
        });
  // declarations (not custom properties themselves) whose value uses var()
  return css.replace(/(^|[{;\s])([a-z-]+)\s*:\s*([^;{}]*var\(--[^;{}]*)(;|(?=\}))/g, (all, lead, prop, value, end) => {
    const fixed = resolve(value);
    if (fixed.includes('var(')) return all;
    return `${lead}${prop}: ${fixed}; ${prop}: ${value}${end}`;
  });
}

module.exports = { withStaticFallbacks };
