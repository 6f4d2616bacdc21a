import { strict as assert } from 'assert';
import { parseAmount } from '../../../src/core/reader';

const cell = { sheet: '公开03表', address: 'D11' };

describe('parseAmount', () => {
  it('reads blanks, "-" and "—" as blank zero', () => {
    for (const v of [null, '', '  ', '-', '—', '－']) {
      const a = parseAmount(v, cell);
      assert.equal(a.blank, true, JSON.stringify(v));
      assert.equal(a.value, 0);
      assert.equal(a.issue, undefined);
    }
  });

  it('reads numbers as they are, keeping the cell', () => {
    const a = parseAmount(335.54, cell);
    assert.deepEqual(a, { value: 335.54, blank: false, cell });
    assert.equal(parseAmount(0, cell).blank, false);
  });

  it('reads numbers stored as text and flags them numericText', () => {
    const a = parseAmount('1,474.07', cell);
    assert.equal(a.value, 1474.07);
    assert.deepEqual(a.issue, { kind: 'numericText', raw: '1,474.07' });
    assert.equal(parseAmount('１４７４．０７', cell).value, 1474.07);
  });

  it('flags other text as text with NaN', () => {
    const a = parseAmount('待补', cell);
    assert.ok(Number.isNaN(a.value));
    assert.deepEqual(a.issue, { kind: 'text', raw: '待补' });
    assert.equal(parseAmount(true, cell).issue?.kind, 'text');
  });

  it('flags error values', () => {
    const a = parseAmount({ error: '#REF!' }, cell);
    assert.ok(Number.isNaN(a.value));
    assert.deepEqual(a.issue, { kind: 'error', raw: '#REF!' });
    assert.equal(parseAmount('#DIV/0!', cell).issue?.kind, 'error');
  });
});
