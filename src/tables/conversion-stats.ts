import { ConversionStats } from '../api/types';
import { column, Table } from './table';

/** The views of /events/conversion-stats: two tables and one number. */
export const CONVERSION_STATS_VIEWS = ['timeseries', 'types', 'total'] as const;
export type ConversionStatsView = (typeof CONVERSION_STATS_VIEWS)[number];
export type ConversionStatsTableView = Exclude<ConversionStatsView, 'total'>;

/**
 * Conversions per day. The API sends each day as its midnight timestamp (`2025-05-20T00:00:00`), so `date` is a
 * calendar date: it shows as that day in the spreadsheet's zone, not as a UTC midnight shifted a day.
 */
export function conversionTimeseriesTable(stats: ConversionStats): Table {
  const rows = stats.time_series.map((d) => [d.date, d.conversions]);
  rows.sort((a, b) => String(a[0] ?? '').localeCompare(String(b[0] ?? '')));
  return { columns: [column('date', 'date'), column('conversions', 'count')], rows };
}

/** Conversions per event type. */
export function conversionTypesTable(stats: ConversionStats): Table {
  return {
    columns: [column('event_type', 'text'), column('total', 'count')],
    rows: stats.by_event_type.map((d) => [d.event_type, d.total]),
  };
}

export function conversionStatsTable(stats: ConversionStats, view: ConversionStatsTableView): Table {
  return view === 'timeseries' ? conversionTimeseriesTable(stats) : conversionTypesTable(stats);
}
