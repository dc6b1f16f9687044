import { AppsScriptException } from './errors';
import { MONTHS, wallClockAt, WEEKDAYS } from './spreadsheet/dates';

/**
 * Java `SimpleDateFormat` as used by `Utilities.formatDate` / `Utilities.parseDate`
 * (developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String), patterns of
 * docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html, US locale), with IANA zones via Intl.
 */

interface Fields {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number; // 0..23
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
}

const FIXED_OFFSET = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/;

/** Java falls back to GMT for a zone id it does not know; so does Apps Script. */
function resolveZone(timeZone: string): { iana: string } | { offsetMinutes: number } {
  const fixed = FIXED_OFFSET.exec(timeZone);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    return { offsetMinutes: fixed[1] === '-' ? -minutes : minutes };
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return { iana: timeZone };
  } catch {
    return { offsetMinutes: 0 };
  }
}

function fieldsAt(instant: number, timeZone: string): Fields {
  const zone = resolveZone(timeZone);
  let offsetMinutes: number;
  if ('offsetMinutes' in zone) {
    offsetMinutes = zone.offsetMinutes;
  } else {
    const w = wallClockAt(instant, zone.iana);
    const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    offsetMinutes = Math.round((wall - (instant - (((instant % 1000) + 1000) % 1000))) / 60000);
  }
  const shifted = new Date(instant + offsetMinutes * 60000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    ms: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
    offsetMinutes,
  };
}

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');

function dayOfYear(f: Fields): number {
  return (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000 + 1;
}

/** US rules: weeks start on Sunday and week 1 is the week holding January 1st. */
function weekOfYear(f: Fields): number {
  const doy = dayOfYear(f);
  const daysInYear = (Date.UTC(f.year + 1, 0, 1) - Date.UTC(f.year, 0, 1)) / 86_400_000;
  if (doy + (6 - f.weekday) > daysInYear) return 1;
  const jan1Weekday = new Date(Date.UTC(f.year, 0, 1)).getUTCDay();
  return Math.floor((doy - 1 + jan1Weekday) / 7) + 1;
}

function offsetText(minutes: number, colon: boolean, withMinutes: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (!withMinutes) return `${sign}${h}`;
  return colon ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

function zoneName(instant: number, timeZone: string, long: boolean, f: Fields): string {
  const zone = resolveZone(timeZone);
  if ('iana' in zone) {
    const name = new Intl.DateTimeFormat('en-US', {
      timeZone: zone.iana,
      timeZoneName: long ? 'long' : 'short',
    })
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  return f.offsetMinutes === 0 ? 'GMT' : `GMT${offsetText(f.offsetMinutes, true, true)}`;
}

/** Splits a pattern into letter runs and literal text ('quoted', '' for a quote). */
function tokenize(pattern: string): Array<{ letter: string; count: number } | { text: string }> {
  const tokens: Array<{ letter: string; count: number } | { text: string }> = [];
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ text: "'" });
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new AppsScriptException(`Invalid argument: ${pattern}`);
      tokens.push({ text: pattern.slice(i + 1, end).replace(/''/g, "'") });
      i = end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      tokens.push({ letter: c, count: j - i });
      i = j;
    } else {
      tokens.push({ text: c });
      i++;
    }
  }
  return tokens;
}

export function formatJavaDate(instant: number, timeZone: string, pattern: string): string {
  const f = fieldsAt(instant, timeZone);
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  return tokenize(pattern)
    .map((t) => {
      if ('text' in t) return t.text;
      const n = t.count;
      switch (t.letter) {
        case 'G':
          return 'AD';
        case 'y':
        case 'Y':
          return n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
        case 'M':
        case 'L':
          if (n >= 4) return MONTHS[f.month - 1];
          if (n === 3) return MONTHS[f.month - 1].slice(0, 3);
          return pad(f.month, n);
        case 'w':
          return pad(weekOfYear(f), n);
        case 'W': {
          const firstWeekday = (f.weekday - ((f.day - 1) % 7) + 7) % 7;
          return pad(Math.floor((f.day - 1 + firstWeekday) / 7) + 1, n);
        }
        case 'D':
          return pad(dayOfYear(f), n);
        case 'd':
          return pad(f.day, n);
        case 'F':
          return pad(Math.floor((f.day - 1) / 7) + 1, n);
        case 'E':
          return n >= 4 ? WEEKDAYS[f.weekday] : WEEKDAYS[f.weekday].slice(0, 3);
        case 'u':
          return pad(f.weekday === 0 ? 7 : f.weekday, n);
        case 'a':
          return f.hour < 12 ? 'AM' : 'PM';
        case 'H':
          return pad(f.hour, n);
        case 'k':
          return pad(f.hour === 0 ? 24 : f.hour, n);
        case 'K':
          return pad(f.hour % 12, n);
        case 'h':
          return pad(hour12, n);
        case 'm':
          return pad(f.minute, n);
        case 's':
          return pad(f.second, n);
        case 'S':
          return pad(f.ms, n);
        case 'z':
          return zoneName(instant, timeZone, n >= 4, f);
        case 'Z':
          return offsetText(f.offsetMinutes, false, true);
        case 'X':
          if (f.offsetMinutes === 0) return 'Z';
          return offsetText(f.offsetMinutes, n === 3, n >= 2);
        default:
          throw new AppsScriptException(`Illegal pattern character '${t.letter}'`);
      }
    })
    .join('');
}

/** The instant at which the wall clock of `timeZone` shows the given fields. */
function instantOf(
  timeZone: string,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  let guess = wall;
  for (let i = 0; i < 3; i++) guess = wall - fieldsAt(guess, timeZone).offsetMinutes * 60000;
  return guess;
}

/** Parses numeric fields, month names, AM/PM and literals; returns null when the text does not match. */
export function parseJavaDate(text: string, timeZone: string, pattern: string): number | null {
  let pos = 0;
  const v = { y: 1970, M: 1, d: 1, H: 0, m: 0, s: 0, S: 0, pm: null as boolean | null, h12: false };
  const tokens = tokenize(pattern);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if ('text' in t) {
      if (!text.startsWith(t.text, pos)) return null;
      pos += t.text.length;
      continue;
    }
    if ((t.letter === 'M' && t.count >= 3) || t.letter === 'E' || t.letter === 'a') {
      const names = t.letter === 'M' ? MONTHS : t.letter === 'E' ? WEEKDAYS : ['AM', 'PM'];
      const rest = text.slice(pos).toLowerCase();
      const idx = names.findIndex((nm) => rest.startsWith(nm.toLowerCase()));
      const shortIdx = names.findIndex((nm) => rest.startsWith(nm.slice(0, 3).toLowerCase()));
      const found = idx >= 0 ? idx : shortIdx;
      if (found < 0) return null;
      pos += idx >= 0 ? names[idx].length : 3;
      if (t.letter === 'M') v.M = found + 1;
      if (t.letter === 'a') v.pm = found === 1;
      continue;
    }
    const next = tokens[i + 1];
    const adjacentNumber = next !== undefined && 'letter' in next;
    const digits = adjacentNumber ? new RegExp(`^\\d{${t.count}}`) : /^\d+/;
    const m = digits.exec(text.slice(pos));
    if (!m) return null;
    pos += m[0].length;
    const n = Number(m[0]);
    switch (t.letter) {
      case 'y':
      case 'Y':
        v.y = t.count === 2 && m[0].length === 2 ? 2000 + n : n;
        break;
      case 'M':
        v.M = n;
        break;
      case 'd':
        v.d = n;
        break;
      case 'H':
      case 'k':
        v.H = n % 24;
        break;
      case 'h':
      case 'K':
        v.H = n % 12;
        v.h12 = true;
        break;
      case 'm':
        v.m = n;
        break;
      case 's':
        v.s = n;
        break;
      case 'S':
        v.S = n;
        break;
      default:
        return null;
    }
  }
  if (v.h12 && v.pm) v.H += 12;
  return instantOf(timeZone, v.y, v.M, v.d, v.H, v.m, v.s, v.S);
}
