/**
 * Test-driven changes to the mock's data, each producing a new dataset (the original is never modified, so
 * a reset only has to put it back).
 */
import { ApiError } from './api-error';
import type { Billing, CampaignDetail, Conversion } from './api-types';
import { makeConversion } from './conversion-factory';
import type { Dataset } from './dataset';
import { parseTimestamp } from './dates';
import { dollars, toCents } from './money';
import { createRandom, pick } from './prng';
import { integerField, objectWithKeys, stringField, type JsonObject } from './validate';

export type Mutation =
  /** That many new conversions arrive (newest first, ids continuing the sequence). */
  | { addConversions: number }
  /** Override billing fields as given, e.g. to make billed + unbilled differ from total spend. */
  | { billing: Partial<Billing> }
  /**
   * Shift a campaign's lifetime spend without touching its daily rows. Billing's total spend and unbilled
   * amount move with it, so only the campaign-versus-daily-metrics check disagrees.
   */
  | { campaignSpendDelta: { campaign_id: string; dollars: number } }
  | { campaignName: { campaign_id: string; name: string } };

const BILLING_MONEY = [
  'total_spend_dollars',
  'total_billed_dollars',
  'unbilled_dollars',
  'credits_dollars',
] as const;
const BILLING_TIMES = ['last_spend_sync_at', 'last_billed_at'] as const;

function parseBilling(input: unknown): Partial<Billing> {
  const o = objectWithKeys(input, [...BILLING_MONEY, 'billing_enabled', ...BILLING_TIMES], 'billing');
  const billing: Partial<Billing> = {};
  for (const key of BILLING_MONEY) {
    if (o[key] === undefined) continue;
    billing[key] = money(o, key, 'billing');
  }
  if (o.billing_enabled !== undefined) {
    if (typeof o.billing_enabled !== 'boolean')
      throw new ApiError(400, 'billing.billing_enabled must be a boolean');
    billing.billing_enabled = o.billing_enabled;
  }
  for (const key of BILLING_TIMES) {
    const value = o[key];
    if (value === undefined) continue;
    if (value !== null && typeof value !== 'string')
      throw new ApiError(400, `billing.${key} must be a string or null`);
    billing[key] = value;
  }
  return billing;
}

/** A dollar amount with at most two decimals. */
function money(o: JsonObject, key: string, what: string): number {
  const value = o[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value * 100 - toCents(value)) > 1e-6) {
    throw new ApiError(400, `${what}.${key} must be a dollar amount with at most 2 decimals`);
  }
  return value;
}

/** The body of POST /__mock/mutate: exactly one of the mutation kinds. */
export function parseMutation(body: unknown): Mutation {
  const kinds = ['addConversions', 'billing', 'campaignSpendDelta', 'campaignName'] as const;
  const o = objectWithKeys(body, kinds, 'mutation');
  const given = kinds.filter((k) => o[k] !== undefined);
  if (given.length !== 1) throw new ApiError(400, `mutation must have exactly one of ${kinds.join(', ')}`);
  switch (given[0]) {
    case 'addConversions':
      return { addConversions: integerField(o, 'addConversions', 1, 100_000, 'mutation') };
    case 'billing':
      return { billing: parseBilling(o.billing) };
    case 'campaignSpendDelta': {
      const delta = objectWithKeys(o.campaignSpendDelta, ['campaign_id', 'dollars'], 'campaignSpendDelta');
      return {
        campaignSpendDelta: {
          campaign_id: stringField(delta, 'campaign_id', 'campaignSpendDelta'),
          dollars: money(delta, 'dollars', 'campaignSpendDelta'),
        },
      };
    }
    case 'campaignName': {
      const rename = objectWithKeys(o.campaignName, ['campaign_id', 'name'], 'campaignName');
      return {
        campaignName: {
          campaign_id: stringField(rename, 'campaign_id', 'campaignName'),
          name: stringField(rename, 'name', 'campaignName'),
        },
      };
    }
  }
}

export function applyMutation(d: Dataset, m: Mutation): Dataset {
  if ('addConversions' in m)
    return { ...d, conversions: [...newConversions(d, m.addConversions), ...d.conversions] };
  if ('billing' in m) return { ...d, billing: { ...d.billing, ...m.billing } };
  if ('campaignName' in m) {
    const { campaign_id, name } = m.campaignName;
    return { ...d, campaigns: replaceCampaign(d, campaign_id, (c) => ({ ...c, name })) };
  }
  const { campaign_id, dollars: delta } = m.campaignSpendDelta;
  const deltaCents = toCents(delta);
  const shift = (amount: number) => dollars(toCents(amount) + deltaCents);
  return {
    ...d,
    campaigns: replaceCampaign(d, campaign_id, (c) => ({ ...c, spend: shift(c.spend) })),
    billing: {
      ...d.billing,
      total_spend_dollars: shift(d.billing.total_spend_dollars),
      unbilled_dollars: shift(d.billing.unbilled_dollars),
    },
  };
}

function replaceCampaign(
  d: Dataset,
  campaignId: string,
  change: (c: CampaignDetail) => CampaignDetail,
): CampaignDetail[] {
  if (!d.campaigns.some((c) => c.campaign_id === campaignId)) throw new ApiError(404, 'Campaign not found');
  return d.campaigns.map((c) => (c.campaign_id === campaignId ? change(c) : c));
}

/**
 * Conversions arriving after the newest one, spread evenly up to the end of today (sharing the last second if
 * today is full), attributed to active campaigns. Newest first, like the list they are prepended to.
 */
function newConversions(d: Dataset, count: number): Conversion[] {
  const existing = d.conversions.length;
  const random = createRandom(d.seed ^ Math.imul(existing + 1, 0x9e3779b1));
  const newestMs =
    existing > 0 ? parseTimestamp(d.conversions[0].conversion_timestamp) : parseTimestamp(d.now);
  const endOfTodayMs = parseTimestamp(`${d.today}T23:59:59`);
  const stepMs = Math.max(0, Math.floor((endOfTodayMs - newestMs) / (count + 1) / 1000) * 1000);
  const active = d.campaigns.filter((c) => c.status === 'active').map((c) => c.campaign_id);
  const arrived: Conversion[] = [];
  for (let i = 1; i <= count; i++) {
    const campaignId = active.length > 0 && random() < 0.85 ? pick(random, active) : null;
    arrived.push(makeConversion(random, existing + i, newestMs + i * stepMs, campaignId));
  }
  return arrived.reverse();
}
