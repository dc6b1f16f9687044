/** Daily metric rows: integer totals in, API rows (dollars plus derived metrics) out. */
import type { DailyMetrics } from './api-types';
import { dollars, round2, toCents } from './money';

/** Counts and money (in cents) of one day or one range, before the derived metrics are added. */
export interface MetricTotals {
  impressions: number;
  clicks: number;
  spendCents: number;
  conversions: number;
  revenueCents: number;
}

/** The vendor's derived metrics; each is null when its denominator is 0 (never Infinity or NaN). */
export type DerivedMetrics = Pick<DailyMetrics, 'ctr' | 'cpc' | 'cpm' | 'conversion_rate' | 'cpa' | 'roas'>;

export function zeroTotals(): MetricTotals {
  return { impressions: 0, clicks: 0, spendCents: 0, conversions: 0, revenueCents: 0 };
}

function ratio(numerator: number, denominator: number, scale: number): number | null {
  return denominator === 0 ? null : round2((numerator / denominator) * scale);
}

/** Definitions from shared/reference/gravity-api.md; ctr and conversion_rate are percentages (0.52 = 0.52 %). */
export function deriveMetrics(t: MetricTotals): DerivedMetrics {
  return {
    ctr: ratio(t.clicks, t.impressions, 100),
    cpc: ratio(t.spendCents, t.clicks, 0.01),
    cpm: ratio(t.spendCents, t.impressions, 10),
    conversion_rate: ratio(t.conversions, t.clicks, 100),
    cpa: ratio(t.spendCents, t.conversions, 0.01),
    roas: ratio(t.revenueCents, t.spendCents, 1),
  };
}

/** The API row of one day. */
export function metricsRow(date: string, t: MetricTotals): DailyMetrics {
  return {
    date,
    impressions: t.impressions,
    clicks: t.clicks,
    spend: dollars(t.spendCents),
    conversions: t.conversions,
    revenue: dollars(t.revenueCents),
    ...deriveMetrics(t),
  };
}

/** Adds an API row into running totals (in place), converting its dollars back to exact cents. */
export function addRow(into: MetricTotals, row: DailyMetrics): MetricTotals {
  into.impressions += row.impressions;
  into.clicks += row.clicks;
  into.spendCents += toCents(row.spend);
  into.conversions += row.conversions;
  into.revenueCents += toCents(row.revenue);
  return into;
}
