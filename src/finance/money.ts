/**
 * Money that adds up to the cent. The API sends dollars as floats (0.1 + 0.2 !== 0.3 in floating point), so
 * every amount is turned into integer cents once, all sums are integer sums, and dollars are produced only
 * when a value is written out. Comparisons allow the spec's $0.01 tolerance.
 */

/** The spec's tolerance: a difference of more than one cent is a mismatch. */
export const TOLERANCE_CENTS = 1;

/**
 * Cents of a dollar amount. `x * 100` carries float noise (4.35 * 100 = 434.99999999999994), so the product is
 * first snapped to a millionth of a cent; halves then round away from zero, the same for credits and charges.
 */
export function toCents(dollars: number): number {
  const snapped = Math.round(Math.abs(dollars) * 100 * 1e6) / 1e6;
  const cents = Math.round(snapped);
  return dollars < 0 ? -cents : cents;
}

/** Cents of an API value, or null when the API sent no usable number (null, missing, text that is no number). */
export function centsOrNull(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? toCents(value) : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return toCents(Number(value));
  }
  return null;
}

/** Dollars of integer cents: the nearest float to the exact amount, written into cells. */
export function toDollars(cents: number): number {
  return cents / 100;
}

/** Integer sum of cents; missing values count as zero (the caller says in words when that matters). */
export function sumCents(values: ReadonlyArray<number | null>): number {
  let total = 0;
  for (const value of values) total += value ?? 0;
  return total;
}

/** Equal within the tolerance: |a − b| ≤ $0.01. */
export function agrees(aCents: number, bCents: number): boolean {
  return Math.abs(aCents - bCents) <= TOLERANCE_CENTS;
}

/** "$1,234.56" / "−$5.00" for the plain-words `detail` column (cells themselves hold numbers). */
export function formatDollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = String(abs % 100).padStart(2, '0');
  return `${sign}$${whole}.${fraction}`;
}
