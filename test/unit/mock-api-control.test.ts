import type { Billing, Campaign, ConversionsPage, MetricsResponse } from '../../dev/mock-api/dataset';
import { cents, startInProcess, type InProcessMock } from './mock-api-helpers';

let mock: InProcessMock;
/** Injected delays, recorded instead of waited for (tests never time anything). */
const slept: number[] = [];
beforeAll(async () => {
  mock = await startInProcess({}, async (ms) => {
    slept.push(ms);
  });
});
afterAll(() => mock.close());
afterEach(async () => {
  expect((await mock.control('POST', '/reset')).status).toBe(200);
});

async function fault(...faults: object[]): Promise<void> {
  const r = await mock.control('POST', '/faults', { faults });
  expect(r.status).toBe(200);
}

async function mutate(mutation: object): Promise<void> {
  const r = await mock.control('POST', '/mutate', mutation);
  expect(r.status).toBe(200);
}

describe('faults', () => {
  it('answers with the status and a JSON body by default, once', async () => {
    await fault({ status: 500 });
    const failed = await mock.get('/info');
    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-type')).toBe('application/json');
    expect(failed.json()).toEqual({ detail: 'Internal Server Error' });
    expect((await mock.get('/info')).status).toBe(200);
  });

  it('sets Retry-After', async () => {
    await fault({ status: 429, retryAfter: 7 });
    const r = await mock.get('/metrics');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
  });

  it('sends an HTML page, plain text, broken JSON or nothing', async () => {
    await fault(
      { status: 502, body: 'html' },
      { status: 503, body: 'text' },
      { body: 'malformed' },
      { status: 500, body: 'empty' },
    );
    const html = await mock.get('/info');
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.text).toMatch(/^<html>.*502 Bad Gateway/);
    const text = await mock.get('/info');
    expect(text.status).toBe(503);
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text.text).toBe('error code: 503');
    const malformed = await mock.get('/info');
    expect(malformed.status).toBe(200);
    expect(malformed.headers.get('content-type')).toBe('application/json');
    expect(() => malformed.json()).toThrow(SyntaxError);
    const empty = await mock.get('/info');
    expect(empty.status).toBe(500);
    expect(empty.text).toBe('');
  });

  it('delays, alone or before a faulty answer', async () => {
    await fault({ delayMs: 300 }, { delayMs: 200, status: 504 });
    slept.length = 0;
    const slow = await mock.get('/info');
    expect(slept).toEqual([300]);
    expect(slow.status).toBe(200);
    expect(slow.json()).toEqual(mock.dataset.info);
    expect((await mock.get('/info')).status).toBe(504);
    expect(slept).toEqual([300, 200]);
  });

  it('applies to matching paths only, in queue order, the given number of times', async () => {
    await fault(
      { path: '/metrics', status: 429, times: 2 },
      { path: '/campaigns', status: 503 },
      { status: 500 },
    );
    expect((await mock.get('/billing')).status).toBe(500); // only the catch-all matches
    expect((await mock.get('/campaigns/0042')).status).toBe(503); // a prefix of the endpoint path
    expect((await mock.get('/campaigns')).status).toBe(200);
    expect((await mock.get('/metrics', { days: 3 })).status).toBe(429);
    expect((await mock.get('/metrics', { days: 3 })).status).toBe(429);
    expect((await mock.get('/metrics', { days: 3 })).status).toBe(200);
  });

  it('lasts forever with times -1, until reset', async () => {
    await fault({ status: 500, times: -1 });
    for (let i = 0; i < 5; i++) expect((await mock.get('/info')).status).toBe(500);
    await mock.control('POST', '/reset');
    expect((await mock.get('/info')).status).toBe(200);
  });

  it('comes before auth and parameter checks, like a proxy in front of the API', async () => {
    await fault({ status: 503 });
    expect((await mock.get('/metrics', { days: 0 }, null)).status).toBe(503);
  });

  it('refuses invalid faults with 400 and queues none of them', async () => {
    const invalid = [
      { faults: [{ status: 99 }] },
      { faults: [{ status: 500, retry_after: 3 }] },
      { faults: [{ body: 'xml' }] },
      { faults: [{ times: 0 }] },
      { faults: [{ path: 'metrics' }] },
      { faults: [{ delayMs: -1 }] },
      { faults: 'all' },
      { fault: [] },
    ];
    for (const body of invalid) {
      const r = await mock.control('POST', '/faults', body);
      expect({ body, status: r.status }).toEqual({ body, status: 400 });
    }
    const notJson = await fetch(`${mock.baseUrl}/__mock/faults`, { method: 'POST', body: '{faults:' });
    expect(notJson.status).toBe(400);
    expect((await mock.get('/info')).status).toBe(200);
  });
});

describe('request log', () => {
  it('records method, path, query, whether a key was sent and when — never the key', async () => {
    const before = Date.now();
    await mock.get('/metrics', { days: 7, campaign_id: '0042' });
    await mock.get('/info', {}, null);
    await fetch(`${mock.baseUrl}/advertiser-dashboard/billing`, {
      method: 'POST',
      headers: { 'X-API-Key': 'x' },
    });
    const r = await mock.control('GET', '/requests');
    expect(r.text).not.toContain(mock.apiKey);
    const log =
      r.json<Array<{ method: string; path: string; query: object; hasApiKey: boolean; at: number }>>();
    expect(log.map(({ at: _at, ...rest }) => rest)).toEqual([
      {
        method: 'GET',
        path: '/advertiser-dashboard/metrics',
        query: { days: '7', campaign_id: '0042' },
        hasApiKey: true,
      },
      { method: 'GET', path: '/advertiser-dashboard/info', query: {}, hasApiKey: false },
      { method: 'POST', path: '/advertiser-dashboard/billing', query: {}, hasApiKey: true },
    ]);
    for (const entry of log) expect(entry.at).toBeGreaterThanOrEqual(before);
  });

  it('records faulted requests too, and is cleared by DELETE', async () => {
    await fault({ status: 429 });
    await mock.get('/info');
    await mock.get('/info');
    expect((await mock.control('GET', '/requests')).json()).toHaveLength(2);
    expect((await mock.control('DELETE', '/requests')).status).toBe(200);
    expect((await mock.control('GET', '/requests')).json()).toEqual([]);
  });

  it('does not log the controls themselves', async () => {
    await mock.control('GET', '/health');
    expect((await mock.control('GET', '/requests')).json()).toEqual([]);
  });
});

describe('mutations', () => {
  it('addConversions: new conversions arrive at the front with the next ids', async () => {
    await mutate({ addConversions: 3 });
    const body = (await mock.get('/conversions', { limit: 4 })).json<ConversionsPage>();
    expect(body.total_conversions).toBe(603);
    expect(body.conversions.map((c) => c.conversion_id)).toEqual(['00603', '00602', '00601', '00600']);
    expect(body.conversions[3]).toEqual(mock.dataset.conversions[0]);
    const stamps = body.conversions.map((c) => c.conversion_timestamp);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    expect(stamps[0] <= `${mock.dataset.today}T23:59:59`).toBe(true);
    type Stats = { total: number };
    const stats = (await mock.get('/events/conversion-stats', { days: 1 })).json<Stats>();
    const todayBefore = mock.dataset.conversions.filter((c) =>
      c.conversion_timestamp.startsWith(mock.dataset.today),
    );
    expect(stats.total).toBe(todayBefore.length + 3);
  });

  it('billing: overrides fields, e.g. billed + unbilled off by $5', async () => {
    const original = mock.dataset.billing;
    await mutate({ billing: { unbilled_dollars: original.unbilled_dollars + 5, last_billed_at: null } });
    const billing = (await mock.get('/billing')).json<Billing>();
    expect(
      cents(billing.total_billed_dollars) +
        cents(billing.unbilled_dollars) -
        cents(billing.total_spend_dollars),
    ).toBe(500);
    expect(billing.last_billed_at).toBeNull();
    expect(billing.credits_dollars).toBe(original.credits_dollars);
  });

  it('campaignSpendDelta: shifts lifetime spend, not the daily rows; billing follows', async () => {
    await mutate({ campaignSpendDelta: { campaign_id: '0042', dollars: -12.34 } });
    const { campaigns } = (await mock.get('/campaigns')).json<{ campaigns: Campaign[] }>();
    const original = mock.dataset.campaigns.find((c) => c.campaign_id === '0042')!;
    const shifted = campaigns.find((c) => c.campaign_id === '0042')!;
    expect(cents(shifted.spend)).toBe(cents(original.spend) - 1234);
    const days = (await mock.get('/metrics', { days: 365, campaign_id: '0042' })).json<MetricsResponse>();
    expect(cents(days.total_spend)).toBe(cents(original.spend));
    const billing = (await mock.get('/billing')).json<Billing>();
    const lifetime = campaigns.reduce((n, c) => n + cents(c.spend), 0);
    expect(cents(billing.total_spend_dollars)).toBe(lifetime);
    expect(cents(billing.total_billed_dollars) + cents(billing.unbilled_dollars)).toBe(lifetime);
  });

  it('campaignName: renames in the list and the detail', async () => {
    await mutate({ campaignName: { campaign_id: 'cmp-1001', name: '=HYPERLINK("x")' } });
    expect((await mock.get('/campaigns/cmp-1001')).json<Campaign>().name).toBe('=HYPERLINK("x")');
    const { campaigns } = (await mock.get('/campaigns')).json<{ campaigns: Campaign[] }>();
    expect(campaigns.find((c) => c.campaign_id === 'cmp-1001')!.name).toBe('=HYPERLINK("x")');
  });

  it('refuses unknown campaigns (404) and malformed mutations (400)', async () => {
    const unknown = await mock.control('POST', '/mutate', {
      campaignName: { campaign_id: 'nope', name: 'x' },
    });
    expect(unknown.status).toBe(404);
    for (const body of [
      {},
      { addConversions: 0 },
      { addConversions: 2, billing: {} },
      { billing: { total_spend_dollars: '5' } },
      { billing: { spend: 5 } },
      { campaignSpendDelta: { campaign_id: '0042', dollars: 0.001 } },
      { campaignSpendDelta: { campaign_id: 42, dollars: 1 } },
      { rename: 'x' },
    ]) {
      const r = await mock.control('POST', '/mutate', body);
      expect({ body, status: r.status }).toEqual({ body, status: 400 });
    }
  });
});

describe('reset and health', () => {
  it('restores the data, clears faults and the request log', async () => {
    const pristine = {
      campaigns: (await mock.get('/campaigns')).text,
      billing: (await mock.get('/billing')).text,
      conversions: (await mock.get('/conversions', { limit: 100 })).text,
    };
    await mutate({ addConversions: 10 });
    await mutate({ billing: { credits_dollars: 99 } });
    await mutate({ campaignSpendDelta: { campaign_id: '1e5', dollars: 1 } });
    await mutate({ campaignName: { campaign_id: '1e5', name: 'renamed' } });
    await fault({ status: 500, times: -1 }, { path: '/billing', status: 429 });
    expect((await mock.control('POST', '/reset')).json()).toEqual({ reset: true });
    expect((await mock.control('GET', '/requests')).json()).toEqual([]);
    expect((await mock.get('/campaigns')).text).toBe(pristine.campaigns);
    expect((await mock.get('/billing')).text).toBe(pristine.billing);
    expect((await mock.get('/conversions', { limit: 100 })).text).toBe(pristine.conversions);
  });

  it('GET /__mock/health answers without a key', async () => {
    const r = await mock.control('GET', '/health');
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok', today: mock.dataset.today });
  });

  it('answers unknown controls with 404 and wrong methods with 405', async () => {
    expect((await mock.control('GET', '/nope')).status).toBe(404);
    const wrong = await mock.control('GET', '/reset');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });
});
