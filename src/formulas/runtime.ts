import { GravityClient } from '../api/client';
import { appsScriptClock } from '../gas/clock';
import { documentCache } from '../gas/cache';
import { sha256Hex } from '../gas/digest';
import { connectGravity } from '../gas/gravity';
import { Clock } from '../gas/ports';
import { userProperties } from '../gas/properties';
import { requireApiKey, requireFormulasAllowed } from '../settings/credentials';
import { utilitiesOffset, zoneClock, ZoneClock } from '../tables/timezone';
import { FormulaResponseCache } from './response-cache';

/** A custom function has 30 s; retries stop well before, and paging stops earlier still. */
export const FORMULA_RETRY_BUDGET_MS = 25_000;
export const FORMULA_PAGING_BUDGET_MS = 20_000;

export interface FormulaRuntime {
  /** Created on first use, so arguments are checked before the key is even read. */
  readonly client: GravityClient;
  clock: Clock;
  zone: ZoneClock;
  startedAt: number;
}

/** The first 16 hex digits of the key's SHA-256: distinguishes keys in cache keys without revealing them. */
export function keyFingerprint(apiKey: string): string {
  return sha256Hex(`gravity-key:${apiKey}`).slice(0, 16);
}

/**
 * Everything a formula needs, wired to Apps Script: the owner's key (custom functions read the owner's user
 * properties), checked against the spreadsheets the owner allowed, the shared response cache, and deadlines.
 */
export function formulaRuntime(): FormulaRuntime {
  const clock = appsScriptClock();
  const startedAt = clock.now();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let client: GravityClient | null = null;
  const connect = (): GravityClient => {
    const owner = userProperties();
    const apiKey = requireApiKey(owner);
    requireFormulasAllowed(owner, spreadsheet.getId());
    const store = documentCache();
    return connectGravity({
      apiKey,
      deadline: startedAt + FORMULA_RETRY_BUDGET_MS,
      cache: store
        ? new FormulaResponseCache(store, keyFingerprint(apiKey), (t) => sha256Hex(t).slice(0, 32))
        : undefined,
    });
  };
  return {
    get client() {
      client = client ?? connect();
      return client;
    },
    clock,
    zone: zoneClock(spreadsheet.getSpreadsheetTimeZone(), utilitiesOffset),
    startedAt,
  };
}
