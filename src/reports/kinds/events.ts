import { conversionStatsRequest, eventsRequest } from '../../api/endpoints';
import { conversionTimeseriesTable, conversionTypesTable } from '../../tables/conversion-stats';
import { eventDomainsTable, eventTimeseriesTable, eventTypesTable } from '../../tables/events';
import { ReportDefinition, ReportSpec, singleRequest } from '../definition';

const DEFAULT_RANGE = { days: 30 };

const eventsOf = (spec: ReportSpec) =>
  eventsRequest({ range: spec.range ?? DEFAULT_RANGE, domain: spec.domain, eventType: spec.eventType });

const statsOf = (spec: ReportSpec) =>
  conversionStatsRequest({ range: spec.range ?? DEFAULT_RANGE, eventType: spec.eventType });

export const eventsDomainsReport: ReportDefinition = {
  type: 'events_domains',
  title: 'Pixel events by domain',
  inputs: ['range', 'domain', 'eventType'],
  appendKeys: () => ['domain'],
  plan: (spec) => singleRequest(eventsOf(spec), eventDomainsTable),
};

export const eventsTimeseriesReport: ReportDefinition = {
  type: 'events_timeseries',
  title: 'Pixel events by hour',
  inputs: ['range', 'domain', 'eventType'],
  appendKeys: () => ['date'],
  plan: (spec) => singleRequest(eventsOf(spec), eventTimeseriesTable),
};

export const eventsTypesReport: ReportDefinition = {
  type: 'events_types',
  title: 'Pixel events',
  inputs: ['range', 'domain', 'eventType'],
  appendKeys: () => ['event_type'],
  plan: (spec) => singleRequest(eventsOf(spec), eventTypesTable),
};

export const conversionStatsTimeseriesReport: ReportDefinition = {
  type: 'conversion_stats_timeseries',
  title: 'Conversion stats',
  inputs: ['range', 'eventType'],
  appendKeys: () => ['date'],
  plan: (spec) => singleRequest(statsOf(spec), conversionTimeseriesTable),
};

export const conversionStatsTypesReport: ReportDefinition = {
  type: 'conversion_stats_types',
  title: 'Conversion stats by type',
  inputs: ['range', 'eventType'],
  appendKeys: () => ['event_type'],
  plan: (spec) => singleRequest(statsOf(spec), conversionTypesTable),
};
