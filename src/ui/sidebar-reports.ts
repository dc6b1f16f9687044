/** The report engine as the sidebar uses it. */
import { GravityError } from '../api/errors';
import { ReportEngine } from './sidebar-server';

// Until src/reports/service.ts lands the sidebar lists no reports and refuses to change them.
export function liveReportEngine(): ReportEngine {
  const unavailable = (): never => {
    throw new GravityError('invalid_argument', 'reports are not available in this version yet.');
  };
  return {
    list: () => [],
    add: unavailable,
    refresh: unavailable,
    schedule: () => ({ frequency: 'off', lastRun: '', lastResult: '' }),
    setSchedule: unavailable,
  };
}
