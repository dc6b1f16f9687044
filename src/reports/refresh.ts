import { RunMemo } from '../api/run-memo';
import { appsScriptClock } from '../gas/clock';
import { connectGravity, RUN_RETRY_BUDGET_MS } from '../gas/gravity';
import { userProperties } from '../gas/properties';
import { requireApiKey } from '../settings/credentials';
import { utilitiesOffset, zoneClock } from '../tables/timezone';
import { byLastRun, ConfigEntry, readEntries } from './config';
import { ensureConfigSheet, readConfigValues, RowResult, writeResults } from './config-sheet';
import { ReportRunResult } from './contract';
import { ReportSpec } from './definition';
import { acquireRunLock } from './run-lock';
import { appendLog, appendLogRow, LogEntry, RunKind, summarize } from './run-log';
import { ReportOutcome, runReports } from './runner';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** An execution has 6 minutes: no new report starts after 4, paging stops at 4.5, retries at 5. */
export const START_BUDGET_MS = 240_000;
export const PAGING_BUDGET_MS = 270_000;

export interface RefreshOptions {
  spreadsheet: Spreadsheet;
  kind: RunKind;
  /** Clock time the execution started. */
  startedAt: number;
  /** Only these config rows (run even when not enabled: someone asked for them); default every enabled row. */
  rows?: number[];
  onStart?: (spec: ReportSpec, index: number, total: number) => void;
}

export interface RefreshSummary {
  /** Another run held the lock: nothing was refreshed. */
  skipped: boolean;
  /** One per selected row, in the order they ran (rows that could not run first). */
  results: ReportRunResult[];
  /** For toasts and the schedule view: "OK: 3 reports refreshed", "1 of 3 failed: …". */
  message: string;
}

const LOCK_TAKEN =
  'Another refresh of this spreadsheet was running, so this one did nothing. The next run refreshes as usual.';

function runResult(outcome: ReportOutcome): ReportRunResult {
  return {
    row: outcome.spec.row,
    tab: outcome.spec.tab,
    ok: outcome.status === 'ok',
    result: outcome.message,
    rows: outcome.rows,
    durationMs: outcome.durationMs,
  };
}

/**
 * One refresh run, manual or scheduled: under the spreadsheet's run lock, reads `Gravity Reports` once,
 * refreshes the selected rows least recently refreshed first within the time budget, then writes every row's
 * Last run / Result / Rows in one write and the run's rows to `Gravity Log` in one more.
 */
export function refreshReports(options: RefreshOptions): RefreshSummary {
  const { spreadsheet, kind, startedAt } = options;
  const clock = appsScriptClock();
  const runTime = new Date(startedAt);
  const lock = acquireRunLock(spreadsheet.getId(), () => clock.now());
  if (!lock) {
    appendLogRow(spreadsheet, {
      time: runTime,
      started: kind,
      tab: '',
      result: 'Skipped',
      rows: null,
      durationMs: null,
      message: LOCK_TAKEN,
    });
    console.warn(`Gravity: ${kind} refresh skipped: ${LOCK_TAKEN}`);
    return { skipped: true, results: [], message: `Skipped: ${LOCK_TAKEN}` };
  }
  try {
    const zone = zoneClock(spreadsheet.getSpreadsheetTimeZone(), utilitiesOffset);
    const sheet = ensureConfigSheet(spreadsheet);
    const values = readConfigValues(sheet);
    const wanted = options.rows ? new Set(options.rows) : null;
    const selected = readEntries(values, zone).filter((e) => (wanted ? wanted.has(e.row) : e.enabled));
    const invalid = selected.filter((e) => e.error !== null);
    const specs = selected
      .filter((e): e is ConfigEntry & { spec: ReportSpec } => e.spec !== null)
      .sort(byLastRun)
      .map((e) => e.spec);

    const outcomes = runReports(
      {
        spreadsheet,
        config: values,
        zone,
        clock,
        fetchedAt: runTime.toISOString(),
        startBy: startedAt + START_BUDGET_MS,
        pagingStopBy: startedAt + PAGING_BUDGET_MS,
        client: () =>
          connectGravity({
            apiKey: requireApiKey(userProperties()),
            deadline: startedAt + RUN_RETRY_BUDGET_MS,
            cache: new RunMemo(),
          }),
        onStart: options.onStart,
      },
      specs,
    );

    const rowResults: RowResult[] = [
      ...invalid.map((e) => ({
        row: e.row,
        tab: e.tab,
        report: e.report,
        lastRun: null,
        result: e.error ?? '',
        rows: null,
      })),
      ...outcomes
        .filter((o) => o.status !== 'deferred')
        .map((o) => ({
          row: o.spec.row,
          tab: o.spec.tab,
          report: o.spec.report,
          lastRun: new Date(o.finishedAt),
          result: o.message,
          rows: o.rows,
        })),
    ];
    writeResults(sheet, rowResults);

    const log: LogEntry[] = [
      ...invalid.map((e): LogEntry => ({
        time: runTime,
        started: kind,
        tab: e.tab,
        result: 'Error',
        rows: null,
        durationMs: null,
        message: e.error ?? '',
      })),
      ...outcomes.map((o): LogEntry => ({
        time: runTime,
        started: kind,
        tab: o.spec.tab,
        result: o.status === 'ok' ? 'OK' : o.status === 'error' ? 'Error' : 'Deferred',
        rows: o.rows,
        durationMs: o.status === 'deferred' ? null : o.durationMs,
        message: o.status === 'ok' ? '' : o.message,
      })),
    ];
    appendLog(spreadsheet, log);

    const results: ReportRunResult[] = [
      ...invalid.map((e) => ({
        row: e.row,
        tab: e.tab,
        ok: false,
        result: e.error ?? '',
        rows: null,
        durationMs: 0,
      })),
      ...outcomes.map(runResult),
    ];
    const message = results.length
      ? summarize(log.map((l) => ({ result: l.result, message: l.message })))
      : 'No enabled reports: add one from Extensions › Gravity › Add report, or type a row in Gravity Reports.';
    console.log(`Gravity: ${kind} refresh: ${message}`);
    return { skipped: false, results, message };
  } finally {
    lock.release();
  }
}
