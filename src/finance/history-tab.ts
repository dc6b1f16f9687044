/**
 * Finding the billing history on the sheet: the tab of the first enabled `billing` report in append mode of
 * `Gravity Reports`, and in it the newest snapshot taken before this run.
 */
import { CONFIG_SHEET, readEntries } from '../reports/config';
import { readValues } from '../reports/writer';
import { ZoneClock } from '../tables/timezone';
import { previousSnapshot } from './billing-history';
import { BillingSnapshot } from './reconciliation';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Snapshots at or after this run's start are this run's own (the billing report may have run just before);
 * the second of slack covers a start time read back from a cell at a coarser precision.
 */
const OWN_RUN_SLACK_MS = 1_000;

/** The history tab and its previous snapshot; null when no billing report appends a history. */
export function billingHistory(
  spreadsheet: Spreadsheet,
  zone: ZoneClock,
  runStartedAt: string,
  /** `Gravity Reports` as the run read it, when known (saves reading it again). */
  knownConfig?: unknown[][],
): { tab: string; previous: BillingSnapshot | null } | null {
  const config = knownConfig ?? readValues(spreadsheet, CONFIG_SHEET);
  const entry = readEntries(config, zone).find(
    (e) => e.spec?.report === 'billing' && e.spec.mode === 'append',
  );
  if (!entry?.spec) return null;
  const values = readValues(spreadsheet, entry.spec.tab);
  return {
    tab: entry.spec.tab,
    previous: previousSnapshot(values, Date.parse(runStartedAt) - OWN_RUN_SLACK_MS),
  };
}
