/**
 * The add-on's entry points: the only place that exposes functions to Apps Script. The build turns every
 * export of this file into a top-level function of the bundle, carrying the JSDoc written here (Sheets reads
 * `@customfunction` and the `@param` lines for autocomplete). Entry points only delegate.
 */
import { customFunction } from './formulas/custom-function';
import { gravityInfo } from './formulas/info';
import { gravityBilling } from './formulas/billing';
import { gravityCampaign, gravityCampaigns } from './formulas/campaigns';
import { gravityConversionStats } from './formulas/conversion-stats';
import { gravityConversions } from './formulas/conversions';
import { gravityEvents } from './formulas/events';
import { gravityIntegrations } from './formulas/integrations';
import { gravityMetrics, gravityTotal } from './formulas/metrics';
import { refreshFormulas as refreshGravityFormulas } from './formulas/refresh';
import { formulaRuntime } from './formulas/runtime';
import { buildMenu } from './ui/menu';
import type { ReportRowView, ReportRunResult, ScheduleView } from './reports/contract';
import { liveSidebar, showSidebar as openSidebar } from './ui/sidebar';
import type { CampaignOption, SettingsView, SidebarState } from './ui/sidebar-api';
import { runHandler } from './ui/sidebar-server';
import {
  addReportFromMenu,
  MENU_REPORTS,
  refreshAllFromMenu,
  scheduleFromMenu,
} from './reports/menu-actions';
import { runScheduledRefresh as runScheduled, ScheduledEvent } from './reports/scheduled-run';
import { setUpReconciliationFromMenu } from './finance/setup';

type CellResult = ReturnType<typeof gravityInfo>;

// ── Menu and install ────────────────────────────────────────────────────────────────────────────────────

/**
 * Builds the Extensions › Gravity menu. Runs under every auth mode (its event is not needed): under NONE it
 * touches nothing else.
 */
export function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Runs when the add-on is installed: shows the menu at once. */
export function onInstall(): void {
  onOpen();
}

// ── Custom functions (src/formulas) ─────────────────────────────────────────────────────────────────────

/**
 * The Gravity advertiser behind the saved API key: a field/value table of advertiser_id, name and email.
 *
 * @param {string} field Optional: "advertiser_id", "name" or "email" to return just that value.
 * @return The advertiser's details, or the one field asked for.
 * @customfunction
 */
export function GRAVITY_INFO(field?: unknown): CellResult {
  return customFunction(() => gravityInfo(formulaRuntime(), field));
}

/**
 * Every campaign with its lifetime numbers: the API's campaign fields, then ctr, cpc, cpm, conversion_rate, cpa
 * and roas computed from those lifetime numbers (blank where the denominator is 0).
 *
 * @param {string} status Optional: only campaigns with this status, e.g. "active", "paused" or "draft". Blank for all.
 * @return A header row and one row per campaign.
 * @customfunction
 */
export function GRAVITY_CAMPAIGNS(status?: unknown): CellResult {
  return customFunction(() => gravityCampaigns(formulaRuntime(), status));
}

/**
 * One campaign's details as a field/value table: lists joined with ", ", each UTM parameter on its own
 * utm_params.<name> row.
 *
 * @param {string} campaign_id The campaign's id (GRAVITY_CAMPAIGNS() lists them).
 * @param {string} field Optional: one field to return alone, e.g. "name", "status", "spend", "allowed_countries" or "utm_params.utm_source".
 * @return The campaign's field/value table, or the one field asked for.
 * @customfunction
 */
export function GRAVITY_CAMPAIGN(campaign_id: unknown, field?: unknown): CellResult {
  return customFunction(() => gravityCampaign(formulaRuntime(), campaign_id, field));
}

/**
 * Daily metrics, one row per day, oldest first: date, impressions, clicks, spend, conversions, revenue, ctr,
 * cpc, cpm, conversion_rate, cpa, roas.
 *
 * @param {number|Date|string} days_or_start Optional: number of days from 1 to 365 (blank: 30), or a start date (a date cell or "YYYY-MM-DD").
 * @param {Date|string} end_date Required with a start date: the last day (a date cell or "YYYY-MM-DD"). Blank otherwise.
 * @param {string} campaign_id Optional: one campaign's id. Blank for all campaigns.
 * @return A header row and one row per day.
 * @customfunction
 */
export function GRAVITY_METRICS(
  days_or_start?: unknown,
  end_date?: unknown,
  campaign_id?: unknown,
): CellResult {
  return customFunction(() => gravityMetrics(formulaRuntime(), days_or_start, end_date, campaign_id));
}

/**
 * One total for a period: impressions, clicks, spend, conversions or revenue from the API's totals, or ctr,
 * cpc, cpm, conversion_rate, cpa or roas computed from those totals (blank where the denominator is 0).
 *
 * @param {string} metric "impressions", "clicks", "spend", "conversions", "revenue", "ctr", "cpc", "cpm", "conversion_rate", "cpa" or "roas".
 * @param {number|Date|string} days_or_start Optional: number of days from 1 to 365 (blank: 30), or a start date (a date cell or "YYYY-MM-DD").
 * @param {Date|string} end_date Required with a start date: the last day (a date cell or "YYYY-MM-DD"). Blank otherwise.
 * @param {string} campaign_id Optional: one campaign's id. Blank for all campaigns.
 * @return The total, as one number.
 * @customfunction
 */
export function GRAVITY_TOTAL(
  metric: unknown,
  days_or_start?: unknown,
  end_date?: unknown,
  campaign_id?: unknown,
): CellResult {
  return customFunction(() => gravityTotal(formulaRuntime(), metric, days_or_start, end_date, campaign_id));
}

/**
 * The newest conversions, with value (value_cents / 100) beside value_cents. If Google's 30-second limit for
 * formulas comes first, returns the rows fetched so far and a last row that says so.
 *
 * @param {number} max_rows Optional: how many conversions, from 1 to 3000 (blank: 100).
 * @param {string} campaign_id Optional: only this campaign's conversions. Blank for all.
 * @param {string} event_type Optional: only this event type, e.g. "purchase" or "lead". Blank for all.
 * @return A header row and one row per conversion, newest first.
 * @customfunction
 */
export function GRAVITY_CONVERSIONS(
  max_rows?: unknown,
  campaign_id?: unknown,
  event_type?: unknown,
): CellResult {
  return customFunction(() => gravityConversions(formulaRuntime(), max_rows, campaign_id, event_type));
}

/**
 * The billing summary as a field/value table: total_spend_dollars, total_billed_dollars, unbilled_dollars,
 * credits_dollars, billing_enabled, last_spend_sync_at, last_billed_at.
 *
 * @param {string} field Optional: one of those fields to return alone, e.g. "unbilled_dollars".
 * @return The billing field/value table, or the one field asked for.
 * @customfunction
 */
export function GRAVITY_BILLING(field?: unknown): CellResult {
  return customFunction(() => gravityBilling(formulaRuntime(), field));
}

/**
 * Pixel events for a period, by domain, by hour or by event type.
 *
 * @param {string} view "domains" (domain, events), "timeseries" (date, events per hour) or "types" (event_type, total, last_received).
 * @param {number|Date|string} days_or_start Optional: number of days from 1 to 365 (blank: 30), or a start date (a date cell or "YYYY-MM-DD").
 * @param {Date|string} end_date Required with a start date: the last day (a date cell or "YYYY-MM-DD"). Blank otherwise.
 * @param {string} domain Optional: only domains containing this text. Blank for all.
 * @param {string} event_type Optional: only this event type, e.g. "page_view", "form_submit" or "click". Blank for all.
 * @return A header row and one row per domain, hour or event type.
 * @customfunction
 */
export function GRAVITY_EVENTS(
  view: unknown,
  days_or_start?: unknown,
  end_date?: unknown,
  domain?: unknown,
  event_type?: unknown,
): CellResult {
  return customFunction(() =>
    gravityEvents(formulaRuntime(), view, days_or_start, end_date, domain, event_type),
  );
}

/**
 * Conversion statistics for a period: per day, per event type, or the total.
 *
 * @param {string} view "timeseries" (date, conversions per day), "types" (event_type, total) or "total" (one number).
 * @param {number|Date|string} days_or_start Optional: number of days from 1 to 365 (blank: 30), or a start date (a date cell or "YYYY-MM-DD").
 * @param {Date|string} end_date Required with a start date: the last day (a date cell or "YYYY-MM-DD"). Blank otherwise.
 * @param {string} event_type Optional: only this event type, e.g. "purchase" or "lead". Blank for all.
 * @return A header row and rows, or one number for "total".
 * @customfunction
 */
export function GRAVITY_CONVERSION_STATS(
  view: unknown,
  days_or_start?: unknown,
  end_date?: unknown,
  event_type?: unknown,
): CellResult {
  return customFunction(() =>
    gravityConversionStats(formulaRuntime(), view, days_or_start, end_date, event_type),
  );
}

/**
 * Connected integrations, one row per Shopify store or Calendly account: type, id, shop_domain, is_active,
 * connected_at, verification_status.
 *
 * @return A header row and one row per connection.
 * @customfunction
 */
export function GRAVITY_INTEGRATIONS(): CellResult {
  return customFunction(() => gravityIntegrations(formulaRuntime()));
}

/**
 * Menu: Refresh GRAVITY formulas. Drops the formulas' cached API responses and recalculates every GRAVITY_*
 * formula in the spreadsheet.
 */
export function refreshFormulas(): void {
  refreshGravityFormulas();
}

// ── Sidebar and settings (src/ui, src/settings) ────────────────────────────────────────────────────────

/** Opens the Gravity sidebar (Extensions › Gravity › Open sidebar). */
export function showSidebar(): void {
  openSidebar();
}

/** Sidebar: settings, reports and schedule in one call. */
export function sidebarLoad(): SidebarState {
  return runHandler(() => liveSidebar().sidebarLoad());
}

/**
 * Sidebar: verifies an API key against /info, then saves it and allows formulas here.
 * @param {string} apiKey The pasted key.
 */
export function sidebarSaveKey(apiKey: unknown): SettingsView {
  return runHandler(() => liveSidebar().sidebarSaveKey(apiKey));
}

/** Sidebar: removes the saved API key. */
export function sidebarRemoveKey(): SettingsView {
  return runHandler(() => liveSidebar().sidebarRemoveKey());
}

/**
 * Sidebar: allows or disallows GRAVITY formulas in this spreadsheet.
 * @param {boolean} allowed Whether formulas may use the key here.
 */
export function sidebarAllowFormulas(allowed: unknown): SettingsView {
  return runHandler(() => liveSidebar().sidebarAllowFormulas(allowed));
}

/** Sidebar: the account's campaigns, for the add-report form. */
export function sidebarCampaigns(): CampaignOption[] {
  return runHandler(() => liveSidebar().sidebarCampaigns());
}

/** Sidebar: the rows of Gravity Reports. */
export function sidebarReports(): ReportRowView[] {
  return runHandler(() => liveSidebar().sidebarReports());
}

/**
 * Sidebar: adds a row to Gravity Reports.
 * @param {NewReport} report The report from the form.
 */
export function sidebarAddReport(report: unknown): ReportRowView[] {
  return runHandler(() => liveSidebar().sidebarAddReport(report));
}

/**
 * Sidebar: refreshes one report.
 * @param {number} row Its row in Gravity Reports.
 */
export function sidebarRefreshReport(row: unknown): ReportRunResult {
  return runHandler(() => liveSidebar().sidebarRefreshReport(row));
}

/** Sidebar: the schedule and its last run. */
export function sidebarSchedule(): ScheduleView {
  return runHandler(() => liveSidebar().sidebarSchedule());
}

/**
 * Sidebar: sets how often reports refresh themselves.
 * @param {string} frequency "hour", "day", "week" or "off".
 */
export function sidebarSetSchedule(frequency: unknown): ScheduleView {
  return runHandler(() => liveSidebar().sidebarSetSchedule(frequency));
}

// ── Report tabs, menu actions and schedule (src/reports) ───────────────────────────────────────────────

/** Extensions › Gravity › Refresh all reports now: every enabled row of Gravity Reports, with progress toasts. */
export function refreshAllReports(): void {
  refreshAllFromMenu();
}

/** Add report › Metrics (last 30 days): a daily metrics tab, refreshed at once. */
export function addMetricsReport(): void {
  addReportFromMenu(MENU_REPORTS.metrics);
}

/** Add report › Campaigns: every campaign with its lifetime numbers and derived metrics. */
export function addCampaignsReport(): void {
  addReportFromMenu(MENU_REPORTS.campaigns);
}

/** Add report › Conversions: an append tab that syncs new conversions incrementally. */
export function addConversionsReport(): void {
  addReportFromMenu(MENU_REPORTS.conversions);
}

/** Add report › Billing snapshot: the billing history, one snapshot row per refresh. */
export function addBillingReport(): void {
  addReportFromMenu(MENU_REPORTS.billing);
}

/** Add report › Pixel events: events per type with the last time each arrived (last 30 days). */
export function addEventsReport(): void {
  addReportFromMenu(MENU_REPORTS.events);
}

/** Add report › Conversion stats: conversions per day (last 30 days). */
export function addConversionStatsReport(): void {
  addReportFromMenu(MENU_REPORTS.conversionStats);
}

/** Add report › Integrations: the Shopify and Calendly connections. */
export function addIntegrationsReport(): void {
  addReportFromMenu(MENU_REPORTS.integrations);
}

/** Schedule › Every hour. */
export function scheduleHourly(): void {
  scheduleFromMenu('hour');
}

/** Schedule › Every day. */
export function scheduleDaily(): void {
  scheduleFromMenu('day');
}

/** Schedule › Every week. */
export function scheduleWeekly(): void {
  scheduleFromMenu('week');
}

/** Schedule › Turn off. */
export function scheduleOff(): void {
  scheduleFromMenu('off');
}

/**
 * The time-driven trigger's handler: refreshes the spreadsheet the schedule was set in, as its user.
 * @param {GoogleAppsScript.Events.TimeDriven} e The trigger event (carries triggerUid).
 */
export function runScheduledRefresh(e?: ScheduledEvent): void {
  runScheduled(e, Date.now());
}

// ── Finance (src/finance) ───────────────────────────────────────────────────────────────────────────────

/**
 * Menu: Add report › Billing reconciliation. Adds the billing history (billing, append), monthly spend and
 * reconciliation rows to Gravity Reports (keeping any that exist) and refreshes them now.
 */
export function addReconciliationReports(): void {
  setUpReconciliationFromMenu(SpreadsheetApp.getActiveSpreadsheet());
}
