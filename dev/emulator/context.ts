/**
 * The state of one emulated Apps Script execution, shared by every fake service.
 *
 * Apps Script loads the whole script afresh for every execution (a formula cell, a menu click, a trigger, a
 * `google.script.run` call), and what a service allows depends on how that execution was started. Every fake
 * service receives the current `Execution` and asks it before doing anything, so one place decides what a
 * custom function, an `AuthMode.NONE` onOpen or a time-driven trigger may touch.
 */

/** How an execution was started; decides which services are usable. */
export type ExecutionKind =
  /** A custom function cell: owner's user properties, read-only SpreadsheetApp, 30 s. */
  | 'customFunction'
  /** onOpen before the add-on is enabled in the document: only the menu may be built. */
  | 'authNone'
  /** onOpen after the add-on is enabled in the document (AuthMode.LIMITED). */
  | 'authLimited'
  /** A menu item, a sidebar `google.script.run` call or onInstall (AuthMode.FULL). */
  | 'full'
  /** An installable time-driven trigger: FULL, but there may be no active spreadsheet. */
  | 'timeTrigger';

/** Limits from developers.google.com/apps-script/guides/services/quotas and .../guides/sheets/functions. */
export const EXECUTION_LIMIT_MS: Record<ExecutionKind, number> = {
  customFunction: 30_000,
  authNone: 30_000, // simple triggers (onOpen) get 30 s
  authLimited: 30_000,
  full: 360_000,
  timeTrigger: 360_000,
};

/** Counts what an execution cost, for the benchmarks and the economy tests. */
export interface ServiceCounters {
  /** Requests sent by UrlFetchApp (a fetchAll of n requests counts n). */
  urlFetchRequests: number;
  /** UrlFetchApp.fetch / fetchAll calls (a fetchAll counts 1). */
  urlFetchCalls: number;
  /** Every method call on a SpreadsheetApp object (each is a round trip to Google in real Apps Script). */
  spreadsheetCalls: number;
  /** Cells written by setValue(s)/setFormula(s)/setNumberFormat(s) and similar. */
  cellsWritten: number;
  cacheReads: number;
  cacheWrites: number;
  propertyReads: number;
  propertyWrites: number;
}

export function emptyCounters(): ServiceCounters {
  return {
    urlFetchRequests: 0,
    urlFetchCalls: 0,
    spreadsheetCalls: 0,
    cellsWritten: 0,
    cacheReads: 0,
    cacheWrites: 0,
    propertyReads: 0,
    propertyWrites: 0,
  };
}

/** Virtual time: real time elapsed plus whatever `Utilities.sleep` and tests added, so tests never wait. */
export interface Clock {
  now(): number;
  advance(ms: number): void;
}

export interface Execution {
  readonly kind: ExecutionKind;
  /** Email of the user the script runs as (`Session.getEffectiveUser()`). */
  readonly user: string;
  /** Id of the active spreadsheet, or null (a time-driven trigger has none). */
  readonly activeSpreadsheetId: string | null;
  readonly clock: Clock;
  readonly counters: ServiceCounters;
  /** Virtual time after which every service call throws "Exceeded maximum execution time". */
  readonly deadline: number;
  /**
   * Throws the error real Apps Script throws when `service.method` is not allowed in this execution
   * (e.g. `SpreadsheetApp.setValues` from a custom function, anything but the menu under AuthMode.NONE),
   * and throws "Exceeded maximum execution time" past the deadline.
   */
  check(service: string, method: string): void;
}

export class ExecutionTimeExceeded extends Error {
  constructor() {
    super('Exceeded maximum execution time');
    this.name = 'Error';
  }
}
