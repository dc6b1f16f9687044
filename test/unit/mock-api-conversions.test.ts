import type { Conversion, ConversionsPage } from '../../dev/mock-api/dataset';
import { startInProcess, type InProcessMock } from './mock-api-helpers';

let mock: InProcessMock;
beforeAll(async () => {
  mock = await startInProcess();
});
afterAll(() => mock.close());
afterEach(async () => {
  await mock.control('POST', '/reset');
});

async function page(query: Record<string, string | number>): Promise<ConversionsPage> {
  const r = await mock.get('/conversions', query);
  expect(r.status).toBe(200);
  return r.json<ConversionsPage>();
}

/** Follows next_cursor to the end; returns every conversion seen and the number of requests. */
async function walk(m: InProcessMock, query: Record<string, string | number>) {
  const seen: Conversion[] = [];
  let cursor: string | null = null;
  let requests = 0;
  let total: number;
  do {
    const r = await m.get('/conversions', cursor === null ? query : { ...query, cursor });
    expect(r.status).toBe(200);
    const body = r.json<ConversionsPage>();
    requests++;
    total = body.total_conversions;
    seen.push(...body.conversions);
    expect(body.has_more).toBe(body.next_cursor !== null);
    cursor = body.next_cursor;
  } while (cursor !== null);
  return { seen, requests, total };
}

it.each([100, 50, 7, 1])(
  'walks all 600 conversions exactly once, newest first, with limit %i',
  async (limit) => {
    const { seen, requests, total } = await walk(mock, { limit });
    expect(total).toBe(600);
    expect(seen).toEqual(mock.dataset.conversions);
    expect(new Set(seen.map((c) => c.conversion_id)).size).toBe(600);
    expect(requests).toBe(Math.ceil(600 / limit));
  },
);

it.each<Record<string, string>>([
  { campaign_id: 'cmp-1001' },
  { campaign_id: '0042' },
  { event_type: 'lead' },
  { campaign_id: '1e5', event_type: 'purchase' },
])('walks a filtered list exactly once: %o', async (filter) => {
  const expected = mock.dataset.conversions.filter(
    (c) =>
      (filter.campaign_id === undefined || c.campaign_id === filter.campaign_id) &&
      (filter.event_type === undefined || c.event_type === filter.event_type),
  );
  expect(expected.length).toBeGreaterThan(10);
  const { seen, total } = await walk(mock, { ...filter, limit: 9 });
  expect(seen).toEqual(expected);
  expect(total).toBe(expected.length);
});

it('returns an empty last page shape for filters that match nothing', async () => {
  expect(await page({ campaign_id: 'cmp-1006' })).toEqual({
    conversions: [],
    total_conversions: 0,
    has_more: false,
    next_cursor: null,
  });
  expect((await page({ event_type: 'refund' })).total_conversions).toBe(0);
});

it('rejects cursors it did not issue', async () => {
  const valid = (await page({ limit: 5 })).next_cursor!;
  const garbage = [
    'abc',
    '',
    '!!!',
    `${valid}x`,
    `x${valid}`,
    Buffer.from('v1:600').toString('base64url'),
    Buffer.from('v1:-1').toString('base64url'),
    Buffer.from('v1:01').toString('base64url'),
    Buffer.from('{"id":"00123"}').toString('base64url'),
    '00595',
  ];
  for (const cursor of garbage) {
    const r = await mock.get('/conversions', { cursor });
    expect({ cursor, status: r.status }).toEqual({ cursor, status: 400 });
    expect(r.json()).toEqual({ detail: 'invalid cursor' });
  }
});

it('keeps cursors stable while new conversions arrive: a walk continues without repeats or gaps', async () => {
  const first = await page({ limit: 100 });
  expect((await mock.control('POST', '/mutate', { addConversions: 25 })).status).toBe(200);
  const rest: Conversion[] = [];
  let cursor = first.next_cursor;
  while (cursor !== null) {
    const body = await page({ limit: 100, cursor });
    expect(body.total_conversions).toBe(625);
    rest.push(...body.conversions);
    cursor = body.next_cursor;
  }
  expect([...first.conversions, ...rest]).toEqual(mock.dataset.conversions);
  const fresh = await page({ limit: 25 });
  expect(fresh.conversions.map((c) => c.conversion_id)).toEqual(
    Array.from({ length: 25 }, (_, i) => String(625 - i).padStart(5, '0')),
  );
  expect(
    fresh.conversions.at(-1)!.conversion_timestamp >= mock.dataset.conversions[0].conversion_timestamp,
  ).toBe(true);
});

it('pages 5,000 conversions, each exactly once', async () => {
  const big = await startInProcess({ conversions: 5000 });
  try {
    const { seen, requests } = await walk(big, { limit: 100 });
    expect(seen).toHaveLength(5000);
    expect(new Set(seen.map((c) => c.conversion_id)).size).toBe(5000);
    expect(requests).toBe(50);
    const filtered = await walk(big, { limit: 100, event_type: 'purchase' });
    expect(filtered.seen.length).toBe(
      big.dataset.conversions.filter((c) => c.event_type === 'purchase').length,
    );
    expect(filtered.seen.length).toBeGreaterThan(0);
    expect(filtered.seen.every((c) => c.event_type === 'purchase')).toBe(true);
    expect(filtered.total).toBe(filtered.seen.length);
  } finally {
    await big.close();
  }
});
