import { GravityClient, parseRetryAfter } from '../../src/api/client';
import {
  campaignRequest,
  conversionsRequest,
  infoRequest,
  metricsRequest,
  billingRequest,
  campaignsRequest,
  eventsRequest,
  conversionStatsRequest,
  integrationsRequest,
} from '../../src/api/endpoints';
import { GravityError } from '../../src/api/errors';
import { collectConversions } from '../../src/api/pagination';
import { NetworkError } from '../../src/gas/ports';
import { FakeClock, FakeHttp, json, Responder, sequence } from '../support/fake-ports';

const KEY = 'secret-key-abcdef-3f9a';
const INFO = { advertiser_id: 'abc-123', name: 'Acme Corp', email: 'ads@acme.com' };

function client(respond: Responder, clock = new FakeClock(), deadlineMs = 25_000) {
  const http = new FakeHttp(respond);
  const c = new GravityClient({ http, clock, apiKey: KEY, deadline: clock.now() + deadlineMs });
  return { c, http, clock };
}

function failure(fn: () => unknown): GravityError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GravityError) return error;
    throw error;
  }
  throw new Error('expected a GravityError');
}

describe('GravityClient requests', () => {
  it('sends the key as X-API-Key and never in the URL', () => {
    const { c, http } = client(() => json(INFO));
    expect(c.get(infoRequest())).toEqual(INFO);
    expect(http.requests[0].url).toBe('https://platform.trygravity.ai/advertiser-dashboard/info');
    expect(http.requests[0].headers['X-API-Key']).toBe(KEY);
  });

  it.each([
    ['/campaigns?status=active', campaignsRequest('active')],
    ['/campaigns/camp%2F1%202', campaignRequest('camp/1 2')],
    ['/metrics?days=7', metricsRequest({ range: { days: 7 } })],
    [
      '/metrics?campaign_id=c1&end_date=2025-01-31&start_date=2025-01-01',
      metricsRequest({ range: { start: '2025-01-01', end: '2025-01-31' }, campaignId: 'c1' }),
    ],
    [
      '/conversions?cursor=abc&event_type=purchase&limit=100',
      conversionsRequest({ limit: 100, cursor: 'abc', eventType: 'purchase' }),
    ],
    ['/billing', billingRequest()],
    ['/events/analytics?days=30&domain=acme', eventsRequest({ range: { days: 30 }, domain: 'acme' })],
    [
      '/events/conversion-stats?days=30&event_type=lead',
      conversionStatsRequest({ range: { days: 30 }, eventType: 'lead' }),
    ],
    ['/integrations', integrationsRequest()],
  ])('builds %#: %s', (path, request) => {
    const { c, http } = client(() => json({}));
    c.get(request as never);
    expect(http.requests[0].url).toBe(`https://platform.trygravity.ai/advertiser-dashboard${path}`);
  });

  it('refuses invalid parameters before any request', () => {
    expect(() => metricsRequest({ range: { days: 0 } })).toThrow(/days must be a whole number/);
    expect(() => metricsRequest({ range: { start: '2025-02-30', end: '2025-03-01' } })).toThrow(/real date/);
    expect(() => campaignRequest('  ')).toThrow(/campaign_id is empty/);
    expect(() => conversionsRequest({ limit: 101 })).toThrow(/page size/);
  });

  it('fills missing known fields with null and keeps extra fields', () => {
    const { c } = client(() => json({ campaigns: [{ campaign_id: 'c1', extra: 1 }] }));
    const [campaign] = c.get(campaignsRequest());
    expect(campaign.spend).toBeNull();
    expect(campaign.extra).toBe(1);
  });

  it('names a missing required field', () => {
    const { c } = client(() => json({ campaigns: [{ name: 'x' }] }));
    expect(failure(() => c.get(campaignsRequest())).message).toMatch(
      /lacks the required field "campaign_id"/,
    );
  });

  it('sorts metrics oldest first', () => {
    const { c } = client(() => json({ data: [{ date: '2025-05-02' }, { date: '2025-05-01' }] }));
    expect(c.get(metricsRequest({ range: { days: 2 } })).data.map((d) => d.date)).toEqual([
      '2025-05-01',
      '2025-05-02',
    ]);
  });
});

describe('GravityClient errors', () => {
  it.each([
    [
      400,
      { detail: 'days out of range' },
      'bad_request',
      /refused the request to \/info \(400\).*days out of range/,
    ],
    [401, { detail: 'bad key' }, 'unauthorized', /API key was rejected \(401\).*Open sidebar/],
    [402, {}, 'payment_required', /billing set up/],
    [403, {}, 'forbidden', /may not read/],
    [404, { detail: 'Campaign not found' }, 'not_found', /not found \(404\).*GRAVITY_CAMPAIGNS/],
    [
      422,
      { detail: [{ loc: ['query', 'end_date'], msg: 'field required' }] },
      'unprocessable',
      /query.end_date: field required/,
    ],
  ])('%d becomes an actionable error', (status, body, kind, message) => {
    const { c, http } = client(() => json(body, status));
    const error = failure(() => c.get(infoRequest()));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(/^Gravity: /);
    expect(error.message).toMatch(message);
    expect(http.requests).toHaveLength(1);
  });

  it('never repeats the key even when the server echoes it', () => {
    const { c } = client(() => json({ detail: `key ${KEY} is invalid` }, 400));
    expect(failure(() => c.get(infoRequest())).message).not.toContain(KEY);
  });

  it('explains an HTML page and a non-JSON 200', () => {
    const html = { status: 502, headers: {}, body: '<!DOCTYPE html><html><body>Bad gateway</body></html>' };
    const { c } = client(() => html, new FakeClock(), 0);
    expect(failure(() => c.get(infoRequest())).message).toMatch(/server error \(502\) \(an HTML error page/);
    const { c: c2 } = client(() => ({ status: 200, headers: {}, body: '<html>login</html>' }));
    expect(failure(() => c2.get(infoRequest())).message).toMatch(/an HTML page instead of data/);
  });

  it('turns a lost connection into a network error', () => {
    const { c } = client(
      () => {
        throw new NetworkError(
          'Address unavailable: https://platform.trygravity.ai/advertiser-dashboard/info',
        );
      },
      new FakeClock(),
      0,
    );
    expect(failure(() => c.get(infoRequest())).kind).toBe('network');
  });
});

describe('GravityClient retries', () => {
  it('retries 429 honouring Retry-After, then succeeds', () => {
    const { c, http, clock } = client(sequence([json({}, 429, { 'retry-after': '3' })], () => json(INFO)));
    expect(c.get(infoRequest()).name).toBe('Acme Corp');
    expect(http.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([3000]);
  });

  it('backs off exponentially on 5xx and gives up after the maximum tries', () => {
    const { c, http, clock } = client(() => json({}, 503), new FakeClock(), 120_000);
    const error = failure(() => c.get(infoRequest()));
    expect(http.requests).toHaveLength(4);
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
    expect(error.message).toMatch(/gave up after 4 tries/);
  });

  it('stops retrying when the wait would pass the deadline', () => {
    const { c, http } = client(() => json({}, 429, { 'retry-after': '60' }));
    const error = failure(() => c.get(infoRequest()));
    expect(http.requests).toHaveLength(1);
    expect(error.message).toMatch(/would pass Apps Script's time limit/);
  });

  it('does not retry client errors', () => {
    const { c, http } = client(() => json({}, 400));
    failure(() => c.get(infoRequest()));
    expect(http.requests).toHaveLength(1);
  });

  it('sends independent requests in one batch and retries only the failed one', () => {
    let metricsCalls = 0;
    const { c, http } = client((r) => {
      if (r.url.includes('/metrics')) return ++metricsCalls === 1 ? json({}, 500) : json({ data: [] });
      return json(INFO);
    });
    const [info, metrics] = c.getAll([infoRequest(), metricsRequest({ range: { days: 7 } })] as const);
    expect(info).toEqual(INFO);
    expect(metrics).toMatchObject({ data: [] });
    expect(http.batches).toEqual([2, 1]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.UTC(2025, 0, 1);
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('GravityClient cache', () => {
  it('answers from the cache and stores fresh bodies', () => {
    const store: Record<string, string> = {};
    const http = new FakeHttp(() => json(INFO));
    const clock = new FakeClock();
    const cache = {
      getMany: (keys: string[]) =>
        Object.fromEntries(keys.filter((k) => k in store).map((k) => [k, store[k]])),
      putMany: (bodies: Record<string, string>) => Object.assign(store, bodies),
    };
    const c = new GravityClient({ http, clock, apiKey: KEY, deadline: clock.now() + 1000, cache });
    c.get(infoRequest());
    c.get(infoRequest());
    expect(http.requests).toHaveLength(1);
    expect(Object.keys(store)).toEqual(['/info']);
  });
});

describe('collectConversions', () => {
  const conversion = (id: number) => ({ conversion_id: `conv-${id}`, value_cents: id });
  function pager(total: number, pageSize = 100) {
    return (r: { url: string }) => {
      const url = new URL(r.url);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit'));
      const end = Math.min(total, start + Math.min(limit, pageSize));
      const items = Array.from({ length: end - start }, (_, i) => conversion(total - start - i));
      return json({
        conversions: items,
        total_conversions: total,
        has_more: end < total,
        next_cursor: end < total ? String(end) : null,
      });
    };
  }

  it('follows cursors to the end', () => {
    const clock = new FakeClock();
    const { c, http } = client(pager(250), clock);
    const result = collectConversions(c, clock, { maxRows: 1000, stopBy: clock.now() + 20_000 });
    expect(result.conversions).toHaveLength(250);
    expect(result.stoppedBy).toBe('end');
    expect(http.requests).toHaveLength(3);
  });

  it('stops at max rows, asking only for what it needs', () => {
    const clock = new FakeClock();
    const { c, http } = client(pager(500), clock);
    const result = collectConversions(c, clock, { maxRows: 120, stopBy: clock.now() + 20_000 });
    expect(result.conversions).toHaveLength(120);
    expect(result.stoppedBy).toBe('max_rows');
    expect(new URL(http.requests[1].url).searchParams.get('limit')).toBe('20');
  });

  it('stops at the first known conversion (incremental sync)', () => {
    const clock = new FakeClock();
    const { c, http } = client(pager(500), clock);
    const result = collectConversions(c, clock, {
      maxRows: 10_000,
      stopBy: clock.now() + 20_000,
      isKnown: (conv) => conv.conversion_id === 'conv-495',
    });
    expect(result.conversions.map((x) => x.conversion_id)).toEqual([
      'conv-500',
      'conv-499',
      'conv-498',
      'conv-497',
      'conv-496',
    ]);
    expect(result.stoppedBy).toBe('known');
    expect(http.requests).toHaveLength(1);
  });

  it('stops paging when the time budget is spent', () => {
    const clock = new FakeClock();
    const { c } = client((r) => {
      clock.time += 8_000;
      return pager(1000)(r);
    }, clock);
    const result = collectConversions(c, clock, { maxRows: 1000, stopBy: clock.now() + 20_000 });
    expect(result.stoppedBy).toBe('time');
    expect(result.pages).toBe(3);
  });
});

describe('GravityClient key secrecy', () => {
  it('finds the key even when the server echoes it JSON-escaped', () => {
    const escaped = Array.from(KEY, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const { c } = client(() => ({ status: 400, headers: {}, body: `{"detail":"unknown key ${escaped}"}` }));
    const error = failure(() => c.get(infoRequest()));
    expect(error.message).toMatch(/unknown key ••••/);
    expect(error.message).not.toContain(KEY);
  });
});
