/** A hand-made Execution and a fresh store for driving createSpreadsheetApp directly. */
import {
  type Execution,
  type ExecutionKind,
  EXECUTION_LIMIT_MS,
  ExecutionTimeExceeded,
  emptyCounters,
} from '../../dev/emulator/context';
import { SpreadsheetStore, createSpreadsheetApp } from '../../dev/emulator/spreadsheet';

export interface TestExecution extends Execution {
  /** Every `check(service, method)` call, as "service:method". */
  readonly checks: string[];
}

export function makeExecution(opts: {
  kind?: ExecutionKind;
  user?: string;
  activeSpreadsheetId?: string | null;
  now?: number;
}): TestExecution {
  let now = opts.now ?? Date.UTC(2025, 4, 20, 12, 0, 0);
  const kind = opts.kind ?? 'full';
  const checks: string[] = [];
  const deadline = now + EXECUTION_LIMIT_MS[kind];
  return {
    kind,
    user: opts.user ?? 'owner@example.com',
    activeSpreadsheetId: opts.activeSpreadsheetId === undefined ? 'ss1' : opts.activeSpreadsheetId,
    clock: { now: () => now, advance: (ms) => void (now += ms) },
    counters: emptyCounters(),
    deadline,
    checks,
    check(service, method) {
      checks.push(`${service}:${method}`);
      if (now > deadline) throw new ExecutionTimeExceeded();
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the script-facing API is untyped on purpose
export type Script = any;

export function setup(
  opts: { kind?: ExecutionKind; timeZone?: string; activeSpreadsheetId?: string | null } = {},
) {
  const store = new SpreadsheetStore();
  const spreadsheet = store.create({
    id: 'ss1',
    name: 'Budget',
    owner: 'owner@example.com',
    timeZone: opts.timeZone ?? 'America/New_York',
  });
  const queued: Array<[string, string, number, number]> = [];
  const execution = makeExecution({ kind: opts.kind, activeSpreadsheetId: opts.activeSpreadsheetId });
  const app: Script = createSpreadsheetApp(execution, store, {
    queueRecalculation: (id, sheetName, row, column) => queued.push([id, sheetName, row, column]),
  });
  return { store, spreadsheet, execution, app, queued, sheet: spreadsheet.sheet('Sheet1')! };
}
