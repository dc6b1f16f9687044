import { createDataset, type DailyMetrics, type Dataset } from '../../dev/mock-api/dataset';
import { AWKWARD_TEXTS, HTML_INJECTION_NAME } from '../../dev/mock-api/fixtures';
import { cents, TODAY } from './mock-api-helpers';

const DAY_MS = 86_400_000;
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const sumCents = (rows: DailyMetrics[], field: 'spend' | 'revenue') =>
  rows.reduce((n, r) => n + cents(r[field]), 0);
const sum = (rows: DailyMetrics[], field: 'impressions' | 'clicks' | 'conversions') =>
  rows.reduce((n, r) => n + r[field], 0);

describe('createDataset', () => {
  let d: Dataset;
  beforeAll(() => {
    d = createDataset({ today: TODAY });
  });

  it('is deterministic for the same options and varies with the seed', () => {
    expect(createDataset({ today: TODAY })).toEqual(d);
    expect(createDataset({ today: TODAY, seed: 99 }).dailyMetrics).not.toEqual(d.dailyMetrics);
  });

  it('keeps the metrics unchanged when only the number of conversions changes', () => {
    const more = createDataset({ today: TODAY, conversions: 900 });
    expect(more.dailyMetrics).toEqual(d.dailyMetrics);
    expect(more.conversions).toHaveLength(900);
  });

  it('defaults to today in UTC and 500 days of history', () => {
    // A fixed "real" time a second before midnight UTC: today must be that UTC day.
    jest.useFakeTimers({ now: Date.UTC(2031, 2, 4, 23, 59, 59) });
    const now = createDataset();
    jest.useRealTimers();
    expect(now.today).toBe('2031-03-04');
    expect(Object.values(now.dailyMetrics)[0]).toHaveLength(500);
    expect(d.now).toBe(`${TODAY}T12:00:00`);
    expect((dayMs(d.today) - dayMs(d.historyStart)) / DAY_MS).toBe(499);
  });

  it('rejects invalid options', () => {
    expect(() => createDataset({ today: '2025-02-30' })).toThrow(/today/);
    expect(() => createDataset({ historyDays: 0 })).toThrow(/historyDays/);
    expect(() => createDataset({ conversions: 1.5 })).toThrow(/conversions/);
  });

  it('has the campaigns the tests rely on', () => {
    expect(d.campaigns).toHaveLength(6);
    expect(new Set(d.campaigns.map((c) => c.status))).toEqual(new Set(['active', 'paused', 'draft']));
    for (const c of d.campaigns) expect(c.is_active).toBe(c.status === 'active');
    const longLived = d.campaigns.filter(
      (c) => c.start_time !== null && (dayMs(TODAY) - Date.parse(`${c.start_time}Z`)) / DAY_MS >= 365,
    );
    expect(longLived).toHaveLength(1);
    expect(longLived[0].spend).toBeGreaterThan(0);
    const draft = d.campaigns.find((c) => c.status === 'draft');
    expect(draft).toMatchObject({ spend: 0, impressions: 0, clicks: 0, conversions: 0, conversion_value: 0 });
    expect(d.dailyMetrics[draft!.campaign_id].every((r) => r.spend === 0 && r.impressions === 0)).toBe(true);
    expect(d.campaigns.map((c) => c.name)).toContain(HTML_INJECTION_NAME);
    expect(new Set(d.campaigns.map((c) => c.campaign_id)).size).toBe(6);
  });

  it("sums each campaign's daily rows to its lifetime stats, to the cent", () => {
    for (const c of d.campaigns) {
      const rows = d.dailyMetrics[c.campaign_id];
      expect(rows).toHaveLength(500);
      expect(rows[0].date).toBe(d.historyStart);
      expect(rows[499].date).toBe(TODAY);
      expect(sum(rows, 'impressions')).toBe(c.impressions);
      expect(sum(rows, 'clicks')).toBe(c.clicks);
      expect(sum(rows, 'conversions')).toBe(c.conversions);
      expect(sumCents(rows, 'spend')).toBe(cents(c.spend));
      expect(sumCents(rows, 'revenue')).toBe(cents(c.conversion_value));
    }
  });

  it('has days with awkward cents and with zero denominators, whose derived metrics are null', () => {
    const rows = Object.values(d.dailyMetrics).flat();
    for (const amount of [0.1, 0.2, 0.07]) expect(rows.some((r) => r.spend === amount)).toBe(true);
    const noImpressions = rows.filter((r) => r.impressions === 0);
    expect(noImpressions.length).toBeGreaterThan(0);
    for (const r of noImpressions) {
      expect(r).toMatchObject({
        ctr: null,
        cpm: null,
        cpc: null,
        conversion_rate: null,
        cpa: null,
        roas: null,
      });
    }
    const seenButNotClicked = rows.filter((r) => r.impressions > 0 && r.clicks === 0);
    expect(seenButNotClicked.length).toBeGreaterThan(0);
    for (const r of seenButNotClicked) expect(r).toMatchObject({ ctr: 0, cpc: null, conversion_rate: null });
    const noConversions = rows.filter((r) => r.spend > 0 && r.conversions === 0);
    for (const r of noConversions) expect(r.cpa).toBeNull();
    expect(noConversions.length).toBeGreaterThan(0);
  });

  it('derives the metrics as the vendor defines them, rounded to 2 decimals', () => {
    // Rounded to 2 decimals = a whole number of hundredths within half a hundredth of the exact ratio.
    const expectRounded = (actual: number | null, exact: number) => {
      expect(actual).not.toBeNull();
      expect(Math.abs(actual! * 100 - Math.round(actual! * 100))).toBeLessThan(1e-6);
      expect(Math.abs(actual! - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
    };
    const busy = d.dailyMetrics['cmp-1001'].filter((r) => r.conversions > 0 && r.spend > 0);
    expect(busy.length).toBeGreaterThan(100);
    for (const r of busy) {
      expectRounded(r.ctr, (r.clicks / r.impressions) * 100);
      expectRounded(r.cpc, r.spend / r.clicks);
      expectRounded(r.cpm, (r.spend / r.impressions) * 1000);
      expectRounded(r.conversion_rate, (r.conversions / r.clicks) * 100);
      expectRounded(r.cpa, r.spend / r.conversions);
      expectRounded(r.roas, r.revenue / r.spend);
    }
  });

  it('has realistic conversions, newest first', () => {
    const list = d.conversions;
    expect(list).toHaveLength(600);
    for (let i = 1; i < list.length; i++) {
      expect(list[i - 1].conversion_timestamp >= list[i].conversion_timestamp).toBe(true);
    }
    expect(list[0].conversion_timestamp <= d.now).toBe(true);
    expect(new Set(list.map((c) => c.conversion_id)).size).toBe(600);
    expect(list.every((c) => Number.isInteger(c.value_cents) && c.value_cents >= 0)).toBe(true);
    expect(new Set(list.map((c) => c.currency)).size).toBeGreaterThan(1);
    expect(new Set(list.map((c) => c.event_type))).toEqual(new Set(['purchase', 'lead', 'signup']));
    expect(list.some((c) => c.order_id === null)).toBe(true);
    expect(list.some((c) => c.page_url === null)).toBe(true);
    const unattributed = list.filter((c) => !c.is_attributed);
    expect(unattributed.length).toBeGreaterThan(0);
    expect(unattributed.every((c) => c.campaign_id === null)).toBe(true);
    const ids = new Set(d.campaigns.map((c) => c.campaign_id));
    expect(list.filter((c) => c.is_attributed).every((c) => ids.has(c.campaign_id ?? ''))).toBe(true);
    expect(list.map((c) => c.conversion_id)).toContain('00123');
  });

  it('puts every awkward text where a spreadsheet could mangle it', () => {
    const orderIds = d.conversions.slice(0, 50).map((c) => c.order_id);
    for (const text of AWKWARD_TEXTS) expect(orderIds).toContain(text);
    const campaignTexts = d.campaigns.flatMap((c) => [
      c.campaign_id,
      c.name,
      c.landing_page,
      ...Object.values(c.utm_params),
    ]);
    for (const text of [
      '0042',
      '1e5',
      '=IMPORTDATA("http://example.com")',
      '+1',
      '-2',
      '@x',
      'TRUE',
      '2025-05-20',
    ]) {
      expect(campaignTexts).toContain(text);
    }
    const domains = d.pixel.map((s) => s.domain);
    expect(domains).toContain('TRUE');
    expect(domains).toContain('2025-05-20');
    expect(d.info.advertiser_id).toBe('00123');
  });

  it('bills exactly the campaigns’ lifetime spend', () => {
    const lifetime = d.campaigns.reduce((n, c) => n + cents(c.spend), 0);
    expect(cents(d.billing.total_spend_dollars)).toBe(lifetime);
    expect(cents(d.billing.total_billed_dollars) + cents(d.billing.unbilled_dollars)).toBe(lifetime);
    expect(d.billing.unbilled_dollars).toBeGreaterThan(0);
    const syncAge = Date.parse(`${d.now}Z`) - Date.parse(`${d.billing.last_spend_sync_at}Z`);
    expect(syncAge).toBeGreaterThan(0);
    expect(syncAge).toBeLessThan(3_600_000);
    const billedAgo = (dayMs(TODAY) - Date.parse(`${d.billing.last_billed_at}Z`)) / DAY_MS;
    expect(billedAgo).toBeGreaterThanOrEqual(1);
    expect(billedAgo).toBeLessThanOrEqual(7);
  });

  it('has hourly pixel series and both kinds of integration', () => {
    expect(d.pixel.length).toBeGreaterThan(0);
    for (const s of d.pixel) expect(s.hourly).toHaveLength(500 * 24);
    expect(new Set(d.pixel.map((s) => s.event_type))).toEqual(new Set(['page_view', 'click', 'form_submit']));
    expect(d.integrations.shopify.some((s) => s.verification_status === null)).toBe(true);
    expect(d.integrations.shopify.some((s) => s.verification_status !== null)).toBe(true);
    expect(d.integrations.calendly.length).toBeGreaterThan(0);
  });

  it('stays consistent with a short history', () => {
    const short = createDataset({ today: TODAY, historyDays: 30, conversions: 40 });
    for (const c of short.campaigns) {
      const rows = short.dailyMetrics[c.campaign_id];
      expect(rows).toHaveLength(30);
      expect(sumCents(rows, 'spend')).toBe(cents(c.spend));
    }
    expect(short.conversions).toHaveLength(40);
    expect(short.conversions.every((c) => c.conversion_timestamp.slice(0, 10) >= short.historyStart)).toBe(
      true,
    );
  });
});
