/**
 * The two finance report types as the report engine runs them (src/reports/definition.ts). Both fetch in
 * rounds of parallel requests (later rounds depend on earlier answers), so they are sequential plans.
 */
import { DateRange } from '../api/params';
import { ReportDefinition } from '../reports/definition';
import { utcDate } from './calendar';
import { fetchDailyHistory, firstHistoryRequests } from './daily-history';
import { billingHistory } from './history-tab';
import { writeDashboard } from './dashboard';
import { monthlySpend, monthlySpendTable } from './monthly-spend';
import { fetchReconciliationData, firstReconciliationRequests } from './reconciliation-data';
import { reconcile, reconciliationTable } from './reconciliation';
import { spendRevenueTable } from './spend-revenue';

/**
 * The period Add report › Billing reconciliation sets: a quarter of daily spend for the chart and checks. (A row
 * typed with Days blank gets the engine's default of 30; a spec without any period, this.)
 */
export const DEFAULT_RECONCILIATION_DAYS = 90;
const DEFAULT_RECONCILIATION_RANGE: DateRange = { days: DEFAULT_RECONCILIATION_DAYS };

/**
 * `monthly_spend`: every month the API has daily data for (it takes no period: month-end needs the whole
 * history), oldest first, then the total. Replace only: a month's figures change until it is complete.
 */
export const monthlySpendReport: ReportDefinition = {
  type: 'monthly_spend',
  title: 'Monthly spend',
  inputs: [],
  appendKeys: () => null,
  plan: (_spec, context) => ({
    kind: 'sequential',
    prefetch: firstHistoryRequests(utcDate(Date.parse(context.fetchedAt))),
    run(client, clock) {
      const history = fetchDailyHistory(client, utcDate(clock.now()));
      return monthlySpendTable(monthlySpend(history.days, history.span));
    },
  }),
};

/**
 * `reconciliation`: one row per check over the row's period (Days, or Start date and End date). With the
 * spreadsheet at hand it also compares with the previous billing snapshot of the billing history tab, and
 * redraws the period's spend vs revenue chart on the dashboard tab (after every figure is fetched, so a failed
 * refresh touches neither tab).
 */
export const reconciliationReport: ReportDefinition = {
  type: 'reconciliation',
  title: 'Reconciliation',
  inputs: ['range'],
  splitsLongRanges: true,
  appendKeys: () => null,
  plan: (spec, context) => ({
    kind: 'sequential',
    prefetch: firstReconciliationRequests(
      spec.range ?? DEFAULT_RECONCILIATION_RANGE,
      utcDate(Date.parse(context.fetchedAt)),
    ),
    run(client, clock) {
      const data = fetchReconciliationData(client, spec.range ?? DEFAULT_RECONCILIATION_RANGE, clock.now());
      const spreadsheet = context.spreadsheet;
      const history = spreadsheet
        ? billingHistory(spreadsheet, context.zone, context.fetchedAt, context.config)
        : null;
      const table = reconciliationTable(reconcile({ ...data.input, history }));
      if (spreadsheet) {
        const daily = spendRevenueTable(data.period.days);
        writeDashboard(spreadsheet, spec.tab, daily, data.period.span, context.zone);
      }
      return table;
    },
  }),
};
