/** Names shared by the mock Gravity API server, its CLI and the test helpers. */

/** The key the mock accepts unless told otherwise (a test key, never a real one). */
export const DEFAULT_MOCK_API_KEY = 'gravity-test-key-0001-3f9a';

/** Every API endpoint lives under this path, as on the real host (see shared/reference/gravity-api.md). */
export const API_PREFIX = '/advertiser-dashboard';

/** Test controls (faults, mutations, request log); never part of the real API and never authenticated. */
export const MOCK_CONTROL_PREFIX = '/__mock';

/** The header that carries the advertiser API key. Node lower-cases incoming header names. */
export const API_KEY_HEADER = 'x-api-key';

/** Query parameter names of the API, in one place so a correction is a one-line change. */
export const QUERY = {
  days: 'days',
  startDate: 'start_date',
  endDate: 'end_date',
  campaignId: 'campaign_id',
  status: 'status',
  limit: 'limit',
  cursor: 'cursor',
  eventType: 'event_type',
  domain: 'domain',
  tz: 'tz',
} as const;

/** Documented bounds: `days` 1–365 (vendor docs); `limit` 1–100, default 50 (open-source client). */
export const MAX_RANGE_DAYS = 365;
export const DEFAULT_DAYS = 30;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;
