import { REPORT_TYPES, ReportType } from './contract';
import { ReportDefinition } from './definition';
import { billingReport, infoReport, integrationsReport } from './kinds/account';
import { campaignReport, campaignsReport } from './kinds/campaigns';
import { conversionsReport } from './kinds/conversions';
import {
  conversionStatsTimeseriesReport,
  conversionStatsTypesReport,
  eventsDomainsReport,
  eventsTimeseriesReport,
  eventsTypesReport,
} from './kinds/events';
import { metricsReport } from './kinds/metrics';
import { monthlySpendReport, reconciliationReport } from '../finance/reports';

/**
 * Every report type the add-on can run, by its `Report` name. A new type is one module exporting a
 * ReportDefinition plus one line here; the config tab's dropdown, row validation, the runner and the sidebar
 * all read this map.
 */
export const REPORTS: Partial<Record<ReportType, ReportDefinition>> = {
  info: infoReport,
  campaigns: campaignsReport,
  campaign: campaignReport,
  metrics: metricsReport,
  conversions: conversionsReport,
  billing: billingReport,
  events_domains: eventsDomainsReport,
  events_timeseries: eventsTimeseriesReport,
  events_types: eventsTypesReport,
  conversion_stats_timeseries: conversionStatsTimeseriesReport,
  conversion_stats_types: conversionStatsTypesReport,
  integrations: integrationsReport,
  reconciliation: reconciliationReport,
  monthly_spend: monthlySpendReport,
};

/** Report names in the spec's order, those available only. */
export function availableReports(): ReportType[] {
  return REPORT_TYPES.filter((type) => REPORTS[type] !== undefined);
}

export function reportDefinition(type: string): ReportDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(REPORTS, type) ? REPORTS[type as ReportType] : undefined;
}
