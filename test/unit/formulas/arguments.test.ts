import { periodArgs } from '../../../src/formulas/period';
import { thousands, wholeNumber } from '../../../src/formulas/args';
import { campaignField } from '../../../src/formulas/campaigns';
import { zoneClock } from '../../../src/tables/timezone';
import { intlOffset } from './fake-runtime';

const tokyo = zoneClock('Asia/Tokyo', intlOffset);
const la = zoneClock('America/Los_Angeles', intlOffset);

describe('days_or_start and end_date', () => {
  it.each([
    [undefined, undefined, { days: 30 }],
    ['', '', { days: 30 }],
    ['  ', undefined, { days: 30 }],
    [7, undefined, { days: 7 }],
    [1, '', { days: 1 }],
    [365, undefined, { days: 365 }],
    ['14', undefined, { days: 14 }],
    ['2025-05-01', '2025-05-20', { start: '2025-05-01', end: '2025-05-20' }],
    [' 2025-05-01 ', '2025-05-01', { start: '2025-05-01', end: '2025-05-01' }],
    [[[7]], undefined, { days: 7 }],
  ])('%p, %p → %p', (daysOrStart, endDate, expected) => {
    expect(periodArgs(daysOrStart, endDate, tokyo)).toEqual(expected);
  });

  it('reads date cells as the calendar day shown in the spreadsheet zone', () => {
    // A cell showing 2025-05-01 in Tokyo holds the instant of Tokyo midnight: 2025-04-30T15:00Z.
    const tokyoMay1 = new Date('2025-04-30T15:00:00Z');
    const tokyoMay3 = new Date('2025-05-02T15:00:00Z');
    expect(periodArgs(tokyoMay1, tokyoMay3, tokyo)).toEqual({ start: '2025-05-01', end: '2025-05-03' });
    // And in Los Angeles a cell showing 2025-05-01 holds 2025-05-01T07:00Z.
    expect(periodArgs(new Date('2025-05-01T07:00:00Z'), '2025-05-02', la)).toEqual({
      start: '2025-05-01',
      end: '2025-05-02',
    });
  });

  it.each([
    [
      0,
      undefined,
      'Gravity: days_or_start must be a whole number of days from 1 to 365, a date, or YYYY-MM-DD text — not 0.',
    ],
    [366, undefined, 'not 366.'],
    [2.5, undefined, 'not 2.5.'],
    [-1, undefined, 'not -1.'],
    ['abc', undefined, 'not "abc".'],
    [true, undefined, 'not TRUE.'],
    [[[1, 2]], undefined, 'Gravity: days_or_start must be a single value, not a range of 2 cells.'],
    [
      7,
      [['2025-05-01'], ['2025-05-02']],
      'Gravity: end_date must be a single value, not a range of 2 cells.',
    ],
    ['2025-02-30', '2025-03-01', 'Gravity: days_or_start "2025-02-30" is not a real date'],
    ['2025-05-01', '2025-13-01', 'Gravity: end_date "2025-13-01" is not a real date'],
    [
      '2025-05-01',
      undefined,
      'Gravity: end_date is required when days_or_start is a start date (2025-05-01)',
    ],
    ['2025-05-01', '', 'Gravity: end_date is required'],
    ['2025-05-01', 7, 'Gravity: end_date must be a date or YYYY-MM-DD text, not 7.'],
    [
      '2025-05-20',
      '2025-05-19',
      'Gravity: end_date 2025-05-19 is before the start date 2025-05-20 (days_or_start); swap them.',
    ],
    ['2024-01-01', '2025-01-01', 'Gravity: the period 2024-01-01 to 2025-01-01 is 367 days'],
    [7, '2025-05-20', 'Gravity: end_date only goes with a start date'],
    [new Date(Number.NaN), '2025-05-01', 'Gravity: days_or_start is not a valid date.'],
  ])('refuses %p, %p', (daysOrStart, endDate, message) => {
    expect(() => periodArgs(daysOrStart, endDate, tokyo)).toThrow(message);
  });
});

describe('max_rows and fields', () => {
  it('takes whole numbers in range, blank as the default', () => {
    expect(wholeNumber(undefined, 'max_rows', 1, 5000, 100)).toBe(100);
    expect(wholeNumber('', 'max_rows', 1, 5000, 100)).toBe(100);
    expect(wholeNumber(5000, 'max_rows', 1, 5000, 100)).toBe(5000);
    expect(() => wholeNumber(5001, 'max_rows', 1, 5000, 100)).toThrow(
      'Gravity: max_rows must be a whole number from 1 to 5,000, not 5001.',
    );
    expect(() => wholeNumber(0.5, 'max_rows', 1, 5000, 100)).toThrow('not 0.5.');
  });

  it('groups thousands in messages without locale data', () => {
    expect([0, 999, 1000, 5000, 1234567].map(thousands)).toEqual(['0', '999', '1,000', '5,000', '1,234,567']);
  });

  it('accepts documented campaign fields in any case and utm_params.<name> keeping the name', () => {
    expect(campaignField('Spend')).toBe('spend');
    expect(campaignField('UTM_PARAMS.utm_Source')).toBe('utm_params.utm_Source');
    expect(campaignField('')).toBeUndefined();
    expect(() => campaignField('budget')).toThrow(
      /Gravity: field "budget" is not known: use one of "campaign_id", .*"utm_params.<name>"/,
    );
    expect(() => campaignField('utm_params')).toThrow('Gravity: field "utm_params" is not known');
  });
});
