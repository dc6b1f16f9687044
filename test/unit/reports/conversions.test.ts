import { GravityClient } from '../../../src/api/client';
import { conversionsReport } from '../../../src/reports/kinds/conversions';
import { ReportSpec, SequentialPlan } from '../../../src/reports/definition';
import { zoneClock } from '../../../src/tables/timezone';
import { FakeClock, FakeHttp, json } from '../../support/fake-ports';

const zone = zoneClock('UTC', () => '+0000');

/** A server of `total` conversions c<total>…c1, newest first, `pageSize` per page with cursors. */
function server(total: number, pageSize: number): FakeHttp {
  return new FakeHttp((request) => {
    const url = new URL(request.url);
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const limit = Math.min(Number(url.searchParams.get('limit')), pageSize);
    const ids = Array.from({ length: total }, (_, i) => `c${total - i}`);
    const page = ids.slice(start, start + limit);
    const more = start + limit < total;
    return json({
      conversions: page.map((id) => ({ conversion_id: id, value_cents: 100 })),
      total_conversions: total,
      has_more: more,
      next_cursor: more ? String(start + limit) : null,
    });
  });
}

function run(http: FakeHttp, spec: Partial<ReportSpec>, existing: unknown[][], stopBy = Infinity) {
  const clock = new FakeClock();
  const client = new GravityClient({ http, clock, apiKey: 'k', deadline: Infinity });
  const full: ReportSpec = {
    row: 2,
    tab: 'Conversions',
    report: 'conversions',
    mode: 'append',
    range: null,
    ...spec,
  };
  const plan = conversionsReport.plan(full, {
    zone,
    fetchedAt: '',
    existing: { values: existing },
  }) as SequentialPlan;
  return plan.run(client, clock, stopBy);
}

const tabWith = (...ids: string[]) => [['conversion_id', 'value'], ...ids.map((id) => [id, 1])];

test('append: stops at the first conversion the tab has, and returns the new ones oldest first', () => {
  const http = server(250, 100);
  const table = run(http, {}, tabWith('c1', 'c2', 'c247'));
  expect(http.requests).toHaveLength(1);
  expect(table.rows.map((r) => r[0])).toEqual(['c248', 'c249', 'c250']);
});

test('append into an empty tab: a full sync, oldest first', () => {
  const http = server(250, 100);
  const table = run(http, {}, []);
  expect(http.requests).toHaveLength(3);
  expect(table.rows).toHaveLength(250);
  expect(table.rows[0][0]).toBe('c1');
});

test('replace: the newest first, every page', () => {
  const table = run(server(120, 100), { mode: 'replace' }, []);
  expect(table.rows.map((r) => r[0]).slice(0, 2)).toEqual(['c120', 'c119']);
  expect(table.rows).toHaveLength(120);
});

test('append that runs out of time before reaching known conversions writes nothing and says how to re-sync', () => {
  const http = server(400, 100);
  // The budget is gone after the first page.
  expect(() => run(http, {}, tabWith('c1'), 0)).toThrow(
    /more new conversions arrived than one run can fetch \(100 so far\); nothing was written\. Delete the rows of tab "Conversions"/,
  );
});

test('append into an empty tab that cannot be fetched in one run: nothing written, the reason given', () => {
  const http = server(250, 100);
  // The time budget is spent after the first page.
  expect(() => run(http, {}, [], 0)).toThrow(
    /more conversions than one run can fetch \(100 of 250 so far\); nothing was written\. Filter the report/,
  );
});

test('ids read back as text match the API even when it sends numbers', () => {
  const http = new FakeHttp(() =>
    json({
      conversions: [{ conversion_id: 12 }, { conversion_id: 11 }],
      total_conversions: 2,
      has_more: false,
      next_cursor: null,
    }),
  );
  const table = run(http, {}, tabWith('11'));
  expect(table.rows.map((r) => r[0])).toEqual([12]);
});
