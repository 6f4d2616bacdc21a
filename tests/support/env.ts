import * as fs from 'fs';

/**
 * Tests that need a system tool (LibreOffice, Chromium) guard their suite with
 *
 *   before(requireTool('LibreOffice', '/usr/bin/soffice'));
 *
 * When the tool is missing the suite is skipped with a clear message, except on CI
 * (process.env.CI === 'true'), where a missing tool fails the suite: CI installs the
 * tools (.ci/run), so their absence there means the environment is broken.
 */
export function toolAvailable(path: string): boolean {
  try {
    fs.accessSync(path, fs.constants.X_OK);
    return fs.statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A `before` hook: skip the suite (or fail on CI) when `path` is not an executable. */
export function requireTool(name: string, path: string): (this: Mocha.Context) => void {
  return function requireToolHook(this: Mocha.Context) {
    if (toolAvailable(path)) return;
    const message = `${name} not found at ${path}`;
    if (process.env.CI === 'true') {
      throw new Error(`${message}: it is required when CI=true (.ci/run installs it)`);
    }
    console.warn(`      [skipped] ${message}; install it to run these tests (with CI=true this fails)`);
    this.skip();
  };
}
