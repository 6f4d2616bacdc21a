/* ES5 on purpose: picks the pane's script. Volume-licensed Office 2016/2019 on Windows show
 * add-ins in Internet Explorer 11, which cannot run the ES2017 bundle: it gets
 * taskpane.legacy.js (ES5 with core-js, the same code). ?legacy=1 forces it (tests).
 * Feature tests, not eval: the page's Content-Security-Policy forbids evaluating strings.
 * `this` is the window (a classic script's top level). */
(function (win) {
  var doc = win.document;
  var modern =
    !/[?&]legacy=1(&|$)/.test(win.location.search) &&
    'noModule' in doc.createElement('script') &&
    typeof Promise === 'function' &&
    typeof Symbol === 'function' &&
    typeof Object.entries === 'function' &&
    typeof Array.prototype.includes === 'function' &&
    typeof String.prototype.padStart === 'function';
  var s = doc.createElement('script');
  s.src = modern ? 'taskpane.js' : 'taskpane.legacy.js';
  doc.body.appendChild(s);
})(this);
