import type { Figure } from './types';

/**
 * Rounding and number formats shared by the draft and the verifier.
 * Amounts are written without thousands separators (1474.07), as the seed's
 * narrative does, with two decimals always (0.00); shares and rates with two
 * decimals (95.42); counts as whole numbers.
 */

/** Round half away from zero to `digits` decimals, robust to binary noise (1.005 → 1.01). */
export function roundHalfAway(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  const scaled = Math.abs(x) * f;
  const whole = Math.floor(scaled);
  const frac = scaled - whole;
  let r: number;
  // Far from a half (by more than the 12-digit cleaning below can move it, ≤ 5e-12 of the
  // value): the nearest whole number, without the string round trip (most calls).
  if (Math.abs(frac - 0.5) > 1e-9 * (scaled + 1)) r = (frac > 0.5 ? whole + 1 : whole) / f;
  else {
    // Strip binary noise from values that are meant to be exact decimals.
    const cleaned = Number(scaled.toPrecision(12));
    r = Math.floor(cleaned + 0.5) / f;
  }
  return x < 0 && r !== 0 ? -r : r;
}

/** "1474.07", "0.00", "-3.50" */
export function formatAmount(x: number): string {
  return roundHalfAway(x, 2).toFixed(2);
}

/** Percent with two decimals, without the sign character: "95.42". */
export function formatPercent(x: number): string {
  return roundHalfAway(x, 2).toFixed(2);
}

export function formatCount(x: number): string {
  return String(Math.round(x));
}

/** The value a text states for the figure. */
export function stated(f: Figure): number {
  return f.unit === 'count' ? Math.round(f.value) : roundHalfAway(f.value, 2);
}

/** The figure as written in the draft (no unit): "1474.07", "95.42", "35". */
export function formatFigure(f: Figure): string {
  if (f.unit === 'count') return formatCount(f.value);
  return f.unit === '%' ? formatPercent(f.value) : formatAmount(f.value);
}

/** a ÷ b × 100, or undefined when b is 0 (no rate over a zero base). */
export function percentOf(a: number, b: number): number | undefined {
  if (b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return undefined;
  return (a / b) * 100;
}
