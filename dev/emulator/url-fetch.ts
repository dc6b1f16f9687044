import * as path from 'node:path';
import { createSyncFn } from 'synckit';
import { Blob, RAW_BYTES, decode, isBlob, toSignedBytes } from './blob';
import type { Execution } from './context';
import { AppsScriptException } from './errors';

/**
 * `UrlFetchApp` over real sockets. The script runs synchronously, so the request is made by a worker
 * thread (url-fetch-worker.mjs) while this thread blocks in `Atomics.wait` (synckit). The server therefore
 * has to live in another thread or process, or the call deadlocks.
 *
 * Cost: one fetch of a small body from a loopback server takes about 0.6 ms in all (1,000 calls measured on
 * Node 20), no slower than the same request made asynchronously from the main thread (about 0.8 ms): the
 * worker hop is not what a test pays for. test/unit/emulator-url-fetch.test.ts keeps it under 10 ms.
 *
 * Only loopback hosts are reachable, so no test can touch the network by accident; an emulator created with
 * `allowNetwork: true` (the local playground's live mode) reaches any host.
 */

/** Limits from developers.google.com/apps-script/guides/services/quotas. */
export const URL_MAX_LENGTH = 2048;
export const DEFAULT_URL_FETCH_DAILY_QUOTA = 20_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const METHODS = new Set(['GET', 'DELETE', 'PATCH', 'POST', 'PUT']);
const USER_AGENT = 'Mozilla/5.0 (compatible; Google-Apps-Script)';

/** What the worker receives: one HTTP request, body in base64. */
export interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  followRedirects: boolean;
  /** Reach any host, not only loopback ones (the playground's live mode). */
  allowNetwork: boolean;
}

/** What the worker returns for one request: the response (body in base64), or why there is none. */
export type WireResponse = { status: number; rawHeaders: string[]; body: string } | { error: string };

const WORKER_PATH = path.join(__dirname, 'url-fetch-worker.mjs');
let sendAll: ((requests: WireRequest[]) => WireResponse[]) | null = null;

/** Sends the requests concurrently and blocks until all have answered. */
function sendSync(requests: WireRequest[]): WireResponse[] {
  sendAll ??= createSyncFn<(requests: WireRequest[]) => Promise<WireResponse[]>>(WORKER_PATH);
  return sendAll(requests);
}

/** Per-user daily count of UrlFetch requests, days counted on the virtual clock. */
export class UrlFetchQuota {
  private readonly used = new Map<string, number>();

  constructor(readonly dailyLimit: number) {}

  consume(user: string, now: number, requests: number): void {
    const key = `${user}|${Math.floor(now / 86_400_000)}`;
    const used = this.used.get(key) ?? 0;
    if (used + requests > this.dailyLimit) {
      throw new AppsScriptException('Service invoked too many times for one day: urlfetch.');
    }
    this.used.set(key, used + requests);
  }
}

interface FetchParams {
  url?: unknown;
  method?: unknown;
  headers?: Record<string, unknown>;
  payload?: unknown;
  contentType?: unknown;
  muteHttpExceptions?: unknown;
  followRedirects?: unknown;
  validateHttpsCertificates?: unknown;
  escaping?: unknown;
  useIntranet?: unknown;
}

interface Prepared {
  wire: WireRequest;
  mute: boolean;
}

function payloadBytes(payload: unknown): { bytes: Buffer; contentType: string | null } {
  if (isBlob(payload))
    return { bytes: Buffer.from(payload[RAW_BYTES]()), contentType: payload.getContentType() };
  if (typeof payload === 'string') return { bytes: Buffer.from(payload, 'utf8'), contentType: null };
  if (Array.isArray(payload))
    return { bytes: Buffer.from(payload.map((b: number) => b & 0xff)), contentType: null };
  if (payload !== null && typeof payload === 'object') {
    // An object payload is sent as an HTML form (reference/url-fetch/url-fetch-app#fetch(String,Object)).
    const form = Object.entries(payload)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    return { bytes: Buffer.from(form, 'utf8'), contentType: 'application/x-www-form-urlencoded' };
  }
  return { bytes: Buffer.from(String(payload), 'utf8'), contentType: null };
}

function prepare(urlArg: unknown, params: FetchParams, allowNetwork: boolean): Prepared {
  const url = String(urlArg);
  if (url.length > URL_MAX_LENGTH) throw new AppsScriptException('Limit Exceeded: URLFetch URL Length.');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppsScriptException(`Invalid argument: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AppsScriptException(`Invalid argument: ${url}`);
  }
  if (!allowNetwork && !LOOPBACK_HOSTS.has(parsed.hostname)) {
    throw new AppsScriptException(`Address unavailable: ${url} (the emulator only reaches loopback hosts)`);
  }
  const method = String(params.method ?? 'get').toUpperCase();
  if (!METHODS.has(method)) throw new AppsScriptException(`Invalid argument: method`);
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT };
  for (const [k, v] of Object.entries(params.headers ?? {})) headers[k] = String(v);
  let body: string | null = null;
  if (params.payload !== undefined && params.payload !== null) {
    const { bytes, contentType } = payloadBytes(params.payload);
    const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
    const type =
      params.contentType ?? (hasType ? null : (contentType ?? 'application/x-www-form-urlencoded'));
    if (type !== null) headers['Content-Type'] = String(type);
    headers['Content-Length'] = String(bytes.length);
    body = bytes.toString('base64');
  }
  return {
    wire: {
      url: parsed.href,
      method,
      headers,
      body,
      followRedirects: params.followRedirects !== false,
      allowNetwork,
    },
    mute: params.muteHttpExceptions === true,
  };
}

/** `HTTPResponse`. */
class HTTPResponse {
  constructor(
    private readonly execution: Execution,
    private readonly status: number,
    private readonly rawHeaders: string[],
    private readonly body: Buffer,
  ) {}

  private check(method: string): void {
    this.execution.check('HTTPResponse', method);
  }

  getResponseCode(): number {
    this.check('getResponseCode');
    return this.status;
  }

  getContentText(charset?: string): string {
    this.check('getContentText');
    return decode(this.body, charset);
  }

  getContent(): number[] {
    this.check('getContent');
    return toSignedBytes(this.body);
  }

  /** Headers by name; a repeated header keeps its first value. */
  getHeaders(): Record<string, string> {
    this.check('getHeaders');
    const headers: Record<string, string> = {};
    for (let i = 0; i < this.rawHeaders.length; i += 2)
      headers[this.rawHeaders[i]] ??= this.rawHeaders[i + 1];
    return headers;
  }

  /** Headers by name, "with headers that have multiple values returned as arrays". */
  getAllHeaders(): Record<string, string | string[]> {
    this.check('getAllHeaders');
    const headers: Record<string, string | string[]> = {};
    for (let i = 0; i < this.rawHeaders.length; i += 2) {
      const [name, value] = [this.rawHeaders[i], this.rawHeaders[i + 1]];
      const prev = headers[name];
      headers[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
    return headers;
  }

  getBlob(): Blob {
    this.check('getBlob');
    return new Blob(this.execution, Buffer.from(this.body), this.contentType());
  }

  getAs(contentType: string): Blob {
    this.check('getAs');
    return new Blob(this.execution, Buffer.from(this.body), this.contentType()).getAs(contentType);
  }

  private contentType(): string | null {
    for (let i = 0; i < this.rawHeaders.length; i += 2) {
      if (this.rawHeaders[i].toLowerCase() === 'content-type')
        return this.rawHeaders[i + 1].split(';')[0].trim();
    }
    return null;
  }
}

/**
 * The exception for a status >= 400 without muteHttpExceptions. Apps Script names only the scheme and host,
 * and keeps 147 characters of the body plus "..." (as in real messages, e.g. "Request failed for
 * https://ridewithgps.com returned code 404. Truncated server response: {...} (use muteHttpExceptions
 * option to examine full response)").
 */
function requestFailed(url: string, status: number, body: Buffer): AppsScriptException {
  const text = body.toString('utf8');
  const truncated = text.length > 150 ? `${text.slice(0, 147)}...` : text;
  return new AppsScriptException(
    `Request failed for ${new URL(url).origin} returned code ${status}. Truncated server response: ${truncated} ` +
      '(use muteHttpExceptions option to examine full response)',
  );
}

/** `UrlFetchApp` for one execution; `allowNetwork` lifts the loopback-only rule. */
export function createUrlFetchApp(execution: Execution, quota: UrlFetchQuota, allowNetwork = false): object {
  const run = (requests: Prepared[]): HTTPResponse[] => {
    quota.consume(execution.user, execution.clock.now(), requests.length);
    execution.counters.urlFetchCalls++;
    execution.counters.urlFetchRequests += requests.length;
    const answers = sendSync(requests.map((r) => r.wire));
    return answers.map((answer, i) => {
      if ('error' in answer) throw new AppsScriptException(answer.error);
      const body = Buffer.from(answer.body, 'base64');
      if (answer.status >= 400 && !requests[i].mute)
        throw requestFailed(requests[i].wire.url, answer.status, body);
      return new HTTPResponse(execution, answer.status, answer.rawHeaders, body);
    });
  };
  const asParams = (v: unknown): FetchParams =>
    v !== null && typeof v === 'object' ? (v as FetchParams) : {};
  return {
    fetch(url: string, params?: FetchParams): HTTPResponse {
      execution.check('UrlFetchApp', 'fetch');
      return run([prepare(url, asParams(params), allowNetwork)])[0];
    },
    fetchAll(requests: Array<string | FetchParams>): HTTPResponse[] {
      execution.check('UrlFetchApp', 'fetchAll');
      const prepared = Array.from(requests, (r) =>
        typeof r === 'string'
          ? prepare(r, {}, allowNetwork)
          : prepare(asParams(r).url, asParams(r), allowNetwork),
      );
      return run(prepared);
    },
    getRequest(url: string, params?: FetchParams): Record<string, unknown> {
      execution.check('UrlFetchApp', 'getRequest');
      const { wire } = prepare(url, asParams(params), allowNetwork);
      const payload = wire.body === null ? undefined : Buffer.from(wire.body, 'base64').toString('utf8');
      return { url: wire.url, method: wire.method.toLowerCase(), headers: wire.headers, payload };
    },
  };
}
