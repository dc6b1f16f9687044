/**
 * What every object handed to the script shares for one execution: the permission/deadline check, the call
 * counters, and the script's own realm (the vm context has its own `Date`, `Array` and `Error`, so values
 * handed back must be built from those for `instanceof` in the script to work).
 */
import type { Execution } from '../context';
import { wallClockAt } from './dates';
import { SheetsError } from './errors';
import { spreadsheetPermissionError } from './permissions';
import type { SpreadsheetStore } from './store';

export interface SpreadsheetHooks {
  /** A formula containing a custom function was written; the core evaluates it after the execution. */
  queueRecalculation(spreadsheetId: string, sheetName: string, row: number, column: number): void;
  /** Constructors of the script's vm context; host ones when absent. */
  realm?: ScriptRealm;
}

export interface ScriptRealm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Error: ErrorConstructor;
}

export class ApiContext {
  readonly realm: ScriptRealm;

  constructor(
    readonly execution: Execution,
    readonly store: SpreadsheetStore,
    readonly hooks: SpreadsheetHooks,
  ) {
    this.realm = hooks.realm ?? { Date, Array, Error };
  }

  /** Runs before every method call: deadline and permission, then counts the round trip. */
  enter(method: string): void {
    this.execution.counters.spreadsheetCalls += 1;
    this.execution.check('SpreadsheetApp', method);
    const refused = spreadsheetPermissionError(this.execution.kind, method);
    if (refused) throw this.error(refused);
  }

  countWrites(cells: number): void {
    this.execution.counters.cellsWritten += cells;
  }

  /** Service errors surface as `Exception: <message>` in Apps Script's V8 runtime. */
  error(message: string): Error {
    const e = new this.realm.Error(message);
    e.name = 'Exception';
    return e;
  }

  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  grid<T>(rows: T[][]): T[][] {
    return this.realm.Array.from(rows, (row) => this.realm.Array.from(row));
  }

  list<T>(items: T[]): T[] {
    return this.realm.Array.from(items);
  }

  private yearCache: { timeZone: string; now: number; year: number } | null = null;

  /** The current year in the spreadsheet's zone, for typed dates without a year (cached: Intl is slow). */
  currentYear(timeZone: string): number {
    const now = this.execution.clock.now();
    const cached = this.yearCache;
    if (cached && cached.timeZone === timeZone && Math.abs(cached.now - now) < 60_000) return cached.year;
    const year = wallClockAt(now, timeZone).year;
    this.yearCache = { timeZone, now, year };
    return year;
  }
}

type Method = (...args: never[]) => unknown;

/**
 * Builds a script-facing object whose every method goes through `ctx.enter('Class.method')` first.
 * `toString()` gives the class name, as Apps Script objects do.
 */
export function facade<T extends Record<string, Method>>(ctx: ApiContext, className: string, methods: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(methods)) {
    out[name] = (...args: never[]) => {
      ctx.enter(`${className}.${name}`);
      try {
        return fn(...args);
      } catch (e) {
        throw e instanceof SheetsError ? ctx.error(e.message) : e;
      }
    };
  }
  Object.defineProperty(out, 'toString', { value: () => className, enumerable: false });
  return out as T;
}

/** Apps Script's name for a JS value's type in "The parameters (...) don't match" errors. */
function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `${v.length ? typeName(v[0]) : 'Object'}[]`;
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  return 'Object';
}

export function signatureError(ctx: ApiContext, method: string, args: unknown[]): Error {
  return ctx.error(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}
