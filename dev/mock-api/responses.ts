/** The body of every API endpoint, computed from the current dataset and already validated parameters. */
import { ApiError } from './api-error';
import type {
  AdvertiserInfo,
  Billing,
  Campaign,
  CampaignDetail,
  Conversion,
  ConversionsPage,
  ConversionStats,
  DailyMetrics,
  EventsAnalytics,
  Integrations,
  MetricsResponse,
} from './api-types';
import { decodeCursor, encodeCursor } from './cursor';
import type { Dataset } from './dataset';
import { formatDay, formatTimestamp, MS_PER_DAY, MS_PER_HOUR, parseTimestamp, requireDay } from './dates';
import { addRow, metricsRow, zeroTotals } from './metrics';
import { dollars } from './money';
import type { DayRange } from './params';

/** Largest count first; ties by name, so the order is stable. */
function sortedByCount(counts: Map<string, number>): Array<[string, number]> {
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

/** The requested range clipped to the days that have data: from the history's start up to today. */
function clip(d: Dataset, range: DayRange): DayRange {
  return {
    firstDay: Math.max(range.firstDay, requireDay(d.historyStart)),
    lastDay: Math.min(range.lastDay, requireDay(d.today)),
  };
}

export function infoBody(d: Dataset): AdvertiserInfo {
  return d.info;
}

/** The list omits the detail-only targeting fields, as the real list does. */
function listFields(c: CampaignDetail): Campaign {
  const {
    allowed_countries: _countries,
    allowed_devices: _devices,
    utm_params: _utm,
    deployment_status: _deployment,
    ...listed
  } = c;
  return listed;
}

export function campaignsBody(d: Dataset, status: string | null): { campaigns: Campaign[] } {
  const selected = status === null ? d.campaigns : d.campaigns.filter((c) => c.status === status);
  return { campaigns: selected.map(listFields) };
}

export function campaignBody(d: Dataset, campaignId: string): CampaignDetail {
  const campaign = d.campaigns.find((c) => c.campaign_id === campaignId);
  if (!campaign) throw new ApiError(404, 'Campaign not found');
  return campaign;
}

/** One row per day of the clipped range, oldest first, all campaigns summed unless one is asked for. */
export function metricsBody(d: Dataset, range: DayRange, campaignId: string | null): MetricsResponse {
  let sources: DailyMetrics[][];
  if (campaignId === null) {
    sources = Object.values(d.dailyMetrics);
  } else {
    if (!Object.hasOwn(d.dailyMetrics, campaignId)) throw new ApiError(404, 'Campaign not found');
    sources = [d.dailyMetrics[campaignId]];
  }
  const historyStart = requireDay(d.historyStart);
  const { firstDay, lastDay } = clip(d, range);
  const data: DailyMetrics[] = [];
  const total = zeroTotals();
  for (let day = firstDay; day <= lastDay; day++) {
    const dayTotals = zeroTotals();
    for (const rows of sources) addRow(dayTotals, rows[day - historyStart]);
    const row = metricsRow(formatDay(day), dayTotals);
    addRow(total, row);
    data.push(row);
  }
  return {
    data,
    total_impressions: total.impressions,
    total_clicks: total.clicks,
    total_spend: dollars(total.spendCents),
    total_conversions: total.conversions,
    total_revenue: dollars(total.revenueCents),
  };
}

export interface ConversionsQuery {
  limit: number;
  cursor: string | null;
  campaignId: string | null;
  eventType: string | null;
}

/** One page, newest first, continuing after the cursor's conversion. */
export function conversionsBody(d: Dataset, q: ConversionsQuery): ConversionsPage {
  const list = d.conversions;
  const count = list.length;
  const matches = (c: Conversion) =>
    (q.campaignId === null || c.campaign_id === q.campaignId) &&
    (q.eventType === null || c.event_type === q.eventType);
  const filtered = q.campaignId !== null || q.eventType !== null;
  let index = q.cursor === null ? 0 : count - decodeCursor(q.cursor, count);
  const page: Conversion[] = [];
  let lastIndex = -1;
  for (; index < count && page.length < q.limit; index++) {
    if (matches(list[index])) {
      page.push(list[index]);
      lastIndex = index;
    }
  }
  let hasMore = false;
  for (; index < count && !hasMore; index++) hasMore = matches(list[index]);
  return {
    conversions: page,
    total_conversions: filtered ? list.reduce((n, c) => (matches(c) ? n + 1 : n), 0) : count,
    has_more: hasMore,
    next_cursor: hasMore ? encodeCursor(count - 1 - lastIndex) : null,
  };
}

export function billingBody(d: Dataset): Billing {
  return d.billing;
}

/**
 * Pixel analytics over the clipped range, hourly up to now. `domain` matches any part of the domain,
 * ignoring case. `has_historical_data` says whether the pixel has ever recorded an event.
 */
export function eventsAnalyticsBody(
  d: Dataset,
  range: DayRange,
  domain: string | null,
  eventType: string | null,
): EventsAnalytics {
  const historyStartMs = requireDay(d.historyStart) * MS_PER_DAY;
  const nowMs = parseTimestamp(d.now);
  const { firstDay, lastDay } = clip(d, range);
  const firstHour = (firstDay * MS_PER_DAY - historyStartMs) / MS_PER_HOUR;
  const lastHour = Math.min(
    ((lastDay + 1) * MS_PER_DAY - historyStartMs) / MS_PER_HOUR - 1,
    Math.floor((nowMs - historyStartMs) / MS_PER_HOUR),
  );
  const needle = domain?.toLowerCase() ?? null;
  const selected = d.pixel.filter(
    (s) =>
      (needle === null || s.domain.toLowerCase().includes(needle)) &&
      (eventType === null || s.event_type === eventType),
  );
  const time_series: EventsAnalytics['time_series'] = [];
  for (let hour = firstHour; hour <= lastHour; hour++) {
    let events = 0;
    for (const s of selected) events += s.hourly[hour];
    time_series.push({ date: formatTimestamp(historyStartMs + hour * MS_PER_HOUR), events });
  }
  const byDomain = new Map<string, number>();
  const byType = new Map<string, number>();
  const lastBusyHour = new Map<string, { hour: number; count: number }>();
  for (const s of selected) {
    let total = 0;
    for (let hour = firstHour; hour <= lastHour; hour++) total += s.hourly[hour];
    if (total === 0) continue;
    byDomain.set(s.domain, (byDomain.get(s.domain) ?? 0) + total);
    byType.set(s.event_type, (byType.get(s.event_type) ?? 0) + total);
    let hour = lastHour;
    while (s.hourly[hour] === 0) hour--;
    if (hour > (lastBusyHour.get(s.event_type)?.hour ?? -1)) {
      lastBusyHour.set(s.event_type, { hour, count: s.hourly[hour] });
    }
  }
  const lastReceived = (eventType: string) => {
    const { hour, count } = lastBusyHour.get(eventType) ?? { hour: firstHour, count: 0 };
    // Some minute inside the last busy hour, never later than now.
    return formatTimestamp(
      Math.min(nowMs, historyStartMs + hour * MS_PER_HOUR + ((count * 7) % 60) * 60_000),
    );
  };
  return {
    domains: sortedByCount(byDomain).map(([name, events]) => ({ domain: name, events })),
    time_series,
    event_types: sortedByCount(byType).map(([name, total]) => ({
      event_type: name,
      total,
      last_received: lastReceived(name),
    })),
    has_historical_data: d.pixel.some((s) => s.hourly.some((n) => n > 0)),
  };
}

/** Daily conversion counts of the clipped range (midnight timestamps, as in the vendor's example). */
export function conversionStatsBody(d: Dataset, range: DayRange, eventType: string | null): ConversionStats {
  const { firstDay, lastDay } = clip(d, range);
  const indexByDate = new Map<string, number>();
  const time_series: ConversionStats['time_series'] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    indexByDate.set(formatDay(day), time_series.length);
    time_series.push({ date: `${formatDay(day)}T00:00:00`, conversions: 0 });
  }
  const byType = new Map<string, number>();
  let total = 0;
  for (const c of d.conversions) {
    if (eventType !== null && c.event_type !== eventType) continue;
    const index = indexByDate.get(c.conversion_timestamp.slice(0, 10));
    if (index === undefined) continue;
    time_series[index].conversions++;
    byType.set(c.event_type, (byType.get(c.event_type) ?? 0) + 1);
    total++;
  }
  return {
    time_series,
    total,
    by_event_type: sortedByCount(byType).map(([name, n]) => ({ event_type: name, total: n })),
  };
}

export function integrationsBody(d: Dataset): Integrations {
  return d.integrations;
}
