import { CellValue, escapeText } from '../tables/cells';
import { LOG_SHEET } from './config';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** `Gravity Log`: one row per report per run, so a user sees in the sheet what a scheduled run did and why. */
export const LOG_HEADERS = ['Time', 'Started', 'Tab', 'Result', 'Rows', 'Duration (s)', 'Message'] as const;
export const LOG_MAX_ROWS = 500;
const LOG_FORMATS = ['yyyy-mm-dd hh:mm:ss', 'General', 'General', 'General', '#,##0', '0.0', 'General'];
/** Extra grid rows when the log grows, so appending rarely needs to grow it. */
const HEADROOM = 100;

export type RunKind = 'manual' | 'scheduled';
export type LogResult = 'OK' | 'Error' | 'Skipped' | 'Deferred';

export interface LogEntry {
  /** The run's start: every row of one run carries the same time. */
  time: Date;
  started: RunKind;
  tab: string;
  result: LogResult;
  rows: number | null;
  durationMs: number | null;
  message: string;
}

function cells(entry: LogEntry): CellValue[] {
  return [
    entry.time,
    entry.started,
    escapeText(entry.tab),
    entry.result,
    entry.rows ?? '',
    entry.durationMs === null ? '' : Math.round(entry.durationMs / 100) / 10,
    escapeText(entry.message),
  ];
}

function createLog(spreadsheet: Spreadsheet): Sheet {
  const sheet = spreadsheet.insertSheet(LOG_SHEET);
  writeHeader(sheet);
  return sheet;
}

function writeHeader(sheet: Sheet): void {
  const header = sheet.getRange(1, 1, 1, LOG_HEADERS.length);
  header.setValues([[...LOG_HEADERS]]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
}

/**
 * Appends a run's rows in one write, then drops the oldest beyond LOG_MAX_ROWS (written first, deleted
 * after: a sheet cannot lose all its non-frozen rows).
 */
export function appendLog(spreadsheet: Spreadsheet, entries: LogEntry[]): void {
  if (entries.length === 0) return;
  const rows = entries.slice(-LOG_MAX_ROWS);
  const sheet = spreadsheet.getSheetByName(LOG_SHEET) ?? createLog(spreadsheet);
  let last = sheet.getLastRow();
  if (last === 0) {
    writeHeader(sheet);
    last = 1;
  }
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = sheet.getRange(last + 1, 1, rows.length, LOG_HEADERS.length);
  } catch {
    // Outside the grid (getRange does not grow it): add rows, then ask again.
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + HEADROOM);
    range = sheet.getRange(last + 1, 1, rows.length, LOG_HEADERS.length);
  }
  range.setNumberFormats(rows.map(() => [...LOG_FORMATS]));
  range.setValues(rows.map(cells));
  const excess = last - 1 + rows.length - LOG_MAX_ROWS;
  if (excess > 0) sheet.deleteRows(2, excess);
}

/**
 * One row written without the run lock (a run that found the lock taken): appendRow adds it below the last
 * row atomically, so it cannot overwrite what the run holding the lock appends.
 */
export function appendLogRow(spreadsheet: Spreadsheet, entry: LogEntry): void {
  const sheet = spreadsheet.getSheetByName(LOG_SHEET) ?? createLog(spreadsheet);
  sheet.appendRow(cells(entry));
}

export interface LastRun {
  /** ISO instant, or "". */
  lastRun: string;
  lastResult: string;
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The newest run in the log (its rows share one time), summed up: "OK: 3 reports refreshed", "Skipped: …". */
export function lastRun(spreadsheet: Spreadsheet): LastRun {
  const sheet = spreadsheet.getSheetByName(LOG_SHEET);
  const last = sheet ? sheet.getLastRow() : 0;
  if (!sheet || last < 2) return { lastRun: '', lastResult: '' };
  const count = Math.min(last - 1, LOG_MAX_ROWS);
  const values = sheet.getRange(last - count + 1, 1, count, LOG_HEADERS.length).getValues();
  const time = values[values.length - 1][0];
  if (!isDate(time)) return { lastRun: '', lastResult: '' };
  const run = values.filter((row) => isDate(row[0]) && row[0].getTime() === time.getTime());
  return {
    lastRun: time.toISOString(),
    lastResult: summarize(run.map((row) => ({ result: String(row[3]), message: String(row[6]) }))),
  };
}

export function summarize(results: Array<{ result: string; message: string }>): string {
  const count = (r: string) => results.filter((x) => x.result === r).length;
  const [ok, failed, deferred, skipped] = [count('OK'), count('Error'), count('Deferred'), count('Skipped')];
  if (skipped && !ok && !failed)
    return `Skipped: ${results.find((x) => x.result === 'Skipped')?.message ?? ''}`;
  const ran = ok + failed;
  const left = deferred ? `; ${deferred} left for the next run` : '';
  if (failed === 0) return `OK: ${ok} report${ok === 1 ? '' : 's'} refreshed${left}`;
  return `${failed} of ${ran} failed: see the Result column of Gravity Reports and the Gravity Log${left}`;
}
