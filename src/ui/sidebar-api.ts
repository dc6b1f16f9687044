/**
 * The contract between the sidebar page and the server: every function the page may call through
 * `google.script.run`, with the plain-data shapes it sends and receives. Client (src/sidebar) and server
 * (src/ui/sidebar-server.ts, exported from main.ts under these exact names) both compile against it.
 */
import type {
  NewReport,
  ReportRowView,
  ReportRunResult,
  ReportType,
  ScheduleFrequency,
  ScheduleView,
} from '../reports/contract';

/** The advertiser behind the saved key, as /info describes it. */
export interface AccountView {
  advertiserId: string;
  name: string;
  email: string;
}

export interface SettingsView {
  /** The saved key masked (`••••••••3f9a`), or null when none is saved. The key itself never leaves. */
  maskedKey: string | null;
  /** Null when no key is saved or /info could not be read (then `accountError` says why). */
  account: AccountView | null;
  accountError: string | null;
  /** GRAVITY formulas may use this user's key in the current spreadsheet. */
  formulasAllowed: boolean;
}

export interface CampaignOption {
  id: string;
  name: string;
  status: string;
}

/** Everything the sidebar shows when it opens, in one round trip. */
export interface SidebarState {
  settings: SettingsView;
  reports: ReportRowView[];
  schedule: ScheduleView;
}

/** Server functions callable from the sidebar. Names must not end in "_" (Apps Script hides those). */
export interface SidebarApi {
  sidebarLoad(): SidebarState;
  /** Verifies the key against /info, then saves it and allows formulas in this spreadsheet. */
  sidebarSaveKey(apiKey: string): SettingsView;
  sidebarRemoveKey(): SettingsView;
  sidebarAllowFormulas(allowed: boolean): SettingsView;
  sidebarCampaigns(): CampaignOption[];
  sidebarReports(): ReportRowView[];
  sidebarAddReport(report: NewReport): ReportRowView[];
  /** Refreshes one row of `Gravity Reports`: the page walks the rows so it can show progress. */
  sidebarRefreshReport(row: number): ReportRunResult;
  sidebarSchedule(): ScheduleView;
  sidebarSetSchedule(frequency: ScheduleFrequency): ScheduleView;
}

export type SidebarFunction = keyof SidebarApi;

/** The names: the bundle contract test checks each is a top-level function of dist/Code.js. */
export const SIDEBAR_FUNCTIONS: readonly SidebarFunction[] = [
  'sidebarLoad',
  'sidebarSaveKey',
  'sidebarRemoveKey',
  'sidebarAllowFormulas',
  'sidebarCampaigns',
  'sidebarReports',
  'sidebarAddReport',
  'sidebarRefreshReport',
  'sidebarSchedule',
  'sidebarSetSchedule',
];

/** Which fields of `NewReport` a report type takes (gravity-api.md lists each endpoint's parameters). */
export interface ReportFormFields {
  label: string;
  range: boolean;
  campaign: 'none' | 'optional' | 'required';
  status: boolean;
  eventType: boolean;
  domain: boolean;
}

const plain = { range: false, campaign: 'none', status: false, eventType: false, domain: false } as const;
const events = { range: true, campaign: 'none', status: false, eventType: true, domain: true } as const;
const stats = { range: true, campaign: 'none', status: false, eventType: true, domain: false } as const;

export const REPORT_FORM: Record<ReportType, ReportFormFields> = {
  metrics: { ...plain, label: 'Daily metrics', range: true, campaign: 'optional' },
  campaigns: { ...plain, label: 'Campaigns', status: true },
  campaign: { ...plain, label: 'One campaign', campaign: 'required' },
  conversions: { ...plain, label: 'Conversions', campaign: 'optional', eventType: true },
  billing: { ...plain, label: 'Billing snapshot' },
  events_domains: { ...events, label: 'Pixel events by domain' },
  events_timeseries: { ...events, label: 'Pixel events over time' },
  events_types: { ...events, label: 'Pixel events by type' },
  conversion_stats_timeseries: { ...stats, label: 'Conversion stats over time' },
  conversion_stats_types: { ...stats, label: 'Conversion stats by type' },
  integrations: { ...plain, label: 'Integrations' },
  reconciliation: { ...plain, label: 'Billing reconciliation', range: true },
  monthly_spend: { ...plain, label: 'Monthly spend' },
  info: { ...plain, label: 'Account info' },
};

export const SCHEDULE_CHOICES: ReadonlyArray<{ value: ScheduleFrequency; label: string }> = [
  { value: 'off', label: 'Off' },
  { value: 'hour', label: 'Every hour' },
  { value: 'day', label: 'Every day' },
  { value: 'week', label: 'Every week' },
];
