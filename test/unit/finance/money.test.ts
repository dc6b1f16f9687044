import { agrees, centsOrNull, formatDollars, sumCents, toCents, toDollars } from '../../../src/finance/money';

describe('money in cents', () => {
  it.each([
    [0.07, 7],
    [4.35, 435],
    [1.15, 115],
    [0.1 + 0.2, 30],
    [1234567.89, 123456789],
    [-0.07, -7],
    [-4.35, -435],
    [1.005, 101],
    [-1.005, -101],
    [0, 0],
  ])('%p dollars are %p cents', (dollars, cents) => {
    expect(toCents(dollars)).toBe(cents);
  });

  it('reads API values that are numbers or numeric text, and nothing else', () => {
    expect(centsOrNull(12.5)).toBe(1250);
    expect(centsOrNull('12.50')).toBe(1250);
    expect(centsOrNull(null)).toBeNull();
    expect(centsOrNull(undefined)).toBeNull();
    expect(centsOrNull('')).toBeNull();
    expect(centsOrNull('n/a')).toBeNull();
    expect(centsOrNull(Number.NaN)).toBeNull();
  });

  it('sums a thousand 0.1 dollar values to exactly 100 dollars, where floats drift', () => {
    const values = Array.from({ length: 1000 }, () => 0.1);
    expect(values.reduce((a, b) => a + b, 0)).not.toBe(100);
    expect(toDollars(sumCents(values.map(toCents)))).toBe(100);
  });

  it('treats a difference of one cent as agreement and anything more as not', () => {
    expect(agrees(10_000, 10_001)).toBe(true);
    expect(agrees(10_001, 10_000)).toBe(true);
    expect(agrees(10_000, 10_002)).toBe(false);
    expect(agrees(10_000, 9_500)).toBe(false);
  });

  it('formats dollars for details', () => {
    expect(formatDollars(123456789)).toBe('$1,234,567.89');
    expect(formatDollars(500)).toBe('$5.00');
    expect(formatDollars(-7)).toBe('-$0.07');
    expect(formatDollars(0)).toBe('$0.00');
  });
});
