/**
 * Checks of every argument a sidebar server function receives. Anyone who can open the sidebar can call
 * these functions with any plain data (google.script.run accepts numbers, strings, booleans, null, arrays
 * and objects of those), so nothing from the page is trusted: types, lengths, formats and allowed fields are
 * all checked here, and refusals never echo the API key.
 */
import { invalidArgument } from '../api/errors';
import { MAX_DAYS, isCalendarDate, validateRange } from '../api/params';
import {
  NewReport,
  REPORT_MODES,
  REPORT_TYPES,
  ReportMode,
  ReportType,
  ScheduleFrequency,
} from '../reports/contract';
import { REPORT_FORM } from './sidebar-api';

const MAX_KEY_LENGTH = 256;
const MIN_KEY_LENGTH = 8;
/** Sheets refuses tab names longer than 100 characters. */
const MAX_TAB_LENGTH = 100;
const MAX_TEXT_LENGTH = 200;
/** `Gravity Reports` can hold at most a spreadsheet's rows; anything beyond is not a report row. */
const MAX_REPORT_ROW = 10_000_000;
const RESERVED_TABS = ['gravity reports', 'gravity log'];

/** A pasted key: trimmed, printable ASCII without spaces. The message never repeats what was pasted. */
export function apiKeyArg(value: unknown): string {
  if (typeof value !== 'string') throw invalidArgument('paste the API key as text.');
  const key = value.trim();
  if (!key) throw invalidArgument('paste your API key first (Gravity dashboard › Settings › API Key).');
  if (key.length < MIN_KEY_LENGTH || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw invalidArgument(
      'that does not look like a Gravity API key: copy the whole key, without spaces, from ' +
        'Gravity dashboard › Settings › API Key.',
    );
  }
  return key;
}

export function booleanArg(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw invalidArgument(`${name} must be true or false.`);
  return value;
}

export function reportRowArg(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 2 || value > MAX_REPORT_ROW) {
    throw invalidArgument('the report row must be a row number of Gravity Reports (2 or more).');
  }
  return value;
}

const FREQUENCIES: readonly ScheduleFrequency[] = ['hour', 'day', 'week', 'off'];

export function frequencyArg(value: unknown): ScheduleFrequency {
  return oneOf(value, FREQUENCIES, 'the schedule');
}

const REPORT_KEYS: ReadonlyArray<keyof NewReport> = [
  'report',
  'tab',
  'days',
  'startDate',
  'endDate',
  'campaignId',
  'status',
  'eventType',
  'domain',
  'mode',
];

/** A report from the sidebar's form: only the fields its type takes, each well-formed. */
export function newReportArg(value: unknown): NewReport {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidArgument('the report must be described by its fields.');
  }
  const input = value as Record<string, unknown>;
  const unknownKey = Object.keys(input).find((key) => !(REPORT_KEYS as readonly string[]).includes(key));
  if (unknownKey !== undefined) throw invalidArgument(`a report has no field "${clip(unknownKey)}".`);

  const report: ReportType = oneOf(input.report, REPORT_TYPES, 'the report type');
  const form = REPORT_FORM[report];
  const present = (key: keyof NewReport): boolean => input[key] !== undefined && input[key] !== null;
  const refuse = (key: keyof NewReport, what: string): void => {
    if (present(key)) throw invalidArgument(`a ${report} report takes no ${what}.`);
  };

  const result: NewReport = { report };
  const tab = optionalText(input.tab, 'the tab name', MAX_TAB_LENGTH);
  if (tab !== undefined) {
    if (RESERVED_TABS.includes(tab.toLowerCase())) {
      throw invalidArgument(`"${tab}" is the add-on's own tab; choose another tab name.`);
    }
    result.tab = tab;
  }
  if (present('mode')) result.mode = oneOf<ReportMode>(input.mode, REPORT_MODES, 'the mode');

  if (form.range) Object.assign(result, rangeFields(input));
  else ['days', 'startDate', 'endDate'].forEach((key) => refuse(key as keyof NewReport, 'date range'));

  const campaignId = optionalText(input.campaignId, 'the campaign id', MAX_TEXT_LENGTH);
  if (form.campaign === 'none') refuse('campaignId', 'campaign');
  else if (campaignId !== undefined) result.campaignId = campaignId;
  else if (form.campaign === 'required') throw invalidArgument(`a ${report} report needs a campaign.`);

  const filters: Array<[keyof NewReport, boolean, string]> = [
    ['status', form.status, 'status filter'],
    ['eventType', form.eventType, 'event type filter'],
    ['domain', form.domain, 'domain filter'],
  ];
  for (const [key, allowed, what] of filters) {
    if (!allowed) {
      refuse(key, what);
      continue;
    }
    const text = optionalText(input[key], `the ${what}`, MAX_TEXT_LENGTH);
    if (text !== undefined) (result as unknown as Record<string, string>)[key] = text;
  }
  return result;
}

/** Either a number of days, or a start and an end date; neither means the report's default period. */
function rangeFields(input: Record<string, unknown>): Pick<NewReport, 'days' | 'startDate' | 'endDate'> {
  const hasDays = input.days !== undefined && input.days !== null;
  const start = optionalText(input.startDate, 'the start date', 10);
  const end = optionalText(input.endDate, 'the end date', 10);
  if (hasDays) {
    if (start !== undefined || end !== undefined) {
      throw invalidArgument('give either a number of days or a start and end date, not both.');
    }
    const days = input.days;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
      throw invalidArgument(`days must be a whole number from 1 to ${MAX_DAYS}.`);
    }
    return { days };
  }
  if (start === undefined && end === undefined) return {};
  if (start === undefined || end === undefined) throw invalidArgument('give both a start and an end date.');
  for (const date of [start, end]) {
    if (!isCalendarDate(date)) throw invalidArgument(`"${date}" is not a date written YYYY-MM-DD.`);
  }
  validateRange({ start, end });
  return { startDate: start, endDate: end };
}

function optionalText(value: unknown, name: string, maxLength: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidArgument(`${name} must be text.`);
  const text = value.trim();
  if (!text) return undefined;
  if (text.length > maxLength) throw invalidArgument(`${name} is longer than ${maxLength} characters.`);
  // Control characters have no place in a tab name or a filter, and would garble the sheet.
  if (hasControlCharacter(text)) throw invalidArgument(`${name} contains control characters.`);
  return text;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const shown = typeof value === 'string' ? `"${clip(value)}"` : typeof value;
  throw invalidArgument(`${name} must be one of ${allowed.join(', ')}, not ${shown}.`);
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
