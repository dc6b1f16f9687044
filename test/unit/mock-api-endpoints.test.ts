import type { Campaign, CampaignDetail, MetricsResponse } from '../../dev/mock-api/dataset';
import { startInProcess, TODAY, type InProcessMock } from './mock-api-helpers';

const CAMPAIGN_FIELDS = [
  'campaign_id',
  'name',
  'status',
  'is_active',
  'daily_budget',
  'landing_page',
  'campaign_objective',
  'created_at',
  'start_time',
  'end_time',
  'impressions',
  'clicks',
  'spend',
  'conversions',
  'conversion_value',
];
const DAILY_FIELDS = [
  'date',
  'impressions',
  'clicks',
  'spend',
  'conversions',
  'revenue',
  'ctr',
  'cpc',
  'cpm',
  'conversion_rate',
  'cpa',
  'roas',
];
const keys = (o: object) => Object.keys(o).sort();
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

let mock: InProcessMock;
beforeAll(async () => {
  mock = await startInProcess();
});
afterAll(() => mock.close());

describe('endpoint shapes', () => {
  it('/info', async () => {
    const r = await mock.get('/info');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(r.json()).toEqual({ advertiser_id: '00123', name: 'Acme Corp', email: 'ads@acme.example' });
  });

  it('/campaigns lists the list fields only, and filters by status', async () => {
    const { campaigns } = (await mock.get('/campaigns')).json<{ campaigns: Campaign[] }>();
    expect(campaigns).toHaveLength(6);
    for (const c of campaigns) expect(keys(c)).toEqual([...CAMPAIGN_FIELDS].sort());
    for (const status of ['active', 'paused', 'draft']) {
      const filtered = (await mock.get('/campaigns', { status })).json<{ campaigns: Campaign[] }>().campaigns;
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.every((c) => c.status === status)).toBe(true);
    }
    expect((await mock.get('/campaigns', { status: 'archived' })).json()).toEqual({ campaigns: [] });
  });

  it('/campaigns/{id} adds targeting, takes URL-encoded ids and 404s unknown ones', async () => {
    const detail = (await mock.get('/campaigns/0042')).json<CampaignDetail>();
    expect(keys(detail)).toEqual(
      [...CAMPAIGN_FIELDS, 'allowed_countries', 'allowed_devices', 'utm_params', 'deployment_status'].sort(),
    );
    expect(detail.utm_params).toEqual({
      utm_source: 'gravity',
      utm_medium: 'ai',
      utm_campaign: '+1',
      utm_content: '-2',
    });
    expect(
      (await mock.get(`/campaigns/${encodeURIComponent('1e5')}`)).json<CampaignDetail>().campaign_id,
    ).toBe('1e5');
    const missing = await mock.get('/campaigns/nope');
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ detail: 'Campaign not found' });
    expect((await mock.get('/campaigns/42')).status).toBe(404); // "0042" is text, not the number 42
    expect((await mock.get('/campaigns/%E0%A4%A')).status).toBe(404);
  });

  it('/metrics: one row per day, oldest first, last 30 days by default', async () => {
    const body = (await mock.get('/metrics')).json<MetricsResponse>();
    expect(keys(body)).toEqual(
      [
        'data',
        'total_impressions',
        'total_clicks',
        'total_spend',
        'total_conversions',
        'total_revenue',
      ].sort(),
    );
    expect(body.data).toHaveLength(30);
    expect(body.data[0].date).toBe('2025-05-17');
    expect(body.data[29].date).toBe(TODAY);
    for (const row of body.data) expect(keys(row)).toEqual([...DAILY_FIELDS].sort());
    expect((await mock.get('/metrics', { days: 1 })).json<MetricsResponse>().data.map((r) => r.date)).toEqual(
      [TODAY],
    );
  });

  it('/metrics with campaign_id returns that campaign’s rows, 404 for an unknown one', async () => {
    const body = (await mock.get('/metrics', { days: 7, campaign_id: 'cmp-1004' })).json<MetricsResponse>();
    expect(body.data).toEqual(mock.dataset.dailyMetrics['cmp-1004'].slice(-7));
    const missing = await mock.get('/metrics', { campaign_id: 'cmp-9999' });
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ detail: 'Campaign not found' });
  });

  it('/conversions', async () => {
    const body = (await mock.get('/conversions', { limit: 3 })).json<Record<string, unknown>>();
    expect(keys(body)).toEqual(['conversions', 'has_more', 'next_cursor', 'total_conversions']);
    expect(body.conversions).toEqual(mock.dataset.conversions.slice(0, 3));
    expect(body).toMatchObject({ total_conversions: 600, has_more: true });
    expect(typeof body.next_cursor).toBe('string');
  });

  it('/billing', async () => {
    const body = (await mock.get('/billing')).json();
    expect(body).toEqual(mock.dataset.billing);
    expect(keys(body as object)).toEqual(
      [
        'total_spend_dollars',
        'total_billed_dollars',
        'unbilled_dollars',
        'credits_dollars',
        'billing_enabled',
        'last_spend_sync_at',
        'last_billed_at',
      ].sort(),
    );
  });

  it('/events/analytics: domains, hourly series up to now, event types', async () => {
    type Analytics = {
      domains: Array<{ domain: string; events: number }>;
      time_series: Array<{ date: string; events: number }>;
      event_types: Array<{ event_type: string; total: number; last_received: string }>;
      has_historical_data: boolean;
    };
    const body = (await mock.get('/events/analytics', { days: 2 })).json<Analytics>();
    expect(keys(body)).toEqual(['domains', 'event_types', 'has_historical_data', 'time_series']);
    expect(body.has_historical_data).toBe(true);
    // Yesterday's 24 hours and today's up to 12:00, the mock's "now".
    expect(body.time_series).toHaveLength(24 + 13);
    expect(body.time_series[0].date).toBe('2025-06-14T00:00:00');
    expect(body.time_series.at(-1)!.date).toBe(`${TODAY}T12:00:00`);
    expect(body.domains.map((d) => d.domain)).toEqual(
      expect.arrayContaining(['acme.example', 'blog.acme.example', 'TRUE', '2025-05-20']),
    );
    for (const t of body.event_types) {
      expect(t.last_received).toMatch(TIMESTAMP);
      expect(t.last_received <= `${TODAY}T12:00:00`).toBe(true);
    }
    const blog = (await mock.get('/events/analytics', { days: 2, domain: 'BLOG.acme' })).json<Analytics>();
    expect(blog.domains.map((d) => d.domain)).toEqual(['blog.acme.example']);
    const forms = (
      await mock.get('/events/analytics', { days: 2, event_type: 'form_submit' })
    ).json<Analytics>();
    expect(forms.event_types.map((t) => t.event_type)).toEqual(['form_submit']);
    const formTotal = body.event_types.find((t) => t.event_type === 'form_submit')!.total;
    expect(forms.time_series.reduce((n, p) => n + p.events, 0)).toBe(formTotal);
    const none = (await mock.get('/events/analytics', { domain: 'no-such-domain' })).json<Analytics>();
    expect(none.domains).toEqual([]);
    expect(none.event_types).toEqual([]);
  });

  it('/events/conversion-stats: daily series and totals by type', async () => {
    type Stats = {
      time_series: Array<{ date: string; conversions: number }>;
      total: number;
      by_event_type: Array<{ event_type: string; total: number }>;
    };
    const body = (await mock.get('/events/conversion-stats', { days: 10 })).json<Stats>();
    expect(keys(body)).toEqual(['by_event_type', 'time_series', 'total']);
    expect(body.time_series).toHaveLength(10);
    expect(body.time_series[9].date).toBe(`${TODAY}T00:00:00`);
    const since = '2025-06-06';
    const expected = mock.dataset.conversions.filter((c) => c.conversion_timestamp >= since).length;
    expect(body.total).toBe(expected);
    const leads = (
      await mock.get('/events/conversion-stats', { days: 10, event_type: 'lead' })
    ).json<Stats>();
    expect(leads.by_event_type.map((t) => t.event_type)).toEqual(['lead']);
    expect(leads.total).toBe(body.by_event_type.find((t) => t.event_type === 'lead')!.total);
  });

  it('/integrations', async () => {
    const body = (await mock.get('/integrations')).json<{ shopify: object[]; calendly: object[] }>();
    expect(body).toEqual(mock.dataset.integrations);
    for (const s of body.shopify) {
      expect(keys(s)).toEqual(['connected_at', 'id', 'is_active', 'shop_domain', 'verification_status']);
    }
    for (const c of body.calendly) expect(keys(c)).toEqual(['connected_at', 'id', 'is_active']);
  });

  it('accepts and ignores tz', async () => {
    const plain = await mock.get('/metrics', { days: 3 });
    const zoned = await mock.get('/metrics', { days: 3, tz: 'America/New_York' });
    expect(zoned.status).toBe(200);
    expect(zoned.text).toBe(plain.text);
  });
});

describe('auth, paths and methods', () => {
  const endpoints = [
    '/info',
    '/campaigns',
    '/campaigns/0042',
    '/metrics',
    '/conversions',
    '/billing',
    '/events/analytics',
    '/events/conversion-stats',
    '/integrations',
  ];

  it.each(endpoints)('%s needs the right X-API-Key', async (path) => {
    for (const key of [null, '', 'wrong-key', mock.apiKey.toUpperCase()]) {
      const r = await mock.get(path, {}, key);
      expect(r.status).toBe(401);
      expect(r.json()).toEqual({ detail: 'Invalid or missing API key' });
    }
    expect((await mock.get(path)).status).toBe(200);
  });

  it('does not take the key from the query string', async () => {
    expect((await mock.get('/info', { api_key: mock.apiKey, 'X-API-Key': mock.apiKey }, null)).status).toBe(
      401,
    );
  });

  it('answers unknown paths with a JSON 404', async () => {
    for (const path of ['/nope', '/campaigns/0042/extra', '/events', '/info/']) {
      const r = await mock.get(path);
      expect(r.status).toBe(404);
      expect(r.json()).toEqual({ detail: 'Not Found' });
    }
    const outside = await fetch(`${mock.baseUrl}/info`, { headers: { 'X-API-Key': mock.apiKey } });
    expect(outside.status).toBe(404);
  });

  it('allows only GET', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const r = await fetch(`${mock.baseUrl}/advertiser-dashboard/campaigns`, {
        method,
        headers: { 'X-API-Key': mock.apiKey },
      });
      expect(r.status).toBe(405);
      expect(r.headers.get('allow')).toBe('GET');
      expect(await r.json()).toEqual({ detail: 'Method Not Allowed' });
    }
  });
});

describe('parameter errors', () => {
  const ranged = ['/metrics', '/events/analytics', '/events/conversion-stats'];

  it.each(ranged)('%s: days must be an integer 1–365', async (path) => {
    for (const days of ['0', '366', '-1', '2.5', 'abc', '', '1e2', ' 7']) {
      const r = await mock.get(path, { days });
      expect({ days, status: r.status }).toEqual({ days, status: 400 });
      expect(r.json<{ detail: string }>().detail).toMatch(/days/);
    }
    expect((await mock.get(path, { days: 365 })).status).toBe(200);
    expect((await mock.get(path, { days: '1' })).status).toBe(200);
  });

  it.each(ranged)('%s: start_date and end_date go together (422)', async (path) => {
    const halves: Array<Record<string, string>> = [{ start_date: '2025-06-01' }, { end_date: '2025-06-01' }];
    for (const query of halves) {
      const r = await mock.get(path, query);
      expect(r.status).toBe(422);
      expect(r.json<{ detail: string }>().detail).toMatch(/missing required parameter/);
    }
  });

  it.each(ranged)('%s: malformed or impossible dates are 400', async (path) => {
    for (const bad of [
      '2025-02-30',
      '2025-13-01',
      '2025-6-1',
      '06/01/2025',
      '',
      'yesterday',
      '2025-06-01T00:00:00',
    ]) {
      for (const query of [
        { start_date: bad, end_date: '2025-06-10' },
        { start_date: '2025-06-01', end_date: bad },
      ]) {
        const r = await mock.get(path, query);
        expect({ query, status: r.status }).toEqual({ query, status: 400 });
      }
    }
  });

  it.each(ranged)('%s: start after end, or more than 365 days, is 400', async (path) => {
    const reversed = await mock.get(path, { start_date: '2025-06-10', end_date: '2025-06-01' });
    expect(reversed.status).toBe(400);
    expect(reversed.json<{ detail: string }>().detail).toMatch(/start_date/);
    const long = await mock.get(path, { start_date: '2024-06-15', end_date: '2025-06-15' }); // 366 days
    expect(long.status).toBe(400);
    expect((await mock.get(path, { start_date: '2024-06-16', end_date: '2025-06-15' })).status).toBe(200);
  });

  it('a start/end pair overrides days', async () => {
    const body = (
      await mock.get('/metrics', { days: 30, start_date: '2025-06-01', end_date: '2025-06-03' })
    ).json<MetricsResponse>();
    expect(body.data.map((r) => r.date)).toEqual(['2025-06-01', '2025-06-02', '2025-06-03']);
  });

  it('reaches back through the whole history, more than a year, but no further', async () => {
    const old = (
      await mock.get('/metrics', { start_date: '2024-02-01', end_date: '2024-02-05' })
    ).json<MetricsResponse>();
    expect(mock.dataset.historyStart).toBe('2024-02-02');
    expect(old.data.map((r) => r.date)).toEqual(['2024-02-02', '2024-02-03', '2024-02-04', '2024-02-05']);
    const before = (
      await mock.get('/metrics', { start_date: '2023-01-01', end_date: '2023-12-31' })
    ).json<MetricsResponse>();
    expect(before).toEqual({
      data: [],
      total_impressions: 0,
      total_clicks: 0,
      total_spend: 0,
      total_conversions: 0,
      total_revenue: 0,
    });
  });

  it('ends ranges at today', async () => {
    const body = (
      await mock.get('/metrics', { start_date: '2025-06-14', end_date: '2025-06-30' })
    ).json<MetricsResponse>();
    expect(body.data.map((r) => r.date)).toEqual(['2025-06-14', TODAY]);
  });

  it('/conversions: limit must be an integer 1–100', async () => {
    for (const limit of ['0', '101', '-5', '1.5', 'ten', '']) {
      const r = await mock.get('/conversions', { limit });
      expect({ limit, status: r.status }).toEqual({ limit, status: 400 });
      expect(r.json<{ detail: string }>().detail).toMatch(/limit/);
    }
    expect(
      (await mock.get('/conversions', { limit: 100 })).json<{ conversions: unknown[] }>().conversions,
    ).toHaveLength(100);
    expect((await mock.get('/conversions')).json<{ conversions: unknown[] }>().conversions).toHaveLength(50);
  });
});
