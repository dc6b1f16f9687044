import { ApiRequest } from './endpoints';
import { errorForStatus, GravityError } from './errors';
import { parseJson } from './parse';
import { queryString } from './params';
import { Clock, HttpClient, HttpRequest, HttpResponse, NetworkError } from '../gas/ports';

export const DEFAULT_BASE_URL = 'https://platform.trygravity.ai';
export const API_PREFIX = '/advertiser-dashboard';

/** Raw response bodies by request (path + query); the formula cache implements it. */
export interface ResponseCache {
  getMany(requestKeys: string[]): Record<string, string>;
  putMany(bodies: Record<string, string>): void;
}

export interface RetryPolicy {
  /** Tries per request, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Time kept free for the request itself when deciding whether another try still fits the deadline. */
  requestAllowanceMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 8_000,
  requestAllowanceMs: 3_000,
};

export interface GravityClientOptions {
  http: HttpClient;
  clock: Clock;
  apiKey: string;
  baseUrl?: string;
  /** Absolute time (clock ms) after which no new try starts: a formula has 30 s, a run 6 min. */
  deadline: number;
  retry?: Partial<RetryPolicy>;
  cache?: ResponseCache;
}

type Outcome<T> = T | GravityError;
type Outcomes<R extends readonly ApiRequest<unknown>[]> = {
  [K in keyof R]: R[K] extends ApiRequest<infer T> ? Outcome<T> : never;
};

/** The key of a request in caches and logs: path and sorted query, never the API key. */
export function requestKey(request: ApiRequest<unknown>): string {
  const query = queryString(request.query);
  return query ? `${request.path}?${query}` : request.path;
}

/** Accepts https URLs, and plain http only for this machine (a local mock). */
export function normalizeBaseUrl(url: string | null | undefined): string {
  const trimmed = (url ?? '').trim().replace(/\/+$/, '');
  if (!trimmed) return DEFAULT_BASE_URL;
  if (/^https:\/\/[^/\s]+(\/[^\s]*)?$/.test(trimmed)) return trimmed;
  if (/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/[^\s]*)?$/.test(trimmed)) return trimmed;
  throw new GravityError(
    'invalid_argument',
    `the script property GRAVITY_BASE_URL ("${trimmed.slice(0, 80)}") is not an https URL. Fix or delete it.`,
  );
}

/**
 * The Gravity API client: sends requests (several at once with fetchAll when they are independent), retries
 * 429/5xx/network failures with backoff that honours Retry-After and never runs past the deadline, and turns
 * every failure into a GravityError a user can act on.
 */
export class GravityClient {
  private readonly baseUrl: string;
  private readonly policy: RetryPolicy;

  constructor(private readonly options: GravityClientOptions) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl) + API_PREFIX;
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** One request; throws its GravityError. */
  get<T>(request: ApiRequest<T>): T {
    const [outcome] = this.getAll([request] as const);
    if (outcome instanceof GravityError) throw outcome;
    return outcome as T;
  }

  /** Independent requests sent together; each result is the value or its error, in order. */
  getAll<R extends readonly ApiRequest<unknown>[]>(requests: R): Outcomes<R> {
    const outcomes: Array<Outcome<unknown> | undefined> = requests.map(() => undefined);
    const keys = requests.map(requestKey);
    const cached = this.options.cache ? this.options.cache.getMany(unique(keys)) : {};
    const fresh: Record<string, string> = {};

    let pending: number[] = [];
    requests.forEach((request, i) => {
      const body = cached[keys[i]];
      if (body !== undefined) {
        const parsed = this.parse(request, body);
        if (!(parsed instanceof GravityError)) {
          outcomes[i] = parsed;
          return;
        }
      }
      pending.push(i);
    });

    const startedAt = this.options.clock.now();
    for (let attempt = 1; pending.length > 0; attempt++) {
      const responses = this.send(pending.map((i) => requests[i]));
      const retry: number[] = [];
      let waitMs = 0;
      pending.forEach((index, j) => {
        const response = responses[j];
        const outcome = this.interpret(requests[index], response);
        outcomes[index] = outcome;
        if (outcome instanceof GravityError) {
          if (outcome.retryable) {
            retry.push(index);
            waitMs = Math.max(waitMs, this.delayFor(attempt, response));
          }
        } else if (!(response instanceof GravityError)) {
          fresh[keys[index]] = response.body;
        }
      });
      if (retry.length === 0) break;
      const stop = this.whyStop(attempt, waitMs, startedAt);
      if (stop) {
        for (const index of retry) outcomes[index] = explainGivingUp(outcomes[index] as GravityError, stop);
        break;
      }
      this.options.clock.sleep(waitMs);
      pending = retry;
    }

    if (this.options.cache && Object.keys(fresh).length > 0) this.options.cache.putMany(fresh);
    return outcomes as unknown as Outcomes<R>;
  }

  private send(requests: ApiRequest<unknown>[]): Array<HttpResponse | GravityError> {
    const http: HttpRequest[] = requests.map((request) => ({
      url: this.url(request),
      headers: { 'X-API-Key': this.options.apiKey, Accept: 'application/json' },
    }));
    try {
      return this.options.http.fetchAll(http);
    } catch (error) {
      const message =
        error instanceof NetworkError ? this.scrub(error.message) : 'the request could not be sent';
      const failure = new GravityError(
        'network',
        `could not reach the Gravity API (${message}). Check the connection and try again.`,
      );
      return requests.map(() => failure);
    }
  }

  private url(request: ApiRequest<unknown>): string {
    const query = queryString(request.query);
    return `${this.baseUrl}${request.path}${query ? `?${query}` : ''}`;
  }

  private interpret<T>(request: ApiRequest<T>, response: HttpResponse | GravityError): Outcome<T> {
    if (response instanceof GravityError) return response;
    if (response.status >= 200 && response.status < 300) return this.parse(request, response.body);
    // Scrubbed after decoding too: a body may echo the key JSON-escaped (\u0067…), which only decoding reveals.
    const error = errorForStatus(response.status, this.scrub(response.body), request.path);
    return new GravityError(error.kind, this.scrub(error.message), error.status);
  }

  private parse<T>(request: ApiRequest<T>, body: string): Outcome<T> {
    try {
      return request.parse(parseJson(body, request.path));
    } catch (error) {
      if (error instanceof GravityError) return error;
      throw error;
    }
  }

  /** Exponential backoff, or the server's Retry-After when it asks for longer. */
  private delayFor(attempt: number, response: HttpResponse | GravityError): number {
    const backoff = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
    if (response instanceof GravityError) return backoff;
    const retryAfter = parseRetryAfter(response.headers['retry-after'], this.options.clock.now());
    return retryAfter === null ? backoff : Math.max(backoff, retryAfter);
  }

  private whyStop(attempt: number, waitMs: number, startedAt: number): string | null {
    const now = this.options.clock.now();
    const tried = `after ${attempt} ${attempt === 1 ? 'try' : 'tries'} in ${Math.round((now - startedAt) / 1000)} s`;
    if (attempt >= this.policy.maxAttempts) return `gave up ${tried}`;
    if (now + waitMs + this.policy.requestAllowanceMs > this.options.deadline) {
      return `gave up ${tried}: waiting ${Math.ceil(waitMs / 1000)} s more would pass Apps Script's time limit`;
    }
    return null;
  }

  /** The key must never travel on in a message, even if a server echoes it back. */
  private scrub(text: string): string {
    const key = this.options.apiKey;
    return key ? text.split(key).join('••••') : text;
  }
}

function explainGivingUp(error: GravityError, why: string): GravityError {
  return new GravityError(error.kind, `${error.message.replace(/\.$/, '')} (${why}).`, error.status);
}

function unique(values: string[]): string[] {
  return Array.from(new Set(values));
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
