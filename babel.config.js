/**
 * Babel for the legacy task pane bundle only (webpack.config.js, legacyConfig): ES5 for
 * Internet Explorer 11, with core-js 3 polyfills for the built-ins the code uses. The
 * modern bundle and the tests do not go through Babel.
 */
module.exports = {
  sourceType: 'unambiguous',
  presets: [
    [
      '@babel/preset-env',
      {
        targets: { ie: '11' },
        useBuiltIns: 'usage',
        corejs: { version: require('core-js/package.json').version, proposals: false },
        modules: false,
        bugfixes: true,
      },
    ],
  ],
};
