import type { Clock, Execution } from './context';
import { AppsScriptException } from './errors';

/**
 * Limits of developers.google.com/apps-script/reference/cache/cache: keys up to 250 characters, values up
 * to 100 KB, at most 1,000 items, expiry 1..21600 s (default 600). What happens at the limits was measured
 * in justin.poehnelt.com/posts/exploring-apps-script-cacheservice-limits: "Argument too large: key|value",
 * eviction by creation time, about 100 items (10%) at once when the cache is full.
 */
export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_MAX_ITEMS = 1000;
const CACHE_EVICTION_BATCH = 100;
export const CACHE_MAX_EXPIRATION_S = 21600;
export const CACHE_DEFAULT_EXPIRATION_S = 600;

interface Entry {
  value: string;
  expiresAt: number;
}

/** One cache (script, one user's or one document's), as tests see it; expiry follows the virtual clock. */
export class CacheStore {
  /** Insertion order is creation order: a re-put moves the key to the end. */
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  put(key: string, value: string, expirationInSeconds: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.clock.now() + expirationInSeconds * 1000 });
    if (this.entries.size > CACHE_MAX_ITEMS) this.evict();
  }

  remove(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Keys of the live entries, oldest first. */
  keys(): string[] {
    return [...this.entries.keys()].filter((k) => this.get(k) !== null);
  }

  private evict(): void {
    for (const key of [...this.entries.keys()]) this.get(key); // drops the expired ones first
    if (this.entries.size <= CACHE_MAX_ITEMS) return;
    const oldest = [...this.entries.keys()].slice(0, CACHE_EVICTION_BATCH);
    for (const key of oldest) this.entries.delete(key);
  }
}

function checkKey(key: unknown): string {
  const k = String(key);
  if (k.length > CACHE_KEY_MAX_CHARS) throw new AppsScriptException('Argument too large: key');
  return k;
}

function checkValue(value: unknown): string {
  const v = String(value);
  if (Buffer.byteLength(v, 'utf8') > CACHE_VALUE_MAX_BYTES)
    throw new AppsScriptException('Argument too large: value');
  return v;
}

function checkExpiration(seconds: unknown): number {
  if (seconds === undefined) return CACHE_DEFAULT_EXPIRATION_S;
  const s = Number(seconds);
  if (s > CACHE_MAX_EXPIRATION_S) throw new AppsScriptException('Argument too large: expirationInSeconds');
  // Non-positive expirations are accepted and stored with the default lifetime (measured, see above).
  return s >= 1 ? Math.floor(s) : CACHE_DEFAULT_EXPIRATION_S;
}

/** The `Cache` object a script receives. */
class Cache {
  constructor(
    private readonly execution: Execution,
    private readonly store: CacheStore,
  ) {}

  get(key: string): string | null {
    this.execution.check('Cache', 'get');
    this.execution.counters.cacheReads++;
    return this.store.get(checkKey(key));
  }

  getAll(keys: string[]): Record<string, string> {
    this.execution.check('Cache', 'getAll');
    this.execution.counters.cacheReads++;
    const found: Record<string, string> = {};
    for (const key of Array.from(keys)) {
      const value = this.store.get(checkKey(key));
      if (value !== null) found[String(key)] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.execution.check('Cache', 'put');
    this.execution.counters.cacheWrites++;
    this.store.put(checkKey(key), checkValue(value), checkExpiration(expirationInSeconds));
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    this.execution.check('Cache', 'putAll');
    this.execution.counters.cacheWrites++;
    const seconds = checkExpiration(expirationInSeconds);
    const checked = Object.entries(values).map(([k, v]) => [checkKey(k), checkValue(v)] as const);
    for (const [k, v] of checked) this.store.put(k, v, seconds);
  }

  remove(key: string): void {
    this.execution.check('Cache', 'remove');
    this.execution.counters.cacheWrites++;
    this.store.remove(checkKey(key));
  }

  removeAll(keys: string[]): void {
    this.execution.check('Cache', 'removeAll');
    this.execution.counters.cacheWrites++;
    for (const key of Array.from(keys)) this.store.remove(checkKey(key));
  }
}

export interface CacheStores {
  script: CacheStore;
  user(email: string): CacheStore;
  document(spreadsheetId: string): CacheStore;
}

/** `CacheService` for one execution. */
export function createCacheService(execution: Execution, stores: CacheStores): object {
  return {
    getScriptCache(): Cache {
      execution.check('CacheService', 'getScriptCache');
      return new Cache(execution, stores.script);
    },
    getUserCache(): Cache {
      execution.check('CacheService', 'getUserCache');
      return new Cache(execution, stores.user(execution.user));
    },
    getDocumentCache(): Cache | null {
      execution.check('CacheService', 'getDocumentCache');
      // "If this method is called outside of the context of a containing document ... returns null."
      const id = execution.activeSpreadsheetId;
      return id === null ? null : new Cache(execution, stores.document(id));
    },
  };
}
