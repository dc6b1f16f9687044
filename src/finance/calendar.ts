/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings, in whole UTC days: the API's daily `date` values are
 * calendar dates, not instants, so no time zone may shift them.
 */

const MS_PER_DAY = 86_400_000;

function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY;
}

function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return isoOfDay(dayNumber(isoDate) + days);
}

/** Days from `start` to `end` inclusive (a single day counts 1). */
export function daysInclusive(start: string, end: string): number {
  return dayNumber(end) - dayNumber(start) + 1;
}

/** "2025-05" of "2025-05-20". */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

export function firstDayOfMonth(month: string): string {
  return `${month}-01`;
}

export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return isoOfDay(Date.UTC(year, monthNumber, 0) / MS_PER_DAY);
}

/** The first day of the month `monthsBack` months before the month of `isoDate` (0 = its own month). */
export function monthStartBefore(isoDate: string, monthsBack: number): string {
  const [year, month] = isoDate.split('-').map(Number);
  return isoOfDay(Date.UTC(year, month - 1 - monthsBack, 1) / MS_PER_DAY);
}

/** The UTC calendar date of an instant: the API buckets days and stamps times in UTC (gravity-api.md). */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function later(a: string, b: string): string {
  return a > b ? a : b;
}

export function earlier(a: string, b: string): string {
  return a < b ? a : b;
}
