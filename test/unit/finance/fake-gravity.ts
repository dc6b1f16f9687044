/**
 * A tiny in-memory Gravity API for finance unit tests: daily spend and revenue held as integer cents per
 * campaign, served as the API serves them (dollar floats), with /metrics refusing windows over 365 days.
 */
import { HttpRequest, HttpResponse } from '../../../src/gas/ports';
import { json } from '../../support/fake-ports';

export interface FakeDay {
  date: string;
  impressions: number;
  clicks: number;
  spendCents: number;
  conversions: number;
  revenueCents: number;
}

export interface FakeCampaign {
  campaign_id: string;
  name: string;
  created_at: string | null;
  start_time: string | null;
  days: FakeDay[];
  /** Added to the lifetime spend /campaigns reports (to make it disagree with the daily rows). */
  spendShiftCents?: number;
}

export interface FakeBilling {
  billedCents: number;
  /** Added to unbilled_dollars (to make billed + unbilled disagree with the total). */
  unbilledShiftCents?: number;
  last_spend_sync_at: string | null;
  last_billed_at: string | null;
}

const MS_PER_DAY = 86_400_000;

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
}

const dollars = (cents: number) => cents / 100;

function totals(days: FakeDay[]) {
  return days.reduce(
    (t, d) => ({
      impressions: t.impressions + d.impressions,
      clicks: t.clicks + d.clicks,
      spendCents: t.spendCents + d.spendCents,
      conversions: t.conversions + d.conversions,
      revenueCents: t.revenueCents + d.revenueCents,
    }),
    { impressions: 0, clicks: 0, spendCents: 0, conversions: 0, revenueCents: 0 },
  );
}

export class FakeGravity {
  readonly paths: string[] = [];
  constructor(
    public campaigns: FakeCampaign[],
    public billing: FakeBilling,
  ) {}

  private daysOf(campaignId: string | null): Map<string, FakeDay> {
    const merged = new Map<string, FakeDay>();
    for (const campaign of this.campaigns) {
      if (campaignId !== null && campaign.campaign_id !== campaignId) continue;
      for (const day of campaign.days) {
        const into = merged.get(day.date);
        merged.set(day.date, into ? { ...totals([into, day]), date: day.date } : { ...day });
      }
    }
    return merged;
  }

  readonly respond = (request: HttpRequest): HttpResponse => {
    const url = new URL(request.url);
    const path = url.pathname.replace('/advertiser-dashboard', '');
    this.paths.push(`${path}${url.search}`);
    if (path === '/billing') return json(this.billingBody());
    if (path === '/campaigns') return json({ campaigns: this.campaigns.map((c) => this.campaignBody(c)) });
    if (path === '/metrics') return this.metrics(url.searchParams);
    return json({ detail: 'not found' }, 404);
  };

  /** Like the mock: a campaign's spend shift moves billing's total (and so its unbilled amount) with it. */
  private billingBody() {
    const total = this.campaigns.reduce(
      (sum, c) => sum + totals(c.days).spendCents + (c.spendShiftCents ?? 0),
      0,
    );
    return {
      total_spend_dollars: dollars(total),
      total_billed_dollars: dollars(this.billing.billedCents),
      unbilled_dollars: dollars(total - this.billing.billedCents + (this.billing.unbilledShiftCents ?? 0)),
      credits_dollars: 0,
      billing_enabled: true,
      last_spend_sync_at: this.billing.last_spend_sync_at,
      last_billed_at: this.billing.last_billed_at,
    };
  }

  private campaignBody(campaign: FakeCampaign) {
    const t = totals(campaign.days);
    return {
      campaign_id: campaign.campaign_id,
      name: campaign.name,
      created_at: campaign.created_at,
      start_time: campaign.start_time,
      impressions: t.impressions,
      clicks: t.clicks,
      spend: dollars(t.spendCents + (campaign.spendShiftCents ?? 0)),
      conversions: t.conversions,
      conversion_value: dollars(t.revenueCents),
    };
  }

  private metrics(query: URLSearchParams): HttpResponse {
    const start = query.get('start_date');
    const end = query.get('end_date');
    if (!start || !end) return json({ detail: 'this fake needs start_date and end_date' }, 422);
    if (dayNumber(end) - dayNumber(start) + 1 > 365) {
      return json({ detail: 'date range must not span more than 365 days' }, 400);
    }
    const rows = [...this.daysOf(query.get('campaign_id')).values()]
      .filter((d) => d.date >= start && d.date <= end)
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    const t = totals(rows);
    return json({
      data: rows.map((d) => ({
        date: d.date,
        impressions: d.impressions,
        clicks: d.clicks,
        spend: dollars(d.spendCents),
        conversions: d.conversions,
        revenue: dollars(d.revenueCents),
      })),
      total_impressions: t.impressions,
      total_clicks: t.clicks,
      total_spend: dollars(t.spendCents),
      total_conversions: t.conversions,
      total_revenue: dollars(t.revenueCents),
    });
  }
}

/** Awkward cent amounts: 0.1, 0.2, 0.07, 0.33 … the values whose float sums drift. */
const AWKWARD_CENTS = [10, 20, 7, 33, 1, 3, 115, 435, 1999, 0];

/** `count` consecutive days ending on `lastDate`, with deterministic awkward amounts. */
export function awkwardDays(lastDate: string, count: number, seed = 1): FakeDay[] {
  const last = dayNumber(lastDate);
  return Array.from({ length: count }, (_, i) => {
    const k = i * 7 + seed;
    const spendCents = AWKWARD_CENTS[k % AWKWARD_CENTS.length] + (k % 3) * 10;
    const impressions = spendCents === 0 ? 0 : 100 + (k % 50);
    const clicks = k % 4 === 0 ? 0 : k % 5;
    const conversions = clicks > 1 ? 1 : 0;
    return {
      date: isoDay(last - count + 1 + i),
      impressions,
      clicks,
      spendCents,
      conversions,
      revenueCents: conversions ? AWKWARD_CENTS[(k + 3) % AWKWARD_CENTS.length] : 0,
    };
  });
}
