// @ts-check
/**
 * `npm run lint` (with `prettier --check`). Rules are errors or off, never warnings: a
 * finding fails the build. No `eslint-disable` comments in the tree
 * (linterOptions.noInlineConfig; such a comment is a warning, and the lint script allows
 * none): fix the code, or change a rule here for a named glob with the reason beside it.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-tsc/', 'out/', '.scratch/', 'wps/', 'assets/'] },
  {
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  // Type-aware rules: floating and misused promises, awaiting non-promises, unsafe `any`, ...
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // One program for every file (the root tsconfig.json: all of src, tests, bench): a third
      // less time than one program per layer. The layers' own libs are checked by `npm run typecheck`.
      parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Host methods implement the async port (src/core/host.ts); the memory, WPS and .xlsx
      // hosts do their work synchronously inside `async` so that a throw becomes a rejection.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'error',
    },
  },
  {
    // Office.js usage: load before read, sync after load, no context.sync() in a loop, isNullObject.
    files: ['src/hosts/office/**/*.ts', 'src/taskpane/**/*.ts', 'src/commands/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    // readRows() loads a property list its two callers choose ('values,formulas' or
    // 'valueTypes'); the rule reads only literal arguments and reports any other as empty.
    files: ['src/hosts/office/office-host.ts'],
    rules: { 'office-addins/no-empty-load': 'off' },
  },
  {
    // Each command's module is required when it runs (fast --help); a dynamic import()
    // would go through node's ESM loader, which cannot resolve the CommonJS sources.
    files: ['src/cli/main.ts'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allow: ['^\\./commands/', '/package\\.json$'] }] },
  },
  {
    // Re-evaluates src/taskpane/polyfills.ts after deleting it from require.cache (a fresh
    // run of the module with Array.prototype.flatMap removed); import() caches forever.
    files: ['tests/browser/bundle-compat.test.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The command line, the tests and the benchmarks print to the console by design.
    files: ['src/cli/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.js', 'bin/**/*.js'],
    rules: { 'no-console': 'off' },
  },
  {
    // Plain CommonJS scripts run by node (bin, scripts, webpack's config): no type information.
    files: ['**/*.{js,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, sourceType: 'commonjs', globals: { ...globals.node } },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, sourceType: 'module', globals: { ...globals.node } },
  },
  // Last: turn off every stylistic rule Prettier owns (prettier --check runs beside ESLint).
  prettier,
);
