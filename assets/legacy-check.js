/* ES5 on purpose: Office 2016/2019 on older Windows show add-ins in an IE11 webview, which
 * cannot run this pane (ES2017). Say so instead of showing a dead pane. Feature tests, not
 * eval: the Content-Security-Policy forbids evaluating strings. */
(function (doc) {
  var ok =
    typeof Promise === 'function' &&
    typeof Symbol === 'function' &&
    typeof Object.entries === 'function' &&
    typeof Array.prototype.includes === 'function' &&
    typeof String.prototype.padStart === 'function';
  if (ok) return;
  var box = doc.getElementById('error');
  var text = doc.getElementById('error-text') || box;
  text.innerHTML =
    '当前 Office 使用旧版 Internet Explorer 内核显示加载项，无法运行决算公开助手。<br>请升级到 Office 2021 / Microsoft 365，或在 Windows 10/11 上安装 Microsoft Edge WebView2 运行时，或改用 WPS 表格。';
  box.hidden = false;
  box.removeAttribute('hidden');
  doc.getElementById('host-label').innerHTML = '不支持的环境';
})(this.document); // `this` is the window (a classic script's top level)
