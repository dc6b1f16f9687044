import { userMessage } from '../formulas/custom-function';
import { refreshReports } from './refresh';
import { appendLogRow } from './run-log';
import { scheduledTarget } from './schedule';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The event of a time-driven trigger: only its uid matters here. */
export interface ScheduledEvent {
  triggerUid?: unknown;
}

/**
 * A time-driven run: finds the spreadsheet the trigger was installed for (stored by trigger uid when
 * scheduling, since such a run has no active spreadsheet) and refreshes its enabled reports as the user who
 * scheduled them. Add-on triggers send no failure e-mails, so every outcome goes to `Gravity Log` and the
 * execution log.
 */
export function runScheduledRefresh(event: ScheduledEvent | undefined, startedAt: number): void {
  const uid = event && typeof event.triggerUid === 'string' ? event.triggerUid : '';
  const target = uid ? scheduledTarget(uid) : null;
  let spreadsheet: Spreadsheet | null;
  if (target) {
    try {
      spreadsheet = SpreadsheetApp.openById(target.spreadsheetId);
    } catch (error) {
      console.error(
        `Gravity: the scheduled spreadsheet ${target.spreadsheetId} could not be opened ` +
          `(${error instanceof Error ? error.message : String(error)}). Open it and set the schedule again.`,
      );
      return;
    }
  } else {
    try {
      spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    } catch {
      spreadsheet = null;
    }
  }
  if (!spreadsheet) {
    console.error(
      'Gravity: this scheduled run does not know its spreadsheet. Open the spreadsheet and choose ' +
        'Extensions › Gravity › Schedule again.',
    );
    return;
  }
  try {
    refreshReports({ spreadsheet, kind: 'scheduled', startedAt });
  } catch (error) {
    // Nobody watches a trigger: whatever stopped the whole run must still show in the sheet.
    const message = userMessage(error);
    console.error(`Gravity: scheduled refresh failed: ${message}`);
    try {
      appendLogRow(spreadsheet, {
        time: new Date(startedAt),
        started: 'scheduled',
        tab: '',
        result: 'Error',
        rows: null,
        durationMs: null,
        message,
      });
    } catch (logError) {
      console.error(`Gravity: could not write to Gravity Log either: ${userMessage(logError)}`);
    }
  }
}
