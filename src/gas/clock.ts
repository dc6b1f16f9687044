import { Clock } from './ports';

export function appsScriptClock(): Clock {
  return {
    now: () => Date.now(),
    sleep: (ms: number) => Utilities.sleep(Math.max(0, Math.min(Math.round(ms), 300_000))),
  };
}
