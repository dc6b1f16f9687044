import { Figure, info, vsLimit } from '../figures';

/**
 * The daily budget: the workbook of scenario 2 refreshed by its schedule, plus a sheet of formula cells
 * opened several times a day, against the quotas Google enforces per user
 * (developers.google.com/apps-script/guides/services/quotas): URL Fetch calls and total trigger run time.
 */

export const QUOTAS = {
  consumer: { label: 'consumer', fetchesPerDay: 20_000, triggerMsPerDay: 90 * 60_000 },
  workspace: { label: 'Workspace', fetchesPerDay: 100_000, triggerMsPerDay: 6 * 3_600_000 },
} as const;

export const SCHEDULES = [
  { label: 'hourly', runsPerDay: 24 },
  { label: 'daily', runsPerDay: 1 },
] as const;

export interface QuotaInput {
  /** HTTP requests and estimated ms of one scheduled (steady-state) workbook refresh. */
  refreshRequests: number;
  refreshMs: number;
  /** Requests of opening the formula sheet with a cold cache (opens are assumed more than 10 minutes apart). */
  formulaSheetRequests: number;
  formulaOpensPerDay: number;
}

export interface QuotaLine {
  schedule: string;
  quota: string;
  fetchesPerDay: number;
  triggerMsPerDay: number;
  fetchLimit: number;
  triggerLimitMs: number;
  /** How many such workbooks (with their formula sheet) one account can carry. */
  workbooksPerAccount: number;
}

export function quotaBudget(input: QuotaInput): QuotaLine[] {
  const lines: QuotaLine[] = [];
  for (const schedule of SCHEDULES) {
    // Formulas spend the owner's URL Fetch quota but run outside triggers, so only refreshes use trigger time.
    const fetchesPerDay =
      input.refreshRequests * schedule.runsPerDay + input.formulaSheetRequests * input.formulaOpensPerDay;
    const triggerMsPerDay = input.refreshMs * schedule.runsPerDay;
    for (const quota of Object.values(QUOTAS)) {
      lines.push({
        schedule: schedule.label,
        quota: quota.label,
        fetchesPerDay,
        triggerMsPerDay,
        fetchLimit: quota.fetchesPerDay,
        triggerLimitMs: quota.triggerMsPerDay,
        workbooksPerAccount: Math.floor(
          Math.min(quota.fetchesPerDay / fetchesPerDay, quota.triggerMsPerDay / Math.max(triggerMsPerDay, 1)),
        ),
      });
    }
  }
  return lines;
}

export function quotaFigures(lines: QuotaLine[], input: QuotaInput): Figure[] {
  const s = `5. daily budget: workbook refreshed on schedule + formula sheet opened ${input.formulaOpensPerDay}×/day`;
  return lines.flatMap((l) => [
    vsLimit(s, `${l.schedule}, ${l.quota}: URL fetches per day`, l.fetchesPerDay, 'fetches', l.fetchLimit),
    vsLimit(
      s,
      `${l.schedule}, ${l.quota}: trigger run time per day`,
      l.triggerMsPerDay / 60_000,
      'min',
      l.triggerLimitMs / 60_000,
    ),
    info(
      s,
      `${l.schedule}, ${l.quota}: such workbooks one account can carry`,
      l.workbooksPerAccount,
      'workbooks',
    ),
  ]);
}
