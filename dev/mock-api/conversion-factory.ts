/** Builds single conversions; shared by the initial dataset and the `addConversions` mutation. */
import type { Conversion } from './api-types';
import { formatTimestamp } from './dates';
import { pick, randomInt, type Random } from './prng';

/**
 * Ids are the creation sequence number zero-padded to 5 digits, so ids such as `00123` exist and must stay
 * text in a spreadsheet; a larger sequence simply gets more digits, so ids never collide.
 */
export function conversionId(sequence: number): string {
  return String(sequence).padStart(5, '0');
}

/**
 * Makes conversion number `sequence` (1 = oldest) at `timestampMs`. `campaignId` null means unattributed.
 */
export function makeConversion(
  random: Random,
  sequence: number,
  timestampMs: number,
  campaignId: string | null,
): Conversion {
  const roll = random();
  const eventType = roll < 0.6 ? 'purchase' : roll < 0.88 ? 'lead' : 'signup';
  let valueCents = 0;
  let currency = 'USD';
  let source = 'pixel';
  let orderId: string | null = null;
  let pageUrl: string | null;
  if (eventType === 'purchase') {
    valueCents = randomInt(random, 499, 24_999);
    const currencyRoll = random();
    currency =
      currencyRoll < 0.75 ? 'USD' : currencyRoll < 0.87 ? 'EUR' : currencyRoll < 0.95 ? 'GBP' : 'CAD';
    source = pick(random, ['shopify', 'capi', 'pixel']);
    orderId = random() < 0.12 ? null : `ord-${100_000 + sequence}`;
    pageUrl = `https://acme.example/checkout/success?order=${sequence}`;
  } else if (eventType === 'lead') {
    valueCents = pick(random, [0, 2500, 5000]);
    source = pick(random, ['calendly', 'capi', 'pixel']);
    pageUrl = 'https://acme.example/contact/thanks';
  } else {
    pageUrl = 'https://acme.example/welcome';
  }
  if (random() < 0.1) pageUrl = null;
  return {
    conversion_id: conversionId(sequence),
    event_type: eventType,
    value_cents: valueCents,
    currency,
    conversion_timestamp: formatTimestamp(timestampMs),
    campaign_id: campaignId,
    order_id: orderId,
    page_url: pageUrl,
    source,
    is_attributed: campaignId !== null,
  };
}
