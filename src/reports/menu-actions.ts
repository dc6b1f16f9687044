import { userMessage } from '../formulas/custom-function';
import { userProperties } from '../gas/properties';
import { readApiKey } from '../settings/credentials';
import { NewReport, ScheduleFrequency } from './contract';
import { FREQUENCY_WORDS } from './schedule';
import { addReport, changeSchedule, refreshAll, refreshReport } from './service';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What each Extensions › Gravity › Add report item adds (the tab name defaults to the type's title). */
export const MENU_REPORTS = {
  metrics: { report: 'metrics', days: 30 },
  campaigns: { report: 'campaigns' },
  // append: an incremental sync, one or two requests per refresh once the history is in.
  conversions: { report: 'conversions', mode: 'append' },
  // append: one snapshot row per run, the billing history finance reconciles against.
  billing: { report: 'billing', tab: 'Billing history', mode: 'append' },
  events: { report: 'events_types', days: 30 },
  conversionStats: { report: 'conversion_stats_timeseries', days: 30 },
  integrations: { report: 'integrations' },
} satisfies Record<string, NewReport>;

const TITLE = 'Gravity';
const SHORT_S = 5;
const LONG_S = 15;
/** At most one progress toast this often. */
const PROGRESS_EVERY_MS = 5_000;

function toast(spreadsheet: Spreadsheet, message: string, seconds: number): void {
  spreadsheet.toast(message, TITLE, seconds);
}

/** Runs a menu action; a failure is shown as a toast that says what to fix instead of a bare error box. */
function menuAction(body: (spreadsheet: Spreadsheet) => void): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  try {
    body(spreadsheet);
  } catch (error) {
    toast(spreadsheet, userMessage(error), LONG_S);
  }
}

/** Refresh all reports now: a progress toast every few seconds while it runs, then the outcome. */
export function refreshAllFromMenu(): void {
  menuAction((spreadsheet) => {
    toast(spreadsheet, 'Refreshing reports…', SHORT_S);
    // A toast per report would flash past when reports take a fraction of a second, and each costs a call.
    let shownAt = Date.now();
    const summary = refreshAll(spreadsheet, (spec, index, total) => {
      if (Date.now() - shownAt < PROGRESS_EVERY_MS) return;
      shownAt = Date.now();
      toast(spreadsheet, `Refreshing "${spec.tab}" (${index + 1} of ${total})…`, LONG_S);
    });
    toast(spreadsheet, summary.message, LONG_S);
  });
}

/** Add report › …: adds the default row (a free tab name) and refreshes it at once. */
export function addReportFromMenu(report: NewReport): void {
  menuAction((spreadsheet) => {
    const row = addReport(report, spreadsheet);
    toast(spreadsheet, `Added "${row.tab}" to Gravity Reports; refreshing it…`, LONG_S);
    const result = refreshReport(row.row, spreadsheet);
    // Show the new tab: the run last wrote the Gravity Log, which Sheets would otherwise leave in front.
    if (result.ok) spreadsheet.getSheetByName(row.tab)?.activate();
    toast(
      spreadsheet,
      result.ok
        ? `"${row.tab}" is up to date: ${plural(result.rows ?? 0, 'row')}.`
        : `"${row.tab}": ${result.result}`,
      LONG_S,
    );
  });
}

/** Schedule › …: one trigger for this user and spreadsheet, whatever was set before. */
export function scheduleFromMenu(frequency: ScheduleFrequency): void {
  menuAction((spreadsheet) => {
    const view = changeSchedule(frequency, spreadsheet);
    if (view.frequency === 'off') {
      toast(spreadsheet, 'Schedule off: reports refresh only when you ask.', LONG_S);
      return;
    }
    const noKey = readApiKey(userProperties())
      ? ''
      : ' No API key is saved yet: save one in Extensions › Gravity › Open sidebar, or every run will fail.';
    toast(
      spreadsheet,
      `Reports now refresh ${FREQUENCY_WORDS[view.frequency]}, as you and with your API key; each run is ` +
        `recorded in the Gravity Log tab.${noKey}`,
      LONG_S,
    );
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
