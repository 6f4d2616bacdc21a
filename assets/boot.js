/* Loads Office.js from the add-in's own origin (dist/office-js/) as a parser-inserted script,
 * as Office wants it, except in WPS (window.Application) and in the in-memory preview
 * (?host=memory), where it is not needed and would only try to reach Microsoft's logging
 * frame. A file, not an inline script, so the page's Content-Security-Policy can say
 * script-src 'self'. ES5 on purpose: it runs in every webview, IE11 included. `this` is
 * the window (a classic script's top level). */
(function (win) {
  if (!win.Application && !/[?&]host=memory(&|$)/.test(win.location.search)) {
    win.document.write('<script src="office-js/office.js"></script>');
  }
})(this);
