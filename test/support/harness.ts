import { AppsScriptEmulator, type ExecutionKind } from '../../dev/emulator';
import type { FakeSpreadsheet } from '../../dev/emulator/spreadsheet';
import { startMockApi, type MockApiHandle, type StartMockApiOptions } from '../../dev/mock-api/process';
import type { RequestLog } from '../../dev/mock-api/server';
import { DIST } from './bundle';

/**
 * The add-on as Sheets runs it, for integration tests: the BUILT bundle in the Apps Script emulator, talking
 * to the mock Gravity API in its own process. One mock per test file (`useMockApi()`), a fresh emulator and
 * spreadsheet per test (`addon()`).
 */

export const TODAY = '2025-05-20';
export const OWNER = 'owner@example.com';
export const EDITOR = 'editor@example.com';

/** Starts the mock API for this test file, resets it before each test and stops it after the file. */
export function useMockApi(options: StartMockApiOptions = {}): () => MockApiHandle {
  let api: MockApiHandle | undefined;
  beforeAll(async () => {
    api = await startMockApi({ today: TODAY, ...options });
  });
  afterAll(async () => {
    await api?.stop();
  });
  beforeEach(async () => {
    await api?.reset();
  });
  return () => {
    if (!api) throw new Error('the mock API is not running (call useMockApi() at the top of the file)');
    return api;
  };
}

export interface AddonOptions {
  timeZone?: string;
  /** Save the mock's key for the owner (default), another key, or none (null). */
  key?: string | null;
  /** Allow formulas in the spreadsheet (default true). */
  allowFormulas?: boolean;
  /** Virtual start time (default noon UTC on TODAY). */
  now?: number;
}

export interface Addon {
  emu: AppsScriptEmulator;
  api: MockApiHandle;
  spreadsheet: FakeSpreadsheet;
  /** A custom function evaluated as a cell does; returns its value or the Error it threw. */
  formula(name: string, ...args: unknown[]): unknown;
  /** A menu item or sidebar server call by the owner (AuthMode.FULL); throws what the script throws. */
  run<T = unknown>(fn: string, args?: unknown[], options?: { kind?: ExecutionKind; user?: string }): T;
  /** The API requests the mock received since the last reset, as "path?query" without the prefix. */
  requests(): Promise<string[]>;
  /** Everything written by Logger/console, joined: for checking that secrets never reach it. */
  logText(): string;
}

export function addon(api: MockApiHandle, options: AddonOptions = {}): Addon {
  const emu = new AppsScriptEmulator({ now: options.now ?? Date.parse(`${TODAY}T12:00:00Z`) });
  emu.loadBundle(DIST);
  emu.scriptProperties.set('GRAVITY_BASE_URL', api.baseUrl);
  const spreadsheet = emu.createSpreadsheet({
    owner: OWNER,
    timeZone: options.timeZone ?? 'America/New_York',
  });
  const owner = emu.userProperties(OWNER);
  const key = options.key === undefined ? api.apiKey : options.key;
  if (key !== null) owner.set('GRAVITY_API_KEY', key);
  if (options.allowFormulas !== false)
    owner.set('GRAVITY_FORMULA_SPREADSHEETS', JSON.stringify([spreadsheet.id]));
  return {
    emu,
    api,
    spreadsheet,
    formula(name, ...args) {
      try {
        return emu.run(name, args, { kind: 'customFunction', user: EDITOR, spreadsheetId: spreadsheet.id });
      } catch (error) {
        return error;
      }
    },
    run(fn, args = [], runOptions = {}) {
      return emu.run(fn, args, {
        kind: runOptions.kind ?? 'full',
        user: runOptions.user ?? OWNER,
        spreadsheetId: spreadsheet.id,
      });
    },
    async requests() {
      return (await api.requests()).map(describeRequest);
    },
    logText: () => emu.logs.join('\n'),
  };
}

export function describeRequest(r: RequestLog): string {
  const query = new URLSearchParams(
    Object.entries(r.query).sort(([a], [b]) => a.localeCompare(b)),
  ).toString();
  return r.path.replace('/advertiser-dashboard', '') + (query ? `?${query}` : '');
}
