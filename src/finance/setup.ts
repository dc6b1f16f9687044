/**
 * Add report › Billing reconciliation: the three finance rows of `Gravity Reports` — the billing history
 * (billing in append mode), monthly spend and the reconciliation — added together (reusing any that already
 * exist) and refreshed at once, in that order, so the reconciliation can compare with the history.
 */
import { userMessage } from '../formulas/custom-function';
import { appsScriptClock } from '../gas/clock';
import { COL, CONFIG_HEADERS, ConfigEntry, readEntries } from '../reports/config';
import { appendConfigRow, ensureConfigSheet, readConfigValues } from '../reports/config-sheet';
import { refreshReports, RefreshSummary } from '../reports/refresh';
import { CellValue } from '../tables/cells';
import { utilitiesOffset, zoneClock } from '../tables/timezone';
import { dashboardTabName } from './dashboard';
import { DEFAULT_RECONCILIATION_DAYS } from './reports';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TOAST_TITLE = 'Gravity';

interface FinanceRow {
  /** Finds an existing row that already does this job. */
  matches(entry: ConfigEntry): boolean;
  tab: string;
  report: string;
  mode: 'replace' | 'append';
  days?: number;
}

const FINANCE_ROWS: readonly FinanceRow[] = [
  {
    matches: (e) => e.spec?.report === 'billing' && e.spec.mode === 'append',
    tab: 'Billing history',
    report: 'billing',
    mode: 'append',
  },
  {
    matches: (e) => e.spec?.report === 'monthly_spend',
    tab: 'Monthly spend',
    report: 'monthly_spend',
    mode: 'replace',
  },
  {
    matches: (e) => e.spec?.report === 'reconciliation',
    tab: 'Reconciliation',
    report: 'reconciliation',
    mode: 'replace',
    days: DEFAULT_RECONCILIATION_DAYS,
  },
];

/** `name`, or `name 2`, `name 3`… — the first that neither a tab nor a report row (nor a dashboard) uses. */
export function freeTabName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name} ${n}`;
    if (!taken.has(candidate) && !taken.has(dashboardTabName(candidate))) return candidate;
  }
}

export interface FinancePlan {
  /** Config rows already doing a finance job (kept as they are). */
  reuse: number[];
  /** New config rows, cells in the order of the config headers. */
  add: CellValue[][];
}

/** Which finance rows exist (enabled and valid) and which to add, with tab names nobody uses yet. */
export function planFinanceRows(entries: ConfigEntry[], sheetNames: string[]): FinancePlan {
  const taken = new Set([...sheetNames, ...entries.map((e) => e.tab)]);
  const plan: FinancePlan = { reuse: [], add: [] };
  for (const wanted of FINANCE_ROWS) {
    const existing = entries.find((e) => e.enabled && e.error === null && wanted.matches(e));
    if (existing) {
      plan.reuse.push(existing.row);
      continue;
    }
    const tab = freeTabName(wanted.tab, taken);
    taken.add(tab);
    const cells: CellValue[] = CONFIG_HEADERS.map(() => '');
    cells[COL.tab] = tab;
    cells[COL.report] = wanted.report;
    cells[COL.days] = wanted.days ?? '';
    cells[COL.mode] = wanted.mode;
    cells[COL.enabled] = true;
    plan.add.push(cells);
  }
  return plan;
}

/** Adds the missing finance rows and refreshes all three now (manual run: progress and result as toasts). */
export function setUpReconciliation(spreadsheet: Spreadsheet): RefreshSummary {
  const startedAt = appsScriptClock().now();
  const zone = zoneClock(spreadsheet.getSpreadsheetTimeZone(), utilitiesOffset);
  const sheet = ensureConfigSheet(spreadsheet);
  const entries = readEntries(readConfigValues(sheet), zone);
  const plan = planFinanceRows(
    entries,
    spreadsheet.getSheets().map((s) => s.getName()),
  );
  const rows = [...plan.reuse, ...plan.add.map((cells) => appendConfigRow(sheet, cells))];
  spreadsheet.toast('Refreshing billing history, monthly spend and reconciliation…', TOAST_TITLE, 5);
  const summary = refreshReports({ spreadsheet, kind: 'manual', startedAt, rows });
  spreadsheet.toast(summary.message, TOAST_TITLE, 15);
  return summary;
}

/** The menu item: a failure becomes a toast that says what to fix, not a bare error box. */
export function setUpReconciliationFromMenu(spreadsheet: Spreadsheet): void {
  try {
    setUpReconciliation(spreadsheet);
  } catch (error) {
    spreadsheet.toast(userMessage(error), TOAST_TITLE, 15);
  }
}
