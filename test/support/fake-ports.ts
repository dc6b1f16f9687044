import { Clock, HttpClient, HttpRequest, HttpResponse } from '../../src/gas/ports';

/** A clock that only moves when slept or advanced: retries and budgets become exact. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public time = Date.UTC(2025, 4, 20, 12)) {}
  now(): number {
    return this.time;
  }
  sleep(ms: number): void {
    this.sleeps.push(ms);
    this.time += ms;
  }
}

export type Responder = (request: HttpRequest) => HttpResponse;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** An HttpClient answering from a function, recording every request and every batch. */
export class FakeHttp implements HttpClient {
  readonly requests: HttpRequest[] = [];
  readonly batches: number[] = [];
  constructor(private readonly respond: Responder) {}
  fetchAll(requests: HttpRequest[]): HttpResponse[] {
    this.batches.push(requests.length);
    this.requests.push(...requests);
    return requests.map((r) => this.respond(r));
  }
}

/** Answers with the queued responses first, then with `fallback`. */
export function sequence(queue: HttpResponse[], fallback: Responder): Responder {
  return (request) => queue.shift() ?? fallback(request);
}
