import { strict as assert } from 'assert';
import { requireTool, toolAvailable } from '../support/env';

/** The guard the LibreOffice and browser suites use: skip locally, fail on CI. */
describe('requireTool (test support)', () => {
  const saved = process.env.CI;
  afterEach(() => {
    if (saved === undefined) delete process.env.CI;
    else process.env.CI = saved;
  });

  function run(hook: (this: Mocha.Context) => void): 'ran' | 'skipped' | Error {
    const skipped = new Error('skip');
    const ctx = {
      skip: () => {
        throw skipped;
      },
    } as unknown as Mocha.Context;
    try {
      hook.call(ctx);
      return 'ran';
    } catch (e) {
      return e === skipped ? 'skipped' : (e as Error);
    }
  }

  it('lets the suite run when the tool is there', () => {
    assert.equal(toolAvailable(process.execPath), true);
    process.env.CI = 'true';
    assert.equal(run(requireTool('node', process.execPath)), 'ran');
  });

  it('skips when the tool is missing, outside CI', () => {
    assert.equal(toolAvailable('/nonexistent/soffice'), false);
    delete process.env.CI;
    const warn = console.warn;
    const said: string[] = [];
    console.warn = (m: string) => said.push(m);
    try {
      assert.equal(run(requireTool('LibreOffice', '/nonexistent/soffice')), 'skipped');
    } finally {
      console.warn = warn;
    }
    assert.match(said.join('\n'), /LibreOffice not found at \/nonexistent\/soffice/);
  });

  it('fails when the tool is missing and CI=true', () => {
    process.env.CI = 'true';
    const r = run(requireTool('Chromium', '/nonexistent/chromium'));
    assert.ok(r instanceof Error, String(r));
    assert.match(r.message, /Chromium not found at \/nonexistent\/chromium.*CI=true/);
  });
});
