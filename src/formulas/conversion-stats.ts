import { conversionStatsRequest } from '../api/endpoints';
import { formulaValues, toCell } from '../tables/cells';
import { CONVERSION_STATS_VIEWS, conversionStatsTable } from '../tables/conversion-stats';
import { optionalText, requiredChoice, SheetArg } from './args';
import { periodArgs } from './period';
import { FormulaResult } from './results';
import { FormulaRuntime } from './runtime';

/** GRAVITY_CONVERSION_STATS(view, [days_or_start], [end_date], [event_type]): per day, per type, or the total. */
export function gravityConversionStats(
  runtime: FormulaRuntime,
  view: SheetArg,
  daysOrStart: SheetArg,
  endDate: SheetArg,
  eventType: SheetArg,
): FormulaResult {
  const which = requiredChoice(view, 'view', CONVERSION_STATS_VIEWS);
  const range = periodArgs(daysOrStart, endDate, runtime.zone);
  const request = conversionStatsRequest({ range, eventType: optionalText(eventType, 'event_type') });
  const stats = runtime.client.get(request);
  if (which === 'total') return toCell(stats.total, 'count', runtime.zone);
  return formulaValues(conversionStatsTable(stats, which), runtime.zone);
}
