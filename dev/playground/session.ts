/**
 * The playground's world: one emulated spreadsheet owned by one person, the BUILT bundle in the Apps Script
 * emulator, and either the embedded mock Gravity API (in its own process, as the tests run it) or the real
 * API (live mode). Every action a person takes in the page is one of the methods here, run as Sheets would
 * run it: a typed formula through `enterFormula` (custom-function mode), a menu item as a FULL execution,
 * the schedule through `fireTrigger`.
 */
import { DEFAULT_BASE_URL } from '../../src/api/client';
import { SETTING } from '../../src/settings/keys';
import { AppsScriptEmulator } from '../emulator';
import type { FakeSpreadsheet, MenuEntry } from '../emulator/spreadsheet';
import { isValidTimeZone } from '../emulator/spreadsheet/dates';
import type { Fault } from '../mock-api/faults';
import { startMockApi, type MockApiHandle } from '../mock-api/process';
import { emulatorCall, openSidebarPage, type ServerCall } from '../sidebar-harness';
import { gridView } from './grid';
import type { Activity, ActivityKind, CellEdit, FaultName, PlaygroundState, TriggerView } from './protocol';

export const OWNER = 'you@example.com';
export const SPREADSHEET_NAME = 'Gravity playground';
/** The add-on menu's caption in Extensions (createAddonMenu uses the add-on's name). */
export const ADDON_NAME = 'Gravity';
const ACTIVITY_KEPT = 200;
const ACTIVITY_SENT = 60;

/** Each fault the page offers, as the mock's fault queue takes it (dev/mock-api/faults.ts). */
export const FAULTS: Record<FaultName, Fault> = {
  'rate-limit-once': { status: 429, retryAfter: 1, times: 1 },
  'rate-limit-always': { status: 429, retryAfter: 2, times: -1 },
  'server-error': { status: 503, times: 5 },
  'html-page': { body: 'html', times: 1 },
  slow: { delayMs: 3000, times: 3 },
};

export interface SessionOptions {
  /** The folder `npm run build` writes. */
  distDir: string;
  /** Talk to the real Gravity API instead of the mock; the key is entered in the sidebar. */
  live?: boolean;
  /** Live mode: another API base URL than the add-on's default. */
  liveBaseUrl?: string;
  /** Mock mode: the mock's today (YYYY-MM-DD), also the script's today; default the real today. */
  mockToday?: string;
}

/** A request the playground cannot carry out as asked (no such tab, menu item or mock): the person's mistake. */
export class PlaygroundInputError extends Error {}

export class PlaygroundSession {
  /** Goes up whenever the spreadsheet may have changed: the page polls it to redraw. */
  version = 0;
  private readonly activity: Activity[] = [];
  private nextActivityId = 1;
  private toastsSeen = 0;
  private alertsSeen = 0;

  private constructor(
    readonly emu: AppsScriptEmulator,
    readonly spreadsheet: FakeSpreadsheet,
    /** null in live mode. */
    readonly api: MockApiHandle | null,
    readonly apiBaseUrl: string,
  ) {}

  static async start(options: SessionOptions): Promise<PlaygroundSession> {
    const live = options.live === true;
    const api = live ? null : await startMockApi(options.mockToday ? { today: options.mockToday } : {});
    try {
      // With a fixed mock "today", the script's clock starts at that day's noon UTC as well (the mock's "now"),
      // or reports would ask for days the mock has no data for.
      const now = api && options.mockToday ? Date.parse(`${options.mockToday}T12:00:00Z`) : undefined;
      const emu = new AppsScriptEmulator({ allowNetwork: live, now });
      emu.loadBundle(options.distDir);
      const baseUrl = api ? api.baseUrl : (options.liveBaseUrl ?? DEFAULT_BASE_URL);
      if (api || options.liveBaseUrl) emu.scriptProperties.set(SETTING.baseUrl, baseUrl);
      const spreadsheet = emu.createSpreadsheet({
        name: SPREADSHEET_NAME,
        owner: OWNER,
        timeZone: localTimeZone(),
      });
      if (api) {
        // Ready at once: the owner's key saved and formulas allowed here, as after saving it in the sidebar.
        const owner = emu.userProperties(OWNER);
        owner.set(SETTING.apiKey, api.apiKey);
        owner.set(SETTING.formulaSpreadsheets, JSON.stringify([spreadsheet.id]));
      }
      const session = new PlaygroundSession(emu, spreadsheet, api, baseUrl);
      session.open();
      return session;
    } catch (error) {
      await api?.stop();
      throw error;
    }
  }

  /** Opening the document: onOpen builds the add-on menu (AuthMode.LIMITED, as for an add-on in use). */
  private open(): void {
    this.emu.run('onOpen', [], {
      kind: 'authLimited',
      user: OWNER,
      spreadsheetId: this.spreadsheet.id,
      event: { source: null },
    });
    this.collectUi();
    this.log(
      'run',
      'Opened the spreadsheet',
      this.api
        ? 'onOpen built the menu. Your key for the embedded mock API is saved and GRAVITY formulas are allowed here.'
        : 'onOpen built the menu. Live mode: save your Gravity API key in the sidebar first.',
    );
  }

  state(sidebarUrl: string): PlaygroundState {
    const sheet = this.spreadsheet.activeSheet();
    return {
      version: this.version,
      spreadsheetName: this.spreadsheet.name,
      owner: OWNER,
      mode: this.api ? 'mock' : 'live',
      apiBaseUrl: this.apiBaseUrl,
      addonName: ADDON_NAME,
      tabs: this.spreadsheet.sheets.filter((s) => !s.hidden).map((s) => s.name),
      active: sheet.name,
      grid: gridView(this.spreadsheet, sheet),
      menu: this.spreadsheet.ui.addonMenu?.items ?? [],
      triggers: this.triggers(),
      activity: this.activity.slice(-ACTIVITY_SENT),
      sidebarUrl,
      sidebarTitle: this.spreadsheet.ui.sidebars.at(-1)?.title || ADDON_NAME,
    };
  }

  selectTab(name: string): void {
    if (!this.spreadsheet.sheet(name)) throw new PlaygroundInputError(`There is no tab called "${name}".`);
    this.spreadsheet.activeSheetName = name;
    this.changed();
  }

  /** A person types into a cell: a value, or a formula Sheets evaluates at once (custom functions included). */
  editCell(edit: CellEdit): void {
    const sheet = this.spreadsheet.sheet(edit.tab);
    if (!sheet) throw new PlaygroundInputError(`There is no tab called "${edit.tab}".`);
    const started = performance.now();
    try {
      this.emu.enterFormula(this.spreadsheet.id, edit.tab, edit.a1, edit.text);
    } catch (error) {
      // Sheets refuses input that breaks a cell's validation rule with a message box.
      this.log('error', `Could not enter ${edit.a1}`, messageOf(error));
      return;
    } finally {
      this.changed();
    }
    if (edit.text.startsWith('=')) {
      const cell = sheet.cell(edit.a1);
      const outcome = cell.error ? `${cell.display}: ${cell.error}` : 'done';
      this.log('formula', `${edit.a1}: ${edit.text}`, `${outcome} (${ms(started)}${this.requestsNote()})`);
    }
    this.collectUi();
  }

  /** A menu item, run as Sheets runs it: AuthMode.FULL, as the owner, in this spreadsheet. */
  runMenuItem(handler: string): void {
    const path = menuPath(this.spreadsheet.ui.addonMenu?.items ?? [], handler);
    if (!path) throw new PlaygroundInputError(`The add-on menu has no item that runs ${handler}.`);
    const title = [`Extensions`, ADDON_NAME, ...path].join(' › ');
    this.execute(title, () =>
      this.emu.run(handler, [], { kind: 'full', user: OWNER, spreadsheetId: this.spreadsheet.id }),
    );
  }

  /** Runs every schedule trigger of this spreadsheet now, as if its time had come. */
  fireSchedule(): void {
    const due = this.emu.triggers.filter((t) => t.spreadsheetId === this.spreadsheet.id);
    if (due.length === 0) {
      this.log('trigger', 'No schedule is set', 'Use Extensions › Gravity › Schedule first.');
      return;
    }
    for (const trigger of due) {
      this.execute(`Scheduled run (${trigger.handler}, as ${trigger.user})`, () =>
        this.emu.fireTrigger(trigger.uid),
      );
    }
  }

  /** The sidebar as `Open sidebar` shows it: each page load runs the menu's handler (showSidebar). */
  sidebarPage(): string {
    const title = 'Extensions › Gravity › Open sidebar';
    try {
      const html = openSidebarPage(this.emu, { user: OWNER, spreadsheetId: this.spreadsheet.id });
      this.log('sidebar', title, 'The sidebar is open on the right.');
      return html;
    } catch (error) {
      this.log('error', title, messageOf(error));
      throw error;
    } finally {
      this.collectUi();
    }
  }

  /** The google.script.run stand-in's calls from the sidebar, logged and followed by a redraw. */
  sidebarCall(): ServerCall {
    const call = emulatorCall(this.emu, { user: OWNER, spreadsheetId: this.spreadsheet.id });
    return (fn, args) => {
      try {
        return call(fn, args);
      } catch (error) {
        this.log('sidebar', `Sidebar: ${fn} failed`, messageOf(error));
        throw error;
      } finally {
        this.collectUi();
        this.changed();
      }
    };
  }

  async injectFault(name: FaultName): Promise<void> {
    const api = this.requireMock();
    await api.fault(FAULTS[name]);
    this.log('mock', 'Mock API fault queued', describeFault(FAULTS[name]));
  }

  async newConversions(count: number): Promise<void> {
    await this.requireMock().mutate({ addConversions: count });
    this.log('mock', 'Mock API', `${count} new conversions arrived.`);
  }

  async resetMock(): Promise<void> {
    await this.requireMock().reset();
    this.log('mock', 'Mock API reset', 'Faults cleared and the original data restored.');
  }

  async close(): Promise<void> {
    await this.api?.stop();
  }

  private requireMock(): MockApiHandle {
    if (!this.api)
      throw new PlaygroundInputError('Live mode talks to the real API: there is no mock to control.');
    return this.api;
  }

  private execute(title: string, body: () => unknown): void {
    const started = performance.now();
    try {
      body();
      this.log('run', title, `Finished in ${ms(started)}${this.requestsNote()}.`);
    } catch (error) {
      // What Sheets shows in its error box when a menu function throws.
      this.log('error', title, messageOf(error));
    } finally {
      this.collectUi();
      this.changed();
    }
  }

  private requestsNote(): string {
    const n = this.emu.lastExecutionCounters.urlFetchRequests;
    return n === 0 ? '' : `, ${n} API request${n === 1 ? '' : 's'}`;
  }

  /** Turns the toasts and alerts the script showed since last time into activity the page pops up. */
  private collectUi(): void {
    const ui = this.spreadsheet.ui;
    for (const toast of ui.toasts.slice(this.toastsSeen)) this.log('toast', toast.title, toast.message);
    for (const alert of ui.alerts.slice(this.alertsSeen)) this.log('alert', alert.title, alert.prompt);
    this.toastsSeen = ui.toasts.length;
    this.alertsSeen = ui.alerts.length;
  }

  private triggers(): TriggerView[] {
    return this.emu.triggers
      .filter((t) => t.spreadsheetId === this.spreadsheet.id)
      .map((t) => ({ uid: t.uid, handler: t.handler, description: describeTrigger(t) }));
  }

  private log(kind: ActivityKind, title: string, text: string): void {
    this.activity.push({ id: this.nextActivityId++, at: new Date().toISOString(), kind, title, text });
    if (this.activity.length > ACTIVITY_KEPT) this.activity.splice(0, this.activity.length - ACTIVITY_KEPT);
    this.changed();
  }

  private changed(): void {
    this.version++;
  }
}

/** The captions leading to the item that runs `handler`, or null when the menu has none. */
export function menuPath(entries: MenuEntry[], handler: string): string[] | null {
  for (const entry of entries) {
    if (entry.type === 'item' && entry.functionName === handler) return [entry.caption];
    if (entry.type === 'submenu') {
      const inner = menuPath(entry.items, handler);
      if (inner) return [entry.caption, ...inner];
    }
  }
  return null;
}

function describeTrigger(t: AppsScriptEmulator['triggers'][number]): string {
  const at = t.atHour === undefined ? '' : ` around ${String(t.atHour).padStart(2, '0')}:00`;
  if (t.everyHours) return t.everyHours === 1 ? 'every hour' : `every ${t.everyHours} hours`;
  if (t.everyDays) return `every day${at}`;
  if (t.everyWeeks) return `every week${t.onWeekDay ? ` on ${t.onWeekDay.toLowerCase()}` : ''}${at}`;
  return 'time-driven';
}

function describeFault(fault: Fault): string {
  const what = fault.status
    ? `HTTP ${fault.status}${fault.retryAfter ? ` with Retry-After ${fault.retryAfter}` : ''}`
    : fault.body
      ? `a ${fault.body.toUpperCase()} page instead of JSON`
      : `answers delayed by ${fault.delayMs} ms`;
  const times = fault.times === -1 ? 'every request until you reset' : `the next ${fault.times ?? 1}`;
  return `${what}: ${times}${fault.times === -1 ? '' : ` request${fault.times === 1 ? '' : 's'}`}.`;
}

/** Errors from the emulator's vm context are not `instanceof Error` here: read their fields. */
export function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

function ms(started: number): string {
  return `${Math.round(performance.now() - started)} ms`;
}

/** The person's own zone, so dates and times read as they would in their Sheets. */
function localTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}
