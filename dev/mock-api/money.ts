/**
 * Money helpers. Sums are done in integer cents, because finance reconciles these numbers to the cent and
 * `0.1 + 0.2 !== 0.3` in floating point; dollars are produced only when a value is emitted.
 */

/** Cents of a dollar amount that has at most two decimals (exact for values produced by `dollars`). */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

/** Dollars of an integer number of cents, e.g. 7 → 0.07. */
export function dollars(cents: number): number {
  return Math.round(cents) / 100;
}

/** Rounded to 2 decimals; the nudge keeps values like 1.005 from rounding down. */
export function round2(value: number): number {
  return Math.round((value + Math.sign(value) * Number.EPSILON) * 100) / 100;
}
