import { GravityClient, ResponseCache } from '../api/client';
import { SETTING } from '../settings/keys';
import { appsScriptClock } from './clock';
import { urlFetchHttp } from './http';
import { scriptProperties } from './properties';

/** A run (menu, sidebar, trigger) has 6 minutes; its retries stop with a minute to spare. */
export const RUN_RETRY_BUDGET_MS = 300_000;

export interface ConnectOptions {
  apiKey: string;
  /** Absolute time after which no retry starts. */
  deadline: number;
  cache?: ResponseCache;
}

/** A Gravity client wired to Apps Script: UrlFetchApp, Utilities.sleep, and the optional base-URL override. */
export function connectGravity({ apiKey, deadline, cache }: ConnectOptions): GravityClient {
  return new GravityClient({
    http: urlFetchHttp(),
    clock: appsScriptClock(),
    apiKey,
    baseUrl: scriptProperties().get(SETTING.baseUrl) ?? undefined,
    deadline,
    cache,
  });
}
