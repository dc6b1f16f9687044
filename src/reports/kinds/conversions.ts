import { GravityError } from '../../api/errors';
import { collectConversions, firstConversionsPage } from '../../api/pagination';
import { conversionsTable } from '../../tables/conversions';
import { ReportDefinition } from '../definition';
import { existingKeys } from '../upsert';

/** A `replace` tab holds the newest conversions up to this many (one run's worth of pages). */
export const REPLACE_MAX_CONVERSIONS = 10_000;
/** An `append` sync stops after this many new conversions in one run. */
export const APPEND_MAX_CONVERSIONS = 20_000;

const KEY = 'conversion_id';

/**
 * `replace`: the newest conversions, newest first (the API's order). `append`: an incremental sync — pages
 * newest first and stops at the first conversion the tab already has, so a steady-state run costs one or two
 * requests; new conversions are added oldest first, so the tab reads oldest to newest. An empty tab (or one
 * cleared by the user) gets a full sync.
 */
export const conversionsReport: ReportDefinition = {
  type: 'conversions',
  title: 'Conversions',
  inputs: ['campaignId', 'eventType'],
  appendKeys: () => [KEY],
  plan: (spec, context) => {
    const append = spec.mode === 'append';
    const query = {
      maxRows: append ? APPEND_MAX_CONVERSIONS : REPLACE_MAX_CONVERSIONS,
      campaignId: spec.campaignId,
      eventType: spec.eventType,
    };
    return {
      kind: 'sequential',
      prefetch: [firstConversionsPage(query)],
      run(client, clock, stopBy) {
        const known =
          append && context.existing ? existingKeys(context.existing.values, KEY) : new Set<string>();
        const result = collectConversions(client, clock, {
          ...query,
          stopBy,
          // Ids read back from the sheet are text; the API's may be numbers.
          isKnown: known.size > 0 ? (c) => known.has(String(c.conversion_id)) : undefined,
        });
        const incomplete = result.stoppedBy === 'time' || result.stoppedBy === 'max_rows';
        if (append && incomplete && known.size > 0) {
          // Writing only the newest part would leave a hole between them and the rows already in the tab.
          throw new GravityError(
            'time_budget',
            `more new conversions arrived than one run can fetch (${result.conversions.length} so far); nothing ` +
              `was written. Delete the rows of tab "${spec.tab}" below its header to re-sync it from the newest.`,
          );
        }
        if (append && incomplete) {
          // A first sync that kept only the newest part would never fetch the rest: later runs stop at the
          // first conversion they know. An append tab holds the whole history or nothing.
          const total = result.totalConversions === null ? '' : ` of ${result.totalConversions}`;
          throw new GravityError(
            'time_budget',
            `this account has more conversions than one run can fetch (${result.conversions.length}${total} so ` +
              `far); nothing was written. Filter the report by Campaign ID or Event type, or set Mode to replace ` +
              `(the newest ${REPLACE_MAX_CONVERSIONS.toLocaleString('en-US')}).`,
          );
        }
        return conversionsTable(append ? [...result.conversions].reverse() : result.conversions);
      },
    };
  },
};
