import { EventsAnalytics } from '../api/types';
import { column, Table } from './table';

/** The views of /events/analytics that GRAVITY_EVENTS and the events report tabs show. */
export const EVENT_VIEWS = ['domains', 'timeseries', 'types'] as const;
export type EventView = (typeof EVENT_VIEWS)[number];

/** Events per domain. */
export function eventDomainsTable(analytics: EventsAnalytics): Table {
  return {
    columns: [column('domain', 'text'), column('events', 'count')],
    rows: analytics.domains.map((d) => [d.domain, d.events]),
  };
}

/** Events per hour: `date` is the hour's timestamp (UTC), so it is a date-time, not a calendar date. */
export function eventTimeseriesTable(analytics: EventsAnalytics): Table {
  const rows = analytics.time_series.map((d) => [d.date, d.events]);
  rows.sort((a, b) => String(a[0] ?? '').localeCompare(String(b[0] ?? '')));
  return { columns: [column('date', 'datetime'), column('events', 'count')], rows };
}

/** Events per event type with the last time one arrived. */
export function eventTypesTable(analytics: EventsAnalytics): Table {
  return {
    columns: [column('event_type', 'text'), column('total', 'count'), column('last_received', 'datetime')],
    rows: analytics.event_types.map((d) => [d.event_type, d.total, d.last_received]),
  };
}

export function eventsTable(analytics: EventsAnalytics, view: EventView): Table {
  switch (view) {
    case 'domains':
      return eventDomainsTable(analytics);
    case 'timeseries':
      return eventTimeseriesTable(analytics);
    case 'types':
      return eventTypesTable(analytics);
  }
}
