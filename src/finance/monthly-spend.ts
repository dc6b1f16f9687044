/**
 * Month-end spend: the daily rows summed per calendar month (money in integer cents, so each month and the
 * total are exact sums of the daily values), the vendor's derived metrics from those sums, and a `coverage`
 * column that says when a month is only partly covered by the data (the month in progress, or the month the
 * history starts in), so nobody accrues a partial month as if it were whole.
 */
import { DailyMetric } from '../api/types';
import { DERIVED_COLUMN_TYPES, DERIVED_METRICS, derivedMetrics, numericOrNull } from '../tables/derived';
import { column, Column, RawValue, Table } from '../tables/table';
import { daysInclusive, earlier, firstDayOfMonth, lastDayOfMonth, later, monthOf } from './calendar';
import { DateWindow } from './daily-history';
import { centsOrNull, toDollars } from './money';

/** Sums of one month (or of the whole span), money in cents. */
export interface PeriodSums {
  /** "2025-05", or "Total". */
  label: string;
  /** The part of the period the data covers. */
  from: string;
  to: string;
  coveredDays: number;
  periodDays: number;
  impressions: number;
  clicks: number;
  spendCents: number;
  conversions: number;
  revenueCents: number;
}

export interface MonthlySpend {
  months: PeriodSums[];
  total: PeriodSums;
}

export const MONTHLY_SPEND_COLUMNS: Column[] = [
  column('month', 'text'),
  column('from', 'date'),
  column('to', 'date'),
  column('days', 'count'),
  column('coverage', 'text'),
  column('impressions', 'count'),
  column('clicks', 'count'),
  column('spend', 'money'),
  column('conversions', 'count'),
  column('revenue', 'money'),
  ...DERIVED_METRICS.map((metric) => column(metric, DERIVED_COLUMN_TYPES[metric])),
];

function emptySums(label: string, from: string, to: string, periodDays: number): PeriodSums {
  return {
    label,
    from,
    to,
    coveredDays: daysInclusive(from, to),
    periodDays,
    impressions: 0,
    clicks: 0,
    spendCents: 0,
    conversions: 0,
    revenueCents: 0,
  };
}

/** The total row when the API had no daily rows at all. */
function noData(): PeriodSums {
  return {
    label: 'Total',
    from: '',
    to: '',
    coveredDays: 0,
    periodDays: 0,
    impressions: 0,
    clicks: 0,
    spendCents: 0,
    conversions: 0,
    revenueCents: 0,
  };
}

function add(into: PeriodSums, row: DailyMetric): void {
  into.impressions += numericOrNull(row.impressions) ?? 0;
  into.clicks += numericOrNull(row.clicks) ?? 0;
  into.spendCents += centsOrNull(row.spend) ?? 0;
  into.conversions += numericOrNull(row.conversions) ?? 0;
  into.revenueCents += centsOrNull(row.revenue) ?? 0;
}

/**
 * Sums `days` per calendar month over `span` (the dates the data covers: rows the API left out inside it are
 * days with nothing to report). Months come oldest first; every month of the span has a row, even an empty one.
 */
export function monthlySpend(days: DailyMetric[], span: DateWindow | null): MonthlySpend {
  if (span === null) return { months: [], total: noData() };
  const months = new Map<string, PeriodSums>();
  for (let month = monthOf(span.start); month <= monthOf(span.end); month = nextMonth(month)) {
    const from = later(firstDayOfMonth(month), span.start);
    const to = earlier(lastDayOfMonth(month), span.end);
    months.set(
      month,
      emptySums(month, from, to, daysInclusive(firstDayOfMonth(month), lastDayOfMonth(month))),
    );
  }
  const spanDays = daysInclusive(span.start, span.end);
  const total = emptySums('Total', span.start, span.end, spanDays);
  for (const row of days) {
    const month = months.get(monthOf(row.date));
    if (!month || row.date < span.start || row.date > span.end) continue;
    add(month, row);
    add(total, row);
  }
  return { months: [...months.values()], total };
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

export function isPartial(sums: PeriodSums): boolean {
  return sums.coveredDays < sums.periodDays;
}

/** "complete", or "partial (12 of 31 days)". */
export function coverageText(sums: PeriodSums): string {
  return isPartial(sums) ? `partial (${sums.coveredDays} of ${sums.periodDays} days)` : 'complete';
}

function sumsRow(sums: PeriodSums, coverage: string): RawValue[] {
  const spend = toDollars(sums.spendCents);
  const revenue = toDollars(sums.revenueCents);
  return [
    sums.label,
    sums.from || null,
    sums.to || null,
    sums.coveredDays,
    coverage,
    sums.impressions,
    sums.clicks,
    spend,
    sums.conversions,
    revenue,
    ...derivedMetrics({
      impressions: sums.impressions,
      clicks: sums.clicks,
      spend,
      conversions: sums.conversions,
      revenue,
    }),
  ];
}

/** The `monthly_spend` tab: one row per month, oldest first, then the total row. */
export function monthlySpendTable(result: MonthlySpend): Table {
  const partial = result.months.filter(isPartial).map((m) => m.label);
  const totalCoverage =
    partial.length === 0
      ? 'complete'
      : `includes partial month${partial.length > 1 ? 's' : ''} ${partial.join(', ')}`;
  return {
    columns: MONTHLY_SPEND_COLUMNS,
    rows: [...result.months.map((m) => sumsRow(m, coverageText(m))), sumsRow(result.total, totalCoverage)],
  };
}
