/**
 * Everything the reconciliation compares, fetched in two rounds of parallel requests: billing, campaigns and
 * the period's daily metrics together; then each campaign's life (it needs the campaign list first).
 */
import { ApiRequest, billingRequest, campaignsRequest, metricsRequest } from '../api/endpoints';
import { GravityError } from '../api/errors';
import { DateRange, validateRange } from '../api/params';
import { Billing, Campaign, MetricsResponse } from '../api/types';
import { addDays, utcDate } from './calendar';
import {
  assemble,
  DailyHistory,
  DateWindow,
  MetricsClient,
  planWindows,
  WindowMetrics,
} from './daily-history';
import { campaignLife, ReconciliationInput } from './reconciliation';

export interface ReconciliationData {
  input: Omit<ReconciliationInput, 'history' | 'limits'>;
  /** The period's daily rows (for the spend vs revenue chart). */
  period: DailyHistory;
}

/** The windows of a report period: the last N days up to `today`, or the dates given (split into ≤365 days). */
export function periodWindows(range: DateRange, today: string): DateWindow[] {
  const valid = validateRange(range);
  if ('days' in valid) return [{ start: addDays(today, -(valid.days - 1)), end: today }];
  return planWindows(valid.start, valid.end).reverse();
}

function value<T>(outcome: T | GravityError): T {
  if (outcome instanceof GravityError) throw outcome;
  return outcome;
}

/** The first round: billing, campaigns and the period's metrics (they depend on no answer). */
export function firstReconciliationRequests(range: DateRange, today: string): ApiRequest<unknown>[] {
  return [
    billingRequest(),
    campaignsRequest(),
    ...periodWindows(range, today).map((w) => metricsRequest({ range: { start: w.start, end: w.end } })),
  ];
}

export function fetchReconciliationData(
  client: MetricsClient,
  range: DateRange,
  now: number,
): ReconciliationData {
  const today = utcDate(now);
  const windows = periodWindows(range, today);
  const requests = firstReconciliationRequests(range, today);
  const [billingOutcome, campaignsOutcome, ...windowOutcomes] = client.getAll(requests) as unknown[];
  const billing = value(billingOutcome as Billing | GravityError);
  const campaigns = value(campaignsOutcome as Campaign[] | GravityError);
  const period: WindowMetrics[] = windowOutcomes.map((outcome, i) => ({
    window: windows[i],
    response: value(outcome as MetricsResponse | GravityError),
  }));

  const lives = campaigns.map((campaign) => campaignLife(campaign, today));
  const fetchable = lives.filter(
    (life): life is { campaign: Campaign; window: DateWindow } => 'window' in life,
  );
  const lifeOutcomes = client.getAll(
    fetchable.map(({ campaign, window }) =>
      metricsRequest({ range: { start: window.start, end: window.end }, campaignId: campaign.campaign_id }),
    ),
  );
  // One campaign's failed fetch (deleted since, or not this key's) is that campaign's WARN, not the report's end.
  const lifeMetrics = new Map<Campaign, ReconciliationInput['lives'][number]>();
  fetchable.forEach(({ campaign, window }, i) => {
    const outcome = lifeOutcomes[i];
    lifeMetrics.set(
      campaign,
      outcome instanceof GravityError
        ? {
            campaign,
            reason: `its daily metrics could not be fetched (${outcome.message.replace(/^Gravity: /, '')})`,
            failed: true,
          }
        : { campaign, window, metrics: { window, response: outcome } },
    );
  });

  return {
    input: {
      now,
      billing,
      campaigns,
      period,
      lives: lives.map(
        (life) => lifeMetrics.get(life.campaign) ?? (life as { campaign: Campaign; reason: string }),
      ),
    },
    period: assemble(period, windows[windows.length - 1].end),
  };
}
