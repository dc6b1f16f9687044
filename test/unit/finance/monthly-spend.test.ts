import { GravityClient } from '../../../src/api/client';
import { DailyMetric } from '../../../src/api/types';
import { GravityError } from '../../../src/api/errors';
import { fetchDailyHistory, MAX_WINDOWS, planWindows } from '../../../src/finance/daily-history';
import { monthlySpend, monthlySpendTable } from '../../../src/finance/monthly-spend';
import { FakeClock, FakeHttp, json } from '../../support/fake-ports';
import { awkwardDays, dayNumber, FakeDay, FakeGravity } from './fake-gravity';

const TODAY = '2025-12-04';

function setup(days: FakeDay[]) {
  const api = new FakeGravity(
    [{ campaign_id: 'c1', name: 'One', created_at: null, start_time: null, days }],
    { billedCents: 0, last_spend_sync_at: null, last_billed_at: null },
  );
  const http = new FakeHttp(api.respond);
  const clock = new FakeClock();
  const client = new GravityClient({ http, clock, apiKey: 'k', deadline: clock.now() + 60_000 });
  return { api, http, client };
}

function column(table: ReturnType<typeof monthlySpendTable>, name: string) {
  const index = table.columns.findIndex((c) => c.name === name);
  return table.rows.map((row) => row[index]);
}

describe('planWindows', () => {
  it('covers a range with windows of at most 365 days, newest first, without gaps or overlaps', () => {
    const windows = planWindows('2023-01-01', TODAY);
    expect(windows[0].end).toBe(TODAY);
    expect(windows[windows.length - 1].start).toBe('2023-01-01');
    for (const w of windows) expect(dayNumber(w.end) - dayNumber(w.start) + 1).toBeLessThanOrEqual(365);
    for (let i = 1; i < windows.length; i++) {
      expect(dayNumber(windows[i - 1].start) - dayNumber(windows[i].end)).toBe(1);
    }
  });
});

describe('fetchDailyHistory', () => {
  const clientOf = (respond: (url: URL) => ReturnType<typeof json>) => {
    const http = new FakeHttp((request) => respond(new URL(request.url)));
    const clock = new FakeClock();
    return { http, client: new GravityClient({ http, clock, apiKey: 'k', deadline: clock.now() + 60_000 }) };
  };

  it('stops after ten windows even if the API answers every one with data', () => {
    const { http, client } = clientOf((url) =>
      json({ data: [{ date: url.searchParams.get('end_date'), spend: 0.1 }], total_spend: 0.1 }),
    );
    const history = fetchDailyHistory(client, TODAY);
    expect(history.windows).toHaveLength(MAX_WINDOWS);
    expect(http.batches).toEqual([2, 2, 2, 2, 2]);
  });

  it('fails with the API error when a window fails, so the report leaves its tab alone', () => {
    const { client } = clientOf((url) =>
      url.searchParams.get('end_date') === TODAY ? json({ data: [] }) : json({ detail: 'invalid key' }, 401),
    );
    expect(() => fetchDailyHistory(client, TODAY)).toThrow(GravityError);
  });

  it('takes an older window the API refuses as a parameter error for the start of its history', () => {
    const { http, client } = clientOf((url) =>
      url.searchParams.get('end_date') === TODAY
        ? json({ data: [{ date: TODAY, spend: 1.25 }], total_spend: 1.25 })
        : json({ detail: 'start_date is too far back' }, 400),
    );
    const history = fetchDailyHistory(client, TODAY);
    expect(history.days.map((d) => d.date)).toEqual([TODAY]);
    expect(http.batches).toEqual([2]);
  });

  it('still fails when the newest window is refused', () => {
    const { client } = clientOf(() => json({ detail: 'bad' }, 400));
    expect(() => fetchDailyHistory(client, TODAY)).toThrow(/refused the request to \/metrics \(400\)/);
  });
});

describe('monthly spend over 400 days of awkward decimals', () => {
  const days = awkwardDays(TODAY, 400);

  it('fetches the history in windows of ≤365 days sent together, and stops at the first empty window', () => {
    const { http, client, api } = setup(days);
    const history = fetchDailyHistory(client, TODAY);
    expect(history.days).toHaveLength(400);
    expect(history.span).toEqual({ start: days[0].date, end: TODAY });
    // Two years in one round of two parallel requests; then one more round that finds nothing and stops.
    expect(http.batches).toEqual([2, 2]);
    expect(api.paths[0]).toBe('/metrics?end_date=2025-12-04&start_date=2024-12-05');
    expect(api.paths[1]).toBe('/metrics?end_date=2024-12-04&start_date=2024-01-01');
  });

  it('gives month totals and a grand total equal to the sum of the daily rows to the cent', () => {
    const { client } = setup(days);
    const history = fetchDailyHistory(client, TODAY);
    const result = monthlySpend(history.days, history.span);
    const table = monthlySpendTable(result);

    const months = column(table, 'month');
    const spend = column(table, 'spend') as number[];
    const revenue = column(table, 'revenue') as number[];
    expect(months[0]).toBe('2024-10');
    expect(months[months.length - 1]).toBe('Total');
    expect(months).toHaveLength(15 + 1);

    let totalSpendCents = 0;
    let totalRevenueCents = 0;
    months.slice(0, -1).forEach((month, i) => {
      const ofMonth = days.filter((d) => d.date.startsWith(String(month)));
      const spendCents = ofMonth.reduce((sum, d) => sum + d.spendCents, 0);
      const revenueCents = ofMonth.reduce((sum, d) => sum + d.revenueCents, 0);
      expect(spend[i]).toBe(spendCents / 100);
      expect(revenue[i]).toBe(revenueCents / 100);
      totalSpendCents += spendCents;
      totalRevenueCents += revenueCents;
    });
    expect(spend[spend.length - 1]).toBe(totalSpendCents / 100);
    expect(revenue[revenue.length - 1]).toBe(totalRevenueCents / 100);
    expect(Math.round(spend.slice(0, -1).reduce((a, b) => a + b * 100, 0))).toBe(totalSpendCents);
    // The same sums done naively in floating point do drift: the exact method is what makes the test pass.
    const naiveFloatTotal = days.reduce((sum, d) => sum + d.spendCents / 100, 0);
    expect(naiveFloatTotal).not.toBe(totalSpendCents / 100);
  });

  it('marks the months only partly covered by the data as partial', () => {
    const { client } = setup(days);
    const history = fetchDailyHistory(client, TODAY);
    const table = monthlySpendTable(monthlySpend(history.days, history.span));
    const coverage = column(table, 'coverage');
    const from = column(table, 'from');
    const to = column(table, 'to');
    expect(coverage[0]).toBe('partial (1 of 31 days)');
    expect(from[0]).toBe('2024-10-31');
    expect(coverage.slice(1, -2)).toEqual(Array(13).fill('complete'));
    expect(coverage[coverage.length - 2]).toBe('partial (4 of 31 days)');
    expect(to[to.length - 2]).toBe(TODAY);
    expect(coverage[coverage.length - 1]).toBe('includes partial months 2024-10, 2025-12');
    expect(column(table, 'days')[coverage.length - 1]).toBe(400);
  });
});

describe('monthly derived metrics', () => {
  const row = (
    date: string,
    spend: number,
    impressions: number,
    clicks: number,
    conversions: number,
    revenue: number,
  ) => ({ date, spend, impressions, clicks, conversions, revenue }) as unknown as DailyMetric;

  it('derives the metrics from the month sums and leaves them blank on a zero denominator', () => {
    const days = [
      row('2025-01-30', 10, 1000, 10, 2, 30),
      row('2025-01-31', 10, 1000, 10, 0, 10),
      row('2025-02-01', 0, 0, 0, 0, 0),
    ];
    const table = monthlySpendTable(monthlySpend(days, { start: '2025-01-30', end: '2025-02-01' }));
    const get = (name: string) => column(table, name);
    expect(get('ctr')[0]).toBeCloseTo(1);
    expect(get('cpc')[0]).toBe(1);
    expect(get('cpm')[0]).toBe(10);
    expect(get('conversion_rate')[0]).toBe(10);
    expect(get('cpa')[0]).toBe(10);
    expect(get('roas')[0]).toBe(2);
    for (const metric of ['ctr', 'cpc', 'cpm', 'conversion_rate', 'cpa', 'roas'])
      expect(get(metric)[1]).toBeNull();
  });

  it('gives an empty table with a zero total when the API has no daily rows', () => {
    const table = monthlySpendTable(monthlySpend([], null));
    expect(table.rows).toHaveLength(1);
    expect(column(table, 'spend')).toEqual([0]);
  });
});
