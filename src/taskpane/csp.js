/**
 * The Content-Security-Policy of every page of the add-in (task pane, WPS pane, function
 * file, help page, preview), written into each page's <meta http-equiv> by webpack.config.js
 * and sent as a header by the preview server. CommonJS so that webpack's config can require it.
 *
 * Scripts come only from the add-in's own origin: the pane's bundle, boot.js/legacy-check.js
 * (no inline script) and Office.js, which the build copies to office-js/ so that it and
 * the Excel scripts it loads (office-js/excel-*.js, office-js/zh-cn/…) are 'self' too.
 * Nothing needs eval. frame-src 'self' keeps Office.js's logging frame
 * (telemetryservice.firstpartyapps.oaspapps.com, created when it runs outside Office) from loading;
 * the preview's own pane iframe is same-origin. connect-src 'self': the pane makes no request.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

module.exports = { CSP };
