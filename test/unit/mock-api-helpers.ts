/** Starts the mock API inside the test process (fine for tests that use fetch, not the emulator). */
import type { AddressInfo } from 'node:net';
import { DEFAULT_MOCK_API_KEY } from '../../dev/mock-api/constants';
import { createDataset, type Dataset, type DatasetOptions } from '../../dev/mock-api/dataset';
import { createMockApiServer } from '../../dev/mock-api/server';

/** A fixed "today" so every expectation is reproducible. */
export const TODAY = '2025-06-15';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; throws if it is not JSON. */
  json<T = unknown>(): T;
}

export interface InProcessMock {
  baseUrl: string;
  apiKey: string;
  dataset: Dataset;
  /** GET an API path (after /advertiser-dashboard); `key: null` sends no key. */
  get(path: string, query?: Record<string, string | number>, key?: string | null): Promise<Reply>;
  /** A call to the test controls under /__mock. */
  control(method: string, route: string, body?: unknown): Promise<Reply>;
  close(): Promise<void>;
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
}

export async function startInProcess(
  options: DatasetOptions = {},
  sleep?: (ms: number) => Promise<unknown>,
): Promise<InProcessMock> {
  const dataset = createDataset({ today: TODAY, ...options });
  const apiKey = DEFAULT_MOCK_API_KEY;
  const server = createMockApiServer({ dataset, apiKey, sleep });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    apiKey,
    dataset,
    async get(path, query = {}, key = apiKey) {
      const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
      const url = `${baseUrl}/advertiser-dashboard${path}${search.size > 0 ? `?${search}` : ''}`;
      return reply(await fetch(url, { headers: key === null ? {} : { 'X-API-Key': key } }));
    },
    async control(method, route, body) {
      const init: RequestInit = { method };
      if (body !== undefined) init.body = JSON.stringify(body);
      return reply(await fetch(`${baseUrl}/__mock${route}`, init));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Exact integer cents of a dollar amount from the API. */
export function cents(dollars: number): number {
  const value = Math.round(dollars * 100);
  if (Math.abs(dollars * 100 - value) > 1e-6) throw new Error(`${dollars} has more than 2 decimals`);
  return value;
}
