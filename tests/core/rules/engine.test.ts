import { strict as assert } from 'assert';
import { runRules } from '../../../src/core/rules';
import { seedWorkbook } from './seed-workbook';

describe('runRules on the consistent seed figures', () => {
  it('finds nothing', () => {
    const findings = runRules(seedWorkbook());
    assert.deepEqual(findings, []);
  });
});
