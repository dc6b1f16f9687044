import { byLastRun, CONFIG_HEADERS, parseSpec, readEntries } from '../../../src/reports/config';
import { summarize } from '../../../src/reports/run-log';
import { zoneClock } from '../../../src/tables/timezone';

const zone = zoneClock('America/New_York', () => '-0400');
const HEADER = [...CONFIG_HEADERS];

function row(cells: Record<number, unknown>): unknown[] {
  return HEADER.map((_, i) => cells[i] ?? '');
}

describe('parseSpec', () => {
  test('defaults: replace, the last 30 days', () => {
    expect(parseSpec(row({ 0: 'M', 1: 'metrics' }), 2, zone)).toMatchObject({
      tab: 'M',
      report: 'metrics',
      mode: 'replace',
      range: { days: 30 },
    });
  });

  test('date cells mean the calendar date shown in the spreadsheet zone', () => {
    const spec = parseSpec(
      row({ 0: 'M', 1: 'Metrics ', 3: zone.midnight('2025-05-01'), 4: '2025-05-10' }),
      2,
      zone,
    );
    expect(spec.range).toEqual({ start: '2025-05-01', end: '2025-05-10' });
  });

  test.each([
    [{ 0: 'M', 1: 'metrics', 2: 0 }, /Days must be a whole number from 1 to 365, not "0"/],
    [{ 0: 'M', 1: 'metrics', 2: 2.5 }, /Days must be a whole number/],
    [
      { 0: 'M', 1: 'metrics', 3: '2025-02-30', 4: '2025-03-01' },
      /Start date must be a date such as 2025-05-01, not "2025-02-30"/,
    ],
    [{ 0: 'M', 1: 'metrics', 3: '2025-02-01' }, /End date is empty/],
    [{ 0: 'C', 1: 'campaigns', 5: 'cmp-1' }, /Campaign ID does not apply to campaigns reports; clear it/],
    [{ 0: 'C', 1: 'campaign' }, /Campaign ID is required/],
    [{ 1: 'info' }, /Tab is empty/],
    [{ 0: 'Gravity Log', 1: 'info' }, /add-on's own tab/],
    [{ 0: 'gravity reports', 1: 'info' }, /add-on's own tab/],
    [{ 0: 'M', 1: 'metrics', 9: 'merge' }, /Mode must be replace or append, not "merge"/],
    [{ 0: 'M' }, /Report is empty; choose one of: info, campaigns/],
  ])('refuses %j with a message that says what to fix', (cells, message) => {
    expect(() => parseSpec(row(cells), 2, zone)).toThrow(message);
  });
});

describe('readEntries', () => {
  test('skips blank rows, keeps sheet row numbers, leaves unchecked rows disabled', () => {
    const entries = readEntries(
      [HEADER, row({ 0: 'A', 1: 'info' }), row({}), row({ 0: 'B', 1: 'billing', 10: false })],
      zone,
    );
    expect(entries.map((e) => [e.row, e.tab, e.enabled, e.error])).toEqual([
      [2, 'A', true, null],
      [4, 'B', false, null],
    ]);
  });

  test('append rows filtered by different campaigns may share a tab; anything else may not', () => {
    const entries = readEntries(
      [
        HEADER,
        row({ 0: 'H', 1: 'metrics', 5: 'a', 9: 'append' }),
        row({ 0: 'H', 1: 'metrics', 5: 'b', 9: 'append' }),
        row({ 0: 'H', 1: 'metrics' }),
        // Unfiltered rows are keyed by date alone: they would overwrite the campaigns' rows of the same day.
        row({ 0: 'h', 1: 'metrics', 9: 'append' }),
        row({ 0: 'C', 1: 'conversions', 9: 'append', 7: 'purchase' }),
        row({ 0: 'C', 1: 'conversions', 9: 'append', 7: 'lead' }),
      ],
      zone,
    );
    expect(entries.map((e) => e.error)).toEqual([
      null,
      null,
      expect.stringMatching(/already written by row 2/),
      expect.stringMatching(/Tab "h" is already written by row 2/),
      null,
      expect.stringMatching(/already written by row 6/),
    ]);
  });

  test('a Start date to End date period over 365 days is refused before any request', () => {
    const [metrics, reconciliation] = readEntries(
      [
        HEADER,
        row({ 0: 'M', 1: 'metrics', 3: '2024-01-01', 4: '2025-05-01' }),
        row({ 0: 'R', 1: 'reconciliation', 3: '2024-01-01', 4: '2025-05-01' }),
      ],
      zone,
    );
    expect(metrics.error).toMatch(/spans 487 days; a metrics report covers at most 365/);
    expect(reconciliation.error).toBeNull();
  });

  test('least recently refreshed first, never-run rows before all', () => {
    const entries = readEntries(
      [
        HEADER,
        row({ 0: 'A', 1: 'info', 11: new Date('2025-05-20T10:00:00Z') }),
        row({ 0: 'B', 1: 'info', 11: new Date('2025-05-20T09:00:00Z') }),
        row({ 0: 'C', 1: 'info' }),
      ],
      zone,
    );
    expect([...entries].sort(byLastRun).map((e) => e.tab)).toEqual(['C', 'B', 'A']);
  });
});

test('summarize says what a run did', () => {
  expect(summarize([{ result: 'OK', message: '' }])).toBe('OK: 1 report refreshed');
  expect(
    summarize([
      { result: 'OK', message: '' },
      { result: 'Error', message: 'x' },
      { result: 'Deferred', message: '' },
    ]),
  ).toBe(
    '1 of 2 failed: see the Result column of Gravity Reports and the Gravity Log; 1 left for the next run',
  );
});
