/** The reconciliation rules finance relies on, checked over HTTP in integer cents. */
import type { Billing, Campaign, DailyMetrics, MetricsResponse } from '../../dev/mock-api/dataset';
import { cents, startInProcess, TODAY, type InProcessMock } from './mock-api-helpers';

let mock: InProcessMock;
beforeAll(async () => {
  mock = await startInProcess();
});
afterAll(() => mock.close());

async function metrics(query: Record<string, string | number>): Promise<MetricsResponse> {
  const r = await mock.get('/metrics', query);
  expect(r.status).toBe(200);
  return r.json<MetricsResponse>();
}

/** The whole history of one campaign (or all), fetched in windows of at most 365 days. */
async function wholeHistory(campaignId?: string): Promise<DailyMetrics[]> {
  const windows = [
    { start_date: '2024-02-02', end_date: '2024-12-31' },
    { start_date: '2025-01-01', end_date: TODAY },
  ];
  const rows: DailyMetrics[] = [];
  for (const w of windows)
    rows.push(...(await metrics(campaignId ? { ...w, campaign_id: campaignId } : w)).data);
  return rows;
}

function totalsOf(rows: DailyMetrics[]) {
  return {
    impressions: rows.reduce((n, r) => n + r.impressions, 0),
    clicks: rows.reduce((n, r) => n + r.clicks, 0),
    spendCents: rows.reduce((n, r) => n + cents(r.spend), 0),
    conversions: rows.reduce((n, r) => n + r.conversions, 0),
    revenueCents: rows.reduce((n, r) => n + cents(r.revenue), 0),
  };
}

it("every campaign's lifetime stats equal the sum of its daily rows (two windows for the long one)", async () => {
  const { campaigns } = (await mock.get('/campaigns')).json<{ campaigns: Campaign[] }>();
  for (const c of campaigns) {
    const rows = await wholeHistory(c.campaign_id);
    expect(rows).toHaveLength(500);
    expect(totalsOf(rows)).toEqual({
      impressions: c.impressions,
      clicks: c.clicks,
      spendCents: cents(c.spend),
      conversions: c.conversions,
      revenueCents: cents(c.conversion_value),
    });
  }
});

it("the all-campaign row of a day is the sum of that day's campaign rows", async () => {
  const { campaigns } = (await mock.get('/campaigns')).json<{ campaigns: Campaign[] }>();
  const range = { start_date: '2024-08-01', end_date: '2025-06-15' };
  const all = (await metrics(range)).data;
  const perCampaign = await Promise.all(
    campaigns.map(async (c) => (await metrics({ ...range, campaign_id: c.campaign_id })).data),
  );
  expect(all.length).toBe(319);
  all.forEach((row, i) => {
    const parts = perCampaign.map((rows) => rows[i]);
    expect(parts.every((p) => p.date === row.date)).toBe(true);
    expect(totalsOf([row])).toEqual(totalsOf(parts));
  });
});

it('/metrics totals are the sums of the returned rows, for every window and campaign', async () => {
  const queries: Array<Record<string, string | number>> = [
    { days: 30 },
    { days: 365 },
    { days: 7, campaign_id: 'cmp-1005' },
    { start_date: '2024-08-19', end_date: '2024-10-08', campaign_id: 'cmp-1005' },
    { start_date: '2024-02-02', end_date: '2024-12-31' },
  ];
  for (const query of queries) {
    const body = await metrics(query);
    const t = totalsOf(body.data);
    expect({
      impressions: body.total_impressions,
      clicks: body.total_clicks,
      spendCents: cents(body.total_spend),
      conversions: body.total_conversions,
      revenueCents: cents(body.total_revenue),
    }).toEqual(t);
  }
});

it('the tiny campaign’s awkward cents add up exactly where floating point would not', async () => {
  const body = await metrics({ start_date: '2024-08-19', end_date: '2024-08-21', campaign_id: 'cmp-1005' });
  expect(body.data.map((r) => r.spend)).toEqual([0.1, 0.2, 0.07]);
  expect(0.1 + 0.2 + 0.07).not.toBe(0.37);
  expect(body.total_spend).toBe(0.37);
});

it('billing total spend is the sum of lifetime spend; billed + unbilled is the total', async () => {
  const { campaigns } = (await mock.get('/campaigns')).json<{ campaigns: Campaign[] }>();
  const billing = (await mock.get('/billing')).json<Billing>();
  const lifetime = campaigns.reduce((n, c) => n + cents(c.spend), 0);
  expect(cents(billing.total_spend_dollars)).toBe(lifetime);
  expect(cents(billing.total_billed_dollars) + cents(billing.unbilled_dollars)).toBe(lifetime);
  const allDays = await wholeHistory();
  expect(totalsOf(allDays).spendCents).toBe(lifetime);
});

it('every money field has at most 2 decimals', async () => {
  const { campaigns } = (await mock.get('/campaigns')).json<{ campaigns: Campaign[] }>();
  for (const c of campaigns)
    for (const v of [c.spend, c.conversion_value, c.daily_budget]) expect(() => cents(v)).not.toThrow();
  for (const r of await wholeHistory()) {
    for (const v of [r.spend, r.revenue, r.ctr, r.cpc, r.cpm, r.conversion_rate, r.cpa, r.roas]) {
      if (v !== null) expect(() => cents(v)).not.toThrow();
    }
  }
});

it('pixel and conversion-stats series add up to their totals', async () => {
  type Analytics = {
    domains: Array<{ events: number }>;
    time_series: Array<{ events: number }>;
    event_types: Array<{ total: number }>;
  };
  const events = (await mock.get('/events/analytics', { days: 90 })).json<Analytics>();
  const series = events.time_series.reduce((n, p) => n + p.events, 0);
  expect(events.domains.reduce((n, d) => n + d.events, 0)).toBe(series);
  expect(events.event_types.reduce((n, t) => n + t.total, 0)).toBe(series);
  type Stats = {
    time_series: Array<{ conversions: number }>;
    total: number;
    by_event_type: Array<{ total: number }>;
  };
  const stats = (await mock.get('/events/conversion-stats', { days: 365 })).json<Stats>();
  expect(stats.time_series.reduce((n, p) => n + p.conversions, 0)).toBe(stats.total);
  expect(stats.by_event_type.reduce((n, t) => n + t.total, 0)).toBe(stats.total);
});
