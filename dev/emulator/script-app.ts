import { randomUUID } from 'node:crypto';
import type { Execution } from './context';
import { AppsScriptException } from './errors';

/** An installed time-driven trigger, as tests see it. */
export interface FakeTrigger {
  readonly uid: string;
  readonly handler: string;
  readonly user: string;
  /** The document the add-on trigger belongs to (null when created outside a document). */
  readonly spreadsheetId: string | null;
  readonly kind: 'CLOCK';
  readonly everyHours?: number;
  readonly everyDays?: number;
  readonly everyWeeks?: number;
  readonly atHour?: number;
  readonly nearMinute?: number;
  readonly onWeekDay?: string;
  readonly onMonthDay?: number;
  readonly timeZone?: string;
  /** One-shot triggers (`at` / `after`): when they fire. */
  readonly runAt?: number;
}

/** Limits from developers.google.com/apps-script/guides/services/quotas ("Triggers: 20 / user / script"). */
const MAX_TRIGGERS_PER_USER = 20;
/** everyHours accepts only these (reference/script/clock-trigger-builder#everyHours(Integer)). */
const ALLOWED_EVERY_HOURS = [1, 2, 4, 6, 8, 12];
/** everyMinutes accepts only these; an add-on may not use them at all (at most once an hour). */
const ALLOWED_EVERY_MINUTES = [1, 5, 10, 15, 30];
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

export const AUTH_MODE = Object.freeze({
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
});

const enumOf = (...names: string[]): Readonly<Record<string, string>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

/** Every installed trigger of the add-on, across users and documents. */
export class TriggerRegistry {
  private readonly triggers: FakeTrigger[] = [];

  all(): ReadonlyArray<FakeTrigger> {
    return [...this.triggers];
  }

  get(uid: string): FakeTrigger | undefined {
    return this.triggers.find((t) => t.uid === uid);
  }

  add(trigger: FakeTrigger): void {
    this.triggers.push(trigger);
  }

  remove(uid: string): void {
    const i = this.triggers.findIndex((t) => t.uid === uid);
    if (i >= 0) this.triggers.splice(i, 1);
  }
}

/** `Trigger` as the script sees it. */
class Trigger {
  constructor(
    private readonly execution: Execution,
    readonly fake: FakeTrigger,
  ) {}

  getUniqueId(): string {
    this.execution.check('Trigger', 'getUniqueId');
    return this.fake.uid;
  }

  getHandlerFunction(): string {
    this.execution.check('Trigger', 'getHandlerFunction');
    return this.fake.handler;
  }

  getEventType(): string {
    this.execution.check('Trigger', 'getEventType');
    return 'CLOCK';
  }

  getTriggerSource(): string {
    this.execution.check('Trigger', 'getTriggerSource');
    return 'CLOCK';
  }

  getTriggerSourceId(): string | null {
    this.execution.check('Trigger', 'getTriggerSourceId');
    return null;
  }
}

type Schedule = Omit<FakeTrigger, 'uid' | 'handler' | 'user' | 'spreadsheetId' | 'kind'>;

/** `ClockTriggerBuilder`: collects the schedule; `create()` applies the add-on rules. */
class ClockTriggerBuilder {
  private schedule: { -readonly [K in keyof Schedule]: Schedule[K] } = {};
  private everyMinutesValue: number | null = null;

  constructor(
    private readonly execution: Execution,
    private readonly registry: TriggerRegistry,
    private readonly handler: string,
  ) {}

  private check(method: string): void {
    this.execution.check('ClockTriggerBuilder', method);
  }

  everyMinutes(n: number): ClockTriggerBuilder {
    this.check('everyMinutes');
    // Wording not confirmed by a primary source.
    if (!ALLOWED_EVERY_MINUTES.includes(n)) throw new AppsScriptException('Invalid argument: minutes');
    this.everyMinutesValue = n;
    return this;
  }

  everyHours(n: number): ClockTriggerBuilder {
    this.check('everyHours');
    // Wording not confirmed by a primary source.
    if (!ALLOWED_EVERY_HOURS.includes(n)) throw new AppsScriptException('Invalid argument: hours');
    this.schedule.everyHours = n;
    return this;
  }

  everyDays(n: number): ClockTriggerBuilder {
    this.check('everyDays');
    this.schedule.everyDays = n;
    return this;
  }

  everyWeeks(n: number): ClockTriggerBuilder {
    this.check('everyWeeks');
    this.schedule.everyWeeks = n;
    return this;
  }

  atHour(hour: number): ClockTriggerBuilder {
    this.check('atHour');
    this.schedule.atHour = hour;
    return this;
  }

  nearMinute(minute: number): ClockTriggerBuilder {
    this.check('nearMinute');
    this.schedule.nearMinute = minute;
    return this;
  }

  onWeekDay(day: string): ClockTriggerBuilder {
    this.check('onWeekDay');
    if (!WEEKDAYS.includes(String(day))) throw new AppsScriptException('Invalid argument: day');
    this.schedule.onWeekDay = String(day);
    return this;
  }

  onMonthDay(day: number): ClockTriggerBuilder {
    this.check('onMonthDay');
    this.schedule.onMonthDay = day;
    return this;
  }

  inTimezone(timeZone: string): ClockTriggerBuilder {
    this.check('inTimezone');
    this.schedule.timeZone = timeZone;
    return this;
  }

  at(date: Date): ClockTriggerBuilder {
    this.check('at');
    this.schedule.runAt = new Date(date).getTime();
    return this;
  }

  after(durationMilliseconds: number): ClockTriggerBuilder {
    this.check('after');
    this.schedule.runAt = this.execution.clock.now() + durationMilliseconds;
    return this;
  }

  atDate(year: number, month: number, day: number): ClockTriggerBuilder {
    this.check('atDate');
    this.schedule.runAt = Date.UTC(year, month - 1, day);
    return this;
  }

  create(): Trigger {
    this.check('create');
    const { user, activeSpreadsheetId: spreadsheetId } = this.execution;
    // developers.google.com/workspace/add-ons/concepts/editor-triggers: time-driven add-on triggers run at
    // most once an hour. Wording not confirmed by a primary source.
    if (this.everyMinutesValue !== null) {
      throw new AppsScriptException(
        'Add-ons can only create time-based triggers that run at most once per hour.',
      );
    }
    const s = this.schedule;
    if (s.everyHours === undefined && s.everyDays === undefined && s.everyWeeks === undefined && !s.runAt) {
      throw new AppsScriptException(
        'The trigger has no schedule: call everyHours, everyDays, everyWeeks or at.',
      );
    }
    const mine = this.registry.all().filter((t) => t.user === user);
    if (mine.length >= MAX_TRIGGERS_PER_USER) {
      throw new AppsScriptException(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    // "Each add-on can only have one trigger of each type, per user, per document."
    if (mine.some((t) => t.spreadsheetId === spreadsheetId)) {
      throw new AppsScriptException(
        'This add-on has created too many time-based triggers in this document for this Google user account.',
      );
    }
    const fake: FakeTrigger = {
      uid: randomUUID(),
      handler: this.handler,
      user,
      spreadsheetId,
      kind: 'CLOCK',
      ...s,
    };
    this.registry.add(fake);
    return new Trigger(this.execution, fake);
  }
}

/** `TriggerBuilder`: only time-driven triggers are emulated. */
class TriggerBuilder {
  constructor(
    private readonly execution: Execution,
    private readonly registry: TriggerRegistry,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    this.execution.check('TriggerBuilder', 'timeBased');
    return new ClockTriggerBuilder(this.execution, this.registry, this.handler);
  }
}

/** Reads the id of a spreadsheet object handed in by the script. */
function spreadsheetIdOf(spreadsheet: unknown): string {
  const getId = (spreadsheet as { getId?: unknown } | null)?.getId;
  if (typeof getId !== 'function') throw new AppsScriptException('Invalid argument: spreadsheet');
  return String(getId.call(spreadsheet));
}

/** `ScriptApp` for one execution. */
export function createScriptApp(execution: Execution, registry: TriggerRegistry, scriptId: string): object {
  const wrap = (t: FakeTrigger): Trigger => new Trigger(execution, t);
  return {
    AuthMode: AUTH_MODE,
    AuthorizationStatus: enumOf('REQUIRED', 'NOT_REQUIRED'),
    EventType: enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'),
    InstallationSource: enumOf('APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON'),
    TriggerSource: enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'),
    WeekDay: enumOf(...WEEKDAYS),
    newTrigger(functionName: string): TriggerBuilder {
      execution.check('ScriptApp', 'newTrigger');
      return new TriggerBuilder(execution, registry, String(functionName));
    },
    getUserTriggers(spreadsheet: unknown): Trigger[] {
      execution.check('ScriptApp', 'getUserTriggers');
      const id = spreadsheetIdOf(spreadsheet);
      return registry
        .all()
        .filter((t) => t.user === execution.user && t.spreadsheetId === id)
        .map(wrap);
    },
    getProjectTriggers(): Trigger[] {
      execution.check('ScriptApp', 'getProjectTriggers');
      return registry
        .all()
        .filter((t) => t.user === execution.user)
        .map(wrap);
    },
    deleteTrigger(trigger: unknown): void {
      execution.check('ScriptApp', 'deleteTrigger');
      if (!(trigger instanceof Trigger)) throw new AppsScriptException('Invalid argument: trigger');
      if (trigger.fake.user === execution.user) registry.remove(trigger.fake.uid);
    },
    /** The add-on is authorized in every emulated execution: status NOT_REQUIRED, no URL. */
    getAuthorizationInfo(_authMode: string): object {
      execution.check('ScriptApp', 'getAuthorizationInfo');
      return {
        getAuthorizationStatus: (): string => 'NOT_REQUIRED',
        getAuthorizationUrl: (): string | null => null,
      };
    },
    getScriptId(): string {
      execution.check('ScriptApp', 'getScriptId');
      return scriptId;
    },
    getInstallationSource(): string {
      execution.check('ScriptApp', 'getInstallationSource');
      return 'WEB_STORE_ADD_ON';
    },
    getOAuthToken(): string {
      execution.check('ScriptApp', 'getOAuthToken');
      return `emulated-oauth-token-for-${execution.user}`;
    },
  };
}
