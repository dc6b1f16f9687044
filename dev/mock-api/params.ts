/**
 * Query parameter validation, with the vendor's status codes: 400 for an invalid value, 422 for a missing
 * required one (shared/reference/gravity-api.md, "Errors").
 */
import { ApiError } from './api-error';
import { DEFAULT_DAYS, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_RANGE_DAYS, QUERY } from './constants';
import { parseDay } from './dates';

/** Inclusive range of day numbers (days since 1970-01-01), as requested (not yet clipped to the history). */
export interface DayRange {
  firstDay: number;
  lastDay: number;
}

function integerIn(query: URLSearchParams, name: string, min: number, max: number): number | null {
  const raw = query.get(name);
  if (raw === null) return null;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ApiError(400, `${name} must be an integer between ${min} and ${max}`);
  }
  return Number(raw);
}

function dateParam(query: URLSearchParams, name: string): number {
  const day = parseDay(query.get(name) ?? '');
  if (day === null) throw new ApiError(400, `${name} must be a valid date in YYYY-MM-DD format`);
  return day;
}

/**
 * `days` (1–365, default 30) counts back from today inclusive; a `start_date`+`end_date` pair overrides it.
 * Any start within the history is allowed, so a client can cover more than a year in several requests, but
 * one request spans at most 365 days. `days` is validated even when the pair overrides it.
 */
export function parseDayRange(query: URLSearchParams, todayDay: number): DayRange {
  const days = integerIn(query, QUERY.days, 1, MAX_RANGE_DAYS) ?? DEFAULT_DAYS;
  const hasStart = query.has(QUERY.startDate);
  const hasEnd = query.has(QUERY.endDate);
  if (!hasStart && !hasEnd) return { firstDay: todayDay - days + 1, lastDay: todayDay };
  if (!hasStart || !hasEnd) {
    const missing = hasStart ? QUERY.endDate : QUERY.startDate;
    throw new ApiError(
      422,
      `missing required parameter: ${missing} (${QUERY.startDate} and ${QUERY.endDate} go together)`,
    );
  }
  const firstDay = dateParam(query, QUERY.startDate);
  const lastDay = dateParam(query, QUERY.endDate);
  if (firstDay > lastDay) throw new ApiError(400, `${QUERY.startDate} must not be after ${QUERY.endDate}`);
  if (lastDay - firstDay + 1 > MAX_RANGE_DAYS) {
    throw new ApiError(400, `date range must not span more than ${MAX_RANGE_DAYS} days`);
  }
  return { firstDay, lastDay };
}

/** Page size of /conversions: 1–100, default 50. */
export function parseLimit(query: URLSearchParams): number {
  return integerIn(query, QUERY.limit, 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
}
