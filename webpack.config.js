/**
 * Builds the add-in's pages (after Microsoft's Office-Addin-TaskPane template):
 *   taskpane.html / taskpane.js  the task pane (Excel and WPS)
 *   commands.html / commands.js  the ribbon's function file (Excel)
 *   help.html                    the manifest's support/learn-more page
 *   assets/, manifest.xml, wps/  copied as they are
 *   office-js/                   Office.js from @microsoft/office-js, served from the
 *                                add-in's own origin so offline intranets work
 *
 * Options (webpack --env):
 *   outDir=PATH     write somewhere else than dist/ (the browser test uses a temp dir)
 *   noOfficeJs      skip copying office-js/ (faster test builds; the page then runs
 *                   without Office.js, as a preview)
 *   port=3000       dev server port
 *   preview         also build preview.html (`npm run preview`: the pane beside a simulated
 *                   workbook; src/preview/server.ts sets it — not part of what is deployed)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { CSP } = require('./src/taskpane/csp.js');

const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/package.json'));

/** office-addin-dev-certs' certificate when one was generated; else webpack's own. */
function httpsOptions() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  const ca = path.join(dir, 'ca.crt');
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return {
      type: 'https',
      options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}) },
    };
  }
  // Self-signed by webpack-dev-server: the browser/Office must be told to trust it once.
  return 'https';
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'dist');
  const port = Number(env.port || process.env.npm_package_config_dev_server_port || 3000);

  const copies = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    { from: 'manifest*.xml', to: '[name][ext]' },
    { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
    // The WPS加载项, self-contained in dist/wps/ (index.html, ribbon.xml, js/, images/,
    // taskpane.*) so that `npx wpsjs build`/`publish` can run there (wps/README.md).
    { from: 'wps', to: 'wps', globOptions: { ignore: ['**/README.md'] }, info: { minimized: true } },
    { from: 'assets/icon-{32,80}.png', to: 'wps/images/[name][ext]' },
    { from: 'src/taskpane/taskpane.css', to: 'wps/taskpane.css' },
    // ES5 start-up scripts of the pane (files, not inline, for the Content-Security-Policy)
    { from: 'assets/{boot,legacy-check}.js', to: '[name][ext]', info: { minimized: true } },
    { from: 'assets/legacy-check.js', to: 'wps/[name][ext]', info: { minimized: true } },
  ];
  if (env.preview) copies.push({ from: 'src/preview/preview.css', to: 'preview.css' });
  if (!env.noOfficeJs) {
    copies.push({
      from: OFFICE_JS_DIR + '/dist',
      to: 'office-js',
      info: { minimized: true }, // already minified: keep Terser off these 9 MB
      globOptions: {
        // Office.js and what it loads for Excel: the Excel host scripts and the
        // English and Chinese strings. No debug builds, no other hosts, no telemetry.
        ignore: ['**/*.debug.js', '**/*.d.ts', '**/*vsdoc*', '**/telemetry/**', '**/ariatelemetry/**'],
      },
      filter: (file) => {
        const rel = path.relative(OFFICE_JS_DIR + '/dist', file).split(path.sep);
        if (rel.length === 1) return /^(office|excel[-a-z0-9.]*|excelwebapp[-0-9.]*|o15apptofilemappingtable|es6-promise)\.js$/.test(rel[0]);
        return ['en-us', 'zh-cn'].includes(rel[0]) && /^office_strings\.js$/.test(rel[rel.length - 1]);
      },
    });
  }

  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    // WPS's webview is an older Chromium, Office's may be old Edge: ES2017 output.
    target: ['web', 'es2017'],
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      commands: './src/commands/commands.ts',
      // Lazily loaded chunks (导入上年报表) sit in wps/ so the WPS加载项 folder stays
      // self-contained; the WPS page loads them from there ('../' + 'wps/…').
      'wps/taskpane': { import: './src/taskpane/taskpane.ts', publicPath: '../' },
      ...(env.preview ? { preview: './src/preview/preview.ts' } : {}),
    },
    output: { path: outDir, filename: '[name].js', chunkFilename: 'wps/[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { target: 'es2017', module: 'es2020', sourceMap: dev },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJs: true, csp: CSP },
      }),
      new HtmlWebpackPlugin({
        filename: 'wps/taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['wps/taskpane'],
        // WPS has no Office.js; the script is linked by the template itself so that
        // its URL stays relative to dist/wps/ (the folder wpsjs packs).
        inject: false,
        templateParameters: { officeJs: false, csp: CSP },
      }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], templateParameters: { csp: CSP } }),
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: [], templateParameters: { csp: CSP } }),
      // `npm run preview`: the pane beside a simulated workbook (src/preview/server.ts)
      ...(env.preview
        ? [new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'], templateParameters: { csp: CSP } })]
        : []),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    devServer: {
      host: 'localhost',
      port,
      server: httpsOptions(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: outDir },
      hot: false,
      liveReload: false,
      client: false,
    },
  };
};
