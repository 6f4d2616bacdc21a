import { strict as assert } from 'assert';
import { amountOf } from '../../../src/core/model/build';
import { compareSides, formatAmount, formatDifference, holds, roundingParts } from '../../../src/core/rules/compare';

const at = (address: string) => ({ sheet: 'S', address });
const a = (v: number | null | string, address: string) => amountOf(v, at(address));

describe('formatAmount (#,##0.00)', () => {
  it('groups thousands and keeps two decimals', () => {
    assert.equal(formatAmount(1138.54), '1,138.54');
    assert.equal(formatAmount(1234567.891), '1,234,567.89');
    assert.equal(formatAmount(0), '0.00');
    assert.equal(formatAmount(-0.01), '-0.01');
    assert.equal(formatAmount(-0.001), '0.00');
    assert.equal(formatAmount(100), '100.00');
  });
  it('shows a sub-cent difference with its decimals, not as 0.00', () => {
    assert.equal(formatDifference(-0.01), '-0.01');
    assert.equal(formatDifference(0.003), '0.003');
  });
});

describe('compareSides', () => {
  const opts = { tolerance: 0.005, severity: 'error' as const };
  it('passes on equality, also through floating-point noise', () => {
    const c = { left: { label: 'L', terms: [a(0.3, 'A1')] }, right: { label: 'R', terms: [a(0.1, 'A2'), a(0.2, 'A3')] } };
    assert.equal(compareSides(c, opts), undefined);
  });
  it('n = non-blank figures less one: blanks carry no rounding error', () => {
    const c = {
      left: { label: 'L', terms: [a(10, 'A1')] },
      right: { label: 'R', terms: [a(4, 'A2'), a(null, 'A3'), a(6, 'A4')] },
    };
    assert.equal(roundingParts(c), 2);
  });
  it('within the bound is 尾数差异, beyond it the rule’s severity', () => {
    const mk = (l: number) => ({ left: { label: 'L', terms: [a(l, 'A1')] }, right: { label: 'R', terms: [a(4, 'A2'), a(6, 'A3')] } });
    assert.equal(compareSides(mk(10.01), opts)?.severity, 'rounding');
    assert.equal(compareSides(mk(10.02), opts)?.severity, 'error');
    assert.equal(compareSides(mk(10.02), { tolerance: 0.01, severity: 'warning' })?.severity, 'rounding');
    assert.equal(compareSides(mk(10.03), { tolerance: 0.01, severity: 'warning' })?.severity, 'warning');
  });
  it('le / ge only count the forbidden direction', () => {
    const mk = (l: number, relation: 'le' | 'ge') => ({ relation, left: { label: 'L', terms: [a(l, 'A1')] }, right: { label: 'R', terms: [a(5, 'A2')] } });
    assert.equal(compareSides(mk(4, 'le'), opts), undefined);
    assert.match(compareSides(mk(6, 'le'), opts)!.message, /^L 6\.00 > R 5\.00，差额 1\.00/);
    assert.equal(compareSides(mk(6, 'ge'), opts), undefined);
    assert.match(compareSides(mk(4, 'ge'), opts)!.message, /^L 4\.00 < R 5\.00，差额 -1\.00/);
  });
  it('subtracted terms', () => {
    const c = {
      left: { label: 'L', terms: [a(5, 'A1')] },
      right: { label: 'R', terms: [{ amount: a(10, 'A2') }, { amount: a(5, 'A3'), sign: -1 as const }] },
    };
    assert.equal(compareSides(c, opts), undefined);
  });
  it('skips a comparison holding a cell error or text (reported by cell-value-issues)', () => {
    const c = { left: { label: 'L', terms: [a('#REF!', 'A1')] }, right: { label: 'R', terms: [a(5, 'A2')] } };
    assert.equal(compareSides(c, opts), undefined);
    const t = { left: { label: 'L', terms: [a('见附表', 'A1')] }, right: { label: 'R', terms: [a(5, 'A2')] } };
    assert.equal(compareSides(t, opts), undefined);
  });
  it('compares numbers stored as text by their value', () => {
    const c = { left: { label: 'L', terms: [a('1,474.07', 'A1')] }, right: { label: 'R', terms: [a(1474.08, 'A2')] } };
    assert.equal(compareSides(c, opts)?.severity, 'error');
  });
  it('points at every non-blank cell, and at an all-blank side', () => {
    const c = { left: { label: 'L', terms: [a(3, 'A1')] }, right: { label: 'R', terms: [a(null, 'A2'), a(null, 'A3')] } };
    assert.deepEqual(
      compareSides(c, opts)!.cells.map((x) => x.address),
      ['A1', 'A2', 'A3'],
    );
  });
});

describe('holds (the hot-loop pre-check)', () => {
  it('agrees with compareSides on what passes', () => {
    assert.equal(holds([a(0.3, 'A1')], [a(0.1, 'A2'), a(0.2, 'A3')]), true);
    assert.equal(holds([a(10.01, 'A1')], [a(4, 'A2'), a(6, 'A3')]), false, 'a rounding gap is still a gap');
    assert.equal(holds([a(4, 'A1')], [a(5, 'A2')], 'le'), true);
    assert.equal(holds([a(6, 'A1')], [a(5, 'A2')], 'le'), false);
    assert.equal(holds([a('#REF!', 'A1')], [a(5, 'A2')]), true, 'unusable figures are left to cell-value-issues');
  });
});
