/**
 * The two finance report types as the report engine runs them (src/reports/definition.ts). Both fetch in
 * rounds of parallel requests (later rounds depend on earlier answers), so they are sequential plans.
 */
import { DateRange } from '../api/params';
import { ReportDefinition } from '../reports/definition';
import { utcDate } from './calendar';
import { fetchDailyHistory } from './daily-history';
import { monthlySpend, monthlySpendTable } from './monthly-spend';

/** The reconciliation period when the row gives none: a quarter of daily spend for the chart and checks. */
export const DEFAULT_RECONCILIATION_DAYS = 90;
export const DEFAULT_RECONCILIATION_RANGE: DateRange = { days: DEFAULT_RECONCILIATION_DAYS };

/**
 * `monthly_spend`: every month the API has daily data for (it takes no period: month-end needs the whole
 * history), oldest first, then the total. Replace only: a month's figures change until it is complete.
 */
export const monthlySpendReport: ReportDefinition = {
  type: 'monthly_spend',
  title: 'Monthly Spend',
  inputs: [],
  appendKeys: () => null,
  plan: () => ({
    kind: 'sequential',
    run(client, clock) {
      const history = fetchDailyHistory(client, { end: utcDate(clock.now()) });
      return monthlySpendTable(monthlySpend(history.days, history.span));
    },
  }),
};
