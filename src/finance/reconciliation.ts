/**
 * The reconciliation checks: each compares two figures taken from API responses (or sums of them, in cents)
 * and says in plain words what was compared, over which dates, and whether they agree within $0.01.
 */
import { Billing, Campaign } from '../api/types';
import { parseTimestamp } from '../tables/cells';
import { column, ColumnType, RawValue, Table } from '../tables/table';
import { daysInclusive, utcDate } from './calendar';
import { DateWindow, WindowMetrics } from './daily-history';
import { agrees, centsOrNull, formatDollars, sumCents, TOLERANCE_CENTS, toDollars } from './money';

export type CheckStatus = 'OK' | 'MISMATCH' | 'WARN' | 'INFO';

/** What `expected`, `actual` and `difference` are measured in. */
export type CheckUnit = 'money' | 'hours' | 'days';

export interface Check {
  check: string;
  /** Cents for money checks; hours or days for staleness checks; null when there is nothing to compare. */
  expected: number | null;
  actual: number | null;
  unit: CheckUnit;
  status: CheckStatus;
  detail: string;
}

/** One row of the billing history tab (a `billing` report in append mode). */
export interface BillingSnapshot {
  /** Epoch ms of `fetched_at`. */
  fetchedAt: number;
  totalSpendCents: number | null;
  billedCents: number | null;
  unbilledCents: number | null;
}

/** A campaign's whole life as one /metrics window, or why it could not be asked for in one request. */
export type CampaignLife =
  { campaign: Campaign; window: DateWindow } | { campaign: Campaign; reason: string; failed?: boolean };

export interface CampaignLifeMetrics {
  campaign: Campaign;
  window: DateWindow;
  metrics: WindowMetrics;
}

export interface StalenessLimits {
  /** A spend sync older than this many hours is a warning. */
  spendSyncHours: number;
  /** An invoice older than this many days is a warning (a monthly invoice plus a few days' slack). */
  billedDays: number;
}

export const DEFAULT_LIMITS: StalenessLimits = { spendSyncHours: 24, billedDays: 35 };

export interface ReconciliationInput {
  /** Epoch ms when the billing summary was fetched. */
  now: number;
  billing: Billing;
  campaigns: Campaign[];
  /** The report period's all-campaign daily metrics, one entry per request window. */
  period: WindowMetrics[];
  /** Per campaign: its life's daily metrics, or the reason its life was not fetched. */
  /** `failed`: the fetch of its metrics failed (a WARN), rather than its life not fitting (an INFO). */
  lives: Array<CampaignLifeMetrics | { campaign: Campaign; reason: string; failed?: boolean }>;
  /** `null` when there is no billing history tab; otherwise the newest earlier snapshot (or null inside). */
  history: { tab: string; previous: BillingSnapshot | null } | null;
  limits?: StalenessLimits;
}

const MAX_LIFE_DAYS = 365;

/** A campaign's life: from the earlier of created_at and start_time to `today`; one request holds 365 days. */
export function campaignLife(campaign: Campaign, today: string): CampaignLife {
  const starts = [campaign.created_at, campaign.start_time]
    .map((t) => (typeof t === 'string' ? parseTimestamp(t) : null))
    .filter((d): d is Date => d !== null)
    .map((d) => utcDate(d.getTime()));
  if (starts.length === 0) {
    return { campaign, reason: 'the API gave neither created_at nor start_time, so its life is unknown' };
  }
  const start = starts.sort()[0];
  if (start > today) return { campaign, reason: `it starts on ${start}, after today (${today})` };
  const days = daysInclusive(start, today);
  if (days > MAX_LIFE_DAYS) {
    return {
      campaign,
      reason:
        `its life (${start} to ${today}) spans ${days} days and one /metrics request covers at most ` +
        `${MAX_LIFE_DAYS} days, so its lifetime spend cannot be compared with its daily metrics`,
    };
  }
  return { campaign, window: { start, end: today } };
}

function moneyCheck(check: string, expected: number | null, actual: number | null, detail: string): Check {
  if (expected === null || actual === null) {
    return { check, expected, actual, unit: 'money', status: 'WARN', detail };
  }
  const status: CheckStatus = agrees(expected, actual) ? 'OK' : 'MISMATCH';
  const verdict =
    status === 'OK'
      ? 'They agree within $0.01.'
      : `They differ by ${formatDollars(actual - expected)}, more than the $0.01 tolerance.`;
  return { check, expected, actual, unit: 'money', status, detail: `${detail} ${verdict}` };
}

function stamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function money(cents: number | null): string {
  return cents === null ? '(missing)' : formatDollars(cents);
}

function campaignLabel(campaign: Campaign): string {
  return campaign.name ? `${campaign.campaign_id} (${campaign.name})` : campaign.campaign_id;
}

function missingFields(fields: Record<string, number | null>): string[] {
  return Object.keys(fields).filter((name) => fields[name] === null);
}

function billedPlusUnbilled(input: ReconciliationInput): Check {
  const { billing } = input;
  const total = centsOrNull(billing.total_spend_dollars);
  const billed = centsOrNull(billing.total_billed_dollars);
  const unbilled = centsOrNull(billing.unbilled_dollars);
  const missing = missingFields({
    total_spend_dollars: total,
    total_billed_dollars: billed,
    unbilled_dollars: unbilled,
  });
  const what = 'Billed + unbilled = total spend';
  if (missing.length > 0) {
    return moneyCheck(
      what,
      total,
      null,
      `/billing (fetched ${stamp(input.now)}) did not give ${missing.join(', ')}.`,
    );
  }
  return moneyCheck(
    what,
    total,
    sumCents([billed, unbilled]),
    `/billing, all-time, fetched ${stamp(input.now)}: total_billed_dollars ${money(billed)} + unbilled_dollars ` +
      `${money(unbilled)} compared with total_spend_dollars ${money(total)}${creditsNote(billing)}.`,
  );
}

/** Credits are reported beside the totals; saying so keeps a reader from adding them in by hand. */
function creditsNote(billing: Billing): string {
  const credits = centsOrNull(billing.credits_dollars);
  return credits === null ? '' : ` (credits_dollars ${money(credits)} is not part of either side)`;
}

function billingVsCampaigns(input: ReconciliationInput): Check {
  const total = centsOrNull(input.billing.total_spend_dollars);
  const spends = input.campaigns.map((c) => centsOrNull(c.spend));
  const withoutSpend = input.campaigns.filter((_, i) => spends[i] === null).map((c) => c.campaign_id);
  const note =
    withoutSpend.length > 0
      ? ` Campaigns without a spend value (counted as 0): ${withoutSpend.join(', ')}.`
      : '';
  return moneyCheck(
    'Billing total spend = sum of campaigns’ lifetime spend',
    total,
    sumCents(spends),
    `/billing total_spend_dollars ${money(total)} (fetched ${stamp(input.now)}) compared with the sum of the ` +
      `lifetime spend of the ${input.campaigns.length} campaigns /campaigns lists.${note}`,
  );
}

function dailyVsTotal({ window, response }: WindowMetrics): Check {
  const rows = response.data;
  const total = centsOrNull(response.total_spend);
  const sum = sumCents(rows.map((r) => centsOrNull(r.spend)));
  const detail =
    `/metrics for ${window.start} to ${window.end} (all campaigns): the sum of its ${rows.length} daily spend ` +
    `values, ${money(sum)}, compared with its total_spend ${money(total)}.`;
  return moneyCheck(`Daily spend = metrics total, ${window.start} to ${window.end}`, total, sum, detail);
}

function campaignCheck(life: ReconciliationInput['lives'][number]): Check {
  const what = `Campaign ${campaignLabel(life.campaign)}: lifetime spend = its daily metrics`;
  const lifetime = centsOrNull(life.campaign.spend);
  if ('reason' in life) {
    return {
      check: what,
      expected: lifetime,
      actual: null,
      unit: 'money',
      status: life.failed ? 'WARN' : 'INFO',
      detail: `Not compared: ${life.reason}. /campaigns gives its lifetime spend as ${money(lifetime)}.`,
    };
  }
  const { window, response } = life.metrics;
  const sum = sumCents(response.data.map((r) => centsOrNull(r.spend)));
  return moneyCheck(
    what,
    lifetime,
    sum,
    `/campaigns lifetime spend ${money(lifetime)} compared with the sum of its ${response.data.length} daily ` +
      `spend values from /metrics for ${window.start} to ${window.end} (its life so far), ${money(sum)}.`,
  );
}

function staleness(
  check: string,
  field: string,
  value: string | null,
  now: number,
  unit: 'hours' | 'days',
  limit: number,
  why: string,
): Check {
  const at = value ? parseTimestamp(value) : null;
  if (at === null) {
    return {
      check,
      expected: limit,
      actual: null,
      unit,
      status: 'WARN',
      detail: `/billing gave ${value ? `an unreadable ${field} ("${value}")` : `no ${field}`}; ${why}.`,
    };
  }
  const perUnit = unit === 'hours' ? 3_600_000 : 86_400_000;
  const age = Math.round(((now - at.getTime()) / perUnit) * 10) / 10;
  const status: CheckStatus = age > limit || age < -1 ? 'WARN' : 'OK';
  const verdict =
    age < -1
      ? 'That is in the future: the clocks disagree.'
      : age > limit
        ? `That is more than ${limit} ${unit}: ${why}.`
        : `Within the ${limit} ${unit} expected.`;
  return {
    check,
    expected: limit,
    actual: age,
    unit,
    status,
    detail: `/billing ${field} is ${stamp(at.getTime())}, ${age} ${unit} before ${stamp(now)}. ${verdict}`,
  };
}

function spendSync(input: ReconciliationInput, limits: StalenessLimits): Check {
  return staleness(
    'Spend sync is recent (last_spend_sync_at)',
    'last_spend_sync_at',
    input.billing.last_spend_sync_at,
    input.now,
    'hours',
    limits.spendSyncHours,
    'spend after that time may be missing from the billing totals',
  );
}

function lastInvoice(input: ReconciliationInput, limits: StalenessLimits): Check {
  const what = 'Last invoice is recent (last_billed_at)';
  if (input.billing.billing_enabled === false) {
    return {
      check: what,
      expected: null,
      actual: null,
      unit: 'days',
      status: 'INFO',
      detail: `/billing says billing_enabled is false, so no invoices are expected (last_billed_at: ${
        input.billing.last_billed_at ?? 'none'
      }).`,
    };
  }
  const billed = centsOrNull(input.billing.total_billed_dollars);
  if (!input.billing.last_billed_at && (billed ?? 0) === 0) {
    return {
      check: what,
      expected: limits.billedDays,
      actual: null,
      unit: 'days',
      status: 'INFO',
      detail: `/billing has no last_billed_at and total_billed_dollars ${money(billed)}: nothing has been invoiced yet.`,
    };
  }
  return staleness(
    what,
    'last_billed_at',
    input.billing.last_billed_at,
    input.now,
    'days',
    limits.billedDays,
    'an invoice may be late or missing',
  );
}

/**
 * Billing follows spend: between two snapshots the billed total may grow by at most what was unbilled at the
 * first one plus the spend added since (an invoice never bills money that was not spent), and neither total
 * should go down. Independent of the current unbilled figure, so a broken billed + unbilled identity shows up
 * in its own check only.
 */
function sinceSnapshot(input: ReconciliationInput): Check | null {
  const what = 'Change in billed vs change in spend since the previous snapshot';
  if (input.history === null) return null;
  const previous = input.history.previous;
  const info = (status: CheckStatus, detail: string): Check => ({
    check: what,
    expected: null,
    actual: null,
    unit: 'money',
    status,
    detail,
  });
  if (previous === null) {
    return info(
      'INFO',
      `The billing history tab "${input.history.tab}" has no earlier snapshot yet; the next run compares with this one.`,
    );
  }
  const since = `the snapshot of ${stamp(previous.fetchedAt)} in "${input.history.tab}"`;
  const spendNow = centsOrNull(input.billing.total_spend_dollars);
  const billedNow = centsOrNull(input.billing.total_billed_dollars);
  const { totalSpendCents: spendBefore, billedCents: billedBefore, unbilledCents: unbilledBefore } = previous;
  if (spendNow === null || billedNow === null || spendBefore === null || billedBefore === null) {
    return info(
      'WARN',
      `Cannot compare with ${since}: its or /billing's total spend or billed amount is missing.`,
    );
  }
  const spendChange = spendNow - spendBefore;
  const billedChange = billedNow - billedBefore;
  const billable = (unbilledBefore ?? spendBefore - billedBefore) + spendChange;
  const trail =
    `From ${since} to /billing now (${stamp(input.now)}): total_spend_dollars ${money(spendBefore)} → ` +
    `${money(spendNow)} (${signed(spendChange)}); total_billed_dollars ${money(billedBefore)} → ` +
    `${money(billedNow)} (${signed(billedChange)}).`;
  const check = (status: CheckStatus, verdict: string): Check => ({
    check: what,
    expected: spendChange,
    actual: billedChange,
    unit: 'money',
    status,
    detail: `${trail} ${verdict}`,
  });
  if (spendChange < -TOLERANCE_CENTS) {
    return check('WARN', 'Total spend went down, which only a refund or a correction explains.');
  }
  if (billedChange < -TOLERANCE_CENTS) {
    return check('WARN', 'The billed total went down, which only a credit note or a correction explains.');
  }
  if (billedChange - billable > TOLERANCE_CENTS) {
    return check(
      'MISMATCH',
      `More was billed than could be: ${money(unbilledBefore)} unbilled then plus the new spend is ` +
        `${money(billable)}, ${formatDollars(billedChange - billable)} less than the billed increase.`,
    );
  }
  return check(
    'OK',
    billedChange === 0
      ? spendChange === 0
        ? 'Neither changed.'
        : 'Nothing new was billed; the new spend is unbilled.'
      : `The billed increase fits within what was billable (${money(billable)}: unbilled then plus the new spend).`,
  );
}

function signed(cents: number): string {
  return cents >= 0 ? `+${formatDollars(cents)}` : formatDollars(cents);
}

/** Every check, in the order a reader works through them: billing, spend totals, campaigns, freshness. */
export function reconcile(input: ReconciliationInput): Check[] {
  const limits = input.limits ?? DEFAULT_LIMITS;
  const checks: Check[] = [
    billedPlusUnbilled(input),
    billingVsCampaigns(input),
    ...input.period.map(dailyVsTotal),
    ...input.lives.map(campaignCheck),
    spendSync(input, limits),
    lastInvoice(input, limits),
  ];
  const snapshot = sinceSnapshot(input);
  if (snapshot) checks.push(snapshot);
  return checks;
}

export const RECONCILIATION_COLUMNS = [
  column('check', 'text'),
  column('expected', 'auto'),
  column('actual', 'auto'),
  column('difference', 'auto'),
  column('status', 'text'),
  column('detail', 'text'),
];

const UNIT_TYPES: Record<CheckUnit, ColumnType> = { money: 'money', hours: 'decimal', days: 'decimal' };

function shown(value: number | null, unit: CheckUnit): number | null {
  if (value === null) return null;
  return unit === 'money' ? toDollars(value) : value;
}

/** The `reconciliation` tab: money in dollars (2 decimals), ages in hours or days; difference = actual − expected. */
export function reconciliationTable(checks: Check[]): Table {
  const rows: RawValue[][] = checks.map((c) => {
    const difference =
      c.expected === null || c.actual === null
        ? null
        : c.unit === 'money'
          ? c.actual - c.expected
          : round1(c.actual - c.expected);
    return [
      c.check,
      shown(c.expected, c.unit),
      shown(c.actual, c.unit),
      shown(difference, c.unit),
      c.status,
      c.detail,
    ];
  });
  return { columns: RECONCILIATION_COLUMNS, rows, rowTypes: checks.map((c) => UNIT_TYPES[c.unit]) };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
