/**
 * Calendar dates must display as the same day in the spreadsheet's time zone, and Sheets shows a written
 * Date in that zone: so a date is written as the instant of local midnight there. Offsets come from
 * Utilities.formatDate (pattern "Z" gives e.g. "-0400"), which knows each zone's daylight-saving rules.
 */

export type OffsetLookup = (instant: Date, timeZone: string) => string;

export interface ZoneClock {
  /** The instant of 00:00 on `isoDate` (YYYY-MM-DD) in the zone. */
  midnight(isoDate: string): Date;
  /** The calendar date (YYYY-MM-DD) the zone shows for an instant. */
  calendarDate(instant: Date): string;
}

function offsetMinutes(text: string): number {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

export function zoneClock(timeZone: string, offsetOf: OffsetLookup): ZoneClock {
  const offsetAt = (ms: number) => offsetMinutes(offsetOf(new Date(ms), timeZone)) * 60_000;
  return {
    midnight(isoDate) {
      const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
      // Midnight's offset can differ from the guess's across a DST change: settle it with a second look.
      let instant = utcMidnight - offsetAt(utcMidnight);
      instant = utcMidnight - offsetAt(instant);
      return new Date(instant);
    },
    calendarDate(instant) {
      const shifted = new Date(instant.getTime() + offsetAt(instant.getTime()));
      return shifted.toISOString().slice(0, 10);
    },
  };
}

/** The Apps Script lookup: Utilities.formatDate with pattern "Z". */
export const utilitiesOffset: OffsetLookup = (instant, timeZone) =>
  Utilities.formatDate(instant, timeZone, 'Z');
