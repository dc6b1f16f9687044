import { join } from 'node:path';
import { AppsScriptEmulator, type ServiceCounters } from '../dev/emulator';
import type { FakeSpreadsheet } from '../dev/emulator/spreadsheet';
import type { MockApiHandle } from '../dev/mock-api/process';
import { traceFetches, TracedCall, FetchTrace } from './fetch-trace';
import { ServiceTrace, traceServiceCalls } from './service-trace';

/** The built bundle, as `clasp push` uploads it. */
export const DIST = join(__dirname, '..', 'dist');
/** The mock's today; the virtual clock starts at noon UTC on it. */
export const TODAY = '2025-05-20';
export const OWNER = 'owner@example.com';

/** What one execution (or a run of several) cost. */
export interface Measured {
  counters: ServiceCounters;
  calls: TracedCall[];
  /** Every service method called, in order ("SpreadsheetApp.getRange"). */
  services: string[];
}

/**
 * The add-on as the bench drives it: the built bundle in a fresh emulator, the owner's key saved and
 * formulas allowed, talking to the mock API (started once by the caller, reset here).
 */
export class BenchWorld {
  readonly emu: AppsScriptEmulator;
  readonly spreadsheet: FakeSpreadsheet;
  private readonly trace: FetchTrace;
  private readonly serviceTrace: ServiceTrace;

  private constructor(readonly api: MockApiHandle) {
    this.emu = new AppsScriptEmulator({ now: Date.parse(`${TODAY}T12:00:00Z`), urlFetchDailyQuota: 1e9 });
    this.emu.loadBundle(DIST);
    this.emu.scriptProperties.set('GRAVITY_BASE_URL', api.baseUrl);
    this.spreadsheet = this.emu.createSpreadsheet({ owner: OWNER, timeZone: 'America/New_York' });
    const owner = this.emu.userProperties(OWNER);
    owner.set('GRAVITY_API_KEY', api.apiKey);
    owner.set('GRAVITY_FORMULA_SPREADSHEETS', JSON.stringify([this.spreadsheet.id]));
    this.trace = traceFetches();
    this.serviceTrace = traceServiceCalls();
  }

  static async open(api: MockApiHandle): Promise<BenchWorld> {
    await api.reset();
    return new BenchWorld(api);
  }

  /** Runs `body` (any number of executions) and returns what they cost together. */
  measure(body: () => void): Measured {
    this.emu.resetCounters();
    this.trace.clear();
    this.serviceTrace.clear();
    body();
    return {
      counters: { ...this.emu.counters },
      calls: [...this.trace.calls],
      services: [...this.serviceTrace.calls],
    };
  }

  /** A menu item or sidebar call by the owner. */
  run<T = unknown>(fn: string, args: unknown[] = []): T {
    return this.emu.run<T>(fn, args, { kind: 'full', user: OWNER, spreadsheetId: this.spreadsheet.id });
  }

  /** The user types a formula: Sheets evaluates it at once, as its own execution. */
  enterFormula(sheet: string, a1: string, formula: string): void {
    if (!this.spreadsheet.sheet(sheet)) this.spreadsheet.addSheet(sheet);
    this.emu.enterFormula(this.spreadsheet.id, sheet, a1, formula);
  }

  close(): void {
    this.trace.stop();
    this.serviceTrace.stop();
  }
}
