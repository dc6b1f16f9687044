/**
 * Calendar arithmetic in whole UTC days. The API's daily `date` values are calendar dates and its timestamps
 * carry no zone (`2025-05-20T14:30:00`); the mock treats both as UTC.
 */

export const MS_PER_DAY = 86_400_000;
export const MS_PER_HOUR = 3_600_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a real calendar date `YYYY-MM-DD`; null for anything else (2025-02-30 too). */
export function parseDay(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The API's zone-less timestamp `YYYY-MM-DDTHH:MM:SS` of an instant. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Instant of a zone-less API timestamp, read as UTC. */
export function parseTimestamp(text: string): number {
  return Date.parse(`${text}Z`);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day number of a date the dataset itself holds (so it is valid; a bad one is a bug, not a 400). */
export function requireDay(date: string): number {
  const day = parseDay(date);
  if (day === null) throw new Error(`not a calendar date: ${date}`);
  return day;
}
