import { GravityError, invalidArgument } from '../api/errors';
import { DateRange, daysBetween, isCalendarDate, MAX_DAYS } from '../api/params';
import { ZoneClock } from '../tables/timezone';
import { REPORT_MODES, ReportMode, ReportRowView, ReportType } from './contract';
import { ReportInput, ReportSpec } from './definition';
import { availableReports, reportDefinition } from './registry';

/** The config tab of the spec ("Report tabs"): its name and header row, exactly. */
export const CONFIG_SHEET = 'Gravity Reports';
export const LOG_SHEET = 'Gravity Log';

export const CONFIG_HEADERS = [
  'Tab',
  'Report',
  'Days',
  'Start date',
  'End date',
  'Campaign ID',
  'Status',
  'Event type',
  'Domain',
  'Mode',
  'Enabled',
  'Last run',
  'Result',
  'Rows',
] as const;

/** 0-based column of each header in a config row. */
export const COL = {
  tab: 0,
  report: 1,
  days: 2,
  startDate: 3,
  endDate: 4,
  campaignId: 5,
  status: 6,
  eventType: 7,
  domain: 8,
  mode: 9,
  enabled: 10,
  lastRun: 11,
  result: 12,
  rows: 13,
} as const;

/** Sheets' longest tab name. */
const MAX_TAB_NAME = 100;

/** One row of the config tab as read, with its validated spec or the reason it cannot run. */
export interface ConfigEntry {
  row: number;
  tab: string;
  report: string;
  mode: string;
  enabled: boolean;
  lastRun: Date | null;
  result: string;
  rows: number | null;
  spec: ReportSpec | null;
  /** What is wrong with the row, as its Result will say; null when it can run. */
  error: string | null;
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

function filled(value: unknown): boolean {
  return text(value) !== '' || isDate(value);
}

/** Unchecked box or typed FALSE turns a report off; anything else (blank included) leaves it on. */
function enabledOf(value: unknown): boolean {
  return !(value === false || /^(false|no|off|0)$/i.test(text(value)));
}

function dateOf(value: unknown, header: string, zone: ZoneClock): string {
  if (isDate(value)) return zone.calendarDate(value);
  const written = text(value);
  if (!isCalendarDate(written)) {
    throw invalidArgument(`${header} must be a date such as 2025-05-01, not "${written}".`);
  }
  return written;
}

function rangeOf(cells: unknown[], zone: ZoneClock): DateRange {
  const [days, start, end] = [cells[COL.days], cells[COL.startDate], cells[COL.endDate]];
  if (filled(start) || filled(end)) {
    if (filled(days))
      throw invalidArgument('give either Days or Start date and End date, not both; clear one.');
    if (!filled(start))
      throw invalidArgument('End date is set but Start date is empty; fill both, or use Days.');
    if (!filled(end))
      throw invalidArgument('Start date is set but End date is empty; fill both, or use Days.');
    const range = { start: dateOf(start, 'Start date', zone), end: dateOf(end, 'End date', zone) };
    if (range.end < range.start) {
      throw invalidArgument(`End date ${range.end} is before Start date ${range.start}; swap them.`);
    }
    return range;
  }
  if (!filled(days)) return { days: 30 };
  const n = typeof days === 'number' ? days : Number(text(days));
  if (!Number.isInteger(n) || n < 1 || n > MAX_DAYS) {
    throw invalidArgument(`Days must be a whole number from 1 to ${MAX_DAYS}, not "${text(days)}".`);
  }
  return { days: n };
}

const INPUT_COLUMNS: Record<ReportInput, { header: string; cols: number[] }> = {
  range: { header: 'Days, Start date and End date', cols: [COL.days, COL.startDate, COL.endDate] },
  campaignId: { header: 'Campaign ID', cols: [COL.campaignId] },
  status: { header: 'Status', cols: [COL.status] },
  eventType: { header: 'Event type', cols: [COL.eventType] },
  domain: { header: 'Domain', cols: [COL.domain] },
};

/** Validates one config row; throws a GravityError whose message says what to fix. */
export function parseSpec(cells: unknown[], row: number, zone: ZoneClock): ReportSpec {
  const tab = text(cells[COL.tab]);
  const report = text(cells[COL.report]).toLowerCase();
  const available = availableReports().join(', ');
  if (!report) throw invalidArgument(`Report is empty; choose one of: ${available}.`);
  const definition = reportDefinition(report);
  if (!definition)
    throw invalidArgument(`"${text(cells[COL.report])}" is not a report type; use one of: ${available}.`);
  if (!tab) throw invalidArgument('Tab is empty; name the tab this report writes to.');
  // Sheets' tab names are case-insensitive ("gravity log" is the Gravity Log tab).
  if ([CONFIG_SHEET, LOG_SHEET].some((own) => own.toLowerCase() === tab.toLowerCase())) {
    throw invalidArgument(`Tab "${tab}" is the add-on's own tab; give the report another tab name.`);
  }
  if (tab.length > MAX_TAB_NAME) throw invalidArgument(`Tab names have at most ${MAX_TAB_NAME} characters.`);

  const modeText = text(cells[COL.mode]).toLowerCase() || 'replace';
  if (!(REPORT_MODES as readonly string[]).includes(modeText)) {
    throw invalidArgument(`Mode must be replace or append, not "${text(cells[COL.mode])}".`);
  }
  const mode = modeText as ReportMode;

  for (const input of Object.keys(INPUT_COLUMNS) as ReportInput[]) {
    if (definition.inputs.includes(input)) continue;
    const { header, cols } = INPUT_COLUMNS[input];
    if (cols.some((c) => filled(cells[c]))) {
      throw invalidArgument(
        `${header} do${cols.length > 1 ? '' : 'es'} not apply to ${report} reports; clear it.`,
      );
    }
  }
  const optional = (input: ReportInput, col: number): string | undefined =>
    definition.inputs.includes(input) && filled(cells[col]) ? text(cells[col]) : undefined;
  const spec: ReportSpec = {
    row,
    tab,
    report: definition.type,
    mode,
    range: definition.inputs.includes('range') ? rangeOf(cells, zone) : null,
    campaignId: optional('campaignId', COL.campaignId),
    status: optional('status', COL.status),
    eventType: optional('eventType', COL.eventType),
    domain: optional('domain', COL.domain),
  };
  for (const input of definition.required ?? []) {
    if (input === 'campaignId' && !spec.campaignId) {
      throw invalidArgument(
        `Campaign ID is required for a ${report} report; a campaigns report lists the ids of this account.`,
      );
    }
  }
  if (mode === 'append' && !definition.appendKeys(spec)) {
    throw invalidArgument(`${report} reports cannot append (they have no row key); set Mode to replace.`);
  }
  if (spec.range && 'start' in spec.range && !definition.splitsLongRanges) {
    const span = daysBetween(spec.range.start, spec.range.end) + 1;
    if (span > MAX_DAYS) {
      throw invalidArgument(
        `Start date to End date spans ${span} days; a ${report} report covers at most ${MAX_DAYS}. ` +
          'Move Start date later, or split the period over two rows.',
      );
    }
  }
  return spec;
}

/**
 * Two rows may append into one tab only when their rows can never collide: the same report, both filtered by
 * a campaign, keyed by campaign_id (daily metrics of several campaigns side by side). An unfiltered row keyed
 * by date alone would overwrite the campaigns' rows of the same day.
 */
function canShareTab(owner: ReportSpec, spec: ReportSpec): boolean {
  if (owner.mode !== 'append' || spec.mode !== 'append' || owner.report !== spec.report) return false;
  if (!owner.campaignId || !spec.campaignId) return false;
  const definition = reportDefinition(spec.report);
  const keys = definition?.appendKeys(spec) ?? [];
  return keys.includes('campaign_id') && keys.join() === (definition?.appendKeys(owner) ?? []).join();
}

function messageOf(error: unknown): string {
  if (error instanceof GravityError) return error.message;
  return `Gravity: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Every report row of the config tab's values (row 0 is the header; blank rows are skipped). Rows that
 * cannot run carry their error; a tab written by two rows is refused on the later one unless both append
 * the same report (several filtered metrics reports may share one history tab, keyed by campaign_id).
 */
export function readEntries(values: unknown[][], zone: ZoneClock): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  const owners = new Map<string, ReportSpec>();
  values.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const own = cells.slice(0, COL.mode + 1);
    if (own.every((v) => !filled(v))) return;
    const lastRun = cells[COL.lastRun];
    const rows = cells[COL.rows];
    const entry: ConfigEntry = {
      row,
      tab: text(cells[COL.tab]),
      report: text(cells[COL.report]),
      mode: text(cells[COL.mode]) || 'replace',
      enabled: enabledOf(cells[COL.enabled]),
      lastRun: isDate(lastRun) ? lastRun : null,
      result: text(cells[COL.result]),
      rows: typeof rows === 'number' ? rows : null,
      spec: null,
      error: null,
    };
    try {
      const spec = parseSpec(cells, row, zone);
      // A disabled row writes nothing on its own, so only enabled rows claim their tab.
      if (entry.enabled) {
        // Sheets' tab names ignore case: "metrics" is the tab "Metrics".
        const owner = owners.get(spec.tab.toLowerCase());
        if (owner && !canShareTab(owner, spec)) {
          throw invalidArgument(
            `Tab "${spec.tab}" is already written by row ${owner.row}; give this report its own tab.`,
          );
        }
        owners.set(spec.tab.toLowerCase(), owner ?? spec);
      }
      entry.spec = spec;
    } catch (error) {
      entry.error = messageOf(error);
    }
    entries.push(entry);
  });
  return entries;
}

export function rowView(entry: ConfigEntry): ReportRowView {
  return {
    row: entry.row,
    tab: entry.tab,
    report: entry.report,
    mode: entry.mode,
    enabled: entry.enabled,
    lastRun: entry.lastRun ? entry.lastRun.toISOString() : '',
    result: entry.result,
    rows: entry.rows,
  };
}

/** Least recently refreshed first (never-run rows before all others), then in sheet order. */
export function byLastRun(a: ConfigEntry, b: ConfigEntry): number {
  const at = (e: ConfigEntry) => (e.lastRun ? e.lastRun.getTime() : -Infinity);
  return at(a) - at(b) || a.row - b.row;
}

/** Report types the config tab's Report dropdown offers. */
export function reportChoices(): ReportType[] {
  return availableReports();
}
