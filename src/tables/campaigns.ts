import { CAMPAIGN_DETAIL_FIELDS, CAMPAIGN_FIELDS } from '../api/endpoints';
import { Campaign, CampaignDetail, JsonObject } from '../api/types';
import { numberOrNull } from '../api/parse';
import { DERIVED_COLUMN_TYPES, DERIVED_METRICS, derivedMetrics } from './derived';
import { fieldValueTable, flatten } from './field-value';
import { ColumnType, column, Table } from './table';

export type CampaignField = (typeof CAMPAIGN_FIELDS)[number];
export type CampaignDetailField = (typeof CAMPAIGN_DETAIL_FIELDS)[number];

export const CAMPAIGN_COLUMN_TYPES: Record<CampaignField, ColumnType> = {
  campaign_id: 'text',
  name: 'text',
  status: 'text',
  is_active: 'boolean',
  daily_budget: 'money',
  landing_page: 'text',
  campaign_objective: 'text',
  created_at: 'datetime',
  start_time: 'datetime',
  end_time: 'datetime',
  impressions: 'count',
  clicks: 'count',
  spend: 'money',
  conversions: 'count',
  conversion_value: 'money',
};

/** Types of a campaign detail's rows; `utm_params.<name>` rows are text. */
export const CAMPAIGN_DETAIL_TYPES: Record<CampaignDetailField, ColumnType> = {
  ...CAMPAIGN_COLUMN_TYPES,
  allowed_countries: 'text',
  allowed_devices: 'text',
  utm_params: 'text',
  deployment_status: 'text',
};

export const UTM_PREFIX = 'utm_params.';

/** The derived metrics of a campaign's lifetime numbers (its revenue is `conversion_value`). */
export function campaignDerived(campaign: Campaign): ReturnType<typeof derivedMetrics> {
  return derivedMetrics({
    impressions: numberOrNull(campaign.impressions),
    clicks: numberOrNull(campaign.clicks),
    spend: numberOrNull(campaign.spend),
    conversions: numberOrNull(campaign.conversions),
    revenue: numberOrNull(campaign.conversion_value),
  });
}

/**
 * One row per campaign: the API's list fields in their documented order (extra fields the API may add are
 * left out, so columns never shift under a user's references), then ctr, cpc, cpm, conversion_rate, cpa, roas.
 */
export function campaignsTable(campaigns: Campaign[]): Table {
  return {
    columns: [
      ...CAMPAIGN_FIELDS.map((field) => column(field, CAMPAIGN_COLUMN_TYPES[field])),
      ...DERIVED_METRICS.map((metric) => column(metric, DERIVED_COLUMN_TYPES[metric])),
    ],
    rows: campaigns.map((campaign) => [
      ...CAMPAIGN_FIELDS.map((field) => flatten(campaign[field])),
      ...campaignDerived(campaign),
    ]),
  };
}

/**
 * A campaign's detail as `field | value` rows: lists joined with ", ", `utm_params` flattened to one
 * `utm_params.<name>` row per parameter (in place of the object), extra API fields kept at the end.
 */
export function campaignDetailTable(detail: CampaignDetail): Table {
  const flat: JsonObject = {};
  const types: Record<string, ColumnType> = { ...CAMPAIGN_DETAIL_TYPES };
  for (const field of Object.keys(detail)) {
    const value = detail[field];
    if (field !== 'utm_params') {
      flat[field] = value;
      continue;
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const name of Object.keys(value)) {
        flat[UTM_PREFIX + name] = value[name];
        types[UTM_PREFIX + name] = 'text';
      }
    } else if (value !== null) {
      flat[field] = value; // not the documented object: shown as it came rather than lost
    }
  }
  return fieldValueTable(flat, types);
}
