/** API bodies as the vendor documents them, with the awkward cases the value rules must survive. */

export const CAMPAIGN = {
  campaign_id: '00123',
  name: '=IMPORTDATA("x")',
  status: 'active',
  is_active: true,
  daily_budget: 50,
  landing_page: 'https://example.com/?a=1',
  campaign_objective: 'conversions',
  created_at: '2025-05-01T09:30:00',
  start_time: '2025-05-02T00:00:00',
  end_time: null,
  impressions: 20000,
  clicks: 400,
  spend: 120.5,
  conversions: 10,
  conversion_value: 482,
};

export const IDLE_CAMPAIGN = {
  ...CAMPAIGN,
  campaign_id: '1e5',
  name: 'TRUE',
  status: 'draft',
  is_active: false,
  impressions: 0,
  clicks: 0,
  spend: 0,
  conversions: 0,
  conversion_value: 0,
};

export const CAMPAIGN_DETAIL = {
  ...CAMPAIGN,
  allowed_countries: ['US', 'CA'],
  allowed_devices: ['desktop', 'mobile'],
  utm_params: { utm_source: 'gravity', utm_campaign: '+1' },
  deployment_status: 'deployed',
};

export const METRICS = {
  data: [
    {
      date: '2025-05-21',
      impressions: 0,
      clicks: 0,
      spend: 0,
      conversions: 0,
      revenue: 0,
      ctr: 0,
      cpc: 0,
      cpm: 0,
      conversion_rate: 0,
      cpa: 0,
      roas: 0,
    },
    {
      date: '2025-05-20',
      impressions: 1000,
      clicks: 20,
      spend: 10,
      conversions: 2,
      revenue: 30,
      ctr: 2,
      cpc: 0.5,
      cpm: 10,
      conversion_rate: 10,
      cpa: 5,
      roas: 3,
    },
  ],
  total_impressions: 1000,
  total_clicks: 20,
  total_spend: 10,
  total_conversions: 2,
  total_revenue: 30,
};

export function conversion(n: number, extra: Record<string, unknown> = {}) {
  return {
    conversion_id: `c${n}`,
    event_type: 'purchase',
    value_cents: 1999,
    currency: 'USD',
    conversion_timestamp: '2025-05-20T14:30:00',
    campaign_id: '00123',
    order_id: null,
    page_url: 'https://shop.example/checkout',
    source: 'pixel',
    is_attributed: true,
    ...extra,
  };
}

export const BILLING = {
  total_spend_dollars: 1200.5,
  total_billed_dollars: 1000,
  unbilled_dollars: 200.5,
  credits_dollars: 0,
  billing_enabled: true,
  last_spend_sync_at: '2025-05-20T14:30:00',
  last_billed_at: null,
};

export const EVENTS = {
  domains: [{ domain: 'shop.example', events: 42 }],
  time_series: [
    { date: '2025-05-20T15:00:00', events: 3 },
    { date: '2025-05-20T14:00:00', events: 5 },
  ],
  event_types: [{ event_type: 'page_view', total: 40, last_received: '2025-05-20T14:59:00' }],
  has_historical_data: true,
};

export const CONVERSION_STATS = {
  time_series: [
    { date: '2025-05-21T00:00:00', conversions: 12 },
    { date: '2025-05-20T00:00:00', conversions: 8 },
  ],
  total: 20,
  by_event_type: [
    { event_type: 'purchase', total: 15 },
    { event_type: 'lead', total: 5 },
  ],
};

export const INTEGRATIONS = {
  shopify: [
    {
      id: 'conn-123',
      shop_domain: 'acme-store.myshopify.com',
      is_active: true,
      connected_at: '2025-04-01T12:00:00',
      verification_status: 'verified',
    },
  ],
  calendly: [{ id: 'cal-9', is_active: false, connected_at: '2025-04-02T08:00:00' }],
};
