/**
 * Sheets keeps dates as serial numbers: days since 1899-12-30, the fraction being the time of day, read as
 * wall-clock time in the spreadsheet's time zone
 * (developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption). Apps Script hands them out as
 * JS Dates, i.e. instants, so converting needs the zone's offset at that moment (Intl, IANA zones).
 */

const MS_PER_DAY = 86_400_000;
/** 1899-12-30T00:00:00 as if it were UTC. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** English month and weekday names, as Sheets (en_US) and Java's SimpleDateFormat (US locale) print them. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock time of an instant in a zone. */
export function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    millisecond: ((instantMs % 1000) + 1000) % 1000,
  };
}

function wallClockAsUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** Offset of the zone from UTC at an instant, in ms. */
function offsetAt(instantMs: number, timeZone: string): number {
  return wallClockAsUtc(wallClockAt(instantMs, timeZone)) - instantMs;
}

/** The instant at which the zone's clocks show `w` (the earlier one in a DST overlap). */
export function instantOfWallClock(w: WallClock, timeZone: string): number {
  const asUtc = wallClockAsUtc(w);
  let guess = asUtc - offsetAt(asUtc, timeZone);
  guess = asUtc - offsetAt(guess, timeZone);
  return guess;
}

export function instantToSerial(instantMs: number, timeZone: string): number {
  return (wallClockAsUtc(wallClockAt(instantMs, timeZone)) - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

export function serialToWallClock(serial: number): WallClock {
  const ms = Math.round(serial * MS_PER_DAY) + SERIAL_EPOCH_UTC;
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

export function wallClockToSerial(w: WallClock): number {
  return (wallClockAsUtc(w) - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

const instantCache = new Map<string, Map<number, number>>();

/** Memoized per zone: reports read the same dates again and again, and Intl is slow. */
export function serialToInstant(serial: number, timeZone: string): number {
  let zone = instantCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    instantCache.set(timeZone, zone);
  }
  let instant = zone.get(serial);
  if (instant === undefined) {
    if (zone.size > 100_000) zone.clear();
    instant = instantOfWallClock(serialToWallClock(serial), timeZone);
    zone.set(serial, instant);
  }
  return instant;
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
