/**
 * Wire shapes of the Gravity advertiser API, field for field as in shared/reference/gravity-api.md and the
 * vendor page beside it. Money fields are dollars (numbers with at most 2 decimals) except `value_cents`.
 * Timestamps are zone-less (`2025-05-20T14:30:00`); daily dates are `YYYY-MM-DD`.
 */

/** GET /info */
export interface AdvertiserInfo {
  advertiser_id: string;
  name: string;
  email: string;
}

export type CampaignStatus = 'active' | 'paused' | 'draft';

/** One row of GET /campaigns: the campaign plus its lifetime stats. */
export interface Campaign {
  campaign_id: string;
  name: string;
  status: CampaignStatus;
  is_active: boolean;
  daily_budget: number;
  landing_page: string;
  campaign_objective: string;
  created_at: string;
  start_time: string | null;
  end_time: string | null;
  impressions: number;
  clicks: number;
  spend: number;
  conversions: number;
  conversion_value: number;
}

/** GET /campaigns/{campaign_id}: the list fields plus targeting. */
export interface CampaignDetail extends Campaign {
  allowed_countries: string[];
  allowed_devices: string[];
  utm_params: Record<string, string>;
  deployment_status: string;
}

/** One day of GET /metrics. Derived fields are null when their denominator is 0. */
export interface DailyMetrics {
  date: string;
  impressions: number;
  clicks: number;
  spend: number;
  conversions: number;
  revenue: number;
  ctr: number | null;
  cpc: number | null;
  cpm: number | null;
  conversion_rate: number | null;
  cpa: number | null;
  roas: number | null;
}

/** GET /metrics: `total_*` are the sums of the returned `data`. */
export interface MetricsResponse {
  data: DailyMetrics[];
  total_impressions: number;
  total_clicks: number;
  total_spend: number;
  total_conversions: number;
  total_revenue: number;
}

/** One conversion of GET /conversions. Unattributed conversions have `is_attributed: false` and no campaign. */
export interface Conversion {
  conversion_id: string;
  event_type: string;
  value_cents: number;
  currency: string;
  conversion_timestamp: string;
  campaign_id: string | null;
  order_id: string | null;
  page_url: string | null;
  source: string;
  is_attributed: boolean;
}

/** GET /conversions: one page, newest first. */
export interface ConversionsPage {
  conversions: Conversion[];
  total_conversions: number;
  has_more: boolean;
  next_cursor: string | null;
}

/** GET /billing */
export interface Billing {
  total_spend_dollars: number;
  total_billed_dollars: number;
  unbilled_dollars: number;
  credits_dollars: number;
  billing_enabled: boolean;
  last_spend_sync_at: string | null;
  last_billed_at: string | null;
}

/** GET /events/analytics */
export interface EventsAnalytics {
  domains: Array<{ domain: string; events: number }>;
  /** Hourly buckets; `date` is the hour's timestamp. */
  time_series: Array<{ date: string; events: number }>;
  event_types: Array<{ event_type: string; total: number; last_received: string }>;
  has_historical_data: boolean;
}

/** GET /events/conversion-stats */
export interface ConversionStats {
  /** Daily buckets; `date` is the day's midnight timestamp, as in the vendor's example. */
  time_series: Array<{ date: string; conversions: number }>;
  total: number;
  by_event_type: Array<{ event_type: string; total: number }>;
}

export interface ShopifyConnection {
  id: string;
  shop_domain: string;
  is_active: boolean;
  connected_at: string;
  verification_status: string | null;
}

export interface CalendlyConnection {
  id: string;
  is_active: boolean;
  connected_at: string;
}

/** GET /integrations */
export interface Integrations {
  shopify: ShopifyConnection[];
  calendly: CalendlyConnection[];
}
