import { GravityError } from '../../src/api/errors';
import { apiKeyArg, booleanArg, frequencyArg, newReportArg, reportRowArg } from '../../src/ui/sidebar-input';

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof GravityError && error.kind === 'invalid_argument') return error.message;
    throw error;
  }
  throw new Error('expected the argument to be refused');
}

describe('apiKeyArg', () => {
  it('accepts a pasted key, trimming what copying adds', () => {
    expect(apiKeyArg('  gravity-test-key-0001-3f9a\n')).toBe('gravity-test-key-0001-3f9a');
  });

  it.each([
    ['a number', 12345678],
    ['null', null],
    ['an object', { key: 'gravity-test-key' }],
    ['an empty string', '   '],
    ['a short string', 'abc'],
    ['text with spaces', 'gravity test key 3f9a'],
    ['text with a control character', 'gravity-key\u0000-3f9a'],
    ['a very long string', 'k'.repeat(257)],
  ])('refuses %s', (_what, value) => {
    expect(refusal(() => apiKeyArg(value))).toMatch(/^Gravity: /);
  });

  it('never repeats the refused text', () => {
    const pasted = 'almost a key with-secret-part 3f9a';
    expect(refusal(() => apiKeyArg(pasted))).not.toContain('secret');
  });
});

describe('booleanArg, reportRowArg, frequencyArg', () => {
  it('takes only real booleans', () => {
    expect(booleanArg(true, 'allowed')).toBe(true);
    expect(booleanArg(false, 'allowed')).toBe(false);
    for (const value of ['true', 1, null, undefined, {}]) {
      expect(refusal(() => booleanArg(value, 'allowed'))).toContain('allowed must be true or false');
    }
  });

  it('takes only report rows of Gravity Reports', () => {
    expect(reportRowArg(2)).toBe(2);
    for (const value of [1, 0, -3, 2.5, '3', NaN, Infinity, null]) {
      expect(refusal(() => reportRowArg(value))).toContain('row number');
    }
  });

  it('takes only the four schedule choices', () => {
    expect(['hour', 'day', 'week', 'off'].map(frequencyArg)).toEqual(['hour', 'day', 'week', 'off']);
    for (const value of ['hourly', 'HOUR', '', 7, null]) {
      expect(refusal(() => frequencyArg(value))).toContain('hour, day, week, off');
    }
  });
});

describe('newReportArg', () => {
  it('accepts a full metrics report', () => {
    expect(
      newReportArg({ report: 'metrics', tab: ' Spend ', days: 30, campaignId: 'cmp_1', mode: 'append' }),
    ).toEqual({ report: 'metrics', tab: 'Spend', days: 30, campaignId: 'cmp_1', mode: 'append' });
  });

  it('accepts a date range and drops empty optional text', () => {
    expect(
      newReportArg({
        report: 'events_domains',
        startDate: '2026-11-01',
        endDate: '2026-11-30',
        domain: '',
        eventType: null,
      }),
    ).toEqual({ report: 'events_domains', startDate: '2026-11-01', endDate: '2026-11-30' });
  });

  it.each([
    ['not an object', 'metrics', /described by its fields/],
    ['an array', ['metrics'], /described by its fields/],
    ['an unknown report', { report: 'everything' }, /report type must be one of/],
    ['an unknown field', { report: 'metrics', script: 'x' }, /no field "script"/],
    ['a range on a report without one', { report: 'billing', days: 7 }, /billing report takes no date range/],
    ['a campaign where none applies', { report: 'events_types', campaignId: 'c' }, /takes no campaign/],
    ['a missing campaign', { report: 'campaign' }, /needs a campaign/],
    ['days out of range', { report: 'metrics', days: 366 }, /1 to 365/],
    ['fractional days', { report: 'metrics', days: 1.5 }, /whole number/],
    ['days as text', { report: 'metrics', days: '30' }, /whole number/],
    [
      'days and dates',
      { report: 'metrics', days: 3, startDate: '2026-01-01', endDate: '2026-01-02' },
      /not both/,
    ],
    ['half a range', { report: 'metrics', startDate: '2026-01-01' }, /both a start and an end/],
    [
      'an impossible date',
      { report: 'metrics', startDate: '2026-02-30', endDate: '2026-03-01' },
      /YYYY-MM-DD/,
    ],
    [
      'a reversed range',
      { report: 'metrics', startDate: '2026-03-02', endDate: '2026-03-01' },
      /before start/,
    ],
    ['an unknown mode', { report: 'billing', mode: 'merge' }, /mode must be one of replace, append/],
    ['a status on metrics', { report: 'metrics', status: 'active' }, /takes no status filter/],
    ['a filter that is not text', { report: 'conversions', eventType: ['purchase'] }, /must be text/],
    ['an overlong tab name', { report: 'billing', tab: 't'.repeat(101) }, /longer than 100/],
    ['a tab name with a newline', { report: 'billing', tab: 'a\nb' }, /control characters/],
    ["the add-on's own tab", { report: 'billing', tab: 'gravity log' }, /add-on's own tab/],
  ])('refuses %s', (_what, value, message) => {
    expect(refusal(() => newReportArg(value))).toMatch(message);
  });
});
