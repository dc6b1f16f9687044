import { metricsRequest } from '../api/endpoints';
import { CellValue, formulaValues, toCell } from '../tables/cells';
import { ALL_TOTAL_METRICS, metricsTable, totalMetric, totalMetricType } from '../tables/metrics';
import { optionalText, requiredChoice, SheetArg } from './args';
import { periodArgs } from './period';
import { FormulaResult } from './results';
import { FormulaRuntime } from './runtime';

/** GRAVITY_METRICS([days_or_start], [end_date], [campaign_id]): one row per day, oldest first. */
export function gravityMetrics(
  runtime: FormulaRuntime,
  daysOrStart: SheetArg,
  endDate: SheetArg,
  campaignId: SheetArg,
): FormulaResult {
  const range = periodArgs(daysOrStart, endDate, runtime.zone);
  const request = metricsRequest({ range, campaignId: optionalText(campaignId, 'campaign_id') });
  return formulaValues(metricsTable(runtime.client.get(request).data), runtime.zone);
}

/**
 * GRAVITY_TOTAL(metric, [days_or_start], [end_date], [campaign_id]): one number. It makes the same request as
 * GRAVITY_METRICS for the same period, so a KPI cell beside a daily table costs nothing extra (cache).
 */
export function gravityTotal(
  runtime: FormulaRuntime,
  metric: SheetArg,
  daysOrStart: SheetArg,
  endDate: SheetArg,
  campaignId: SheetArg,
): CellValue {
  const which = requiredChoice(metric, 'metric', ALL_TOTAL_METRICS);
  const range = periodArgs(daysOrStart, endDate, runtime.zone);
  const request = metricsRequest({ range, campaignId: optionalText(campaignId, 'campaign_id') });
  const response = runtime.client.get(request);
  return toCell(totalMetric(response, which), totalMetricType(which), runtime.zone);
}
