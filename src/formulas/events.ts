import { eventsRequest } from '../api/endpoints';
import { formulaValues } from '../tables/cells';
import { EVENT_VIEWS, eventsTable } from '../tables/events';
import { optionalText, requiredChoice, SheetArg } from './args';
import { periodArgs } from './period';
import { FormulaResult } from './results';
import { FormulaRuntime } from './runtime';

/** GRAVITY_EVENTS(view, [days_or_start], [end_date], [domain], [event_type]): pixel events by domain, hour or type. */
export function gravityEvents(
  runtime: FormulaRuntime,
  view: SheetArg,
  daysOrStart: SheetArg,
  endDate: SheetArg,
  domain: SheetArg,
  eventType: SheetArg,
): FormulaResult {
  const which = requiredChoice(view, 'view', EVENT_VIEWS);
  const range = periodArgs(daysOrStart, endDate, runtime.zone);
  const request = eventsRequest({
    range,
    domain: optionalText(domain, 'domain'),
    eventType: optionalText(eventType, 'event_type'),
  });
  // All three views come from one response: the same arguments share one cached request.
  return formulaValues(eventsTable(runtime.client.get(request), which), runtime.zone);
}
