import { ResponseCache } from '../api/client';
import { CacheStore } from '../gas/ports';

/**
 * Formula responses in the document cache, shared by every cell of the spreadsheet for 10 minutes.
 * - Keys carry a fingerprint of the API key (never the key), so users with different keys never share data.
 * - Apps Script caps a value at 100 KB: larger bodies are split into chunks and a small manifest.
 * - CacheService cannot list or clear its keys, so keys also carry a generation: "Refresh GRAVITY formulas"
 *   starts a new one, and every older entry is simply never read again (it expires on its own).
 */

export const FORMULA_CACHE_SECONDS = 600;
const GENERATION_KEY = 'gravity:generation';
/** 100 KB is bytes: 30,000 characters stay under it even if every one takes 3 bytes in UTF-8. */
const CHUNK_CHARS = 30_000;
const MANIFEST = 'gravity-chunks:';
const MAX_KEY = 250;

export function newGeneration(cache: CacheStore, now: number): void {
  // The generation must outlive every entry written under it: 6 h is CacheService's maximum.
  cache.putAll({ [GENERATION_KEY]: now.toString(36) }, 21_600);
}

export class FormulaResponseCache implements ResponseCache {
  private prefix: string | null = null;

  constructor(
    private readonly cache: CacheStore,
    private readonly keyFingerprint: string,
    private readonly hash: (text: string) => string,
  ) {}

  getMany(requestKeys: string[]): Record<string, string> {
    const keys = requestKeys.map((k) => this.cacheKey(k));
    const found = this.cache.getAll(keys);
    const result: Record<string, string> = {};
    const chunked: Array<{ requestKey: string; chunkKeys: string[] }> = [];
    requestKeys.forEach((requestKey, i) => {
      const value = found[keys[i]];
      if (value === undefined || value === null) return;
      if (value.startsWith(MANIFEST)) {
        const count = Number(value.slice(MANIFEST.length));
        chunked.push({ requestKey, chunkKeys: Array.from({ length: count }, (_, n) => `${keys[i]}#${n}`) });
      } else {
        result[requestKey] = value;
      }
    });
    if (chunked.length) {
      const parts = this.cache.getAll(chunked.flatMap((c) => c.chunkKeys));
      for (const { requestKey, chunkKeys } of chunked) {
        // A chunk evicted early makes the whole entry a miss rather than a corrupt body.
        if (chunkKeys.every((k) => typeof parts[k] === 'string'))
          result[requestKey] = chunkKeys.map((k) => parts[k]).join('');
      }
    }
    return result;
  }

  putMany(bodies: Record<string, string>): void {
    const values: Record<string, string> = {};
    for (const requestKey of Object.keys(bodies)) {
      const key = this.cacheKey(requestKey);
      const body = bodies[requestKey];
      if (body.length <= CHUNK_CHARS) {
        values[key] = body;
        continue;
      }
      const count = Math.ceil(body.length / CHUNK_CHARS);
      values[key] = `${MANIFEST}${count}`;
      for (let n = 0; n < count; n++)
        values[`${key}#${n}`] = body.slice(n * CHUNK_CHARS, (n + 1) * CHUNK_CHARS);
    }
    try {
      this.cache.putAll(values, FORMULA_CACHE_SECONDS);
    } catch {
      // A full or refusing cache only costs a later request; the formula still has its data.
    }
  }

  private cacheKey(requestKey: string): string {
    if (this.prefix === null) {
      const generation = this.cache.getAll([GENERATION_KEY])[GENERATION_KEY] ?? '0';
      this.prefix = `gravity:${generation}:${this.keyFingerprint}:`;
    }
    const key = this.prefix + requestKey;
    // Long queries (a domain filter) could pass the 250-character key limit: hash them.
    return key.length + 4 <= MAX_KEY ? key : this.prefix + this.hash(requestKey);
  }
}
