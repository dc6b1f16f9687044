import { TracedCall, TracedRequest } from './fetch-trace';

/**
 * "Requests that could have been batched but were not", made countable.
 *
 * A request DEPENDS on the fetch call just before it when it could not have been written before that call
 * answered:
 * - it pages on: its `cursor` is a `next_cursor` that call returned;
 * - it names a campaign (`campaign_id`, or `/campaigns/{id}`) that call's responses listed;
 * - it reaches further back in history: a dated `/metrics` window ending before every window that call
 *   asked for (going back is decided by whether those windows held data);
 * - it repeats one of that call's requests (a retry).
 * A fetch call none of whose requests depends on the call just before it could have been sent inside that
 * call's fetchAll: it is an UNBATCHED call, and its requests are unbatched requests. The floor for fetch
 * calls is then `calls − unbatched`: the length of the chain of calls that really wait on each other.
 */

export interface BatchingSummary {
  calls: number;
  requests: number;
  /** Fetch calls that could have joined the call before them. */
  unbatchedCalls: number;
  /** The requests those calls carried. */
  unbatchedRequests: number;
  /** Fetch calls that had to wait for an answer (the first call counts: it waits for nothing before it). */
  callFloor: number;
}

const CURSOR = /"next_cursor"\s*:\s*"([^"]+)"/g;
const CAMPAIGN_ID = /"campaign_id"\s*:\s*"([^"]+)"/g;

function matches(pattern: RegExp, text: string): Set<string> {
  return new Set(Array.from(text.matchAll(pattern), (m) => m[1]));
}

interface Handed {
  cursors: Set<string>;
  campaigns: Set<string>;
  keys: Set<string>;
  /** Earliest start_date of the dated /metrics windows, per campaign filter ('' = none). */
  earliestWindow: Map<string, string>;
}

function isMetrics(request: TracedRequest): boolean {
  return request.path.endsWith('/metrics');
}

function handedOn(call: TracedCall): Handed {
  const handed: Handed = {
    cursors: new Set(),
    campaigns: new Set(),
    keys: new Set(),
    earliestWindow: new Map(),
  };
  for (const request of call.requests) {
    matches(CURSOR, request.body).forEach((c) => handed.cursors.add(c));
    matches(CAMPAIGN_ID, request.body).forEach((c) => handed.campaigns.add(c));
    handed.keys.add(request.key);
    const start = request.query.get('start_date');
    if (isMetrics(request) && start) {
      const filter = request.query.get('campaign_id') ?? '';
      const known = handed.earliestWindow.get(filter);
      if (known === undefined || start < known) handed.earliestWindow.set(filter, start);
    }
  }
  return handed;
}

function campaignOf(request: TracedRequest): string | null {
  const inPath = /\/campaigns\/([^/?]+)$/.exec(request.path);
  return inPath ? decodeURIComponent(inPath[1]) : request.query.get('campaign_id');
}

export function dependsOn(request: TracedRequest, previous: Handed): boolean {
  const cursor = request.query.get('cursor');
  if (cursor !== null && previous.cursors.has(cursor)) return true;
  const campaign = campaignOf(request);
  if (campaign !== null && previous.campaigns.has(campaign)) return true;
  if (previous.keys.has(request.key)) return true;
  const end = request.query.get('end_date');
  if (isMetrics(request) && end) {
    const earliest = previous.earliestWindow.get(request.query.get('campaign_id') ?? '');
    if (earliest !== undefined && end < earliest) return true;
  }
  return false;
}

/** The calls of ONE execution, in order. */
export function summarizeBatching(calls: TracedCall[]): BatchingSummary {
  let unbatchedCalls = 0;
  let unbatchedRequests = 0;
  calls.forEach((call, i) => {
    if (i === 0) return;
    const previous = handedOn(calls[i - 1]);
    if (call.requests.every((r) => !dependsOn(r, previous))) {
      unbatchedCalls++;
      unbatchedRequests += call.requests.length;
    }
  });
  return {
    calls: calls.length,
    requests: calls.reduce((n, c) => n + c.requests.length, 0),
    unbatchedCalls,
    unbatchedRequests,
    callFloor: calls.length - unbatchedCalls,
  };
}

/** Requests sent more than once in one execution (the same path and query): the second copy is waste. */
export function repeatedRequests(calls: TracedCall[]): number {
  const seen = new Set<string>();
  let repeated = 0;
  for (const call of calls) {
    for (const request of call.requests) {
      if (seen.has(request.key)) repeated++;
      seen.add(request.key);
    }
  }
  return repeated;
}
