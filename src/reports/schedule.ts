import { userProperties } from '../gas/properties';
import { ScheduleFrequency, ScheduleView } from './contract';
import { lastRun } from './run-log';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

/** The top-level function (main.ts) a scheduled run calls. */
export const SCHEDULE_HANDLER = 'runScheduledRefresh';

/**
 * UserProperties key, per trigger: which spreadsheet the trigger refreshes. A time-driven run has no active
 * spreadsheet, so the handler opens this one by id; user properties because the trigger runs as its creator.
 */
const TRIGGER_PREFIX = 'GRAVITY_SCHEDULE_';

interface ScheduledTarget {
  spreadsheetId: string;
  frequency: Exclude<ScheduleFrequency, 'off'>;
}

export function triggerKey(uid: string): string {
  return `${TRIGGER_PREFIX}${uid}`;
}

export function scheduledTarget(uid: string): ScheduledTarget | null {
  const raw = userProperties().get(triggerKey(uid));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ScheduledTarget>;
    return typeof parsed.spreadsheetId === 'string' && parsed.frequency
      ? { spreadsheetId: parsed.spreadsheetId, frequency: parsed.frequency }
      : null;
  } catch {
    return null;
  }
}

/**
 * This user's time-driven triggers of the add-on for this spreadsheet (Apps Script allows one): those
 * getUserTriggers lists for it, and, in case it does not list time-driven ones, any of the user's triggers
 * whose stored target is this spreadsheet.
 */
function ourTriggers(spreadsheet: Spreadsheet): Trigger[] {
  const id = spreadsheet.getId();
  const found = new Map<string, Trigger>();
  for (const trigger of ScriptApp.getUserTriggers(spreadsheet)) {
    if (
      trigger.getHandlerFunction() === SCHEDULE_HANDLER ||
      trigger.getEventType() === ScriptApp.EventType.CLOCK
    ) {
      found.set(trigger.getUniqueId(), trigger);
    }
  }
  for (const trigger of ScriptApp.getProjectTriggers()) {
    const uid = trigger.getUniqueId();
    if (!found.has(uid) && scheduledTarget(uid)?.spreadsheetId === id) found.set(uid, trigger);
  }
  return [...found.values()];
}

export function deleteTrigger(trigger: Trigger): void {
  const uid = trigger.getUniqueId();
  ScriptApp.deleteTrigger(trigger);
  userProperties().remove(triggerKey(uid));
}

/**
 * Sets this user's schedule for this spreadsheet: removes any trigger first (an add-on may have only one
 * time-driven trigger per user per document: developers.google.com/workspace/add-ons/concepts/editor-triggers),
 * then installs the new one, unless turning off.
 */
export function setSchedule(spreadsheet: Spreadsheet, frequency: ScheduleFrequency): ScheduleView {
  for (const trigger of ourTriggers(spreadsheet)) deleteTrigger(trigger);
  if (frequency !== 'off') {
    const clock = ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased();
    const builder =
      frequency === 'hour'
        ? clock.everyHours(1)
        : frequency === 'day'
          ? clock.everyDays(1)
          : clock.everyWeeks(1);
    const trigger = builder.create();
    const target: ScheduledTarget = { spreadsheetId: spreadsheet.getId(), frequency };
    userProperties().set(triggerKey(trigger.getUniqueId()), JSON.stringify(target));
  }
  return scheduleView(spreadsheet);
}

/** This user's schedule here, and the spreadsheet's newest run from `Gravity Log`. */
export function scheduleView(spreadsheet: Spreadsheet): ScheduleView {
  let frequency: ScheduleFrequency = 'off';
  for (const trigger of ourTriggers(spreadsheet)) {
    frequency = scheduledTarget(trigger.getUniqueId())?.frequency ?? frequency;
  }
  return { frequency, ...lastRun(spreadsheet) };
}

export const FREQUENCY_WORDS: Record<ScheduleFrequency, string> = {
  hour: 'every hour',
  day: 'every day',
  week: 'every week',
  off: 'never (schedule off)',
};
