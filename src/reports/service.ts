import { GravityError, invalidArgument } from '../api/errors';
import { CellValue } from '../tables/cells';
import { utilitiesOffset, zoneClock, ZoneClock } from '../tables/timezone';
import { COL, CONFIG_SHEET, readEntries, rowView } from './config';
import { appendConfigRow, ensureConfigSheet, findConfigSheet, readConfigValues } from './config-sheet';
import { NewReport, ReportRowView, ReportRunResult, ScheduleFrequency, ScheduleView } from './contract';
import { refreshReports, RefreshSummary } from './refresh';
import { reportDefinition } from './registry';
import { ReportSpec } from './definition';
import { scheduleView, setSchedule } from './schedule';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The report engine as the sidebar and the menu use it, on the active spreadsheet. Every function takes and
 * returns plain data (google.script.run), and every failure is a GravityError whose message says what to fix.
 */

function activeSpreadsheet(): Spreadsheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw invalidArgument('open a spreadsheet first: reports live in its tabs.');
  return spreadsheet;
}

function zoneOf(spreadsheet: Spreadsheet): ZoneClock {
  return zoneClock(spreadsheet.getSpreadsheetTimeZone(), utilitiesOffset);
}

/** The rows of `Gravity Reports` with their last result; [] when the tab does not exist yet. */
export function listReports(spreadsheet: Spreadsheet = activeSpreadsheet()): ReportRowView[] {
  const sheet = findConfigSheet(spreadsheet);
  if (!sheet) return [];
  return readEntries(readConfigValues(sheet), zoneOf(spreadsheet)).map(rowView);
}

/** A free tab name: `base`, else `base 2`, `base 3`… (neither a sheet nor another row's tab). */
function uniqueTab(spreadsheet: Spreadsheet, base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} ${n}`;
    if (!taken.has(name) && !spreadsheet.getSheetByName(name)) return name;
  }
}

/** The config row's cells for a new report (A..K), defaults filled in. */
function rowCells(report: NewReport, tab: string, zone: ZoneClock): CellValue[] {
  const cells: CellValue[] = new Array<CellValue>(COL.enabled + 1).fill('');
  cells[COL.tab] = tab;
  cells[COL.report] = report.report;
  if (report.days !== undefined) cells[COL.days] = report.days;
  if (report.startDate) cells[COL.startDate] = isoDate(report.startDate, 'startDate', zone);
  if (report.endDate) cells[COL.endDate] = isoDate(report.endDate, 'endDate', zone);
  cells[COL.campaignId] = report.campaignId?.trim() ?? '';
  cells[COL.status] = report.status?.trim() ?? '';
  cells[COL.eventType] = report.eventType?.trim() ?? '';
  cells[COL.domain] = report.domain?.trim() ?? '';
  cells[COL.mode] = report.mode ?? 'replace';
  cells[COL.enabled] = true;
  return cells;
}

function isoDate(text: string, name: string, zone: ZoneClock): CellValue {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) throw invalidArgument(`${name} must be written YYYY-MM-DD.`);
  return zone.midnight(trimmed);
}

/**
 * Adds a report row (creating `Gravity Reports` on first use) after checking it exactly as a refresh will:
 * a row that could not run is refused with the reason instead of being added. Returns the new row.
 */
export function addReport(report: NewReport, spreadsheet: Spreadsheet = activeSpreadsheet()): ReportRowView {
  const definition = reportDefinition(report.report);
  if (!definition) throw invalidArgument(`"${String(report.report)}" is not a report type.`);
  const zone = zoneOf(spreadsheet);
  const requested = report.tab?.trim();
  // Text columns are plain text, where Sheets would still read a leading = as a formula (and ' is kept).
  const texts: Array<[string, string | undefined]> = [
    ['tab name', requested],
    ['campaign id', report.campaignId],
    ['status', report.status],
    ['event type', report.eventType],
    ['domain', report.domain],
  ];
  for (const [name, value] of texts) {
    const trimmed = value?.trim();
    if (trimmed && /^[=']/.test(trimmed)) {
      throw invalidArgument(
        `a report's ${name} must not start with ${trimmed[0]}; check "${trimmed.slice(0, 40)}".`,
      );
    }
  }
  const sheet = ensureConfigSheet(spreadsheet);
  const values = readConfigValues(sheet);
  const taken = new Set(readEntries(values, zone).map((e) => e.tab));
  const tab = requested || uniqueTab(spreadsheet, definition.title, taken);
  const cells = rowCells(report, tab, zone);
  // Checked exactly as a refresh will check it, next to the rows already there (a tab another row writes).
  const candidate = readEntries([...values, cells], zone).pop();
  if (candidate?.error) throw new GravityError('invalid_argument', candidate.error);
  const row = appendConfigRow(sheet, cells);
  return {
    row,
    tab,
    report: report.report,
    mode: report.mode ?? 'replace',
    enabled: true,
    lastRun: '',
    result: '',
    rows: null,
  };
}

/** Refreshes one row of `Gravity Reports` now (even when not enabled: the user asked for it). */
export function refreshReport(row: number, spreadsheet: Spreadsheet = activeSpreadsheet()): ReportRunResult {
  const summary = refreshReports({ spreadsheet, kind: 'manual', startedAt: Date.now(), rows: [row] });
  if (summary.skipped) throw new GravityError('invalid_argument', summary.message);
  const result = summary.results.find((r) => r.row === row);
  if (!result) {
    throw invalidArgument(`row ${row} of ${CONFIG_SHEET} holds no report; refresh the list and try again.`);
  }
  return result;
}

/** Refreshes every enabled report now. */
export function refreshAll(
  spreadsheet: Spreadsheet = activeSpreadsheet(),
  onStart?: (spec: ReportSpec, index: number, total: number) => void,
): RefreshSummary {
  return refreshReports({ spreadsheet, kind: 'manual', startedAt: Date.now(), onStart });
}

export function getSchedule(spreadsheet: Spreadsheet = activeSpreadsheet()): ScheduleView {
  return scheduleView(spreadsheet);
}

export function changeSchedule(
  frequency: ScheduleFrequency,
  spreadsheet: Spreadsheet = activeSpreadsheet(),
): ScheduleView {
  return setSchedule(spreadsheet, frequency);
}

/** The engine with the method names the sidebar's ReportEngine expects. */
export function reportService(): {
  list(): ReportRowView[];
  add(report: NewReport): ReportRowView;
  refresh(row: number): ReportRunResult;
  setSchedule(frequency: ScheduleFrequency): ScheduleView;
  schedule(): ScheduleView;
} {
  return {
    list: () => listReports(),
    add: (report) => addReport(report),
    refresh: (row) => refreshReport(row),
    setSchedule: (frequency) => changeSchedule(frequency),
    schedule: () => getSchedule(),
  };
}
