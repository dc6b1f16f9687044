import { GravityClient } from '../../src/api/client';
import { KeyValueStore } from '../../src/gas/ports';
import type { NewReport, ReportRowView, ScheduleFrequency, ScheduleView } from '../../src/reports/contract';
import { SETTING } from '../../src/settings/keys';
import { ReportEngine, runHandler, sidebarHandlers } from '../../src/ui/sidebar-server';
import { FakeClock, FakeHttp, json } from '../support/fake-ports';

const GOOD_KEY = 'gravity-good-key-0001-3f9a';
const INFO = { advertiser_id: 'adv-1', name: 'Acme Outdoor', email: 'ads@acme.example' };
const SHEET = 'sheet-1';

class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, string>();
  get = (key: string): string | null => this.values.get(key) ?? null;
  set = (key: string, value: string): void => void this.values.set(key, value);
  remove = (key: string): void => void this.values.delete(key);
}

class FakeEngine implements ReportEngine {
  readonly added: NewReport[] = [];
  readonly refreshed: number[] = [];
  frequency: ScheduleFrequency = 'off';
  list = (): ReportRowView[] =>
    this.added.map((r, i) => ({
      row: i + 2,
      tab: r.tab ?? r.report,
      report: r.report,
      mode: r.mode ?? 'replace',
      enabled: true,
      lastRun: '',
      result: '',
      rows: null,
    }));
  add = (report: NewReport): void => void this.added.push(report);
  refresh = (row: number) => {
    this.refreshed.push(row);
    return { row, tab: 't', ok: true, result: 'OK', rows: 3, durationMs: 1 };
  };
  schedule = (): ScheduleView => ({ frequency: this.frequency, lastRun: '', lastResult: '' });
  setSchedule = (frequency: ScheduleFrequency): ScheduleView => {
    this.frequency = frequency;
    return this.schedule();
  };
}

/** Handlers over an API that accepts only GOOD_KEY. */
function setup() {
  const user = new MemoryStore();
  const engine = new FakeEngine();
  const http = new FakeHttp((request) => {
    if (request.headers['X-API-Key'] !== GOOD_KEY) return json({ detail: 'Invalid API key' }, 401);
    if (request.url.includes('/campaigns')) {
      return json({
        campaigns: [
          { campaign_id: 'c2', name: 'Winter', status: 'paused' },
          { campaign_id: 'c1', name: '<img src=x onerror=alert(1)>', status: 'active' },
        ],
      });
    }
    return json(INFO);
  });
  const clock = new FakeClock();
  const handlers = sidebarHandlers({
    user,
    spreadsheetId: SHEET,
    connect: (apiKey) => new GravityClient({ http, clock, apiKey, deadline: clock.now() + 30_000 }),
    reports: engine,
  });
  return { user, engine, http, handlers };
}

describe('sidebar settings handlers', () => {
  it('saves a key only after /info accepts it, allows formulas here and answers with the mask', () => {
    const { user, handlers, http } = setup();
    const view = handlers.sidebarSaveKey(`  ${GOOD_KEY} `);
    expect(http.requests.map((r) => r.url)).toEqual([expect.stringMatching(/\/info$/)]);
    expect(user.get(SETTING.apiKey)).toBe(GOOD_KEY);
    expect(JSON.parse(user.get(SETTING.formulaSpreadsheets) ?? '[]')).toEqual([SHEET]);
    expect(view).toEqual({
      maskedKey: '••••••••3f9a',
      account: { advertiserId: 'adv-1', name: 'Acme Outdoor', email: 'ads@acme.example' },
      accountError: null,
      formulasAllowed: true,
    });
    expect(JSON.stringify(view)).not.toContain(GOOD_KEY);
  });

  it('refuses a key the API rejects, saving nothing and not echoing it', () => {
    const { user, handlers } = setup();
    const wrong = 'gravity-wrong-key-9999-beef';
    expect(() => handlers.sidebarSaveKey(wrong)).toThrow(
      /did not accept this key \(401\).*Nothing was saved/,
    );
    let refusal: unknown = null;
    try {
      handlers.sidebarSaveKey(wrong);
    } catch (error) {
      refusal = error;
    }
    expect(String(refusal)).toMatch(/401/);
    expect(String(refusal)).not.toContain(wrong);
    expect(user.values.size).toBe(0);
  });

  it('refuses malformed keys before any request', () => {
    const { user, handlers, http } = setup();
    for (const value of [42, null, '', 'short', { apiKey: GOOD_KEY }]) {
      expect(() => handlers.sidebarSaveKey(value)).toThrow(/^Gravity: /);
    }
    expect(http.requests).toHaveLength(0);
    expect(user.values.size).toBe(0);
  });

  it('reports an unreadable account without failing the whole load', () => {
    const { user, handlers } = setup();
    user.set(SETTING.apiKey, 'gravity-revoked-key-0000-dead');
    const state = handlers.sidebarLoad();
    expect(state.settings.maskedKey).toBe('••••••••dead');
    expect(state.settings.account).toBeNull();
    expect(state.settings.accountError).toMatch(/401/);
    expect(JSON.stringify(state)).not.toContain('gravity-revoked-key');
  });

  it('removes the key and toggles formulas for this spreadsheet only', () => {
    const { user, handlers } = setup();
    handlers.sidebarSaveKey(GOOD_KEY);
    user.set(SETTING.formulaSpreadsheets, JSON.stringify(['other', SHEET]));
    expect(handlers.sidebarAllowFormulas(false).formulasAllowed).toBe(false);
    expect(JSON.parse(user.get(SETTING.formulaSpreadsheets) ?? '')).toEqual(['other']);
    expect(handlers.sidebarAllowFormulas(true).formulasAllowed).toBe(true);
    expect(() => handlers.sidebarAllowFormulas('false')).toThrow(/true or false/);
    expect(handlers.sidebarRemoveKey()).toMatchObject({ maskedKey: null, account: null });
    expect(user.get(SETTING.apiKey)).toBeNull();
  });
});

describe('sidebar report handlers', () => {
  it('lists campaigns by name as plain text', () => {
    const { handlers } = setup();
    expect(() => handlers.sidebarCampaigns()).toThrow(/save your API key first/);
    handlers.sidebarSaveKey(GOOD_KEY);
    expect(handlers.sidebarCampaigns()).toEqual([
      { id: 'c1', name: '<img src=x onerror=alert(1)>', status: 'active' },
      { id: 'c2', name: 'Winter', status: 'paused' },
    ]);
  });

  it('hands only validated reports, rows and frequencies to the engine', () => {
    const { handlers, engine } = setup();
    expect(handlers.sidebarAddReport({ report: 'metrics', days: 7 })).toHaveLength(1);
    expect(() => handlers.sidebarAddReport({ report: 'metrics', days: 7, extra: 1 })).toThrow(/no field/);
    expect(engine.added).toEqual([{ report: 'metrics', days: 7 }]);

    handlers.sidebarRefreshReport(2);
    expect(() => handlers.sidebarRefreshReport('2')).toThrow(/row number/);
    expect(engine.refreshed).toEqual([2]);

    handlers.sidebarSetSchedule('day');
    expect(engine.frequency).toBe('day');
    expect(() => handlers.sidebarSetSchedule('daily')).toThrow(/hour, day, week, off/);
    expect(engine.frequency).toBe('day');
  });
});

describe('runHandler', () => {
  it('turns every failure into an Error whose message a person can read', () => {
    expect(() =>
      runHandler(() => {
        throw new TypeError('x is undefined');
      }),
    ).toThrow(/^Gravity: something unexpected went wrong \(x is undefined\)/);
    expect(runHandler(() => 5)).toBe(5);
  });
});
