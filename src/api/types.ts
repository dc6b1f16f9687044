/**
 * Response shapes of the Gravity advertiser API (shared/reference/gravity-api.md). Every field may be missing
 * or null in practice (the API documents neither), so optional fields are typed as such and the code that
 * reads them copes; extra fields are kept and passed through.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface AdvertiserInfo extends JsonObject {
  advertiser_id: string;
  name: string;
  email: string;
}

export interface Campaign extends JsonObject {
  campaign_id: string;
  name: string | null;
  status: string | null;
  is_active: boolean | null;
  daily_budget: number | null;
  landing_page: string | null;
  campaign_objective: string | null;
  created_at: string | null;
  start_time: string | null;
  end_time: string | null;
  impressions: number | null;
  clicks: number | null;
  spend: number | null;
  conversions: number | null;
  conversion_value: number | null;
}

export interface CampaignDetail extends Campaign {
  allowed_countries: string[] | null;
  allowed_devices: string[] | null;
  utm_params: { [name: string]: Json } | null;
  deployment_status: string | null;
}

export interface DailyMetric extends JsonObject {
  date: string;
  impressions: number | null;
  clicks: number | null;
  spend: number | null;
  conversions: number | null;
  revenue: number | null;
  ctr: number | null;
  cpc: number | null;
  cpm: number | null;
  conversion_rate: number | null;
  cpa: number | null;
  roas: number | null;
}

export interface MetricsResponse {
  data: DailyMetric[];
  total_impressions: number | null;
  total_clicks: number | null;
  total_spend: number | null;
  total_conversions: number | null;
  total_revenue: number | null;
}

export interface Conversion extends JsonObject {
  conversion_id: string;
  event_type: string | null;
  value_cents: number | null;
  currency: string | null;
  conversion_timestamp: string | null;
  campaign_id: string | null;
  order_id: string | null;
  page_url: string | null;
  source: string | null;
  is_attributed: boolean | null;
}

export interface ConversionsPage {
  conversions: Conversion[];
  total_conversions: number | null;
  has_more: boolean;
  next_cursor: string | null;
}

export interface Billing extends JsonObject {
  total_spend_dollars: number | null;
  total_billed_dollars: number | null;
  unbilled_dollars: number | null;
  credits_dollars: number | null;
  billing_enabled: boolean | null;
  last_spend_sync_at: string | null;
  last_billed_at: string | null;
}

export interface EventsAnalytics {
  domains: Array<{ domain: string | null; events: number | null }>;
  time_series: Array<{ date: string | null; events: number | null }>;
  event_types: Array<{ event_type: string | null; total: number | null; last_received: string | null }>;
  has_historical_data: boolean | null;
}

export interface ConversionStats {
  time_series: Array<{ date: string | null; conversions: number | null }>;
  total: number | null;
  by_event_type: Array<{ event_type: string | null; total: number | null }>;
}

export interface ShopifyIntegration extends JsonObject {
  id: string;
  shop_domain: string | null;
  is_active: boolean | null;
  connected_at: string | null;
  verification_status: string | null;
}

export interface CalendlyIntegration extends JsonObject {
  id: string;
  is_active: boolean | null;
  connected_at: string | null;
}

export interface Integrations {
  shopify: ShopifyIntegration[];
  calendly: CalendlyIntegration[];
}
