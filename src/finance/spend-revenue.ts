/** The data behind the daily spend vs revenue (ROAS) chart: one row per day of the reconciliation period. */
import { DailyMetric } from '../api/types';
import { derivedMetric, numericOrNull } from '../tables/derived';
import { column, Table } from '../tables/table';
import { centsOrNull, toDollars } from './money';

export const SPEND_REVENUE_COLUMNS = [
  column('date', 'date'),
  column('spend', 'money'),
  column('revenue', 'money'),
  column('roas', 'decimal'),
];

export function spendRevenueTable(days: DailyMetric[]): Table {
  return {
    columns: SPEND_REVENUE_COLUMNS,
    rows: days.map((day) => {
      const spendCents = centsOrNull(day.spend);
      const revenueCents = centsOrNull(day.revenue);
      const spend = spendCents === null ? null : toDollars(spendCents);
      const revenue = revenueCents === null ? null : toDollars(revenueCents);
      const roas = derivedMetric('roas', {
        impressions: numericOrNull(day.impressions),
        clicks: numericOrNull(day.clicks),
        spend,
        conversions: numericOrNull(day.conversions),
        revenue,
      });
      return [day.date, spend, revenue, roas];
    }),
  };
}
