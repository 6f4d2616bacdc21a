import { strict as assert } from 'assert';
import fc from 'fast-check';
import { roundHalfAway } from '../../../src/core/figures';

/** roundHalfAway as first written: always through a 12-significant-digit string. */
function reference(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  const scaled = Math.abs(x) * f;
  const cleaned = Number(scaled.toPrecision(12));
  const r = Math.floor(cleaned + 0.5) / f;
  return x < 0 && r !== 0 ? -r : r;
}

describe('roundHalfAway (the fast path skips the string round trip away from a half)', () => {
  const same = (x: number, digits: number) => Object.is(roundHalfAway(x, digits), reference(x, digits));

  it('gives what the string round trip gives on any double, at 0–4 decimals', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), fc.integer({ min: 0, max: 4 }), (x, d) => same(x, d)),
      { seed: 20261205, numRuns: 20000 },
    );
  });

  it('gives what the string round trip gives on amounts as tables hold them (cents, sums of cents, halves, binary noise)', () => {
    const cents = fc.integer({ min: -1e11, max: 1e11 }).map((n) => n / 100);
    const sums = fc.array(cents, { minLength: 1, maxLength: 12 }).map((xs) => xs.reduce((a, b) => a + b, 0));
    const halves = fc.integer({ min: -1e9, max: 1e9 }).map((n) => (n + 0.5) / 100);
    const noisy = fc.tuple(cents, fc.integer({ min: -8, max: 8 })).map(([x, k]) => x + k * Number.EPSILON * Math.max(1, Math.abs(x)));
    const ratios = fc.tuple(cents, cents).map(([a, b]) => (b === 0 ? a : (a / b) * 100));
    fc.assert(
      fc.property(fc.oneof(cents, sums, halves, noisy, ratios), fc.integer({ min: 0, max: 4 }), (x, d) => same(x, d)),
      { seed: 1205, numRuns: 50000 },
    );
    for (const x of [1.005, -1.005, 2.675, 0.004, 0.005, 0.015, 1e15 + 0.5, 4503599627370495.5, 1e21, -0, 0.49999999999999994]) {
      for (let d = 0; d <= 4; d++) assert.ok(same(x, d), `${x} at ${d}`);
    }
  });
});
