import { createCacheService, CacheStore } from './cache';
import { createCharts } from './charts';
import { VirtualClock } from './clock';
import { emptyCounters, ExecutionTimeExceeded, type ExecutionKind, type ServiceCounters } from './context';
import { EmulatedExecution } from './execution';
import { createHtmlService } from './html';
import { documentLockKey, createLockService, LockRegistry } from './lock';
import { createConsole, createLogger } from './logger';
import { createPropertiesService, PropertyStore } from './properties';
import { AUTH_MODE, createScriptApp, TriggerRegistry, type FakeTrigger } from './script-app';
import { createSession } from './session';
import {
  createSpreadsheetApp,
  parseFormulaCall,
  SpreadsheetStore,
  writeFormulaResult,
  type FakeSpreadsheet,
} from './spreadsheet';
import { parseA1 } from './spreadsheet/a1';
import { createUrlFetchApp, DEFAULT_URL_FETCH_DAILY_QUOTA, UrlFetchQuota } from './url-fetch';
import { createUtilities } from './utilities';
import { loadBundleFiles, ScriptContext, withTimeZone, type Bundle } from './vm-loader';

export type { ExecutionKind, ServiceCounters } from './context';
export type { FakeTrigger } from './script-app';
export { CacheStore } from './cache';
export { PropertyStore } from './properties';

export interface RunOptions {
  kind: ExecutionKind;
  user: string;
  spreadsheetId: string | null;
  /**
   * The event object of a trigger or simple trigger: the function is called with it as its only argument,
   * and `authMode` is filled in from `kind` when missing.
   */
  event?: Record<string, unknown>;
}

const AUTH_MODE_OF: Record<ExecutionKind, string> = {
  customFunction: AUTH_MODE.CUSTOM_FUNCTION,
  authNone: AUTH_MODE.NONE,
  authLimited: AUTH_MODE.LIMITED,
  full: AUTH_MODE.FULL,
  timeTrigger: AUTH_MODE.FULL,
};

const SCRIPT_ID = 'emulated-script-id';

function addCounters(into: ServiceCounters, from: ServiceCounters): void {
  for (const key of Object.keys(into) as Array<keyof ServiceCounters>) into[key] += from[key];
}

/** Lazily created per-key stores (user properties by email, document caches by spreadsheet id...). */
class Keyed<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly make: () => T) {}
  get(key: string): T {
    let value = this.map.get(key);
    if (value === undefined) this.map.set(key, (value = this.make()));
    return value;
  }
}

interface QueuedCell {
  spreadsheetId: string;
  sheetName: string;
  row: number;
  column: number;
}

/**
 * Apps Script in Node: loads the built bundle into a fresh bare V8 context per execution, with fake services
 * that keep Apps Script's permissions, limits and error messages, on a virtual clock.
 */
export class AppsScriptEmulator {
  readonly clock: VirtualClock;
  readonly counters: ServiceCounters = emptyCounters();
  lastExecutionCounters: ServiceCounters = emptyCounters();
  readonly logs: string[] = [];
  readonly spreadsheets = new SpreadsheetStore();
  readonly scriptProperties = new PropertyStore();
  readonly scriptCache: CacheStore;

  private readonly userPropertyStores = new Keyed(() => new PropertyStore());
  private readonly documentPropertyStores = new Keyed(() => new PropertyStore());
  private readonly userCaches: Keyed<CacheStore>;
  private readonly documentCaches: Keyed<CacheStore>;
  private readonly triggerRegistry = new TriggerRegistry();
  private readonly locks = new LockRegistry();
  private readonly urlFetchQuota: UrlFetchQuota;
  private readonly recalculations: QueuedCell[] = [];
  private bundle: Bundle | null = null;
  private bundleFunctions: string[] = [];
  private readonly allowNetwork: boolean;

  /**
   * `allowNetwork: true` lets UrlFetchApp reach any host instead of loopback ones only: the local
   * playground's live mode. Off by default, so no test reaches the network by accident.
   */
  constructor(options: { now?: number; urlFetchDailyQuota?: number; allowNetwork?: boolean } = {}) {
    this.allowNetwork = options.allowNetwork ?? false;
    this.clock = new VirtualClock(options.now ?? Date.now());
    this.scriptCache = new CacheStore(this.clock);
    this.userCaches = new Keyed(() => new CacheStore(this.clock));
    this.documentCaches = new Keyed(() => new CacheStore(this.clock));
    this.urlFetchQuota = new UrlFetchQuota(options.urlFetchDailyQuota ?? DEFAULT_URL_FETCH_DAILY_QUOTA);
  }

  userProperties(email: string): PropertyStore {
    return this.userPropertyStores.get(email);
  }

  documentProperties(spreadsheetId: string): PropertyStore {
    return this.documentPropertyStores.get(spreadsheetId);
  }

  userCache(email: string): CacheStore {
    return this.userCaches.get(email);
  }

  documentCache(spreadsheetId: string): CacheStore {
    return this.documentCaches.get(spreadsheetId);
  }

  get triggers(): ReadonlyArray<FakeTrigger> {
    return this.triggerRegistry.all();
  }

  resetCounters(): void {
    Object.assign(this.counters, emptyCounters());
    this.lastExecutionCounters = emptyCounters();
  }

  createSpreadsheet(opts: { id?: string; name?: string; owner: string; timeZone?: string }): FakeSpreadsheet {
    return this.spreadsheets.create(opts);
  }

  /**
   * Reads dist/ (Code.js, appsscript.json, *.html) and loads it once under AuthMode.NONE, as opening a
   * document does: top-level code that touches a service fails here.
   */
  loadBundle(distDir: string): void {
    const bundle = loadBundleFiles(distDir);
    this.bundle = bundle;
    const probe = this.newExecution('authNone', 'nobody@example.com', null, emptyCounters());
    this.bundleFunctions = withTimeZone(bundle.manifest.timeZone, () =>
      this.prepareContext(probe).functions(),
    );
  }

  /**
   * Runs a top-level function as one execution (fresh context, time limit, permissions of `kind`), then
   * evaluates the custom-function formulas it wrote. `lastExecutionCounters` covers both.
   */
  run<T = unknown>(fn: string, args: unknown[], opts: RunOptions): T {
    const counters = emptyCounters();
    try {
      return this.execute(fn, args, opts, counters) as T;
    } finally {
      this.recalculate(counters);
      this.finish(counters);
    }
  }

  /** Runs a time-driven trigger's handler as its creator, with no active spreadsheet. */
  fireTrigger(uid: string): unknown {
    const trigger = this.triggerRegistry.get(uid);
    if (!trigger) throw new Error(`No trigger with uid ${uid}`);
    const now = new Date(this.clock.now());
    const event = {
      authMode: AUTH_MODE.FULL,
      triggerUid: uid,
      year: now.getUTCFullYear(),
      month: now.getUTCMonth() + 1,
      'day-of-month': now.getUTCDate(),
      'day-of-week': now.getUTCDay() === 0 ? 7 : now.getUTCDay(),
      hour: now.getUTCHours(),
      minute: now.getUTCMinutes(),
      second: now.getUTCSeconds(),
      timezone: 'UTC',
    };
    return this.run(trigger.handler, [], {
      kind: 'timeTrigger',
      user: trigger.user,
      spreadsheetId: null,
      event,
    });
  }

  /** Another execution takes the document lock until the returned function is called. */
  holdDocumentLock(spreadsheetId: string): () => void {
    const holder = {};
    const key = documentLockKey(spreadsheetId);
    if (!this.locks.acquire(key, holder))
      throw new Error(`The document lock of ${spreadsheetId} is already held`);
    return () => this.locks.release(key, holder);
  }

  /** A user types a formula into a cell: Sheets evaluates it at once. */
  enterFormula(spreadsheetId: string, sheetName: string, a1: string, formulaText: string): void {
    const sheet = this.spreadsheets.get(spreadsheetId)?.sheet(sheetName);
    const ref = parseA1(a1);
    if (!sheet || !ref) throw new Error(`No cell ${sheetName}!${a1} in spreadsheet ${spreadsheetId}`);
    sheet.typeValues(a1, [[formulaText]]);
    const counters = emptyCounters();
    this.recalculations.push({ spreadsheetId, sheetName, row: ref.startRow, column: ref.startColumn });
    this.recalculate(counters);
    this.finish(counters);
  }

  private finish(counters: ServiceCounters): void {
    this.lastExecutionCounters = counters;
    addCounters(this.counters, counters);
  }

  private requireBundle(): Bundle {
    if (!this.bundle) throw new Error('loadBundle(distDir) first');
    return this.bundle;
  }

  private newExecution(
    kind: ExecutionKind,
    user: string,
    spreadsheetId: string | null,
    counters: ServiceCounters,
  ): EmulatedExecution {
    return new EmulatedExecution(kind, user, spreadsheetId, this.clock, counters);
  }

  /** A fresh context with this execution's services, the bundle's top-level code already run. */
  private prepareContext(execution: EmulatedExecution): ScriptContext {
    const bundle = this.requireBundle();
    const context = new ScriptContext(bundle, this.clock);
    const sink = (line: string): void => {
      this.logs.push(line);
    };
    const propertiesOwner =
      execution.kind === 'customFunction' && execution.activeSpreadsheetId !== null
        ? (this.spreadsheets.get(execution.activeSpreadsheetId)?.owner ?? execution.user)
        : execution.user;
    const hooks = {
      queueRecalculation: (spreadsheetId: string, sheetName: string, row: number, column: number): void => {
        this.recalculations.push({ spreadsheetId, sheetName, row, column });
      },
      realm: context.constructors(),
    };
    const services: Record<string, object> = {
      SpreadsheetApp: createSpreadsheetApp(execution, this.spreadsheets, hooks),
      PropertiesService: createPropertiesService(
        execution,
        {
          script: this.scriptProperties,
          user: (email) => this.userProperties(email),
          document: (id) => this.documentProperties(id),
        },
        propertiesOwner,
      ),
      CacheService: createCacheService(execution, {
        script: this.scriptCache,
        user: (email) => this.userCache(email),
        document: (id) => this.documentCache(id),
      }),
      UrlFetchApp: createUrlFetchApp(execution, this.urlFetchQuota, this.allowNetwork),
      ScriptApp: createScriptApp(execution, this.triggerRegistry, SCRIPT_ID),
      LockService: createLockService(execution, this.locks),
      Utilities: createUtilities(execution),
      Session: createSession(execution, bundle.manifest.timeZone),
      HtmlService: createHtmlService(execution, bundle.html, (source) => context.compile(source)),
      Logger: createLogger(execution, sink),
      console: createConsole(execution, sink),
      Charts: createCharts(),
    };
    for (const [name, service] of Object.entries(services)) context.install(name, service);
    context.load(execution);
    return context;
  }

  private execute(fn: string, args: unknown[], opts: RunOptions, counters: ServiceCounters): unknown {
    const bundle = this.requireBundle();
    const isPrivate = fn.endsWith('_');
    if (isPrivate || !this.bundleFunctions.includes(fn)) throw new Error(`Script function not found: ${fn}`);
    if (opts.event && args.length > 0) throw new Error('Pass either args or event, not both');
    const callArgs = opts.event ? [{ authMode: AUTH_MODE_OF[opts.kind], ...opts.event }] : args;
    const execution = this.newExecution(opts.kind, opts.user, opts.spreadsheetId, counters);
    return withTimeZone(bundle.manifest.timeZone, () => {
      try {
        const context = this.prepareContext(execution);
        const result = context.call(fn, callArgs, execution);
        // A script that swallowed the time-limit error still ran out of time.
        if (execution.expired) throw new ExecutionTimeExceeded();
        return result;
      } finally {
        this.locks.releaseAll(execution);
      }
    });
  }

  /** The bundle function a formula's name refers to (Sheets matches names case-insensitively). */
  private customFunction(name: string): string | undefined {
    const upper = name.toUpperCase();
    return this.bundleFunctions.find((f) => f.toUpperCase() === upper && !f.endsWith('_'));
  }

  /** Evaluates the queued custom-function cells, each as its own 'customFunction' execution. */
  private recalculate(counters: ServiceCounters): void {
    while (this.recalculations.length > 0) {
      const cell = this.recalculations.shift() as QueuedCell;
      const duplicate = this.recalculations.some(
        (c) =>
          c.spreadsheetId === cell.spreadsheetId &&
          c.sheetName === cell.sheetName &&
          c.row === cell.row &&
          c.column === cell.column,
      );
      if (!duplicate) this.evaluateCell(cell, counters);
    }
  }

  private evaluateCell(cell: QueuedCell, counters: ServiceCounters): void {
    const spreadsheet = this.spreadsheets.get(cell.spreadsheetId);
    const sheet = spreadsheet?.sheet(cell.sheetName);
    const formula = sheet?.formulas()[cell.row - 1]?.[cell.column - 1];
    if (!spreadsheet || !sheet || !formula) return;
    const call = parseFormulaCall(formula, sheet);
    const fn = call ? this.customFunction(call.name) : undefined;
    if (!call || !fn) return;
    let result: unknown;
    try {
      result = this.execute(
        fn,
        call.args,
        { kind: 'customFunction', user: spreadsheet.owner, spreadsheetId: spreadsheet.id },
        counters,
      );
    } catch (e) {
      result = e instanceof Error ? e : new Error(String(e));
    }
    writeFormulaResult(sheet, cell.row, cell.column, result);
  }
}
