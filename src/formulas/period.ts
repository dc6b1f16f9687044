import { invalidArgument } from '../api/errors';
import { DateRange, daysBetween, isCalendarDate, MAX_DAYS } from '../api/params';
import { ZoneClock } from '../tables/timezone';
import { describe, isBlank, isDate, numberOf, SheetArg, single } from './args';

/** `days_or_start` left blank: the last 30 days, as the API's own default. */
export const DEFAULT_DAYS = 30;

const DAYS_OR_START = 'days_or_start';
const END_DATE = 'end_date';
const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date from a date cell (the day the spreadsheet's zone shows for it) or YYYY-MM-DD text; undefined
 * when the value is not date-like at all, so the caller can say what else it accepts.
 */
function calendarDateArg(value: SheetArg, name: string, zone: ZoneClock): string | undefined {
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) throw invalidArgument(`${name} is not a valid date.`);
    return zone.calendarDate(value);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!ISO_SHAPE.test(text)) return undefined;
  if (!isCalendarDate(text)) {
    throw invalidArgument(`${name} "${text}" is not a real date: check the month and day (YYYY-MM-DD).`);
  }
  return text;
}

/**
 * The period of `[days_or_start], [end_date]`: blank → the last 30 days; a whole number 1–365 → that many
 * days; a date cell or YYYY-MM-DD text → a start date, and then end_date (same forms) is required, not before
 * it and at most 365 days after it. Everything is checked here, before any request.
 */
export function periodArgs(daysOrStart: SheetArg, endDate: SheetArg, zone: ZoneClock): DateRange {
  const first = single(daysOrStart, DAYS_OR_START);
  const last = single(endDate, END_DATE);

  const start = calendarDateArg(first, DAYS_OR_START, zone);
  if (start === undefined) {
    const days = daysArg(first);
    if (!isBlank(last)) {
      throw invalidArgument(
        `${END_DATE} only goes with a start date: put a date (or YYYY-MM-DD text) in ${DAYS_OR_START}, ` +
          `or leave ${END_DATE} empty to get the last ${days} days.`,
      );
    }
    return { days };
  }

  if (isBlank(last)) {
    throw invalidArgument(
      `${END_DATE} is required when ${DAYS_OR_START} is a start date (${start}): give the last day as a date or YYYY-MM-DD text.`,
    );
  }
  const end = calendarDateArg(last, END_DATE, zone);
  if (end === undefined) {
    throw invalidArgument(`${END_DATE} must be a date or YYYY-MM-DD text, not ${describe(last)}.`);
  }
  if (end < start) {
    throw invalidArgument(
      `${END_DATE} ${end} is before the start date ${start} (${DAYS_OR_START}); swap them.`,
    );
  }
  const span = daysBetween(start, end) + 1;
  if (span > MAX_DAYS) {
    throw invalidArgument(
      `the period ${start} to ${end} is ${span} days; the API serves at most ${MAX_DAYS} days at once. ` +
        `Move ${END_DATE} or ${DAYS_OR_START} closer together.`,
    );
  }
  return { start, end };
}

function daysArg(value: SheetArg): number {
  if (isBlank(value)) return DEFAULT_DAYS;
  const number = numberOf(value);
  if (number !== null && Number.isInteger(number) && number >= 1 && number <= MAX_DAYS) return number;
  throw invalidArgument(
    `${DAYS_OR_START} must be a whole number of days from 1 to ${MAX_DAYS}, a date, or YYYY-MM-DD text — not ${describe(value)}.`,
  );
}
