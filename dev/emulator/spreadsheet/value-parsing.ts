/**
 * How Sheets turns what is written into a cell into a stored value.
 *
 * Strings written by `setValue(s)` are parsed exactly like text a user types (the Sheets API calls this
 * USER_ENTERED: "=1+2" becomes a formula, "$100.15" a number with a currency format, "Mar 1 2016" a date —
 * developers.google.com/sheets/api/reference/rest/v4/ValueInputOption). A leading apostrophe forces text and is
 * not part of the value (support.google.com/docs/answer/3094225); a cell formatted as plain text (`@`) keeps
 * typed text as text, apostrophe included (support.google.com/docs/answer/56470). A string starting with "="
 * is a formula even there. JS numbers, booleans and Dates are stored as they are; null and
 * undefined write an empty cell; other objects are written as their string form.
 */
import type { CellValue } from './cell';
import { instantToSerial, isValidCalendarDate, wallClockToSerial } from './dates';
import {
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  TEXT_FORMAT,
  isAutomaticFormat,
  isDateTimeFormat,
} from './number-format';

export interface CellContent {
  value: CellValue;
  /** '' unless the input was a formula. */
  formula: string;
  /** The number format Sheets applies because of the input, if any. */
  format?: string;
}

export interface ParseOptions {
  /** The cell's current number format. */
  currentFormat: string;
  /** The spreadsheet's time zone (JS Dates are instants; cells hold wall-clock serials). */
  timeZone: string;
  /** Year used for a typed date without one ("1/2" is January 2 of this year). */
  currentYear: number;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const NUMBER = /^([+-])?(\$)?([+-])?((?:\d{1,3}(?:,\d{3})+)|\d+)?(\.\d*)?(?:[eE]([+-]?\d+))?(%)?$/;

function parseNumber(text: string): { value: number; format?: string } | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const [, sign1, currency, sign2, intPart, decPart, exponent, percent] = m;
  if (sign1 && sign2) return null;
  if (!intPart && (!decPart || decPart === '.')) return null;
  if (currency && exponent) return null;
  const digits = `${(intPart ?? '0').replace(/,/g, '')}${decPart ?? ''}${exponent ? `e${exponent}` : ''}`;
  let value = Number(digits);
  if (!Number.isFinite(value)) return null;
  if (sign1 === '-' || sign2 === '-') value = -value;
  const decimals = decPart ? decPart.length - 1 : 0;
  if (percent) return { value: value / 100, format: decimals > 0 ? '0.00%' : '0%' };
  if (currency) return { value, format: '$#,##0.00' };
  if (exponent) return { value, format: '0.00E+00' };
  if (intPart?.includes(',')) return { value, format: decimals > 0 ? '#,##0.00' : '#,##0' };
  return { value };
}

const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2})(\\.\\d+)?)?\\s*([ap]\\.?m\\.?)?';

function parseTime(
  h: string,
  mi: string,
  s: string | undefined,
  frac: string | undefined,
  ampm: string | undefined,
): { hour: number; minute: number; second: number; millisecond: number } | null {
  let hour = Number(h);
  const minute = Number(mi);
  const second = s ? Number(s) : 0;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = ampm.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second, millisecond: frac ? Math.round(Number(frac) * 1000) : 0 };
}

function twoDigitYear(y: number): number {
  // Sheets reads 00-29 as 2000-2029 and 30-99 as 1930-1999 (support.google.com/docs/answer/3092969).
  return y < 30 ? 2000 + y : 1900 + y;
}

const ISO_DATE = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[ T]${TIME})?$`, 'i');
const US_DATE = new RegExp(`^(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?: ${TIME})?$`, 'i');
const NAMED_MONTH_FIRST = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i;
const NAMED_DAY_FIRST = /^(\d{1,2}) ([a-z]{3,9})\.?,? (\d{4})$/i;
const TIME_ONLY = new RegExp(`^${TIME}$`, 'i');

function parseDate(text: string, currentYear: number): { value: number; format: string } | null {
  const iso = ISO_DATE.exec(text);
  const us = iso ? null : US_DATE.exec(text);
  const named = iso || us ? null : (NAMED_MONTH_FIRST.exec(text) ?? NAMED_DAY_FIRST.exec(text));
  const timeOnly = iso || us || named ? null : TIME_ONLY.exec(text);
  let year: number;
  let month: number;
  let day: number;
  let time: ReturnType<typeof parseTime> = null;
  let hasTime = false;
  let format: string;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[3]), Number(iso[4])];
    hasTime = iso[5] !== undefined;
    if (hasTime) time = parseTime(iso[5], iso[6], iso[7], iso[8], iso[9]);
    format = hasTime ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd';
  } else if (us) {
    [month, day] = [Number(us[1]), Number(us[2])];
    year =
      us[3] === undefined ? currentYear : us[3].length === 2 ? twoDigitYear(Number(us[3])) : Number(us[3]);
    hasTime = us[4] !== undefined;
    if (hasTime) time = parseTime(us[4], us[5], us[6], us[7], us[8]);
    format = hasTime ? DATE_TIME_FORMAT : DATE_FORMAT;
  } else if (named) {
    const monthFirst = /^[a-z]/i.test(named[1]);
    const name = (monthFirst ? named[1] : named[2]).toLowerCase();
    const index = MONTH_NAMES.findIndex((m) => m === name || (name.length >= 3 && m.startsWith(name)));
    if (index < 0) return null;
    [year, month, day] = [Number(named[3]), index + 1, Number(monthFirst ? named[2] : named[1])];
    format = name.length > 3 ? 'mmmm d, yyyy' : 'mmm d, yyyy';
  } else if (timeOnly) {
    const t = parseTime(timeOnly[1], timeOnly[2], timeOnly[3], timeOnly[4], timeOnly[5]);
    if (!t) return null;
    const fmt = `h:mm${timeOnly[3] !== undefined ? ':ss' : ''}${timeOnly[5] ? ' am/pm' : ''}`;
    return { value: (t.hour * 3600 + t.minute * 60 + t.second + t.millisecond / 1000) / 86_400, format: fmt };
  } else {
    return null;
  }
  if (!isValidCalendarDate(year, month, day)) return null;
  if (hasTime && !time) return null;
  const t = time ?? { hour: 0, minute: 0, second: 0, millisecond: 0 };
  return { value: wallClockToSerial({ year, month, day, ...t }), format };
}

/** Text as a user types it into a cell (also what `setValue("...")` does). */
export function parseTypedText(text: string, options: ParseOptions): CellContent {
  if (text === '') return { value: '', formula: '' };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  // In a plain-text cell the text is kept as it is, apostrophe included: it is no longer an escape
  // (unconfirmed either way; keeping it is the stricter choice, so code relying on it is caught here).
  if (options.currentFormat === TEXT_FORMAT) return { value: text, formula: '' };
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  const trimmed = text.trim();
  // Without a digit only TRUE/FALSE can be anything but text.
  if (!/\d/.test(trimmed)) {
    if (/^true$/i.test(trimmed)) return { value: true, formula: '' };
    if (/^false$/i.test(trimmed)) return { value: false, formula: '' };
    return { value: text, formula: '' };
  }
  if (/^true$/i.test(trimmed)) return { value: true, formula: '' };
  if (/^false$/i.test(trimmed)) return { value: false, formula: '' };
  const number = parseNumber(trimmed);
  if (number) {
    const keepFormat = !isAutomaticFormat(options.currentFormat) || number.format === undefined;
    return keepFormat ? { value: number.value, formula: '' } : { ...number, formula: '' };
  }
  const date = parseDate(trimmed, options.currentYear);
  if (date) {
    const keepFormat = isDateTimeFormat(options.currentFormat);
    return keepFormat ? { value: date.value, formula: '' } : { ...date, formula: '' };
  }
  return { value: text, formula: '' };
}

export function isJsDate(v: unknown): v is Date {
  // Dates may come from another realm (the script's vm context), so instanceof would miss them.
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A value handed to `setValue(s)`: strings are parsed as typed, other JS values keep their type. */
export function scriptValueToContent(v: unknown, options: ParseOptions): CellContent {
  if (v === null || v === undefined) return { value: '', formula: '' };
  if (typeof v === 'string') return parseTypedText(v, options);
  if (typeof v === 'number') return { value: v, formula: '' };
  if (typeof v === 'boolean') return { value: v, formula: '' };
  if (isJsDate(v)) return dateContent(v, options);
  return parseTypedText(String(v), options);
}

/** A JS Date: stored as the spreadsheet-zone serial; a date format comes with it unless one is set. */
export function dateContent(d: Date, options: Pick<ParseOptions, 'currentFormat' | 'timeZone'>): CellContent {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return { value: 'Invalid Date', formula: '' };
  const serial = instantToSerial(ms, options.timeZone);
  if (isDateTimeFormat(options.currentFormat)) return { value: serial, formula: '' };
  const midnight = Math.abs(serial - Math.round(serial)) < 1e-9;
  return { value: serial, formula: '', format: midnight ? DATE_FORMAT : DATE_TIME_FORMAT };
}
