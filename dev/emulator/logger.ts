import { formatWithOptions } from 'node:util';
import type { Execution } from './context';

/** Where every Logger / console line of every execution goes (the emulator's `logs`). */
export type LogSink = (line: string) => void;

/** `Logger.log(format, ...values)` replaces %s-style placeholders like Java's String.format. */
function loggerText(data: unknown, values: unknown[]): string {
  if (values.length === 0) return typeof data === 'string' ? data : stringify(data);
  let i = 0;
  return String(data).replace(/%[sdf]/g, (m) => (i < values.length ? stringify(values[i++]) : m));
}

function stringify(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && Object.prototype.toString.call(v) !== '[object Date]') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** `Logger` for one execution: lines go to the sink and to the execution's own log (getLog). */
export function createLogger(execution: Execution, sink: LogSink): object {
  const lines: string[] = [];
  const logger = {
    log(data: unknown, ...values: unknown[]): object {
      execution.check('Logger', 'log');
      const text = loggerText(data, values);
      lines.push(text);
      sink(`Logger: ${text}`);
      return logger;
    },
    getLog(): string {
      execution.check('Logger', 'getLog');
      return lines.map((l) => `${l}\n`).join('');
    },
    clear(): void {
      execution.check('Logger', 'clear');
      lines.length = 0;
    },
  };
  return logger;
}

/** `console` for one execution (Apps Script's console: log, info, warn, error, time, timeEnd). */
export function createConsole(execution: Execution, sink: LogSink): object {
  const timers = new Map<string, number>();
  const line =
    (level: string) =>
    (...args: unknown[]): void => {
      execution.check('console', level);
      sink(`${level}: ${formatWithOptions({ depth: 4, breakLength: Infinity }, ...args)}`);
    };
  return {
    log: line('log'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    time(label?: string): void {
      execution.check('console', 'time');
      timers.set(String(label ?? 'default'), execution.clock.now());
    },
    timeEnd(label?: string): void {
      execution.check('console', 'timeEnd');
      const key = String(label ?? 'default');
      const start = timers.get(key);
      if (start !== undefined) sink(`log: ${key}: ${execution.clock.now() - start}ms`);
      timers.delete(key);
    },
  };
}
