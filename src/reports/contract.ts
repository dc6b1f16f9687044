/**
 * What the report engine offers the rest of the add-on (menu actions, the sidebar's server functions, the
 * playground): plain data only, since sidebar results travel through google.script.run.
 */

export const REPORT_TYPES = [
  'info',
  'campaigns',
  'campaign',
  'metrics',
  'conversions',
  'billing',
  'events_domains',
  'events_timeseries',
  'events_types',
  'conversion_stats_timeseries',
  'conversion_stats_types',
  'integrations',
  'reconciliation',
  'monthly_spend',
] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export const REPORT_MODES = ['replace', 'append'] as const;
export type ReportMode = (typeof REPORT_MODES)[number];

export type ScheduleFrequency = 'hour' | 'day' | 'week' | 'off';

/** A new row of `Gravity Reports`, as the sidebar's form or a menu item describes it. */
export interface NewReport {
  report: ReportType;
  tab?: string;
  days?: number;
  startDate?: string;
  endDate?: string;
  campaignId?: string;
  status?: string;
  eventType?: string;
  domain?: string;
  mode?: ReportMode;
}

/** One row of `Gravity Reports` as shown in the sidebar (all text/numbers as read from the sheet). */
export interface ReportRowView {
  /** Sheet row number in `Gravity Reports` (2 = first report). */
  row: number;
  tab: string;
  report: string;
  mode: string;
  enabled: boolean;
  /** ISO instant of the last run, or "". */
  lastRun: string;
  result: string;
  rows: number | null;
}

export interface ReportRunResult {
  row: number;
  tab: string;
  ok: boolean;
  /** "OK" or the error message. */
  result: string;
  rows: number | null;
  durationMs: number;
}

export interface ScheduleView {
  frequency: ScheduleFrequency;
  /** ISO instant of the last scheduled or manual run, or "". */
  lastRun: string;
  lastResult: string;
}
