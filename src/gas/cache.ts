import { CacheStore } from './ports';

/** The cache shared by every user of the current document, or null outside a document. */
export function documentCache(): CacheStore | null {
  const cache = CacheService.getDocumentCache();
  if (!cache) return null;
  return {
    getAll: (keys) => cache.getAll(keys),
    putAll: (values, seconds) => cache.putAll(values, seconds),
    removeAll: (keys) => cache.removeAll(keys),
  };
}
