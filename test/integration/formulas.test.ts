import type { CellView } from '../../dev/emulator/spreadsheet/fake-sheet';
import { addon, type Addon, type AddonOptions, EDITOR, useMockApi } from '../support/harness';

/**
 * Every GRAVITY_* formula called from the BUILT bundle (dist/Code.js) in the emulator's custom-function mode
 * (owner's user properties, read-only spreadsheet), against the mock API in its own process.
 */

const mockApi = useMockApi();

interface World extends Addon {
  /** Types a formula into Sheet1 as a user would: Sheets evaluates it at once. */
  enter(a1: string, formula: string): void;
  cell(a1: string): CellView;
}

/** The add-on in a spreadsheet whose zone is not UTC (Tokyo unless told), with Sheet1 at hand. */
function world(options: AddonOptions = {}): World {
  const a = addon(mockApi(), { timeZone: 'Asia/Tokyo', ...options });
  const sheetName = a.spreadsheet.sheetNames()[0];
  return {
    ...a,
    enter(a1, formula) {
      a.emu.enterFormula(a.spreadsheet.id, sheetName, a1, formula);
    },
    cell(a1) {
      return a.spreadsheet.sheet(sheetName)!.cell(a1);
    },
  };
}

function table(value: unknown): unknown[][] {
  if (!Array.isArray(value)) throw new Error(`expected a table, got ${String(value)}`);
  return value as unknown[][];
}

function message(value: unknown): string {
  if (Object.prototype.toString.call(value) !== '[object Error]')
    throw new Error(`expected an error, got ${JSON.stringify(value)}`);
  return (value as Error).message;
}

/** A Date from the script realm: compare instants, not identity. */
function instant(value: unknown): string {
  if (Object.prototype.toString.call(value) !== '[object Date]')
    throw new Error(`expected a Date, got ${String(value)}`);
  return new Date((value as Date).getTime()).toISOString();
}

const header = (value: unknown) => table(value)[0];
const column = (value: unknown, name: string) => {
  const rows = table(value);
  const index = rows[0].indexOf(name);
  if (index < 0) throw new Error(`no column ${name}`);
  return rows.slice(1).map((r) => r[index]);
};

describe('every function, view and optional argument, from the built bundle', () => {
  it('GRAVITY_INFO: the table and one field', async () => {
    const w = world();
    expect(table(w.formula('GRAVITY_INFO'))).toEqual([
      ['field', 'value'],
      ['advertiser_id', '00123'],
      ['name', 'Acme Corp'],
      ['email', 'ads@acme.example'],
    ]);
    expect(w.formula('GRAVITY_INFO', 'email')).toBe('ads@acme.example');
    expect(await w.requests()).toEqual(['/info']); // the second call came from the cache
  });

  it('GRAVITY_CAMPAIGNS: all, or by status, with derived metrics from lifetime numbers', async () => {
    const w = world();
    const all = table(w.formula('GRAVITY_CAMPAIGNS'));
    expect(header(all).slice(-6)).toEqual(['ctr', 'cpc', 'cpm', 'conversion_rate', 'cpa', 'roas']);
    expect(header(all).slice(0, 3)).toEqual(['campaign_id', 'name', 'status']);
    const first = all[1];
    const get = (name: string) => first[all[0].indexOf(name)] as number;
    expect(get('ctr')).toBeCloseTo((get('clicks') / get('impressions')) * 100, 12);
    expect(get('roas')).toBeCloseTo(get('conversion_value') / get('spend'), 12);
    const paused = table(w.formula('GRAVITY_CAMPAIGNS', 'Paused'));
    expect(paused.length).toBeGreaterThan(1);
    expect(column(paused, 'status').every((s) => s === 'paused')).toBe(true);
    expect(await w.requests()).toEqual(['/campaigns', '/campaigns?status=paused']);
  });

  it('GRAVITY_CAMPAIGN: detail with joined lists and utm_params rows; one field', async () => {
    const w = world();
    const detail = table(w.formula('GRAVITY_CAMPAIGN', '1e5'));
    const rows = Object.fromEntries(detail.map(([f, v]) => [f, v]));
    expect(detail[0]).toEqual(['field', 'value']);
    expect(rows.allowed_countries).toBe('US, GB, DE');
    expect(rows['utm_params.utm_campaign']).toBe('=IMPORTDATA("http://example.com")');
    expect(rows['utm_params.utm_term']).toBe('@x');
    expect(w.formula('GRAVITY_CAMPAIGN', '1e5', 'name')).toBe('=IMPORTDATA("http://example.com")');
    expect(w.formula('GRAVITY_CAMPAIGN', '1e5', 'utm_params.utm_source')).toBe('gravity');
    expect(await w.requests()).toEqual(['/campaigns/1e5']);
  });

  it('GRAVITY_METRICS: default 30 days, N days, a YYYY-MM-DD range, a campaign', async () => {
    const w = world();
    const thirty = table(w.formula('GRAVITY_METRICS'));
    expect(header(thirty)).toEqual([
      'date',
      'impressions',
      'clicks',
      'spend',
      'conversions',
      'revenue',
      'ctr',
      'cpc',
      'cpm',
      'conversion_rate',
      'cpa',
      'roas',
    ]);
    expect(thirty).toHaveLength(31);
    const dates = column(thirty, 'date').map(instant);
    expect([...dates].sort()).toEqual(dates); // oldest first
    expect(table(w.formula('GRAVITY_METRICS', 7, '', 'cmp-1001'))).toHaveLength(8);
    expect(table(w.formula('GRAVITY_METRICS', '2025-05-01', '2025-05-10'))).toHaveLength(11);
    expect(await w.requests()).toEqual([
      '/metrics?days=30',
      '/metrics?campaign_id=cmp-1001&days=7',
      '/metrics?end_date=2025-05-10&start_date=2025-05-01',
    ]);
  });

  it('GRAVITY_TOTAL: API totals and totals-derived rates, sharing the metrics request', async () => {
    const w = world();
    const days = table(w.formula('GRAVITY_METRICS', 7));
    const spend = w.formula('GRAVITY_TOTAL', 'spend', 7) as number;
    const clicks = w.formula('GRAVITY_TOTAL', 'clicks', 7) as number;
    expect(spend).toBeCloseTo(
      (column(days, 'spend') as number[]).reduce((a, b) => a + b, 0),
      6,
    );
    expect(w.formula('GRAVITY_TOTAL', 'cpc', 7)).toBeCloseTo(spend / clicks, 12);
    expect(typeof w.formula('GRAVITY_TOTAL', 'roas', 7, '', 'cmp-1001')).toBe('number');
    expect(await w.requests()).toEqual(['/metrics?days=7', '/metrics?campaign_id=cmp-1001&days=7']);
  });

  it('GRAVITY_TOTAL: every metric over a date range, from one request', async () => {
    const w = world();
    const metrics = ['impressions', 'clicks', 'spend', 'conversions', 'revenue'];
    const rates = ['ctr', 'cpc', 'cpm', 'conversion_rate', 'cpa', 'roas'];
    const total = (metric: string) =>
      w.formula('GRAVITY_TOTAL', metric, '2025-05-01', '2025-05-14') as number;
    const sums = Object.fromEntries(metrics.map((m) => [m, total(m)]));
    for (const m of metrics) expect(typeof sums[m]).toBe('number');
    const expected = {
      ctr: (sums.clicks / sums.impressions) * 100,
      cpc: sums.spend / sums.clicks,
      cpm: (sums.spend / sums.impressions) * 1000,
      conversion_rate: (sums.conversions / sums.clicks) * 100,
      cpa: sums.spend / sums.conversions,
      roas: sums.revenue / sums.spend,
    };
    for (const r of rates) expect(total(r)).toBeCloseTo(expected[r as keyof typeof expected], 12);
    expect(await w.requests()).toEqual(['/metrics?end_date=2025-05-14&start_date=2025-05-01']);
  });

  it('GRAVITY_TOTAL: a campaign that never delivered has 0 totals and blank rates', () => {
    const w = world();
    expect(w.formula('GRAVITY_TOTAL', 'impressions', 30, '', 'cmp-1006')).toBe(0);
    for (const rate of ['ctr', 'cpc', 'cpm', 'conversion_rate', 'cpa', 'roas'])
      expect(w.formula('GRAVITY_TOTAL', rate, 30, '', 'cmp-1006')).toBe('');
  });

  it('GRAVITY_CONVERSIONS: default 100, max_rows across pages, campaign and event filters, value beside value_cents', async () => {
    const w = world();
    const hundred = table(w.formula('GRAVITY_CONVERSIONS'));
    expect(hundred).toHaveLength(101);
    expect(header(hundred).slice(2, 4)).toEqual(['value_cents', 'value']);
    for (const row of hundred.slice(1)) expect(row[3]).toBe((row[2] as number) / 100);
    expect(table(w.formula('GRAVITY_CONVERSIONS', 250))).toHaveLength(251);
    const filtered = table(w.formula('GRAVITY_CONVERSIONS', 5, 'cmp-1001', 'purchase'));
    expect(filtered.length).toBeGreaterThan(1);
    expect(column(filtered, 'campaign_id').every((c) => c === 'cmp-1001')).toBe(true);
    expect(column(filtered, 'event_type').every((c) => c === 'purchase')).toBe(true);
    // The second call found its first page in the cache and fetched only pages two and three.
    expect((await w.requests()).map((p) => p.replace(/cursor=[^&]+/, 'cursor=…'))).toEqual([
      '/conversions?limit=100',
      '/conversions?cursor=…&limit=100',
      '/conversions?cursor=…&limit=50',
      '/conversions?campaign_id=cmp-1001&event_type=purchase&limit=5',
    ]);
  });

  it('GRAVITY_BILLING: the table and one field', async () => {
    const w = world();
    expect(header(w.formula('GRAVITY_BILLING'))).toEqual(['field', 'value']);
    expect(column(w.formula('GRAVITY_BILLING'), 'field')).toEqual([
      'total_spend_dollars',
      'total_billed_dollars',
      'unbilled_dollars',
      'credits_dollars',
      'billing_enabled',
      'last_spend_sync_at',
      'last_billed_at',
    ]);
    expect(w.formula('GRAVITY_BILLING', 'unbilled_dollars')).toBe(713.68);
    expect(w.formula('GRAVITY_BILLING', 'billing_enabled')).toBe(true);
    expect(await w.requests()).toEqual(['/billing']);
  });

  it('GRAVITY_EVENTS: domains, timeseries and types, with domain and event_type filters', async () => {
    const w = world();
    expect(header(w.formula('GRAVITY_EVENTS', 'domains'))).toEqual(['domain', 'events']);
    expect(header(w.formula('GRAVITY_EVENTS', 'timeseries', 1))).toEqual(['date', 'events']);
    expect(instant(table(w.formula('GRAVITY_EVENTS', 'timeseries', 1))[1][0])).toBe(
      '2025-05-20T00:00:00.000Z',
    );
    expect(header(w.formula('GRAVITY_EVENTS', 'types', '2025-05-01', '2025-05-07', 'shop', 'click'))).toEqual(
      ['event_type', 'total', 'last_received'],
    );
    const domains = column(w.formula('GRAVITY_EVENTS', 'domains', 7, '', 'shop'), 'domain');
    expect(domains.length).toBeGreaterThan(0);
    expect(domains.every((d) => String(d).includes('shop'))).toBe(true);
    expect(await w.requests()).toEqual([
      '/events/analytics?days=30',
      '/events/analytics?days=1',
      '/events/analytics?domain=shop&end_date=2025-05-07&event_type=click&start_date=2025-05-01',
      '/events/analytics?days=7&domain=shop',
    ]);
  });

  it('GRAVITY_CONVERSION_STATS: timeseries, types and total, with an event_type filter', async () => {
    const w = world();
    expect(header(w.formula('GRAVITY_CONVERSION_STATS', 'timeseries', 3))).toEqual(['date', 'conversions']);
    expect(header(w.formula('GRAVITY_CONVERSION_STATS', 'types'))).toEqual(['event_type', 'total']);
    const total = w.formula('GRAVITY_CONVERSION_STATS', 'total', 30, '', 'lead') as number;
    const types = table(w.formula('GRAVITY_CONVERSION_STATS', 'types', 30, '', 'lead'));
    expect(types.slice(1).reduce((sum, r) => sum + (r[1] as number), 0)).toBe(total);
    expect(await w.requests()).toEqual([
      '/events/conversion-stats?days=3',
      '/events/conversion-stats?days=30',
      '/events/conversion-stats?days=30&event_type=lead',
    ]);
  });

  it('GRAVITY_INTEGRATIONS: a type column, then the connection fields', async () => {
    const w = world();
    const rows = table(w.formula('GRAVITY_INTEGRATIONS'));
    expect(rows[0]).toEqual([
      'type',
      'id',
      'shop_domain',
      'is_active',
      'connected_at',
      'verification_status',
    ]);
    expect(column(rows, 'type')).toEqual(['shopify', 'shopify', 'calendly']);
    expect(column(rows, 'id')).toEqual(['1e5', 'conn-2002', '0042']);
    expect(await w.requests()).toEqual(['/integrations']);
  });
});

describe('bad arguments: a Gravity: message naming the argument, and no request', () => {
  const range = [
    [1, 2],
    [3, 4],
  ];
  const cases: Array<[string, unknown[], RegExp]> = [
    [
      'GRAVITY_METRICS',
      [0],
      /^Gravity: days_or_start must be a whole number of days from 1 to 365.* not 0\.$/,
    ],
    ['GRAVITY_METRICS', [366], /days_or_start .* not 366\.$/],
    ['GRAVITY_METRICS', [2.5], /days_or_start .* not 2\.5\.$/],
    ['GRAVITY_METRICS', ['abc'], /days_or_start .* not "abc"\.$/],
    ['GRAVITY_METRICS', [-1], /days_or_start .* not -1\.$/],
    ['GRAVITY_METRICS', ['2025-05-01'], /^Gravity: end_date is required when days_or_start is a start date/],
    [
      'GRAVITY_METRICS',
      ['2025-05-20', '2025-05-19'],
      /^Gravity: end_date 2025-05-19 is before the start date/,
    ],
    [
      'GRAVITY_METRICS',
      ['2025-02-30', '2025-03-01'],
      /^Gravity: days_or_start "2025-02-30" is not a real date/,
    ],
    ['GRAVITY_METRICS', [range], /^Gravity: days_or_start must be a single value, not a range of 4 cells\.$/],
    ['GRAVITY_METRICS', [7, '', range], /^Gravity: campaign_id must be a single value/],
    ['GRAVITY_TOTAL', ['profit'], /^Gravity: metric "profit" is not known: use one of "impressions"/],
    ['GRAVITY_TOTAL', [''], /^Gravity: metric is required/],
    ['GRAVITY_TOTAL', ['spend', 0], /^Gravity: days_or_start /],
    ['GRAVITY_TOTAL', ['spend', 7, '2025-05-01'], /^Gravity: end_date only goes with a start date/],
    [
      'GRAVITY_EVENTS',
      ['hourly'],
      /^Gravity: view "hourly" is not known: use one of "domains", "timeseries", "types"\.$/,
    ],
    ['GRAVITY_EVENTS', [''], /^Gravity: view is required/],
    ['GRAVITY_EVENTS', ['domains', 366], /^Gravity: days_or_start /],
    [
      'GRAVITY_CONVERSION_STATS',
      ['sum'],
      /^Gravity: view "sum" is not known: use one of "timeseries", "types", "total"\.$/,
    ],
    [
      'GRAVITY_CONVERSION_STATS',
      ['total', '2025-05-01', '2025-02-30'],
      /^Gravity: end_date "2025-02-30" is not a real date/,
    ],
    [
      'GRAVITY_INFO',
      ['phone'],
      /^Gravity: field "phone" is not known: use one of "advertiser_id", "name", "email"\.$/,
    ],
    [
      'GRAVITY_BILLING',
      ['balance'],
      /^Gravity: field "balance" is not known: use one of "total_spend_dollars"/,
    ],
    ['GRAVITY_CAMPAIGN', [''], /^Gravity: campaign_id is required/],
    [
      'GRAVITY_CAMPAIGN',
      ['cmp-1001', 'budget'],
      /^Gravity: field "budget" is not known.*"utm_params.<name>"\.$/,
    ],
    ['GRAVITY_CAMPAIGNS', [range], /^Gravity: status must be a single value/],
    ['GRAVITY_CONVERSIONS', [0], /^Gravity: max_rows must be a whole number from 1 to 3,000, not 0\.$/],
    ['GRAVITY_CONVERSIONS', [5001], /^Gravity: max_rows .* not 5001\.$/],
    ['GRAVITY_CONVERSIONS', [2.5], /^Gravity: max_rows .* not 2\.5\.$/],
  ];

  it.each(cases)('%s(%j)', async (name, args, expected) => {
    const w = world();
    expect(message(w.formula(name, ...args))).toMatch(expected);
    expect(await w.requests()).toEqual([]);
  });

  it('checks arguments before the key: with no key saved, the argument is still what is named', async () => {
    const w = world({ key: null });
    expect(message(w.formula('GRAVITY_METRICS', 366))).toMatch(/^Gravity: days_or_start /);
    expect(await w.requests()).toEqual([]);
  });

  it('refuses a range typed into a cell', async () => {
    const w = world();
    w.enter('A1', '=GRAVITY_TOTAL("spend", C1:D2)');
    expect(w.cell('A1').value).toBe('#ERROR!');
    expect(w.cell('A1').error).toBe('Gravity: days_or_start must be a single value, not a range of 4 cells.');
    expect(await w.requests()).toEqual([]);
  });
});

describe('failures a user can act on', () => {
  it('no key saved', async () => {
    const w = world({ key: null });
    expect(message(w.formula('GRAVITY_INFO'))).toMatch(
      /^Gravity: no API key is saved\. Open Extensions › Gravity › Open sidebar/,
    );
    expect(await w.requests()).toEqual([]);
  });

  it('spreadsheet not allowed by the owner', async () => {
    const w = world({ allowFormulas: false });
    expect(message(w.formula('GRAVITY_BILLING'))).toMatch(
      /^Gravity: GRAVITY formulas are not allowed in this spreadsheet/,
    );
    expect(await w.requests()).toEqual([]);
  });

  it('401: says to save a current key, and never shows the key', async () => {
    const w = world({ key: 'gravity-wrong-key-7777' });
    const text = message(w.formula('GRAVITY_INFO'));
    expect(text).toMatch(/^Gravity: the API key was rejected \(401\)/);
    expect(text).not.toContain('gravity-wrong-key-7777');
    expect(text).not.toContain('7777');
    expect(w.logText()).not.toContain('gravity-wrong-key-7777');
    expect(await w.requests()).toEqual(['/info']); // not retried: a new key is needed
  });

  it('404: an unknown campaign id', async () => {
    const w = world();
    expect(message(w.formula('GRAVITY_CAMPAIGN', 'cmp-9999'))).toMatch(
      /^Gravity: \/campaigns\/cmp-9999 was not found \(404\).*GRAVITY_CAMPAIGNS\(\) lists this account's campaigns\.$/,
    );
  });

  it('429 then success: waits as asked and answers', async () => {
    const w = world();
    await w.api.fault({ path: '/billing', status: 429, retryAfter: 2 });
    expect(w.formula('GRAVITY_BILLING', 'credits_dollars')).toBe(25);
    expect(await w.requests()).toEqual(['/billing', '/billing']);
  });

  it('5xx then success', async () => {
    const w = world();
    await w.api.fault({ path: '/info', status: 503 }, { path: '/info', status: 500, body: 'text' });
    expect(w.formula('GRAVITY_INFO', 'name')).toBe('Acme Corp');
    expect(await w.requests()).toEqual(['/info', '/info', '/info']);
  });

  it('an HTML error page from a proxy, every time: a short message with no markup', async () => {
    const w = world();
    await w.api.fault({ path: '/metrics', status: 502, body: 'html', times: -1 });
    const text = message(w.formula('GRAVITY_METRICS', 7));
    expect(text).toMatch(
      /^Gravity: the Gravity API had a server error \(502\) \(an HTML error page, probably from a proxy\)/,
    );
    expect(text).not.toMatch(/<|nginx/);
    expect((await w.requests()).length).toBe(4);
  });

  it('an HTML page with status 200', async () => {
    const w = world();
    await w.api.fault({ path: '/billing', status: 200, body: 'html' });
    expect(message(w.formula('GRAVITY_BILLING'))).toMatch(
      /^Gravity: the API answered \/billing with an HTML page instead of data\./,
    );
  });

  it('rate limited for longer than a formula may wait: gives up in time, with a message', async () => {
    const w = world();
    await w.api.fault({ path: '/info', status: 429, retryAfter: 20, times: -1 });
    const text = message(w.formula('GRAVITY_INFO'));
    expect(text).toMatch(/^Gravity: the Gravity API is rate limiting requests \(429\)\. .*time limit\)\.$/);
  });

  it('GRAVITY_CONVERSIONS stops paging before the 30 s limit and says so in a last row', async () => {
    const w = world();
    // Every page first meets a 429 asking for 4 s (virtual time), so each page costs about 4 s.
    const slowPages = Array.from({ length: 12 }, () => [
      { path: '/conversions', status: 429, retryAfter: 4 },
      { path: '/conversions', delayMs: 0 },
    ]).flat();
    await w.api.fault(...slowPages);
    const rows = table(w.formula('GRAVITY_CONVERSIONS', 3000));
    const last = rows[rows.length - 1];
    expect(last[0]).toMatch(
      /^Gravity: stopped after 500 of 600 conversions to stay within Google's 30-second limit/,
    );
    expect(last.slice(1).every((v) => v === '')).toBe(true);
    expect(rows).toHaveLength(1 + 500 + 1);
  });
});

describe('quota: the document cache', () => {
  it('50 cells of 5 distinct formulas cost exactly 5 requests', async () => {
    const w = world();
    const formulas = [
      ['=GRAVITY_TOTAL("spend", 7)', 'number'],
      ['=GRAVITY_INFO("name")', 'Acme Corp'],
      ['=GRAVITY_BILLING("unbilled_dollars")', 713.68],
      ['=GRAVITY_CONVERSION_STATS("total", 30)', 'number'],
      ['=GRAVITY_CAMPAIGN("cmp-1001", "name")', 'Always-on Brand'],
    ] as const;
    for (let i = 0; i < 50; i++) w.enter(`A${i + 1}`, formulas[i % 5][0]);
    for (let i = 0; i < 50; i++) {
      const expected = formulas[i % 5][1];
      const value = w.cell(`A${i + 1}`).value;
      if (expected === 'number') expect(typeof value).toBe('number');
      else expect(value).toBe(expected);
    }
    expect((await w.requests()).sort()).toEqual([
      '/billing',
      '/campaigns/cmp-1001',
      '/events/conversion-stats?days=30',
      '/info',
      '/metrics?days=7',
    ]);
  });
});

describe('values cell by cell', () => {
  it.each([
    ['Asia/Tokyo', '5/20/2025 20:53:00'],
    ['America/Los_Angeles', '5/20/2025 4:53:00'],
  ])('in %s: dates show the same day, timestamps the UTC instant', async (timeZone, syncDisplay) => {
    const w = world({ timeZone });
    w.enter('A1', '=GRAVITY_METRICS(3)');
    expect(['A2', 'A3', 'A4'].map((a1) => w.cell(a1).display)).toEqual([
      '5/18/2025',
      '5/19/2025',
      '5/20/2025',
    ]);
    w.enter('P1', '=GRAVITY_CONVERSION_STATS("timeseries", 2)');
    expect(['P2', 'P3'].map((a1) => w.cell(a1).display)).toEqual(['5/19/2025', '5/20/2025']);
    w.enter('S1', '=GRAVITY_BILLING()');
    expect(w.cell('S7').display).toBe('last_spend_sync_at');
    expect(w.cell('T7').display).toBe(syncDisplay); // 2025-05-20T11:53:00 UTC in the sheet's zone
    expect(instant(w.formula('GRAVITY_BILLING', 'last_spend_sync_at'))).toBe('2025-05-20T11:53:00.000Z');
  });

  it.each(['Asia/Tokyo', 'America/Los_Angeles'])(
    'in %s: date cells as arguments mean the day shown',
    async (timeZone) => {
      const w = world({ timeZone });
      const sheet = w.spreadsheet.sheet('Sheet1')!;
      sheet.typeValues('X1', [['2025-05-01'], ['2025-05-03']]);
      w.enter('A1', '=GRAVITY_CONVERSION_STATS("timeseries", X1, X2)');
      expect(w.cell('A4').display).toBe('5/3/2025');
      expect(await w.requests()).toEqual([
        '/events/conversion-stats?end_date=2025-05-03&start_date=2025-05-01',
      ]);
    },
  );

  it('null is blank, zero denominators are blank, awkward text stays exact', async () => {
    const w = world();
    w.enter('A1', '=GRAVITY_CAMPAIGNS()');
    const grid = w.spreadsheet.sheet('Sheet1')!.values();
    const head = grid[0];
    const rows = grid.slice(1).filter((r) => r[0] !== '');
    const at = (row: unknown[], name: string) => row[head.indexOf(name)];
    const idle = rows.filter((r) => at(r, 'impressions') === 0);
    expect(idle.length).toBeGreaterThan(0);
    for (const row of idle)
      for (const name of ['ctr', 'cpc', 'cpm', 'conversion_rate', 'cpa', 'roas'])
        expect(at(row, name)).toBe('');
    expect(rows.some((r) => at(r, 'end_time') === '')).toBe(true);
    for (const row of rows)
      for (const value of row)
        expect(Number.isNaN(value) || value === Infinity || value === -Infinity).toBe(false);
    const ids = rows.map((r) => at(r, 'campaign_id'));
    expect(ids).toEqual(expect.arrayContaining(['0042', '1e5']));
    expect(rows.map((r) => at(r, 'name'))).toContain('=IMPORTDATA("http://example.com")');
    w.enter('A20', '=GRAVITY_EVENTS("domains")');
    const domains = ['A21', 'A22', 'A23', 'A24', 'A25'].map((a1) => w.cell(a1));
    expect(domains.map((c) => c.value)).toEqual(expect.arrayContaining(['TRUE', '2025-05-20']));
    for (const cell of domains) expect(typeof cell.value).toBe('string');
    w.enter('D20', '=GRAVITY_INFO("advertiser_id")');
    expect(w.cell('D20').value).toBe('00123');
  });
});

describe('Refresh GRAVITY formulas', () => {
  it('drops the cache and recalculates every GRAVITY formula, leaving other cells alone', async () => {
    const w = world();
    const { spreadsheet } = w;
    const second = spreadsheet.addSheet('KPIs');
    w.enter('A1', '=GRAVITY_BILLING("unbilled_dollars")');
    w.enter('C1', '=GRAVITY_METRICS(3)');
    spreadsheet.sheet('Sheet1')!.typeValues('A3', [['keep me'], ['=1+2']]);
    w.emu.enterFormula(w.spreadsheet.id, 'KPIs', 'B2', '=GRAVITY_INFO("name")');
    expect(w.cell('A1').value).toBe(713.68);

    await w.api.mutate({ billing: { unbilled_dollars: 1.5 } });
    w.enter('A1', '=GRAVITY_BILLING("unbilled_dollars")');
    expect(w.cell('A1').value).toBe(713.68); // still the cached answer
    await w.api.clearRequests();

    w.run('refreshFormulas', [], { user: EDITOR }); // any editor may click it

    expect(w.cell('A1').value).toBe(1.5);
    expect(w.cell('A1').formula).toBe('=GRAVITY_BILLING("unbilled_dollars")');
    expect(w.cell('C1').formula).toBe('=GRAVITY_METRICS(3)');
    expect(w.cell('C4').display).toBe('5/20/2025');
    expect(second.cell('B2').value).toBe('Acme Corp');
    expect(w.cell('A3').value).toBe('keep me');
    expect(w.cell('A4').formula).toBe('=1+2');
    expect((await w.requests()).sort()).toEqual(['/billing', '/info', '/metrics?days=3']);
    expect(spreadsheet.ui.toasts.map((t) => t.message)).toEqual([
      'Refreshed 3 GRAVITY formulas with fresh data.',
    ]);
  });

  it('says so when there is nothing to refresh', () => {
    const w = world();
    w.run('refreshFormulas');
    const toasts = w.spreadsheet.ui.toasts;
    expect(toasts.map((t) => t.message)).toEqual(['No GRAVITY formulas found in this spreadsheet.']);
  });
});
