import { DAILY_METRIC_FIELDS } from '../api/endpoints';
import { numberOrNull } from '../api/parse';
import { DailyMetric, MetricsResponse } from '../api/types';
import {
  DERIVED_COLUMN_TYPES,
  DERIVED_METRICS,
  DerivedMetric,
  denominatorOf,
  derivedMetric,
  MetricSums,
} from './derived';
import { flatten } from './field-value';
import { ColumnType, column, RawValue, Table } from './table';

export type DailyMetricField = (typeof DAILY_METRIC_FIELDS)[number];

export const DAILY_METRIC_TYPES: Record<DailyMetricField, ColumnType> = {
  date: 'date',
  impressions: 'count',
  clicks: 'count',
  spend: 'money',
  conversions: 'count',
  revenue: 'money',
  ...DERIVED_COLUMN_TYPES,
};

/** The metrics GRAVITY_TOTAL reads straight from the API's totals; the derived ones are computed from them. */
export const TOTAL_METRICS = ['impressions', 'clicks', 'spend', 'conversions', 'revenue'] as const;
export type TotalMetric = (typeof TOTAL_METRICS)[number];
export const ALL_TOTAL_METRICS = [...TOTAL_METRICS, ...DERIVED_METRICS] as const;
export type AnyTotalMetric = TotalMetric | DerivedMetric;

function isDerived(field: string): field is DerivedMetric {
  return (DERIVED_METRICS as readonly string[]).includes(field);
}

/**
 * One row per day, oldest first, with the API's daily fields. The API's own derived values are kept, except
 * where that day's denominator is 0: those cells are blank whatever the API sent.
 */
export function metricsTable(days: DailyMetric[]): Table {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    columns: DAILY_METRIC_FIELDS.map((field) => column(field, DAILY_METRIC_TYPES[field])),
    rows: sorted.map((day) =>
      DAILY_METRIC_FIELDS.map((field): RawValue => {
        const value = flatten(day[field]);
        if (!isDerived(field)) return value;
        const denominator = numberOrNull(day[denominatorOf(field)]);
        return denominator === 0 ? null : value;
      }),
    ),
  };
}

/** The period's sums as the API totals them. */
export function metricTotals(response: MetricsResponse): MetricSums {
  return {
    impressions: response.total_impressions,
    clicks: response.total_clicks,
    spend: response.total_spend,
    conversions: response.total_conversions,
    revenue: response.total_revenue,
  };
}

/** One total: the API's own for sums, derived from the totals for rates (null on a zero denominator). */
export function totalMetric(response: MetricsResponse, metric: AnyTotalMetric): number | null {
  const sums = metricTotals(response);
  return isDerived(metric) ? derivedMetric(metric, sums) : sums[metric];
}

export function totalMetricType(metric: AnyTotalMetric): ColumnType {
  return DAILY_METRIC_TYPES[metric];
}
