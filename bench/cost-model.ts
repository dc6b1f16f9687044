import type { ServiceCounters } from '../dev/emulator';
import { TracedCall } from './fetch-trace';

/**
 * What an execution would take in real Apps Script, from what it did in the emulator. Constants and where
 * they come from (also in README.md, "Costs and quotas"):
 * - FETCH_MS: one UrlFetchApp.fetch of a small JSON API, about 0.6 s — three sequential fetches of the
 *   Google Books API took 1.77 s (pre-practice.net/2020/03/urlfetchappfetchallfetch.html).
 * - FETCH_ALL_EXTRA_MS: fetchAll sends its requests at once (tanaikech.github.io/2018/04/19/benchmark-
 *   fetchall-method-in-urlfetch-service-for-google-apps-script/), but not for free: the same three requests
 *   in one fetchAll took 0.93 s, i.e. about 0.17 s per request beyond the first.
 * - SHEET_CALL_MS: a SpreadsheetApp call is a round trip to Google ("calls are relatively expensive",
 *   googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html); reading sheet metadata
 *   takes about 0.3 s on a 10-million-cell sheet (gist.github.com/tanaikech/cc4380692790150cc090114553e38a0e)
 *   and writes are cached until a read or flush. 50 ms is our assumption for a report-sized sheet.
 * - CELL_WRITE_MS: writing 10,000 cells in one Sheets API request took about 3 s
 *   (qiita.com/howdy39/items/2fb95bb7b52cb0bb00ab); a 4,000-cell setValues plus flush 0.61 s
 *   (stackoverflow: "What is faster: ScriptDb or SpreadsheetApp?"). 0.3 ms a cell, the slower of the two.
 * - SERVICE_CALL_MS: CacheService and PropertiesService calls; no measurement found, assumed 20 ms.
 * JavaScript run time is left out: scenario 4 measures it and it is small beside these.
 */
export const COST_MODEL = {
  FETCH_MS: 600,
  FETCH_ALL_EXTRA_MS: 170,
  SHEET_CALL_MS: 50,
  CELL_WRITE_MS: 0.3,
  SERVICE_CALL_MS: 20,
} as const;

export interface CostEstimate {
  fetchMs: number;
  sheetMs: number;
  cellsMs: number;
  serviceMs: number;
  /** Evaluating the bundle (every execution pays it). */
  loadMs: number;
  totalMs: number;
}

export function fetchCallMs(requests: number): number {
  return requests === 0 ? 0 : COST_MODEL.FETCH_MS + COST_MODEL.FETCH_ALL_EXTRA_MS * (requests - 1);
}

/** The estimated wall time of executions that made `calls` and counted `counters`, loading the bundle `executions` times. */
export function estimate(
  calls: TracedCall[],
  counters: ServiceCounters,
  bundleLoadMs: number,
  executions = 1,
): CostEstimate {
  const fetchMs = calls.reduce((ms, call) => ms + fetchCallMs(call.requests.length), 0);
  const sheetMs = counters.spreadsheetCalls * COST_MODEL.SHEET_CALL_MS;
  const cellsMs = counters.cellsWritten * COST_MODEL.CELL_WRITE_MS;
  const serviceCalls =
    counters.cacheReads + counters.cacheWrites + counters.propertyReads + counters.propertyWrites;
  const serviceMs = serviceCalls * COST_MODEL.SERVICE_CALL_MS;
  const loadMs = bundleLoadMs * executions;
  return {
    fetchMs,
    sheetMs,
    cellsMs,
    serviceMs,
    loadMs,
    totalMs: fetchMs + sheetMs + cellsMs + serviceMs + loadMs,
  };
}
