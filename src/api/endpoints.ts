import { asObject, numberOrNull, objectList, requireField, withFields } from './parse';
import { DateRange, PARAM, QueryValue, rangeQuery, validateId, validatePageSize } from './params';
import {
  AdvertiserInfo,
  Billing,
  Campaign,
  CampaignDetail,
  CalendlyIntegration,
  ConversionStats,
  Conversion,
  ConversionsPage,
  DailyMetric,
  EventsAnalytics,
  Integrations,
  Json,
  MetricsResponse,
  ShopifyIntegration,
} from './types';

/**
 * One request to the API, described as data so that independent requests can go out together (fetchAll)
 * and be cached by their path and query. Building one validates its parameters: nothing invalid is ever sent.
 */
export interface ApiRequest<T> {
  /** Path under /advertiser-dashboard, e.g. "/metrics". */
  readonly path: string;
  readonly query: Record<string, QueryValue>;
  readonly parse: (json: Json) => T;
}

export const CAMPAIGN_FIELDS = [
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
] as const;

export const CAMPAIGN_DETAIL_FIELDS = [
  ...CAMPAIGN_FIELDS,
  'allowed_countries',
  'allowed_devices',
  'utm_params',
  'deployment_status',
] as const;

export const DAILY_METRIC_FIELDS = [
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
] as const;

export const CONVERSION_FIELDS = [
  'conversion_id',
  'event_type',
  'value_cents',
  'currency',
  'conversion_timestamp',
  'campaign_id',
  'order_id',
  'page_url',
  'source',
  'is_attributed',
] as const;

export const BILLING_FIELDS = [
  'total_spend_dollars',
  'total_billed_dollars',
  'unbilled_dollars',
  'credits_dollars',
  'billing_enabled',
  'last_spend_sync_at',
  'last_billed_at',
] as const;

export const INFO_FIELDS = ['advertiser_id', 'name', 'email'] as const;

const SHOPIFY_FIELDS = ['id', 'shop_domain', 'is_active', 'connected_at', 'verification_status'] as const;
const CALENDLY_FIELDS = ['id', 'is_active', 'connected_at'] as const;

function optionalText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function infoRequest(): ApiRequest<AdvertiserInfo> {
  return {
    path: '/info',
    query: {},
    parse: (json) => withFields<AdvertiserInfo>(asObject(json, '/info'), INFO_FIELDS),
  };
}

export function campaignsRequest(status?: string): ApiRequest<Campaign[]> {
  return {
    path: '/campaigns',
    // Statuses are lower case in the API (active, paused, draft); "Active" typed by a user means the same.
    query: { [PARAM.status]: optionalText(status)?.toLowerCase() },
    parse: (json) =>
      objectList(asObject(json, '/campaigns'), 'campaigns', '/campaigns').map((item) => {
        requireField(item, 'campaign_id', '/campaigns');
        return withFields<Campaign>(item, CAMPAIGN_FIELDS);
      }),
  };
}

export function campaignRequest(campaignId: string): ApiRequest<CampaignDetail> {
  const id = validateId(campaignId);
  return {
    path: `/campaigns/${encodeURIComponent(id)}`,
    query: {},
    parse: (json) => withFields<CampaignDetail>(asObject(json, `/campaigns/${id}`), CAMPAIGN_DETAIL_FIELDS),
  };
}

export interface MetricsQuery {
  range: DateRange;
  campaignId?: string;
}

export function metricsRequest({ range, campaignId }: MetricsQuery): ApiRequest<MetricsResponse> {
  const campaign = campaignId === undefined ? undefined : validateId(campaignId);
  return {
    path: '/metrics',
    query: { ...rangeQuery(range), [PARAM.campaignId]: campaign },
    parse: (json) => {
      const object = asObject(json, '/metrics');
      const data = objectList(object, 'data', '/metrics').map((item) => {
        requireField(item, 'date', '/metrics');
        return withFields<DailyMetric>(item, DAILY_METRIC_FIELDS);
      });
      data.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      return {
        data,
        total_impressions: numberOrNull(object.total_impressions),
        total_clicks: numberOrNull(object.total_clicks),
        total_spend: numberOrNull(object.total_spend),
        total_conversions: numberOrNull(object.total_conversions),
        total_revenue: numberOrNull(object.total_revenue),
      };
    },
  };
}

export interface ConversionsQuery {
  limit: number;
  cursor?: string;
  campaignId?: string;
  eventType?: string;
}

export function conversionsRequest(query: ConversionsQuery): ApiRequest<ConversionsPage> {
  return {
    path: '/conversions',
    query: {
      [PARAM.limit]: validatePageSize(query.limit),
      [PARAM.cursor]: optionalText(query.cursor),
      [PARAM.campaignId]: query.campaignId === undefined ? undefined : validateId(query.campaignId),
      [PARAM.eventType]: optionalText(query.eventType),
    },
    parse: (json) => {
      const object = asObject(json, '/conversions');
      const conversions = objectList(object, 'conversions', '/conversions').map((item) => {
        requireField(item, 'conversion_id', '/conversions');
        return withFields<Conversion>(item, CONVERSION_FIELDS);
      });
      const cursor = object.next_cursor;
      const nextCursor = typeof cursor === 'string' && cursor ? cursor : null;
      return {
        conversions,
        total_conversions: numberOrNull(object.total_conversions),
        // A page that claims more but gives no cursor cannot be followed: treat it as the end.
        has_more: object.has_more === true && nextCursor !== null,
        next_cursor: nextCursor,
      };
    },
  };
}

export function billingRequest(): ApiRequest<Billing> {
  return {
    path: '/billing',
    query: {},
    parse: (json) => withFields<Billing>(asObject(json, '/billing'), BILLING_FIELDS),
  };
}

export interface EventsQuery {
  range: DateRange;
  domain?: string;
  eventType?: string;
}

export function eventsRequest({ range, domain, eventType }: EventsQuery): ApiRequest<EventsAnalytics> {
  return {
    path: '/events/analytics',
    query: {
      ...rangeQuery(range),
      [PARAM.domain]: optionalText(domain),
      [PARAM.eventType]: optionalText(eventType),
    },
    parse: (json) => {
      const object = asObject(json, '/events/analytics');
      const what = '/events/analytics';
      return {
        domains: objectList(object, 'domains', what).map((d) => withFields(d, ['domain', 'events'])),
        time_series: objectList(object, 'time_series', what).map((d) => withFields(d, ['date', 'events'])),
        event_types: objectList(object, 'event_types', what).map((d) =>
          withFields(d, ['event_type', 'total', 'last_received']),
        ),
        has_historical_data:
          typeof object.has_historical_data === 'boolean' ? object.has_historical_data : null,
      } as EventsAnalytics;
    },
  };
}

export interface ConversionStatsQuery {
  range: DateRange;
  eventType?: string;
}

export function conversionStatsRequest({
  range,
  eventType,
}: ConversionStatsQuery): ApiRequest<ConversionStats> {
  return {
    path: '/events/conversion-stats',
    query: { ...rangeQuery(range), [PARAM.eventType]: optionalText(eventType) },
    parse: (json) => {
      const object = asObject(json, '/events/conversion-stats');
      const what = '/events/conversion-stats';
      return {
        time_series: objectList(object, 'time_series', what).map((d) =>
          withFields(d, ['date', 'conversions']),
        ),
        total: numberOrNull(object.total),
        by_event_type: objectList(object, 'by_event_type', what).map((d) =>
          withFields(d, ['event_type', 'total']),
        ),
      } as ConversionStats;
    },
  };
}

export function integrationsRequest(): ApiRequest<Integrations> {
  return {
    path: '/integrations',
    query: {},
    parse: (json) => {
      const object = asObject(json, '/integrations');
      return {
        shopify: objectList(object, 'shopify', '/integrations').map((d) =>
          withFields<ShopifyIntegration>(d, SHOPIFY_FIELDS),
        ),
        calendly: objectList(object, 'calendly', '/integrations').map((d) =>
          withFields<CalendlyIntegration>(d, CALENDLY_FIELDS),
        ),
      };
    },
  };
}
