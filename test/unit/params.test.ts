import { isCalendarDate, queryString, validateRange } from '../../src/api/params';

describe('date ranges', () => {
  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-02-30')).toBe(false);
    expect(isCalendarDate('2025-2-3')).toBe(false);
  });

  it.each([0, 366, 2.5, -1, Number.NaN])('refuses %p days', (days) => {
    expect(() => validateRange({ days })).toThrow(/Gravity: days must be a whole number from 1 to 365/);
  });

  it('refuses an end before the start and names both dates', () => {
    expect(() => validateRange({ start: '2025-05-20', end: '2025-05-19' })).toThrow(
      'Gravity: end date 2025-05-19 is before start date 2025-05-20; swap them.',
    );
  });

  it('builds sorted query strings without blanks', () => {
    expect(queryString({ b: 'x y', a: 1, c: undefined, d: '' })).toBe('a=1&b=x%20y');
  });
});
