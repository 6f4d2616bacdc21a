/**
 * Entry of the legacy bundle (taskpane.legacy.js, Internet Explorer 11; webpack.config.js):
 * the DOM methods IE11 lacks first, then the pane as it is. Babel and core-js provide the
 * language built-ins.
 */
import './legacy-polyfills';
import './taskpane';
