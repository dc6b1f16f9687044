import {
  billingRequest,
  campaignRequest,
  campaignsRequest,
  conversionStatsRequest,
  eventsRequest,
  integrationsRequest,
  metricsRequest,
  conversionsRequest,
} from '../../../src/api/endpoints';
import { Json } from '../../../src/api/types';
import { formulaValues } from '../../../src/tables/cells';
import { billingTable } from '../../../src/tables/billing';
import { campaignDetailTable, campaignsTable } from '../../../src/tables/campaigns';
import { conversionStatsTable } from '../../../src/tables/conversion-stats';
import { conversionsTable, conversionValue } from '../../../src/tables/conversions';
import { derivedMetric, derivedMetrics } from '../../../src/tables/derived';
import { eventsTable } from '../../../src/tables/events';
import { integrationsTable } from '../../../src/tables/integrations';
import { metricsTable, totalMetric } from '../../../src/tables/metrics';
import { zoneClock } from '../../../src/tables/timezone';
import { intlOffset } from './fake-runtime';
import {
  BILLING,
  CAMPAIGN,
  CAMPAIGN_DETAIL,
  CONVERSION_STATS,
  conversion,
  EVENTS,
  IDLE_CAMPAIGN,
  INTEGRATIONS,
  METRICS,
} from './fixtures';

/** Parse a body as the client does, so the builders see exactly what they get in production. */
const parsed = <T>(request: { parse: (json: Json) => T }, body: unknown): T => request.parse(body as Json);
const tokyo = zoneClock('Asia/Tokyo', intlOffset);

describe('derived metrics', () => {
  const sums = { impressions: 20000, clicks: 400, spend: 120.5, conversions: 10, revenue: 482 };

  it('follow the vendor definitions', () => {
    expect(derivedMetrics(sums)).toEqual([2, 0.30125, 6.025, 2.5, 12.05, 4]);
  });

  it.each(['ctr', 'cpc', 'cpm', 'conversion_rate', 'cpa', 'roas'] as const)(
    '%s is null on a zero or missing denominator, never Infinity or NaN',
    (metric) => {
      const zero = { impressions: 0, clicks: 0, spend: 0, conversions: 0, revenue: 0 };
      const missing = { impressions: null, clicks: null, spend: null, conversions: null, revenue: null };
      expect(derivedMetric(metric, zero)).toBeNull();
      expect(derivedMetric(metric, missing)).toBeNull();
    },
  );
});

describe('campaigns table', () => {
  const table = campaignsTable(parsed(campaignsRequest(), { campaigns: [CAMPAIGN, IDLE_CAMPAIGN] }));

  it('has the API fields, then the six derived metrics', () => {
    expect(table.columns.map((c) => c.name)).toEqual([
      ...Object.keys(CAMPAIGN),
      'ctr',
      'cpc',
      'cpm',
      'conversion_rate',
      'cpa',
      'roas',
    ]);
  });

  it('derives from lifetime numbers, blank where the denominator is 0', () => {
    const values = formulaValues(table, tokyo);
    expect(values[1].slice(-6)).toEqual([2, 0.30125, 6.025, 2.5, 12.05, 4]);
    expect(values[2].slice(-6)).toEqual(['', '', '', '', '', '']);
  });

  it('keeps text exact and makes timestamps UTC instants', () => {
    const values = formulaValues(table, tokyo);
    expect(values[1][0]).toBe('00123');
    expect(values[1][1]).toBe('=IMPORTDATA("x")');
    expect(values[2][0]).toBe('1e5');
    expect(values[2][1]).toBe('TRUE');
    expect(values[1][7]).toEqual(new Date('2025-05-01T09:30:00Z'));
    expect(values[1][9]).toBe('');
  });

  it('leaves extra API fields out so columns never shift', () => {
    const extra = campaignsTable(parsed(campaignsRequest(), { campaigns: [{ ...CAMPAIGN, surprise: 1 }] }));
    expect(extra.columns.map((c) => c.name)).not.toContain('surprise');
  });
});

describe('campaign detail table', () => {
  const table = campaignDetailTable(parsed(campaignRequest('00123'), CAMPAIGN_DETAIL));
  const rows = Object.fromEntries(formulaValues(table, tokyo).map(([f, v]) => [f as string, v]));

  it('joins lists and flattens utm_params into utm_params.<name> rows', () => {
    expect(rows.allowed_countries).toBe('US, CA');
    expect(rows.allowed_devices).toBe('desktop, mobile');
    expect(rows['utm_params.utm_source']).toBe('gravity');
    expect(rows['utm_params.utm_campaign']).toBe('+1');
    expect(rows).not.toHaveProperty('utm_params');
  });

  it('starts with the field | value header and types each row', () => {
    expect(formulaValues(table, tokyo)[0]).toEqual(['field', 'value']);
    expect(rows.spend).toBe(120.5);
    expect(rows.is_active).toBe(true);
    expect(rows.created_at).toEqual(new Date('2025-05-01T09:30:00Z'));
    expect(rows.end_time).toBe('');
    expect(rows.campaign_id).toBe('00123');
  });
});

describe('metrics table', () => {
  const response = parsed(metricsRequest({ range: { days: 30 } }), METRICS);
  const values = formulaValues(metricsTable(response.data), tokyo);

  it('is oldest first with the daily fields as columns', () => {
    expect(values[0]).toEqual(Object.keys(METRICS.data[0]));
    expect(values.slice(1).map((r) => (r[0] as Date).toISOString())).toEqual([
      '2025-05-19T15:00:00.000Z', // midnight of May 20 in Tokyo
      '2025-05-20T15:00:00.000Z',
    ]);
  });

  it("blanks a day's derived values whose denominator is 0, whatever the API sent", () => {
    expect(values[2].slice(6)).toEqual(['', '', '', '', '', '']);
    expect(values[1].slice(6)).toEqual([2, 0.5, 10, 10, 5, 3]);
  });

  it('totals come from the API totals; rates are derived from them', () => {
    expect(totalMetric(response, 'spend')).toBe(10);
    expect(totalMetric(response, 'ctr')).toBe(2);
    expect(totalMetric(response, 'roas')).toBe(3);
    const empty = parsed(metricsRequest({ range: { days: 1 } }), {
      ...METRICS,
      data: [],
      total_impressions: 0,
      total_clicks: 0,
      total_spend: 0,
      total_conversions: 0,
      total_revenue: 0,
    });
    expect(totalMetric(empty, 'cpa')).toBeNull();
    expect(totalMetric(empty, 'impressions')).toBe(0);
  });
});

describe('conversions table', () => {
  const page = parsed(conversionsRequest({ limit: 10 }), {
    conversions: [conversion(1), conversion(2, { value_cents: null, order_id: '007', is_attributed: false })],
    has_more: false,
    next_cursor: null,
  });
  const values = formulaValues(conversionsTable(page.conversions), tokyo);

  it('puts value (dollars) right after value_cents', () => {
    expect(values[0].slice(0, 5)).toEqual([
      'conversion_id',
      'event_type',
      'value_cents',
      'value',
      'currency',
    ]);
    expect(values[1][2]).toBe(1999);
    expect(values[1][3]).toBe(19.99);
    expect(values[2][3]).toBe('');
  });

  it('makes the timestamp a UTC instant and keeps ids as text', () => {
    expect(values[1][5]).toEqual(new Date('2025-05-20T14:30:00Z'));
    expect(values[2][7]).toBe('007');
    expect(values[2][10]).toBe(false);
  });

  it('divides cents exactly as a typed decimal', () => {
    for (const cents of [1, 10, 99, 105, 1999, 123456789])
      expect(conversionValue(conversion(0, { value_cents: cents }) as never)).toBe(
        Number((cents / 100).toFixed(2)),
      );
  });
});

describe('billing, events, conversion stats and integrations tables', () => {
  it('billing is a typed field/value table', () => {
    const values = formulaValues(billingTable(parsed(billingRequest(), BILLING)), tokyo);
    expect(values).toEqual([
      ['field', 'value'],
      ['total_spend_dollars', 1200.5],
      ['total_billed_dollars', 1000],
      ['unbilled_dollars', 200.5],
      ['credits_dollars', 0],
      ['billing_enabled', true],
      ['last_spend_sync_at', new Date('2025-05-20T14:30:00Z')],
      ['last_billed_at', ''],
    ]);
  });

  it('events: domains, hourly timeseries as instants oldest first, types', () => {
    const analytics = parsed(eventsRequest({ range: { days: 30 } }), EVENTS);
    expect(formulaValues(eventsTable(analytics, 'domains'), tokyo)).toEqual([
      ['domain', 'events'],
      ['shop.example', 42],
    ]);
    expect(formulaValues(eventsTable(analytics, 'timeseries'), tokyo)).toEqual([
      ['date', 'events'],
      [new Date('2025-05-20T14:00:00Z'), 5],
      [new Date('2025-05-20T15:00:00Z'), 3],
    ]);
    expect(formulaValues(eventsTable(analytics, 'types'), tokyo)).toEqual([
      ['event_type', 'total', 'last_received'],
      ['page_view', 40, new Date('2025-05-20T14:59:00Z')],
    ]);
  });

  it('conversion stats: daily timeseries as calendar dates in the zone, types', () => {
    const stats = parsed(conversionStatsRequest({ range: { days: 30 } }), CONVERSION_STATS);
    const la = zoneClock('America/Los_Angeles', intlOffset);
    const series = formulaValues(conversionStatsTable(stats, 'timeseries'), la);
    expect(series[0]).toEqual(['date', 'conversions']);
    // Midnight of May 20 in Los Angeles (PDT, UTC-7), not UTC midnight (which LA shows as May 19).
    expect(series[1]).toEqual([new Date('2025-05-20T07:00:00Z'), 8]);
    expect(series[2]).toEqual([new Date('2025-05-21T07:00:00Z'), 12]);
    expect(formulaValues(conversionStatsTable(stats, 'types'), la)).toEqual([
      ['event_type', 'total'],
      ['purchase', 15],
      ['lead', 5],
    ]);
  });

  it('integrations: a type column, Calendly rows blank where Shopify has more', () => {
    const values = formulaValues(integrationsTable(parsed(integrationsRequest(), INTEGRATIONS)), tokyo);
    expect(values).toEqual([
      ['type', 'id', 'shop_domain', 'is_active', 'connected_at', 'verification_status'],
      ['shopify', 'conn-123', 'acme-store.myshopify.com', true, new Date('2025-04-01T12:00:00Z'), 'verified'],
      ['calendly', 'cal-9', '', false, new Date('2025-04-02T08:00:00Z'), ''],
    ]);
  });
});
