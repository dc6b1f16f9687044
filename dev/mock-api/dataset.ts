/**
 * The mock's data: one advertiser with a deterministic (seeded) history that is realistic enough for the
 * playground and consistent to the cent — a campaign's lifetime stats are the sums of its daily rows, and the
 * billing total is the sum of the campaigns' lifetime spend — so the finance checks have something true to find.
 */
import type {
  AdvertiserInfo,
  Billing,
  CampaignDetail,
  Conversion,
  DailyMetrics,
  Integrations,
} from './api-types';
import { makeConversion } from './conversion-factory';
import { formatDay, formatTimestamp, MS_PER_DAY, MS_PER_HOUR, parseDay, weekday } from './dates';
import {
  AWKWARD_TEXTS,
  CAMPAIGN_PLANS,
  PIXEL_DOMAINS,
  PIXEL_EVENT_TYPES,
  PLANNED_HISTORY_DAYS,
  type CampaignPlan,
  type DeliveryProfile,
} from './fixtures';
import { addRow, metricsRow, zeroTotals, type MetricTotals } from './metrics';
import { dollars } from './money';
import { createRandom, pick, type Random } from './prng';

export type * from './api-types';

export interface DatasetOptions {
  /** The mock's "today", `YYYY-MM-DD`; default: today (UTC). With it, "now" is that day at 12:00 UTC. */
  today?: string;
  seed?: number;
  /** How many conversions exist initially (default 600). */
  conversions?: number;
  /** Days of daily metrics and pixel events, ending today (default 500). */
  historyDays?: number;
}

/** Hourly pixel counts of one domain and event type; `hourly[0]` is `historyStart` at 00:00 UTC. */
export interface PixelSeries {
  domain: string;
  event_type: string;
  hourly: number[];
}

export interface Dataset {
  seed: number;
  /** `YYYY-MM-DD`: the last day with data. */
  today: string;
  /** Zone-less timestamp of "now": nothing happened after it. */
  now: string;
  /** `YYYY-MM-DD`: the first day with data; the API serves nothing earlier. */
  historyStart: string;
  info: AdvertiserInfo;
  campaigns: CampaignDetail[];
  /** Per campaign_id, one row per day from historyStart to today, oldest first (zeros outside its life). */
  dailyMetrics: Record<string, DailyMetrics[]>;
  /** Newest first. Only ever grows at the front, which keeps pagination cursors stable. */
  conversions: Conversion[];
  billing: Billing;
  pixel: PixelSeries[];
  integrations: Integrations;
}

const DEFAULTS = { seed: 20250520, conversions: 600, historyDays: 500 };
/** Days before today that the last invoice was issued. */
const BILLED_DAYS_AGO = 3;

export function createDataset(options: DatasetOptions = {}): Dataset {
  const seed = options.seed ?? DEFAULTS.seed;
  const historyDays = options.historyDays ?? DEFAULTS.historyDays;
  const conversionCount = options.conversions ?? DEFAULTS.conversions;
  if (!Number.isInteger(historyDays) || historyDays < 1) {
    throw new Error(`createDataset: historyDays must be a positive integer, got ${historyDays}`);
  }
  if (!Number.isInteger(conversionCount) || conversionCount < 0) {
    throw new Error(`createDataset: conversions must be a non-negative integer, got ${conversionCount}`);
  }
  const nowMs = resolveNow(options.today);
  const todayDay = Math.floor(nowMs / MS_PER_DAY);
  const firstDay = todayDay - historyDays + 1;
  const todayFraction = (nowMs - todayDay * MS_PER_DAY) / MS_PER_DAY;

  // Separate streams per section, so e.g. asking for more conversions leaves the metrics unchanged.
  const metricsRandom = createRandom(seed);
  const conversionsRandom = createRandom(seed ^ 0x5bd1e995);
  const pixelRandom = createRandom(seed ^ 0x27d4eb2f);

  const plans = CAMPAIGN_PLANS.map((plan) => squeezePlan(plan, historyDays));
  const totalsByCampaign = new Map<string, MetricTotals[]>();
  for (const plan of plans) {
    totalsByCampaign.set(
      plan.campaign_id,
      simulateDelivery(metricsRandom, plan, firstDay, todayDay, todayFraction),
    );
  }
  const dailyMetrics: Record<string, DailyMetrics[]> = {};
  for (const [id, days] of totalsByCampaign) {
    dailyMetrics[id] = days.map((t, index) => metricsRow(formatDay(firstDay + index), t));
  }
  const campaigns = plans.map((plan) => campaignOf(plan, dailyMetrics[plan.campaign_id], todayDay));

  return {
    seed,
    today: formatDay(todayDay),
    now: formatTimestamp(nowMs),
    historyStart: formatDay(firstDay),
    info: { advertiser_id: '00123', name: 'Acme Corp', email: 'ads@acme.example' },
    campaigns,
    dailyMetrics,
    conversions: generateConversions(conversionsRandom, conversionCount, firstDay, nowMs, totalsByCampaign),
    billing: billingOf(dailyMetrics, firstDay, todayDay, nowMs),
    pixel: generatePixel(pixelRandom, firstDay, historyDays, nowMs),
    integrations: integrationsOf(todayDay),
  };
}

function resolveNow(today: string | undefined): number {
  if (today === undefined) return Math.floor(Date.now() / 1000) * 1000;
  const day = parseDay(today);
  if (day === null)
    throw new Error(`createDataset: today must be a date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  return day * MS_PER_DAY + 12 * MS_PER_HOUR;
}

/** Shrinks the plan's day offsets proportionally when there is less history than the plans assume. */
function squeezePlan(plan: CampaignPlan, historyDays: number): CampaignPlan {
  if (historyDays >= PLANNED_HISTORY_DAYS) return plan;
  const squeeze = (ago: number) => Math.round((ago * (historyDays - 1)) / (PLANNED_HISTORY_DAYS - 1));
  const delivery = plan.delivery && {
    ...plan.delivery,
    fromAgo: squeeze(plan.delivery.fromAgo),
    toAgo: squeeze(plan.delivery.toAgo),
  };
  return { ...plan, createdAgo: squeeze(plan.createdAgo), delivery };
}

function simulateDelivery(
  random: Random,
  plan: CampaignPlan,
  firstDay: number,
  todayDay: number,
  todayFraction: number,
): MetricTotals[] {
  const days = Array.from({ length: todayDay - firstDay + 1 }, zeroTotals);
  if (!plan.delivery) return days;
  const { fromAgo, toAgo, profile } = plan.delivery;
  for (let ago = fromAgo; ago >= toAgo; ago--) {
    const day = todayDay - ago;
    const dayOfLife = fromAgo - ago;
    const dayShare = ago === 0 ? todayFraction : 1;
    days[day - firstDay] =
      profile === 'tiny'
        ? tinyDay(random, dayOfLife)
        : normalDay(
            random,
            profile,
            plan.budgetCents,
            dayOfLife / Math.max(1, fromAgo - toAgo),
            weekday(day),
            dayShare,
          );
  }
  return days;
}

/** The first three days are fixed (0.10, 0.20, 0.07 spent, no clicks) so every seed has them. */
const TINY_FIRST_DAYS: ReadonlyArray<[impressions: number, spendCents: number]> = [
  [12, 10],
  [9, 20],
  [15, 7],
];

function tinyDay(random: Random, dayOfLife: number): MetricTotals {
  if (dayOfLife < TINY_FIRST_DAYS.length) {
    const [impressions, spendCents] = TINY_FIRST_DAYS[dayOfLife];
    return { impressions, clicks: 0, spendCents, conversions: 0, revenueCents: 0 };
  }
  if (random() < 0.35) return zeroTotals();
  const clicks = random() < 0.2 ? 1 : 0;
  const conversions = clicks > 0 && random() < 0.25 ? 1 : 0;
  return {
    impressions: 1 + Math.floor(random() * 40),
    clicks,
    spendCents: pick(random, [1, 3, 7, 10, 13, 20, 33]),
    conversions,
    revenueCents: conversions > 0 ? pick(random, [199, 1_999, 4_999]) : 0,
  };
}

function normalDay(
  random: Random,
  profile: DeliveryProfile,
  budgetCents: number,
  progress: number,
  dayOfWeek: number,
  dayShare: number,
): MetricTotals {
  if (random() < 0.02) return zeroTotals(); // a delivery outage: every denominator is zero
  const weekly = dayOfWeek === 0 || dayOfWeek === 6 ? 0.78 : 1;
  const impressions = Math.round(
    profile.impressions * (0.85 + 0.3 * progress) * weekly * (0.75 + 0.5 * random()) * dayShare,
  );
  const clicks = Math.round(impressions * profile.ctr * (0.7 + 0.6 * random()));
  const rawSpend = Math.round(((impressions * profile.cpmCents) / 1000) * (0.9 + 0.2 * random()));
  const spendCents = impressions === 0 ? 0 : Math.min(budgetCents, Math.max(1, rawSpend));
  const conversions = Math.round(clicks * profile.cvr * (0.4 + 1.2 * random()));
  let revenueCents = 0;
  for (let i = 0; i < conversions; i++) revenueCents += Math.round(profile.aovCents * (0.5 + random()));
  return { impressions, clicks, spendCents, conversions, revenueCents };
}

function campaignOf(plan: CampaignPlan, days: DailyMetrics[], todayDay: number): CampaignDetail {
  const life = days.reduce(addRow, zeroTotals());
  const dayStart = (ago: number) => (todayDay - ago) * MS_PER_DAY;
  let endTime: string | null = null;
  if (plan.end === 'lastDelivery' && plan.delivery) {
    endTime = formatTimestamp(dayStart(plan.delivery.toAgo) + MS_PER_DAY - 1000);
  } else if (typeof plan.end === 'number') {
    endTime = formatTimestamp(dayStart(-plan.end));
  }
  return {
    campaign_id: plan.campaign_id,
    name: plan.name,
    status: plan.status,
    is_active: plan.status === 'active',
    daily_budget: dollars(plan.budgetCents),
    landing_page: plan.landing_page,
    campaign_objective: plan.campaign_objective,
    created_at: formatTimestamp(dayStart(plan.createdAgo) + 9 * MS_PER_HOUR + 14 * 60_000 + 27_000),
    start_time: plan.delivery ? formatTimestamp(dayStart(plan.delivery.fromAgo)) : null,
    end_time: endTime,
    allowed_countries: [...plan.allowed_countries],
    allowed_devices: [...plan.allowed_devices],
    utm_params: { ...plan.utm_params },
    deployment_status: plan.deployment_status,
    impressions: life.impressions,
    clicks: life.clicks,
    spend: dollars(life.spendCents),
    conversions: life.conversions,
    conversion_value: dollars(life.revenueCents),
  };
}

/**
 * Conversions spread over the history, denser recently. An attributed conversion belongs to a campaign that
 * had clicks that day; about 15 % are unattributed (`is_attributed: false`, no campaign). The conversion list
 * is therefore not expected to match the conversion counts in /metrics, as with the real API.
 */
function generateConversions(
  random: Random,
  count: number,
  firstDay: number,
  nowMs: number,
  totalsByCampaign: Map<string, MetricTotals[]>,
): Conversion[] {
  const latestMs = nowMs - 60_000;
  const spanMs = Math.max(0, latestMs - firstDay * MS_PER_DAY);
  const times = Array.from(
    { length: count },
    () => Math.floor((latestMs - spanMs * random() ** 1.6) / 1000) * 1000,
  );
  times.sort((a, b) => a - b);
  const campaignDays = [...totalsByCampaign];
  const newestFirst: Conversion[] = new Array<Conversion>(count);
  for (let i = 0; i < count; i++) {
    const dayIndex = Math.floor(times[i] / MS_PER_DAY) - firstDay;
    const candidates = campaignDays.filter(([, days]) => days[dayIndex].clicks > 0).map(([id]) => id);
    const campaignId = candidates.length > 0 && random() < 0.85 ? pick(random, candidates) : null;
    newestFirst[count - 1 - i] = makeConversion(random, i + 1, times[i], campaignId);
  }
  // The newest purchases carry the awkward order ids, so the first page of results already shows them.
  let next = 0;
  for (const conversion of newestFirst) {
    if (next === AWKWARD_TEXTS.length) break;
    if (conversion.event_type === 'purchase' && conversion.order_id !== null) {
      conversion.order_id = AWKWARD_TEXTS[next++];
    }
  }
  return newestFirst;
}

/** Spend is billed up to the last invoice a few days ago; everything since is unbilled. */
function billingOf(
  dailyMetrics: Record<string, DailyMetrics[]>,
  firstDay: number,
  todayDay: number,
  nowMs: number,
): Billing {
  const lastBilledDay = todayDay - BILLED_DAYS_AGO;
  const total = zeroTotals();
  const billed = zeroTotals();
  for (const days of Object.values(dailyMetrics)) {
    days.forEach((row, index) => {
      addRow(total, row);
      if (firstDay + index < lastBilledDay) addRow(billed, row);
    });
  }
  return {
    total_spend_dollars: dollars(total.spendCents),
    total_billed_dollars: dollars(billed.spendCents),
    unbilled_dollars: dollars(total.spendCents - billed.spendCents),
    credits_dollars: 25,
    billing_enabled: true,
    last_spend_sync_at: formatTimestamp(nowMs - 7 * 60_000),
    last_billed_at: formatTimestamp(lastBilledDay * MS_PER_DAY),
  };
}

/** Busier in the (UTC) daytime; never quite zero at night. */
const DIURNAL = Array.from(
  { length: 24 },
  (_, hour) => 0.25 + 0.75 * Math.max(0, Math.sin((Math.PI * (hour - 5)) / 18)),
);

function generatePixel(random: Random, firstDay: number, historyDays: number, nowMs: number): PixelSeries[] {
  const hours = historyDays * 24;
  const lastHour = Math.min(hours - 1, Math.floor((nowMs - firstDay * MS_PER_DAY) / MS_PER_HOUR));
  const series: PixelSeries[] = [];
  for (const { domain, weight, sinceAgo } of PIXEL_DOMAINS) {
    const firstHour = Math.max(0, (historyDays - 1 - sinceAgo) * 24);
    for (const { event_type, perHour } of PIXEL_EVENT_TYPES) {
      const hourly = new Array<number>(hours).fill(0);
      for (let hour = firstHour; hour <= lastHour; hour++) {
        hourly[hour] = Math.round(perHour * weight * DIURNAL[hour % 24] * (0.6 + 0.8 * random()));
      }
      series.push({ domain, event_type, hourly });
    }
  }
  return series;
}

function integrationsOf(todayDay: number): Integrations {
  const at = (ago: number, hour: number) =>
    formatTimestamp((todayDay - ago) * MS_PER_DAY + hour * MS_PER_HOUR);
  return {
    shopify: [
      {
        id: '1e5',
        shop_domain: 'acme-store.myshopify.com',
        is_active: true,
        connected_at: at(410, 12),
        verification_status: 'verified',
      },
      {
        id: 'conn-2002',
        shop_domain: 'acme-outlet.myshopify.com',
        is_active: false,
        connected_at: at(95, 16),
        verification_status: null,
      },
    ],
    calendly: [{ id: '0042', is_active: true, connected_at: at(220, 9) }],
  };
}
