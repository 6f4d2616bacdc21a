/**
 * Builds the add-in's pages (after Microsoft's Office-Addin-TaskPane template):
 *   taskpane.html / taskpane.js  the task pane (Excel and WPS), ES2017
 *   taskpane.legacy.js           the same pane in ES5 with core-js, for Internet Explorer 11
 *                                (volume-licensed Office 2016/2019 on Windows show add-ins
 *                                in IE11); taskpane.html picks it by feature detection
 *   commands.html / commands.js  the ribbon's function file (Excel), ES5 (it loads in IE11 too)
 *   help.html                    the manifest's support/learn-more page
 *   manifest.xml                 the Excel manifest with its URLs from ADDIN_BASE_URL
 *                                (default https://localhost:3000/), validated
 *                                (scripts/build-manifest.js)
 *   assets/, wps/                copied as they are
 *   office-js/                   Office.js from @microsoft/office-js, served from the
 *                                add-in's own origin so offline intranets work
 *
 * Options (webpack --env):
 *   outDir=PATH     write somewhere else than dist/ (the browser test uses a temp dir)
 *   noOfficeJs      skip copying office-js/ (faster test builds; the page then runs
 *                   without Office.js, as a preview)
 *   legacy          also build the ES5 bundle in development mode (production always
 *                   builds it; without it, commands.js is built as ES2017)
 *   port=3000       dev server port
 *   cacheDir=PATH   keep webpack's persistent cache there (the browser tests do: a rebuild
 *                   after a change compiles only what changed)
 *   preview         also build preview.html (`npm run preview`: the pane beside a simulated
 *                   workbook; src/preview/server.ts sets it — not part of what is deployed)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { CSP } = require('./src/taskpane/csp.js');
const { withStaticFallbacks } = require('./scripts/css-fallbacks.js');

const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/package.json'));

// ---- packaging: dist/manifest.xml (hosts) ----------------------------------------
const { writeManifest } = require('./scripts/build-manifest');

/** Writes <outDir>/manifest.xml for ADDIN_BASE_URL after the build, and fails the build when it is not valid. */
class ManifestPlugin {
  constructor(outDir) {
    this.outDir = outDir;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tap('JuesuanManifest', (compilation) => {
      try {
        writeManifest(path.join(this.outDir, 'manifest.xml'));
      } catch (e) {
        compilation.errors.push(new Error(`manifest.xml: ${e.message}`));
      }
    });
  }
}
// ---- end packaging ------------------------------------------------------------------

// ---- legacy bundle: Internet Explorer 11 (hosts) ----------------------------------------
/**
 * The ES5 build: TypeScript to ES2019 (ts-loader), then Babel preset-env for IE 11 with
 * core-js 3 polyfills for the built-ins the code uses (useBuiltIns: 'usage'), in a
 * compilation of its own (target es5: webpack's runtime in ES5 too), written beside the
 * modern files. Run after the modern build has emitted (it cleans the output folder).
 */
function legacyConfig(dev, outDir, cacheDir) {
  const babel = {
    loader: 'babel-loader',
    options: {
      babelrc: false,
      configFile: path.resolve(__dirname, 'babel.config.js'),
    },
  };
  return {
    mode: dev ? 'development' : 'production',
    devtool: false,
    context: __dirname,
    cache: persistentCache(cacheDir, dev, 'legacy'),
    target: ['web', 'es5'],
    entry: {
      'taskpane.legacy': './src/taskpane/taskpane-legacy.ts',
      commands: './src/commands/commands.ts',
    },
    output: { path: outDir, filename: '[name].js', clean: false, environment: { arrowFunction: false, const: false, destructuring: false, forOf: false, module: false } },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: [babel, { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { target: 'es2019', module: 'es2020', sourceMap: false } } }],
        },
        // dependencies that ship newer syntax; core-js itself stays as it is
        { test: /\.m?js$/, exclude: /node_modules[\\/](core-js|webpack)[\\/]/, use: babel },
      ],
    },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  };
}

/** webpack's filesystem cache in `cacheDir` (one per bundle and mode), invalidated when this file or the Babel config changes; none without a folder. */
function persistentCache(cacheDir, dev, name) {
  if (!cacheDir) return undefined;
  return {
    type: 'filesystem',
    cacheDirectory: path.resolve(cacheDir),
    name: `${name}-${dev ? 'development' : 'production'}`,
    buildDependencies: { config: [__filename, path.resolve(__dirname, 'babel.config.js')] },
  };
}

/** Builds the legacy bundle after the modern one has emitted; its errors fail the build. */
class LegacyBundlePlugin {
  constructor(config) {
    this.config = config;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tapAsync('JuesuanLegacyBundle', (compilation, done) => {
      const webpack = compiler.webpack;
      const legacy = webpack(this.config);
      legacy.run((err, stats) => {
        if (err) compilation.errors.push(err);
        else if (stats.hasErrors()) compilation.errors.push(new Error(`taskpane.legacy.js: ${stats.toString({ all: false, errors: true })}`));
        // closing lets a persistent cache be written (https://webpack.js.org/api/node/#run)
        legacy.close((closeErr) => {
          if (closeErr) compilation.errors.push(closeErr);
          done();
        });
      });
    });
  }
}
// ---- end legacy bundle ------------------------------------------------------------------

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
  const legacy = !dev || !!env.legacy;
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'dist');
  const port = Number(env.port || process.env.npm_package_config_dev_server_port || 3000);

  const copies = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    // Office's pane may be Internet Explorer 11: static copies of var() declarations (scripts/css-fallbacks.js)
    { from: 'src/taskpane/taskpane.css', to: 'taskpane.css', transform: (content) => withStaticFallbacks(content.toString()) },
    // The WPS加载项, self-contained in dist/wps/ (index.html, ribbon.xml, js/, images/,
    // taskpane.*) so that `npx wpsjs build`/`publish` can run there (wps/README.md).
    { from: 'wps', to: 'wps', globOptions: { ignore: ['**/README.md'] }, info: { minimized: true } },
    { from: 'assets/icon-{32,80}.png', to: 'wps/images/[name][ext]' },
    { from: 'src/taskpane/taskpane.css', to: 'wps/taskpane.css' },
    // ES5 start-up scripts of the pane (files, not inline, for the Content-Security-Policy)
    { from: 'assets/{boot,legacy-check,bundle-loader}.js', to: '[name][ext]', info: { minimized: true } },
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
    cache: persistentCache(env.cacheDir, dev, 'modern'),
    // WPS's webview is an older Chromium, Office's may be old Edge: ES2017 output.
    target: ['web', 'es2017'],
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      // Lazily loaded chunks (导入上年报表) sit in wps/ so the WPS加载项 folder stays
      // self-contained; the WPS page loads them from there ('../' + 'wps/…').
      'wps/taskpane': { import: './src/taskpane/taskpane.ts', publicPath: '../' },
      ...(legacy ? {} : { commands: './src/commands/commands.ts' }),
      ...(env.preview ? { preview: './src/preview/preview.ts' } : {}),
    },
    // dist/cli/ is the compiled command line (scripts/build-cli.js): webpack leaves it.
    output: { path: outDir, filename: '[name].js', chunkFilename: 'wps/[name].js', clean: { keep: /^cli[\\/]/ } },
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
        // assets/bundle-loader.js picks taskpane.js or taskpane.legacy.js (Internet Explorer 11)
        inject: false,
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
      // commands.js comes from the legacy (ES5) build: the function file loads in IE11 too
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', inject: false, templateParameters: { csp: CSP } }),
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: [], templateParameters: { csp: CSP } }),
      // `npm run preview`: the pane beside a simulated workbook (src/preview/server.ts)
      ...(env.preview
        ? [new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'], templateParameters: { csp: CSP } })]
        : []),
      new CopyWebpackPlugin({ patterns: copies }),
      new ManifestPlugin(outDir),
      ...(legacy ? [new LegacyBundlePlugin(legacyConfig(dev, outDir, env.cacheDir))] : []),
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
