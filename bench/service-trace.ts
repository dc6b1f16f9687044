import { EmulatedExecution } from '../dev/emulator/execution';

/**
 * Every service method the add-on calls, in order ("SpreadsheetApp.setValues"): the emulator's counters say
 * how many spreadsheet calls a run made, this says which, so a report over its floor can be explained.
 */
export interface ServiceTrace {
  readonly calls: string[];
  clear(): void;
  stop(): void;
}

export function traceServiceCalls(): ServiceTrace {
  const calls: string[] = [];
  const check = Object.getOwnPropertyDescriptor(EmulatedExecution.prototype, 'check')?.value as (
    this: EmulatedExecution,
    service: string,
    method: string,
  ) => void;
  EmulatedExecution.prototype.check = function (
    this: EmulatedExecution,
    service: string,
    method: string,
  ): void {
    calls.push(`${service}.${method}`);
    return check.call(this, service, method);
  };
  return {
    calls,
    clear: () => {
      calls.length = 0;
    },
    stop: () => {
      EmulatedExecution.prototype.check = check;
    },
  };
}

/** "getRange ×3, setValues" — the spreadsheet calls of a trace, counted by method, in first-use order. */
export function spreadsheetMethods(calls: string[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) {
    if (!call.startsWith('SpreadsheetApp.')) continue;
    const method = call.slice('SpreadsheetApp.'.length);
    counts.set(method, (counts.get(method) ?? 0) + 1);
  }
  return [...counts].map(([m, n]) => (n > 1 ? `${m} ×${n}` : m)).join(', ');
}
