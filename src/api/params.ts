import { invalidArgument } from './errors';

/**
 * Every query-parameter name of the API in one place (shared/reference/gravity-api.md: the vendor's copy lost
 * them), so a correction is a one-line change.
 */
export const PARAM = {
  days: 'days',
  startDate: 'start_date',
  endDate: 'end_date',
  campaignId: 'campaign_id',
  status: 'status',
  limit: 'limit',
  cursor: 'cursor',
  eventType: 'event_type',
  domain: 'domain',
} as const;

export const MAX_DAYS = 365;
export const MAX_PAGE_SIZE = 100;

/** A period: the last `days` days, or an inclusive calendar range. */
export type DateRange = { days: number } | { start: string; end: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whole days from `start` to `end` (both YYYY-MM-DD). */
export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
}

export function validateDays(days: number, name = 'days'): number {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw invalidArgument(`${name} must be a whole number from 1 to ${MAX_DAYS}, not ${String(days)}.`);
  }
  return days;
}

/** Checks a range before any request: whole days in 1–365, or real dates with start not after end. */
export function validateRange(range: DateRange): DateRange {
  if ('days' in range) return { days: validateDays(range.days) };
  if (!isCalendarDate(range.start)) {
    throw invalidArgument(`start date must be a real date written YYYY-MM-DD, not "${range.start}".`);
  }
  if (!isCalendarDate(range.end)) {
    throw invalidArgument(`end date must be a real date written YYYY-MM-DD, not "${range.end}".`);
  }
  if (range.end < range.start) {
    throw invalidArgument(`end date ${range.end} is before start date ${range.start}; swap them.`);
  }
  return range;
}

/** Ids go into paths and queries: they must be non-empty text. */
export function validateId(id: string, name = 'campaign_id'): string {
  const trimmed = id.trim();
  if (!trimmed)
    throw invalidArgument(`${name} is empty; give a campaign id (GRAVITY_CAMPAIGNS() lists them).`);
  return trimmed;
}

export function validatePageSize(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalidArgument(
      `page size must be a whole number from 1 to ${MAX_PAGE_SIZE}, not ${String(limit)}.`,
    );
  }
  return limit;
}

export type QueryValue = string | number | undefined;

export function rangeQuery(range: DateRange): Record<string, QueryValue> {
  const valid = validateRange(range);
  return 'days' in valid
    ? { [PARAM.days]: valid.days }
    : { [PARAM.startDate]: valid.start, [PARAM.endDate]: valid.end };
}

/** `a=1&b=x` with keys sorted, undefined/empty values left out: also the stable part of cache keys. */
export function queryString(query: Record<string, QueryValue>): string {
  return Object.keys(query)
    .filter((key) => query[key] !== undefined && query[key] !== '')
    .sort()
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(query[key]))}`)
    .join('&');
}
