/**
 * The hand-written parts of the mock dataset: campaigns, pixel domains, integrations. Several values are
 * deliberately hostile to spreadsheets (see `AWKWARD_TEXTS`): they must reach a cell as the exact text sent.
 */
import type { CampaignStatus } from './api-types';

/** Text that Sheets would turn into a number, date, boolean or formula if written carelessly. */
export const AWKWARD_TEXTS = [
  '00123',
  '1e5',
  '0042',
  '=IMPORTDATA("http://example.com")',
  '+1',
  '-2',
  '@x',
  'TRUE',
  '2025-05-20',
] as const;

/** A campaign name that must never be rendered as HTML. */
export const HTML_INJECTION_NAME = '<img src=x onerror=alert(1)>';

/** How a delivering campaign performs on an average full day. */
export interface DeliveryProfile {
  impressions: number;
  ctr: number;
  cvr: number;
  cpmCents: number;
  aovCents: number;
}

export interface CampaignPlan {
  campaign_id: string;
  name: string;
  status: CampaignStatus;
  campaign_objective: string;
  landing_page: string;
  utm_params: Record<string, string>;
  allowed_countries: string[];
  allowed_devices: string[];
  deployment_status: string;
  budgetCents: number;
  /** Days before today the campaign was created. */
  createdAgo: number;
  /**
   * Days before today of the first and last day of delivery (inclusive); null = never delivered. `tiny`
   * spends a few cents a day (0.07, 0.1, 0.2 …), the amounts that expose floating-point sums.
   */
  delivery: { fromAgo: number; toAgo: number; profile: DeliveryProfile | 'tiny' } | null;
  /** end_time: 'lastDelivery' = the end of the last delivery day; a number = that many days after today. */
  end: 'lastDelivery' | number | null;
}

/** Laid out for 500 days of history; `createDataset` squeezes the day offsets for shorter histories. */
export const PLANNED_HISTORY_DAYS = 500;

export const CAMPAIGN_PLANS: readonly CampaignPlan[] = [
  {
    // Lives longer than 365 days: its lifetime cannot be checked with one /metrics request.
    campaign_id: 'cmp-1001',
    name: 'Always-on Brand',
    status: 'active',
    campaign_objective: 'awareness',
    landing_page: 'https://acme.example/',
    utm_params: { utm_source: 'gravity', utm_medium: 'ai', utm_campaign: 'always-on' },
    allowed_countries: ['US', 'CA'],
    allowed_devices: ['desktop', 'mobile'],
    deployment_status: 'deployed',
    budgetCents: 15_000,
    createdAgo: 482,
    delivery: {
      fromAgo: 480,
      toAgo: 0,
      profile: { impressions: 42_000, ctr: 0.0045, cvr: 0.02, cpmCents: 240, aovCents: 6_400 },
    },
    end: null,
  },
  {
    campaign_id: '0042',
    name: 'Retargeting – Q2',
    status: 'paused',
    campaign_objective: 'conversions',
    landing_page: 'https://acme.example/cart',
    utm_params: { utm_source: 'gravity', utm_medium: 'ai', utm_campaign: '+1', utm_content: '-2' },
    allowed_countries: ['US'],
    allowed_devices: ['desktop', 'mobile', 'tablet'],
    deployment_status: 'paused',
    budgetCents: 6_000,
    createdAgo: 203,
    delivery: {
      fromAgo: 200,
      toAgo: 45,
      profile: { impressions: 9_000, ctr: 0.011, cvr: 0.045, cpmCents: 520, aovCents: 8_800 },
    },
    end: null,
  },
  {
    campaign_id: '1e5',
    name: AWKWARD_TEXTS[3],
    status: 'active',
    campaign_objective: 'conversions',
    landing_page: 'https://acme.example/sale',
    utm_params: { utm_source: 'gravity', utm_campaign: AWKWARD_TEXTS[3], utm_term: '@x' },
    allowed_countries: ['US', 'GB', 'DE'],
    allowed_devices: ['desktop'],
    deployment_status: 'deployed',
    budgetCents: 8_000,
    createdAgo: 121,
    delivery: {
      fromAgo: 120,
      toAgo: 0,
      profile: { impressions: 18_000, ctr: 0.008, cvr: 0.03, cpmCents: 350, aovCents: 5_200 },
    },
    end: null,
  },
  {
    campaign_id: 'cmp-1004',
    name: HTML_INJECTION_NAME,
    status: 'active',
    campaign_objective: 'traffic',
    landing_page: 'https://acme.example/new',
    utm_params: { utm_source: 'gravity', utm_campaign: 'TRUE', utm_content: '2025-05-20' },
    allowed_countries: ['US', 'CA', 'MX'],
    allowed_devices: ['mobile'],
    deployment_status: 'deployed',
    budgetCents: 4_550,
    createdAgo: 62,
    delivery: {
      fromAgo: 60,
      toAgo: 0,
      profile: { impressions: 12_000, ctr: 0.013, cvr: 0.01, cpmCents: 310, aovCents: 3_900 },
    },
    end: 30,
  },
  {
    campaign_id: 'cmp-1005',
    name: '2025-05-20',
    status: 'paused',
    campaign_objective: 'traffic',
    landing_page: '@x',
    utm_params: { utm_campaign: '00123', utm_id: '1e5' },
    allowed_countries: ['FR'],
    allowed_devices: ['desktop', 'mobile'],
    deployment_status: 'paused',
    budgetCents: 100,
    createdAgo: 301,
    delivery: { fromAgo: 300, toAgo: 250, profile: 'tiny' },
    end: 'lastDelivery',
  },
  {
    campaign_id: 'cmp-1006',
    name: 'Holiday Launch',
    status: 'draft',
    campaign_objective: 'conversions',
    landing_page: 'https://acme.example/holiday',
    utm_params: {},
    allowed_countries: [],
    allowed_devices: [],
    deployment_status: 'not_deployed',
    budgetCents: 2_500,
    createdAgo: 5,
    delivery: null,
    end: null,
  },
];

/** Pixel domains: relative traffic and how many days ago the pixel started firing there. */
export const PIXEL_DOMAINS: ReadonlyArray<{ domain: string; weight: number; sinceAgo: number }> = [
  { domain: 'acme.example', weight: 1, sinceAgo: PLANNED_HISTORY_DAYS },
  { domain: 'blog.acme.example', weight: 0.3, sinceAgo: PLANNED_HISTORY_DAYS },
  { domain: 'shop.acme.example', weight: 0.5, sinceAgo: 400 },
  { domain: 'TRUE', weight: 0.04, sinceAgo: 90 },
  { domain: '2025-05-20', weight: 0.02, sinceAgo: 30 },
];

/** Pixel event types with their mean count per hour on the main domain at peak time. */
export const PIXEL_EVENT_TYPES: ReadonlyArray<{ event_type: string; perHour: number }> = [
  { event_type: 'page_view', perHour: 40 },
  { event_type: 'click', perHour: 9 },
  { event_type: 'form_submit', perHour: 0.7 },
];
