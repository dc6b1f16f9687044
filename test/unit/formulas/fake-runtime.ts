import { GravityClient } from '../../../src/api/client';
import { FormulaRuntime } from '../../../src/formulas/runtime';
import { OffsetLookup, zoneClock } from '../../../src/tables/timezone';
import { FakeClock, FakeHttp, json, Responder } from '../../support/fake-ports';
import { HttpRequest } from '../../../src/gas/ports';

/** Utilities.formatDate(instant, zone, "Z") as Intl computes it: "+0900", "-0700". */
export const intlOffset: OffsetLookup = (instant, timeZone) => {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  return match ? `${match[1]}${match[2]}${match[3]}` : '+0000';
};

export interface TestRuntime {
  runtime: FormulaRuntime;
  http: FakeHttp;
  clock: FakeClock;
  /** How often the client (and so the key) was asked for. */
  keyReads: () => number;
  paths: () => string[];
}

/** Responds with `bodies[path]` (path without query) as JSON, 404 otherwise. */
export function byPath(bodies: Record<string, unknown>): Responder {
  return (request: HttpRequest) => {
    const path = new URL(request.url).pathname.replace('/advertiser-dashboard', '');
    return path in bodies ? json(bodies[path]) : json({ detail: 'Not found' }, 404);
  };
}

export function testRuntime(respond: Responder, timeZone = 'Asia/Tokyo'): TestRuntime {
  const clock = new FakeClock();
  const http = new FakeHttp(respond);
  let reads = 0;
  let client: GravityClient | null = null;
  const runtime: FormulaRuntime = {
    get client() {
      reads++;
      client =
        client ?? new GravityClient({ http, clock, apiKey: 'secret-key', deadline: clock.now() + 25_000 });
      return client;
    },
    clock,
    zone: zoneClock(timeZone, intlOffset),
    startedAt: clock.now(),
  };
  return {
    runtime,
    http,
    clock,
    keyReads: () => reads,
    paths: () => http.requests.map((r) => r.url.replace(/^.*\/advertiser-dashboard/, '')),
  };
}
