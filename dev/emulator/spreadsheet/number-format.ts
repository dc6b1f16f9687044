/**
 * Display values: the common Sheets number-format patterns
 * (developers.google.com/sheets/api/guides/formats): `0`, `0.00`, `#,##0.00`, `$#,##0.00`, `[$$]#,##0.00`,
 * `0%`, `0.00%`, `0.00E+00`, `@`, date/time tokens (`yyyy-mm-dd hh:mm:ss`, `M/d/yyyy`, `mmm d`, `am/pm`), and up to
 * four `;` sections (positive;negative;zero;text).
 */
import type { CellValue } from './cell';
import { MONTHS, serialToWallClock, WEEKDAYS } from './dates';

/** What `Range.getNumberFormat()` reports for a cell nobody formatted ("Automatic"). */
export const AUTOMATIC_FORMAT_REPORTED = '0.###############';
/** Plain text. */
export const TEXT_FORMAT = '@';

/** Formats Sheets applies when it recognises a value that was written or typed. */
export const DATE_FORMAT = 'M/d/yyyy';
export const DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';

export function isAutomaticFormat(format: string): boolean {
  return format === '' || format.toLowerCase() === 'general' || format === AUTOMATIC_FORMAT_REPORTED;
}

const sectionCache = new Map<string, string[]>();

/** Splits a pattern on `;` outside quotes, escapes and brackets (memoized: a sheet uses few formats). */
function splitSections(format: string): string[] {
  let sections = sectionCache.get(format);
  if (!sections) {
    sections = splitSectionsUncached(format);
    sectionCache.set(format, sections);
  }
  return sections;
}

function splitSectionsUncached(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\') {
      current += format.slice(i, i + 2);
      i++;
    } else if (ch === '[') {
      const end = format.indexOf(']', i);
      const stop = end < 0 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === ';') {
      sections.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  sections.push(current);
  return sections;
}

/** Removes quoted text, escapes and bracket codes, leaving only the pattern letters. */
function bareLetters(section: string): string {
  return section
    .replace(/"[^"]*"?/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
}

function isDateSection(section: string): boolean {
  return /[ymdhs]/i.test(bareLetters(section).replace(/am\/pm|a\/p/gi, ''));
}

const dateFormatCache = new Map<string, boolean>();

/** True when the pattern shows a date or time (so `getValue()` returns a `Date`). */
export function isDateTimeFormat(format: string): boolean {
  if (isAutomaticFormat(format) || format === TEXT_FORMAT) return false;
  let isDate = dateFormatCache.get(format);
  if (isDate === undefined) {
    isDate = isDateSection(splitSections(format)[0]);
    dateFormatCache.set(format, isDate);
  }
  return isDate;
}

/** Sheets' "Automatic" display of a number: up to 15 significant digits and 10 decimals, exponent when huge. */
export function formatAutomaticNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '#NUM!' : n < 0 ? '-#NUM!' : '#NUM!';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-10) {
    const [mantissa, exponent] = abs.toExponential(5).split('e');
    const m = mantissa.replace(/\.?0+$/, '');
    const e = Number(exponent);
    return `${n < 0 ? '-' : ''}${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const precise = Number(abs.toPrecision(15));
  const text = roundHalfUp(precise, 10)
    .toFixed(10)
    .replace(/\.?0+$/, '');
  return `${n < 0 ? '-' : ''}${text}`;
}

/** Decimal rounding, half away from zero (1.005 → 1.01), shifting exponents in text to avoid binary error. */
function roundHalfUp(abs: number, decimals: number): number {
  const [mantissa, exponent] = abs.toExponential().split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`);
  if (!Number.isFinite(shifted) || shifted >= 1e21) return abs;
  const [m2, e2] = Math.round(shifted).toExponential().split('e');
  return Number(`${m2}e${Number(e2) - decimals}`);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

type Token = { kind: 'literal'; text: string } | { kind: 'code'; text: string };

/** Tokenizes a section into literals and pattern characters. */
function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: 'literal', text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop);
      // [$$] and [$€-407] are currency symbols; colours and conditions show nothing.
      if (inner.startsWith('$')) tokens.push({ kind: 'literal', text: inner.slice(1).split('-')[0] });
      else if (/^[hms]+$/i.test(inner)) tokens.push({ kind: 'code', text: `[${inner}]` });
      i = stop;
    } else if (ch === '_') {
      tokens.push({ kind: 'literal', text: ' ' });
      i++;
    } else if (ch === '*') {
      i++;
    } else {
      tokens.push({ kind: 'code', text: ch });
    }
  }
  return tokens;
}

function formatNumberSection(n: number, section: string, withMinus: boolean): string {
  const tokens = tokenize(section);
  const isPlaceholder = (t: Token) => t.kind === 'code' && /[0#?]/.test(t.text);
  let intZeros = 0;
  let decMax = 0;
  let decMin = 0;
  let grouping = false;
  let percent = 0;
  let seenPoint = false;
  let expDigits = -1;
  let first = -1;
  let last = -1;
  tokens.forEach((t, i) => {
    if (t.kind !== 'code') return;
    if (expDigits >= 0) {
      if (t.text === '0' || t.text === '#') {
        expDigits++;
        last = i;
      }
      return;
    }
    if (isPlaceholder(t)) {
      if (first < 0) first = i;
      last = i;
      if (seenPoint) {
        decMax++;
        if (t.text === '0') decMin = decMax;
      } else if (t.text === '0') intZeros++;
    } else if (t.text === '.' && first >= 0 && !seenPoint) {
      seenPoint = true;
      last = i;
    } else if (t.text === '.' && first < 0) {
      seenPoint = true;
      first = i;
      last = i;
    } else if (t.text === ',' && first >= 0 && !seenPoint) {
      grouping = true;
      last = i;
    } else if (t.text === '%') {
      percent++;
    } else if ((t.text === 'E' || t.text === 'e') && first >= 0) {
      const sign = tokens[i + 1];
      if (sign && sign.kind === 'code' && (sign.text === '+' || sign.text === '-')) {
        expDigits = 0;
        last = i + 1;
        tokens[i + 1] = { kind: 'code', text: '' };
      }
    }
  });
  let value = Math.abs(n) * 100 ** percent;
  let numberText: string;
  if (first < 0) {
    numberText = '';
  } else if (expDigits >= 0) {
    let exponent = value === 0 ? 0 : Math.floor(Math.log10(value));
    let mantissa = value === 0 ? 0 : value / 10 ** exponent;
    mantissa = roundHalfUp(mantissa, decMax);
    if (mantissa >= 10) {
      mantissa /= 10;
      exponent++;
    }
    const m = trimDecimals(mantissa.toFixed(decMax), decMin);
    numberText = `${m}E${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(expDigits, '0')}`;
  } else {
    value = roundHalfUp(value, decMax);
    const fixed = trimDecimals(value.toFixed(decMax), decMin);
    const [whole, decPart] = fixed.split('.');
    let intPart = whole;
    if (intPart === '0' && intZeros === 0) intPart = '';
    intPart = intPart.padStart(intZeros, '0');
    if (grouping) intPart = groupThousands(intPart);
    numberText = decPart !== undefined ? `${intPart}.${decPart}` : seenPoint ? `${intPart}.` : intPart;
  }
  let out = '';
  tokens.forEach((t, i) => {
    if (i === first) out += numberText;
    if (first >= 0 && i >= first && i <= last) return;
    out += t.text;
  });
  const isZero = /^[^1-9]*$/.test(numberText);
  return withMinus && n < 0 && !isZero ? `-${out}` : out;
}

function trimDecimals(fixed: string, keep: number): string {
  if (!fixed.includes('.')) return fixed;
  const [i, decimals] = fixed.split('.');
  let d = decimals;
  while (d.length > keep && d.endsWith('0')) d = d.slice(0, -1);
  return d.length ? `${i}.${d}` : i;
}

type DatePart = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; count: number };

function dateParts(section: string): DatePart[] {
  const parts: DatePart[] = [];
  const tokens = tokenize(section);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'literal') {
      parts.push({ kind: 'literal', text: t.text });
      continue;
    }
    const lower = t.text.toLowerCase();
    if (lower.startsWith('[')) {
      parts.push({ kind: 'field', letter: `[${lower[1]}]`, count: 1 });
      continue;
    }
    // am/pm and a/p markers.
    const rest = tokens
      .slice(i, i + 5)
      .map((x) => (x.kind === 'code' ? x.text : '\u0000'))
      .join('')
      .toLowerCase();
    if (rest.startsWith('am/pm')) {
      parts.push({ kind: 'field', letter: 'ampm', count: 5 });
      i += 4;
      continue;
    }
    if (rest.startsWith('a/p')) {
      parts.push({ kind: 'field', letter: 'ap', count: 3 });
      i += 2;
      continue;
    }
    if ('ymdhs'.includes(lower)) {
      let count = 1;
      while (tokens[i + count]?.kind === 'code' && tokens[i + count].text.toLowerCase() === lower) count++;
      parts.push({ kind: 'field', letter: lower, count });
      i += count - 1;
      continue;
    }
    if (lower === '.' && tokens[i + 1]?.kind === 'code' && tokens[i + 1].text === '0') {
      let count = 0;
      while (tokens[i + 1 + count]?.kind === 'code' && tokens[i + 1 + count].text === '0') count++;
      parts.push({ kind: 'field', letter: 'fraction', count });
      i += count;
      continue;
    }
    parts.push({ kind: 'literal', text: t.text });
  }
  // `m`/`mm` means minutes right after an hour or right before seconds.
  const fields = parts.filter((p): p is Extract<DatePart, { kind: 'field' }> => p.kind === 'field');
  fields.forEach((f, idx) => {
    if (f.letter !== 'm' || f.count > 2) return;
    const prev = fields[idx - 1];
    const next = fields[idx + 1];
    if ((prev && (prev.letter === 'h' || prev.letter === '[h]')) || (next && next.letter === 's'))
      f.letter = 'minute';
  });
  return parts;
}

function formatDateSection(serial: number, section: string): string {
  const parts = dateParts(section);
  const twelveHour = parts.some((p) => p.kind === 'field' && (p.letter === 'ampm' || p.letter === 'ap'));
  const hasFraction = parts.some((p) => p.kind === 'field' && p.letter === 'fraction');
  // Sheets rounds to the shown precision: whole seconds unless a fraction is shown.
  const rounded = hasFraction ? serial : Math.round(serial * 86_400) / 86_400;
  const w = serialToWallClock(rounded);
  const pad = (n: number, count: number) => String(n).padStart(count, '0');
  let out = '';
  for (const p of parts) {
    if (p.kind === 'literal') {
      out += p.text;
      continue;
    }
    switch (p.letter) {
      case 'y':
        out += p.count <= 2 ? pad(w.year % 100, 2) : String(w.year);
        break;
      case 'm':
        if (p.count === 1) out += String(w.month);
        else if (p.count === 2) out += pad(w.month, 2);
        else if (p.count === 3) out += MONTHS[w.month - 1].slice(0, 3);
        else if (p.count === 4) out += MONTHS[w.month - 1];
        else out += MONTHS[w.month - 1][0];
        break;
      case 'minute':
        out += p.count === 1 ? String(w.minute) : pad(w.minute, 2);
        break;
      case 'd': {
        const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
        if (p.count === 1) out += String(w.day);
        else if (p.count === 2) out += pad(w.day, 2);
        else if (p.count === 3) out += WEEKDAYS[weekday].slice(0, 3);
        else out += WEEKDAYS[weekday];
        break;
      }
      case 'h': {
        const h = twelveHour ? w.hour % 12 || 12 : w.hour;
        out += p.count === 1 ? String(h) : pad(h, 2);
        break;
      }
      case 's':
        out += p.count === 1 ? String(w.second) : pad(w.second, 2);
        break;
      case 'fraction':
        out += `.${pad(w.millisecond, 3).slice(0, p.count)}`;
        break;
      case 'ampm':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'ap':
        out += w.hour < 12 ? 'A' : 'P';
        break;
      case '[h]':
        out += String(Math.floor(rounded * 24));
        break;
      case '[m]':
        out += String(Math.floor(rounded * 1440));
        break;
      case '[s]':
        out += String(Math.floor(rounded * 86_400));
        break;
    }
  }
  return out;
}

/** The text Sheets shows for a stored value under a number format (dates are serial numbers here). */
export function formatCellValue(value: CellValue, format: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    const sections = splitSections(format);
    if (sections.length >= 4) return sections[3].replace(/"([^"]*)"/g, '$1').replace('@', value);
    return value;
  }
  if (isAutomaticFormat(format) || format === TEXT_FORMAT) return formatAutomaticNumber(value);
  const sections = splitSections(format);
  let section = sections[0];
  let withMinus = true;
  if (value < 0 && sections.length >= 2 && sections[1] !== '') {
    section = sections[1];
    withMinus = false;
  } else if (value === 0 && sections.length >= 3 && sections[2] !== '') {
    section = sections[2];
  }
  if (isDateSection(section)) return formatDateSection(value, section);
  if (!/[0#?]/.test(section) && section.includes('@')) return formatAutomaticNumber(value);
  return formatNumberSection(value, section, withMinus);
}
