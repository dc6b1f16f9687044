/**
 * The local Gravity API mock: the endpoints of shared/reference/gravity-api.md under /advertiser-dashboard,
 * with X-API-Key auth and the vendor's error statuses, plus unauthenticated test controls under /__mock/
 * (fault injection, data mutations, request log, reset). node:http only.
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError } from './api-error';
import { API_KEY_HEADER, API_PREFIX, MOCK_CONTROL_PREFIX, QUERY } from './constants';
import type { Dataset } from './dataset';
import { requireDay } from './dates';
import { faultReply, FaultQueue, parseFaults } from './faults';
import { readJson, send, sendJson } from './http-util';
import { applyMutation, parseMutation } from './mutations';
import { parseDayRange, parseLimit } from './params';
import {
  billingBody,
  campaignBody,
  campaignsBody,
  conversionsBody,
  conversionStatsBody,
  eventsAnalyticsBody,
  infoBody,
  integrationsBody,
  metricsBody,
} from './responses';

/** One request the API received, as GET /__mock/requests lists it. Never holds the key itself. */
export interface RequestLog {
  method: string;
  /** The path as sent (still URL-encoded), including /advertiser-dashboard. */
  path: string;
  query: Record<string, string>;
  hasApiKey: boolean;
  /** Epoch milliseconds. */
  at: number;
}

export interface MockApiServerOptions {
  dataset: Dataset;
  apiKey: string;
  /** How an injected delay waits (real time by default); tests pass a recorder instead of timing it. */
  sleep?: (ms: number) => Promise<unknown>;
}

type EndpointHandler = (query: URLSearchParams) => unknown;

export function createMockApiServer(options: MockApiServerOptions): http.Server {
  const initial = options.dataset;
  let state = initial;
  const faults = new FaultQueue();
  let requests: RequestLog[] = [];

  function endpointHandler(endpoint: string): EndpointHandler | null {
    const range = (q: URLSearchParams) => parseDayRange(q, requireDay(state.today));
    switch (endpoint) {
      case '/info':
        return () => infoBody(state);
      case '/campaigns':
        return (q) => campaignsBody(state, q.get(QUERY.status));
      case '/metrics':
        return (q) => metricsBody(state, range(q), q.get(QUERY.campaignId));
      case '/conversions':
        return (q) =>
          conversionsBody(state, {
            limit: parseLimit(q),
            cursor: q.get(QUERY.cursor),
            campaignId: q.get(QUERY.campaignId),
            eventType: q.get(QUERY.eventType),
          });
      case '/billing':
        return () => billingBody(state);
      case '/events/analytics':
        return (q) => eventsAnalyticsBody(state, range(q), q.get(QUERY.domain), q.get(QUERY.eventType));
      case '/events/conversion-stats':
        return (q) => conversionStatsBody(state, range(q), q.get(QUERY.eventType));
      case '/integrations':
        return () => integrationsBody(state);
    }
    const detail = /^\/campaigns\/([^/]+)$/.exec(endpoint);
    return detail ? () => campaignBody(state, decodePathSegment(detail[1])) : null;
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const key = req.headers[API_KEY_HEADER];
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      hasApiKey: typeof key === 'string' && key !== '',
      at: Date.now(),
    });
    const endpoint = url.pathname.startsWith(`${API_PREFIX}/`) ? url.pathname.slice(API_PREFIX.length) : null;
    if (endpoint !== null) {
      const fault = faults.take(endpoint);
      if (fault?.delayMs) await (options.sleep ?? sleep)(fault.delayMs);
      const reply = fault && faultReply(fault);
      if (reply) return send(res, reply.status, reply.body, reply.headers);
    }
    const handler = endpoint === null ? null : endpointHandler(endpoint);
    if (!handler) return sendJson(res, 404, { detail: 'Not Found' });
    if (req.method !== 'GET') return sendJson(res, 405, { detail: 'Method Not Allowed' }, { Allow: 'GET' });
    if (key !== options.apiKey) return sendJson(res, 401, { detail: 'Invalid or missing API key' });
    sendJson(res, 200, handler(url.searchParams));
  }

  /** Test controls by route and method; actions get the request to read a JSON body from. */
  const controls: Record<string, Record<string, (req: http.IncomingMessage) => unknown>> = {
    '/health': {
      GET: () => ({
        status: 'ok',
        today: state.today,
        now: state.now,
        conversions: state.conversions.length,
      }),
    },
    '/faults': {
      POST: async (req) => {
        faults.add(parseFaults(await readJson(req)));
        return { queued: faults.size };
      },
    },
    '/reset': {
      POST: () => {
        state = initial;
        faults.clear();
        requests = [];
        return { reset: true };
      },
    },
    '/requests': {
      GET: () => requests,
      DELETE: () => {
        requests = [];
        return { cleared: true };
      },
    },
    '/mutate': {
      POST: async (req) => {
        state = applyMutation(state, parseMutation(await readJson(req)));
        return { applied: true };
      },
    },
  };

  async function handleControl(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    route: string,
  ): Promise<void> {
    const methods = Object.hasOwn(controls, route) ? controls[route] : undefined;
    if (!methods) return sendJson(res, 404, { detail: 'Not Found' });
    const action = methods[req.method ?? ''];
    if (!action) {
      return sendJson(res, 405, { detail: 'Method Not Allowed' }, { Allow: Object.keys(methods).join(', ') });
    }
    sendJson(res, 200, await action(req));
  }

  return http.createServer((req, res) => {
    // Prefixing the base keeps a path such as `//x` a path instead of a host.
    const url = new URL(`http://127.0.0.1${req.url ?? '/'}`);
    const isControl = url.pathname.startsWith(`${MOCK_CONTROL_PREFIX}/`);
    const handling = isControl
      ? handleControl(req, res, url.pathname.slice(MOCK_CONTROL_PREFIX.length))
      : handleApi(req, res, url);
    handling.catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof ApiError) return sendJson(res, error.status, { detail: error.detail });
      console.error('mock API error:', error);
      sendJson(res, 500, {
        detail: `mock server error: ${error instanceof Error ? error.message : String(error)}`,
      });
    });
  });
}

/** A campaign id from the path; a broken %-escape cannot name a campaign. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiError(404, 'Campaign not found');
  }
}
