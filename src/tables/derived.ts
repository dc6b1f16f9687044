import { numberOrNull } from '../api/parse';
import { ColumnType, RawValue } from './table';

/**
 * The vendor's derived metrics (gravity-api.md), computed from sums: a campaign's lifetime numbers or a
 * period's totals. A zero (or missing) denominator gives null, which a cell shows as blank: never
 * Infinity, NaN or an error.
 */

export const DERIVED_METRICS = ['ctr', 'cpc', 'cpm', 'conversion_rate', 'cpa', 'roas'] as const;
export type DerivedMetric = (typeof DERIVED_METRICS)[number];

/** The sums every derived metric is made of. */
export interface MetricSums {
  impressions: number | null;
  clicks: number | null;
  spend: number | null;
  conversions: number | null;
  revenue: number | null;
}

/** Each metric as numerator / denominator × scale. */
const DEFINITIONS: Record<DerivedMetric, { of: keyof MetricSums; per: keyof MetricSums; scale: number }> = {
  ctr: { of: 'clicks', per: 'impressions', scale: 100 },
  cpc: { of: 'spend', per: 'clicks', scale: 1 },
  cpm: { of: 'spend', per: 'impressions', scale: 1000 },
  conversion_rate: { of: 'conversions', per: 'clicks', scale: 100 },
  cpa: { of: 'spend', per: 'conversions', scale: 1 },
  roas: { of: 'revenue', per: 'spend', scale: 1 },
};

/** ctr and conversion_rate are percentages as plain numbers (0.52 means 0.52 %), roas a ratio; the rest dollars. */
export const DERIVED_COLUMN_TYPES: Record<DerivedMetric, ColumnType> = {
  ctr: 'decimal',
  cpc: 'money',
  cpm: 'money',
  conversion_rate: 'decimal',
  cpa: 'money',
  roas: 'decimal',
};

/** The field a metric divides by: a row whose denominator is 0 has no value for it. */
export function denominatorOf(metric: DerivedMetric): keyof MetricSums {
  return DEFINITIONS[metric].per;
}

export function derivedMetric(metric: DerivedMetric, sums: MetricSums): number | null {
  const { of, per, scale } = DEFINITIONS[metric];
  const numerator = sums[of];
  const denominator = sums[per];
  if (numerator === null || denominator === null || denominator === 0) return null;
  const value = (numerator / denominator) * scale;
  return Number.isFinite(value) ? value : null;
}

/** All six, in the spec's column order. */
export function derivedMetrics(sums: MetricSums): RawValue[] {
  return DERIVED_METRICS.map((metric) => derivedMetric(metric, sums));
}

/** A number from an API value, or null (text numbers are accepted: the API documents no types). */
export function numericOrNull(value: RawValue | undefined): number | null {
  return numberOrNull(value);
}
