import { repeatedRequests, summarizeBatching } from '../../bench/batching';
import { TracedCall } from '../../bench/fetch-trace';

/** A traced call of requests given as "path?query" with their response bodies. */
function call(...requests: Array<[string, unknown?]>): TracedCall {
  return {
    method: requests.length > 1 ? 'fetchAll' : 'fetch',
    requests: requests.map(([key, body]) => {
      const url = new URL(key, 'http://127.0.0.1');
      return {
        key,
        path: url.pathname,
        query: url.searchParams,
        body: body === undefined ? '' : JSON.stringify(body),
      };
    }),
  };
}

test('pages that follow a next_cursor wait for it: none could have been batched', () => {
  const summary = summarizeBatching([
    call(['/conversions?limit=100', { next_cursor: 'c1', conversions: [] }]),
    call(['/conversions?cursor=c1&limit=100', { next_cursor: 'c2', conversions: [] }]),
    call(['/conversions?cursor=c2&limit=100', { next_cursor: null, conversions: [] }]),
  ]);
  expect(summary).toEqual({ calls: 3, requests: 3, unbatchedCalls: 0, unbatchedRequests: 0, callFloor: 3 });
});

test('a call that needs nothing from the call before it is counted as unbatched', () => {
  const summary = summarizeBatching([
    call(['/metrics?days=30', { data: [] }], ['/billing', {}]),
    call(['/integrations', {}], ['/events/analytics?days=30', {}]),
  ]);
  expect(summary.unbatchedCalls).toBe(1);
  expect(summary.unbatchedRequests).toBe(2);
  expect(summary.callFloor).toBe(1);
});

test('per-campaign requests depend on the campaign list, and an older history window on the newer one', () => {
  const summary = summarizeBatching([
    call(['/campaigns', [{ campaign_id: 'cmp-1' }, { campaign_id: '00 7' }]]),
    call(['/metrics?campaign_id=cmp-1&start_date=2025-01-01&end_date=2025-05-20', { data: [] }]),
    call(['/metrics?start_date=2024-05-21&end_date=2025-05-20', { data: [{ date: '2024-05-21' }] }]),
    call(['/metrics?start_date=2023-05-21&end_date=2024-05-20', { data: [] }]),
  ]);
  // The third call needs nothing from the second (a per-campaign window), so it alone is unbatched.
  expect(summary.unbatchedCalls).toBe(1);
  expect(summary.callFloor).toBe(3);
});

test('the same path and query asked twice in one execution is counted as repeated', () => {
  expect(repeatedRequests([call(['/billing'], ['/campaigns']), call(['/billing'])])).toBe(1);
  expect(repeatedRequests([call(['/metrics?days=7'], ['/metrics?days=30'])])).toBe(0);
});
