/**
 * Daily metrics as far back as the API serves them. One /metrics request spans at most 365 days, so a longer
 * history is asked for in windows (start/end pairs) that go out together with fetchAll; going back stops at
 * the first window that returns no data (the advertiser's history starts after it).
 */
import { GravityClient } from '../api/client';
import { ApiRequest, metricsRequest } from '../api/endpoints';
import { GravityError } from '../api/errors';
import { MAX_DAYS } from '../api/params';
import { DailyMetric, MetricsResponse } from '../api/types';
import { addDays, later, monthStartBefore } from './calendar';

export interface DateWindow {
  start: string;
  end: string;
}

/** One request's window and the API's answer to it: the trace of every figure built from it. */
export interface WindowMetrics {
  window: DateWindow;
  response: MetricsResponse;
}

export interface DailyHistory {
  /** Oldest first. */
  windows: WindowMetrics[];
  /** Every daily row of every window, oldest first, one per date. */
  days: DailyMetric[];
  /** The dates the data covers: from the first row the API sent to the last day asked for; null if none. */
  span: DateWindow | null;
}

/** The client methods finance needs (a GravityClient, or a test double of it). */
export type MetricsClient = Pick<GravityClient, 'getAll'>;

/** The first fetch covers two years, so a year-on-year month-end comparison costs one round of requests. */
export const FIRST_LOOKBACK_MONTHS = 24;
/** Each further round asks for this many more windows at once. */
const WINDOWS_PER_ROUND = 2;
/** A hard stop (10 years) so an API that answers every window with data cannot keep a run going. */
export const MAX_WINDOWS = 10;

/** Windows of at most `maxDays` days covering `start`…`end`, newest first. */
export function planWindows(start: string, end: string, maxDays = MAX_DAYS): DateWindow[] {
  const windows: DateWindow[] = [];
  let windowEnd = end;
  while (windowEnd >= start) {
    const earliest = addDays(windowEnd, -(maxDays - 1));
    const windowStart = earliest < start ? start : earliest;
    windows.push({ start: windowStart, end: windowEnd });
    windowEnd = addDays(windowStart, -1);
  }
  return windows;
}

function windowRequests(windows: DateWindow[]): ApiRequest<MetricsResponse>[] {
  return windows.map((window) => metricsRequest({ range: { start: window.start, end: window.end } }));
}

function firstRoundWindows(end: string): DateWindow[] {
  return planWindows(monthStartBefore(end, FIRST_LOOKBACK_MONTHS - 1), end).slice(0, MAX_WINDOWS);
}

/** The first round fetchDailyHistory sends (it depends on no answer, so it can go out with other requests). */
export function firstHistoryRequests(end: string): ApiRequest<MetricsResponse>[] {
  return windowRequests(firstRoundWindows(end));
}

/**
 * One round of windows. The newest window must answer; an older one the API refuses as a parameter error
 * (400/422: a start date before what it serves) marks how far back it goes, like an empty window.
 */
function fetchWindows(
  client: MetricsClient,
  windows: DateWindow[],
  newestIncluded: boolean,
): WindowMetrics[] {
  const outcomes = client.getAll(windowRequests(windows));
  return outcomes.map((outcome, i) => {
    if (outcome instanceof GravityError) {
      const beyondHistory = outcome.kind === 'bad_request' || outcome.kind === 'unprocessable';
      if (!beyondHistory || (newestIncluded && i === 0)) throw outcome;
      return { window: windows[i], response: { ...EMPTY_WINDOW } };
    }
    return { window: windows[i], response: outcome as MetricsResponse };
  });
}

const EMPTY_WINDOW: MetricsResponse = {
  data: [],
  total_impressions: null,
  total_clicks: null,
  total_spend: null,
  total_conversions: null,
  total_revenue: null,
};

/**
 * Every daily row (all campaigns) up to `end` (today, normally), as far back as the API has data: two years in
 * the first round of requests, then two more windows per round until a window comes back empty.
 */
export function fetchDailyHistory(client: MetricsClient, end: string): DailyHistory {
  const fetched: WindowMetrics[] = [];
  let windows = firstRoundWindows(end);
  for (;;) {
    const round = fetchWindows(client, windows, fetched.length === 0);
    fetched.push(...round);
    const reachedStart = round.some((w) => w.response.data.length === 0);
    if (reachedStart || fetched.length >= MAX_WINDOWS) break;
    const roundEnd = addDays(windows[windows.length - 1].start, -1);
    const roundStart = addDays(roundEnd, -(WINDOWS_PER_ROUND * MAX_DAYS - 1));
    windows = planWindows(roundStart, roundEnd).slice(0, MAX_WINDOWS - fetched.length);
  }
  return assemble(fetched, end);
}

/** Puts windows and rows oldest first; a date answered twice (overlapping windows) counts once. */
export function assemble(fetched: WindowMetrics[], end: string): DailyHistory {
  const windows = [...fetched].sort((a, b) => (a.window.start < b.window.start ? -1 : 1));
  const byDate = new Map<string, DailyMetric>();
  for (const { response } of windows) {
    for (const row of response.data) if (!byDate.has(row.date)) byDate.set(row.date, row);
  }
  const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const span =
    days.length === 0 ? null : { start: days[0].date, end: later(days[days.length - 1].date, end) };
  return { windows, days, span };
}
