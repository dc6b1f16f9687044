/**
 * The small interfaces the add-on's logic depends on instead of Apps Script globals, so the logic can be
 * unit-tested in Node and the adapters in this folder stay thin.
 */

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string;
}

export interface HttpClient {
  /** Sends the requests together (UrlFetchApp.fetchAll) and returns the responses in the same order. */
  fetchAll(requests: HttpRequest[]): HttpResponse[];
}

export interface Clock {
  now(): number;
  sleep(ms: number): void;
}

/** A string key-value store: UserProperties, ScriptProperties. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** The subset of Apps Script's Cache the add-on uses. */
export interface CacheStore {
  getAll(keys: string[]): Record<string, string>;
  putAll(values: Record<string, string>, expirationInSeconds: number): void;
  removeAll(keys: string[]): void;
}

/** Thrown by an HttpClient when no HTTP response arrived at all (DNS, timeout, refused connection). */
export class NetworkError extends Error {}
