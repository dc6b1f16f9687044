import { collectConversions } from '../api/pagination';
import { formulaValues } from '../tables/cells';
import { conversionsTable } from '../tables/conversions';
import { optionalText, SheetArg, thousands, wholeNumber } from './args';
import { FormulaResult } from './results';
import { FORMULA_PAGING_BUDGET_MS, FormulaRuntime } from './runtime';

export const DEFAULT_CONVERSION_ROWS = 100;
/**
 * 30 pages of 100: at about 0.6 s a request (README, "Costs and quotas") they fit the 20 s paging budget with
 * room for retries, inside a formula's 30 s. Larger histories belong in a Conversions report tab, which has
 * 6 minutes and syncs incrementally.
 */
export const MAX_CONVERSION_ROWS = 3_000;

/**
 * GRAVITY_CONVERSIONS([max_rows], [campaign_id], [event_type]): the newest conversions, following next_cursor
 * until max_rows or the end. When the time budget runs out first, or a later page fails after retries, the rows
 * fetched so far are returned with a last row that says so: partial data the user can see, with the reason, is
 * more useful than an #ERROR! that hides every row.
 */
export function gravityConversions(
  runtime: FormulaRuntime,
  maxRows: SheetArg,
  campaignId: SheetArg,
  eventType: SheetArg,
): FormulaResult {
  const max = wholeNumber(maxRows, 'max_rows', 1, MAX_CONVERSION_ROWS, DEFAULT_CONVERSION_ROWS);
  const campaign = optionalText(campaignId, 'campaign_id');
  const event = optionalText(eventType, 'event_type');
  const result = collectConversions(runtime.client, runtime.clock, {
    maxRows: max,
    campaignId: campaign,
    eventType: event,
    stopBy: runtime.startedAt + FORMULA_PAGING_BUDGET_MS,
    keepPartialOnError: true,
  });
  const values = formulaValues(conversionsTable(result.conversions), runtime.zone);
  const note =
    result.stoppedBy === 'time'
      ? timeLimitNote(result.conversions.length, max, result.totalConversions)
      : result.error
        ? `Gravity: stopped after ${thousands(result.conversions.length)} conversions: ` +
          `${result.error.message.replace(/^Gravity: /, '')} The rows above are complete up to there.`
        : null;
  if (note) values.push(values[0].map((_, i) => (i === 0 ? note : '')));
  return values;
}

export function timeLimitNote(fetched: number, asked: number, total: number | null): string {
  const wanted = total === null ? thousands(asked) : thousands(Math.min(asked, total));
  return (
    `Gravity: stopped after ${thousands(fetched)} of ${wanted} conversions to stay within Google's 30-second limit ` +
    'for formulas. Ask for fewer rows (max_rows), or add a Conversions report tab ' +
    '(Extensions › Gravity › Add report) for the full history.'
  );
}
