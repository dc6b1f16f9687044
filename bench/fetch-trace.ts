import { ScriptContext } from '../dev/emulator/vm-loader';

/**
 * Which requests each UrlFetchApp call of the add-on carried, and what came back: the emulator's counters say
 * how many calls and requests an execution made, but not which went out together, and that is what decides
 * whether a request could have joined a fetchAll. The trace wraps the UrlFetchApp every execution gets.
 */

export interface TracedRequest {
  /** Path and query, without the scheme and host. */
  key: string;
  path: string;
  query: URLSearchParams;
  /** The response body ('' when none could be read). */
  body: string;
}

export interface TracedCall {
  /** 'fetch' sends one request; 'fetchAll' sends its requests in parallel. */
  method: 'fetch' | 'fetchAll';
  requests: TracedRequest[];
}

interface ResponseLike {
  getContentText(): string;
}

type FetchParams = { url?: string } | undefined;

export interface FetchTrace {
  readonly calls: TracedCall[];
  /** Forgets the calls recorded so far. */
  clear(): void;
  /** Restores the emulator's UrlFetchApp. */
  stop(): void;
}

function traced(url: string, response: ResponseLike | undefined): TracedRequest {
  const parsed = new URL(url);
  let body = '';
  try {
    body = response?.getContentText() ?? '';
  } catch {
    // A response that cannot be read as text leaves no values for later requests to depend on.
  }
  return { key: parsed.pathname + parsed.search, path: parsed.pathname, query: parsed.searchParams, body };
}

function urlOf(request: unknown): string {
  if (typeof request === 'string') return request;
  return String((request as { url?: unknown } | null)?.url ?? '');
}

/** Starts recording every UrlFetchApp call of every execution until stop(). One trace at a time. */
export function traceFetches(): FetchTrace {
  const calls: TracedCall[] = [];
  const install = Object.getOwnPropertyDescriptor(ScriptContext.prototype, 'install')?.value as (
    this: ScriptContext,
    name: string,
    service: object,
  ) => void;
  ScriptContext.prototype.install = function (this: ScriptContext, name: string, service: object): void {
    if (name !== 'UrlFetchApp') return install.call(this, name, service);
    const real = service as {
      fetch(url: string, params?: FetchParams): ResponseLike;
      fetchAll(requests: unknown[]): ResponseLike[];
      getRequest(url: string, params?: FetchParams): unknown;
    };
    const wrapper = {
      fetch(url: string, params?: FetchParams): ResponseLike {
        const response = real.fetch(url, params);
        calls.push({ method: 'fetch', requests: [traced(url, response)] });
        return response;
      },
      fetchAll(requests: unknown[]): ResponseLike[] {
        const list = Array.from(requests);
        const responses = real.fetchAll(list);
        calls.push({ method: 'fetchAll', requests: list.map((r, i) => traced(urlOf(r), responses[i])) });
        return responses;
      },
      getRequest: (url: string, params?: FetchParams) => real.getRequest(url, params),
    };
    return install.call(this, name, wrapper);
  };
  return {
    calls,
    clear: () => {
      calls.length = 0;
    },
    stop: () => {
      ScriptContext.prototype.install = install;
    },
  };
}
