/* 决算公开助手 — WPS加载项 ribbon callbacks (ES5: runs in WPS's add-in page). */
/* global window, document */
var ribbon = (function () {
  var PANE_KEY = 'juesuan_taskpane_id';

  /** Folder of this add-in (where index.html, taskpane.html and images/ are). */
  function baseUrl() {
    var href = document.location.href.split('#')[0].split('?')[0];
    return href.substring(0, href.lastIndexOf('/'));
  }

  function togglePane() {
    var app = window.Application;
    var id = app.PluginStorage.getItem(PANE_KEY);
    var pane = id ? app.GetTaskPane(id) : null;
    if (!pane) {
      pane = app.CreateTaskPane(baseUrl() + '/taskpane.html', '决算公开助手');
      app.PluginStorage.setItem(PANE_KEY, pane.ID);
      pane.Visible = true;
      return;
    }
    pane.Visible = !pane.Visible;
  }

  return {
    OnAddinLoad: function (ribbonUI) {
      if (typeof window.Application.ribbonUI !== 'object') window.Application.ribbonUI = ribbonUI;
      return true;
    },
    OnAction: function (control) {
      if (control.Id === 'juesuanOpenPane') {
        try {
          togglePane();
        } catch (e) {
          window.alert('无法打开决算公开助手任务窗格：' + (e && e.message ? e.message : e));
        }
      }
      return true;
    },
    GetImage: function (control) {
      return control.Id === 'juesuanOpenPane' ? 'images/icon-80.png' : '';
    },
    OnGetEnabled: function () {
      return true;
    }
  };
})();
window.ribbon = ribbon;
