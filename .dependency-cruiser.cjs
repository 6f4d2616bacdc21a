/**
 * The architecture, enforced (`npm run deps`; README "Architecture"):
 *   src/core              pure: imports only src/core — no host, no DOM, no node, no npm package
 *   src/hosts/<name>      the port's adapters: import src/core and src/hosts/spreadsheet-kit, never each other
 *   src/taskpane, src/cli faces: use a host only through its entry file (<name>-host.ts or index.ts)
 * and, everywhere: no cycles, no orphans, no package that package.json does not declare, no
 * devDependency at run time. Tests and benchmarks may reach anywhere in src.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
const CORE = '^src/core/';
/** mocha helpers shipped beside the rules they test (RuleTester); only tests import them. */
const CORE_TEST_KIT = '^src/core/.+/testing/';
const HOST_ENTRY = '^src/hosts/[^/]+/(index|[a-z-]+-host)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core imports only src/core: no host, no face, no node module, no npm package (the core runs in every host).',
      severity: 'error',
      from: { path: CORE, pathNot: CORE_TEST_KIT },
      to: { pathNot: CORE },
    },
    {
      name: 'core-test-kit-for-tests-only',
      comment: 'src/core/**/testing/ (RuleTester) runs under mocha: only tests may import it.',
      severity: 'error',
      from: { pathNot: '^tests/' },
      to: { path: CORE_TEST_KIT },
    },
    {
      name: 'hosts-do-not-import-each-other',
      comment: 'A host imports the core and src/hosts/spreadsheet-kit only; what two hosts share belongs in the kit (or the core).',
      severity: 'error',
      from: { path: '^src/hosts/([^/]+)/' },
      to: { path: '^src/hosts/', pathNot: ['^src/hosts/$1/', '^src/hosts/spreadsheet-kit/'] },
    },
    {
      name: 'hosts-do-not-import-faces',
      comment: 'Hosts know nothing of the task pane, the ribbon commands or the command line.',
      severity: 'error',
      from: { path: '^src/hosts/' },
      to: { path: '^src/(taskpane|commands|cli)/' },
    },
    {
      name: 'spreadsheet-kit-imports-core-only',
      comment: 'The Office/WPS kit is shared by hosts, so it may not depend on any one of them.',
      severity: 'error',
      from: { path: '^src/hosts/spreadsheet-kit/' },
      to: { path: '^src/', pathNot: [CORE, '^src/hosts/spreadsheet-kit/'] },
    },
    {
      name: 'faces-use-host-entry-files',
      comment: 'The task pane, ribbon commands and CLI use a host through its entry file only (<name>-host.ts or index.ts), never its internals.',
      severity: 'error',
      from: { path: '^src/(taskpane|commands|cli)/' },
      to: { path: '^src/hosts/', pathNot: HOST_ENTRY },
    },
    {
      name: 'faces-do-not-import-each-other',
      comment: 'The CLI and the task pane are separate faces over the core workflows.',
      severity: 'error',
      from: { path: '^src/(taskpane|commands)/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'faces-do-not-import-each-other-cli',
      comment: 'The CLI and the task pane are separate faces over the core workflows.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/(taskpane|commands)/' },
    },
    {
      name: 'src-does-not-import-tests',
      comment: 'Shipped code never depends on tests, benchmarks or scripts.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|bench|scripts)/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules in a cycle cannot be understood, tested or loaded one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports and that imports nothing is dead code (or a forgotten entry).',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: ['\\.d\\.ts$', '(^|/)\\.[^/]+\\.(js|cjs|mjs|json)$', '\\.config\\.(js|cjs|mjs)$', '^bin/', '^scripts/'],
      },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or a declared package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-undeclared-packages',
      comment: 'Every npm package imported anywhere is declared in package.json (not borrowed from another package’s dependencies).',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-dev-dependencies-at-run-time',
      comment: 'What src imports at run time is in "dependencies" (the CLI installs without devDependencies); type-only imports are free.',
      severity: 'error',
      from: { path: '^(src|bin)/', pathNot: CORE_TEST_KIT },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-optional-or-peer-dependencies',
      comment: 'Declare what we use as a dependency or devDependency.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-optional', 'npm-peer'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-tsc|out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
