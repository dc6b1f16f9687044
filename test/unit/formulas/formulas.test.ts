import { gravityBilling } from '../../../src/formulas/billing';
import { gravityCampaign, gravityCampaigns } from '../../../src/formulas/campaigns';
import { gravityConversionStats } from '../../../src/formulas/conversion-stats';
import { gravityConversions } from '../../../src/formulas/conversions';
import { gravityEvents } from '../../../src/formulas/events';
import { gravityIntegrations } from '../../../src/formulas/integrations';
import { gravityMetrics, gravityTotal } from '../../../src/formulas/metrics';
import { FormulaRuntime } from '../../../src/formulas/runtime';
import { gravityFormulaCells } from '../../../src/formulas/refresh';
import { HttpRequest } from '../../../src/gas/ports';
import { json } from '../../support/fake-ports';
import { byPath, testRuntime } from './fake-runtime';
import {
  BILLING,
  CAMPAIGN,
  CAMPAIGN_DETAIL,
  CONVERSION_STATS,
  conversion,
  EVENTS,
  IDLE_CAMPAIGN,
  INTEGRATIONS,
  METRICS,
} from './fixtures';

const API = {
  '/campaigns': { campaigns: [CAMPAIGN, IDLE_CAMPAIGN] },
  '/campaigns/00123': CAMPAIGN_DETAIL,
  '/metrics': METRICS,
  '/billing': BILLING,
  '/events/analytics': EVENTS,
  '/events/conversion-stats': CONVERSION_STATS,
  '/integrations': INTEGRATIONS,
};

describe('each formula asks the right question and shapes the answer', () => {
  it('GRAVITY_CAMPAIGNS filters by status (trimmed, lower case)', () => {
    const t = testRuntime(byPath(API));
    const values = gravityCampaigns(t.runtime, ' Active ') as unknown[][];
    expect(t.paths()).toEqual(['/campaigns?status=active']);
    expect(values).toHaveLength(3);
    gravityCampaigns(t.runtime, undefined);
    expect(t.paths()[1]).toBe('/campaigns');
  });

  it('GRAVITY_CAMPAIGN returns the detail table or one field', () => {
    const t = testRuntime(byPath(API));
    const table = gravityCampaign(t.runtime, '00123', '') as unknown[][];
    expect(table[0]).toEqual(['field', 'value']);
    expect(gravityCampaign(t.runtime, '00123', 'allowed_countries')).toBe('US, CA');
    expect(gravityCampaign(t.runtime, '00123', 'utm_params.utm_campaign')).toBe('+1');
    expect(gravityCampaign(t.runtime, '00123', 'utm_params.utm_term')).toBe('');
    expect(gravityCampaign(t.runtime, '00123', 'spend')).toBe(120.5);
    expect(t.paths()).toEqual(Array(5).fill('/campaigns/00123'));
  });

  it('GRAVITY_METRICS sends days, or a start/end pair, and a campaign', () => {
    const t = testRuntime(byPath(API));
    gravityMetrics(t.runtime, undefined, undefined, undefined);
    gravityMetrics(t.runtime, 7, '', 'c 1');
    gravityMetrics(t.runtime, '2025-05-01', new Date('2025-05-19T15:00:00Z'), '');
    expect(t.paths()).toEqual([
      '/metrics?days=30',
      '/metrics?campaign_id=c%201&days=7',
      '/metrics?end_date=2025-05-20&start_date=2025-05-01',
    ]);
  });

  it('GRAVITY_TOTAL gives one number, derived ones blank on a zero denominator', () => {
    const t = testRuntime(byPath(API));
    expect(gravityTotal(t.runtime, 'SPEND', 7, undefined, undefined)).toBe(10);
    expect(gravityTotal(t.runtime, 'cpc', 7, undefined, undefined)).toBe(0.5);
    const zero = testRuntime(
      byPath({ '/metrics': { data: [], total_impressions: 0, total_clicks: 0, total_spend: 0 } }),
    );
    expect(gravityTotal(zero.runtime, 'cpm', undefined, undefined, undefined)).toBe('');
    expect(gravityTotal(zero.runtime, 'revenue', undefined, undefined, undefined)).toBe('');
  });

  it('GRAVITY_BILLING returns the table or one field', () => {
    const t = testRuntime(byPath(API));
    expect((gravityBilling(t.runtime, undefined) as unknown[][]).length).toBe(8);
    expect(gravityBilling(t.runtime, 'unbilled_dollars')).toBe(200.5);
    expect(gravityBilling(t.runtime, 'last_billed_at')).toBe('');
  });

  it('GRAVITY_EVENTS: every view from one request with the filters', () => {
    const t = testRuntime(byPath(API));
    expect((gravityEvents(t.runtime, 'domains', 7, '', 'shop', 'click') as unknown[][])[1]).toEqual([
      'shop.example',
      42,
    ]);
    expect((gravityEvents(t.runtime, 'TimeSeries', 7, '', 'shop', 'click') as unknown[][])[0]).toEqual([
      'date',
      'events',
    ]);
    expect((gravityEvents(t.runtime, 'types', 7, '', 'shop', 'click') as unknown[][])[0]).toEqual([
      'event_type',
      'total',
      'last_received',
    ]);
    expect(new Set(t.paths())).toEqual(new Set(['/events/analytics?days=7&domain=shop&event_type=click']));
  });

  it('GRAVITY_CONVERSION_STATS: timeseries, types and the total', () => {
    const t = testRuntime(byPath(API));
    expect((gravityConversionStats(t.runtime, 'timeseries', '', '', 'lead') as unknown[][]).length).toBe(3);
    expect((gravityConversionStats(t.runtime, 'types', '', '', 'lead') as unknown[][])[1]).toEqual([
      'purchase',
      15,
    ]);
    expect(gravityConversionStats(t.runtime, 'total', '', '', 'lead')).toBe(20);
    expect(t.paths()[0]).toBe('/events/conversion-stats?days=30&event_type=lead');
  });

  it('GRAVITY_INTEGRATIONS lists both kinds', () => {
    const t = testRuntime(byPath(API));
    expect((gravityIntegrations(t.runtime) as unknown[][]).map((r) => r[0])).toEqual([
      'type',
      'shopify',
      'calendly',
    ]);
  });
});

describe('GRAVITY_CONVERSIONS paging', () => {
  /** A history of `total` conversions served `limit` at a time, each page costing `msPerPage` of the clock. */
  function pagedApi(total: number, msPerPage: number, t: () => ReturnType<typeof testRuntime>) {
    return (request: HttpRequest) => {
      const url = new URL(request.url);
      const limit = Number(url.searchParams.get('limit'));
      const from = Number(url.searchParams.get('cursor') ?? 0);
      t().clock.time += msPerPage;
      const to = Math.min(total, from + limit);
      return json({
        conversions: Array.from({ length: to - from }, (_, i) => conversion(from + i)),
        total_conversions: total,
        has_more: to < total,
        next_cursor: to < total ? String(to) : null,
      });
    };
  }

  it('defaults to 100 rows and follows next_cursor up to max_rows', () => {
    let t: ReturnType<typeof testRuntime> | null = null;
    t = testRuntime(pagedApi(1000, 100, () => t!));
    expect((gravityConversions(t.runtime, undefined, undefined, undefined) as unknown[][]).length).toBe(101);
    const values = gravityConversions(t.runtime, 250, 'c1', 'purchase') as unknown[][];
    expect(values.length).toBe(251);
    expect(t.paths().slice(1)).toEqual([
      '/conversions?campaign_id=c1&event_type=purchase&limit=100',
      '/conversions?campaign_id=c1&cursor=100&event_type=purchase&limit=100',
      '/conversions?campaign_id=c1&cursor=200&event_type=purchase&limit=50',
    ]);
  });

  it('keeps the rows it has when a later page fails, and says why in a last row', () => {
    let t: ReturnType<typeof testRuntime> | null = null;
    const pages = pagedApi(1000, 100, () => t!);
    t = testRuntime((request) =>
      new URL(request.url).searchParams.get('cursor') === '200'
        ? json({ detail: 'no' }, 403)
        : pages(request),
    );
    const values = gravityConversions(t.runtime, 500, '', '') as unknown[][];
    expect(values).toHaveLength(1 + 200 + 1);
    expect(values[values.length - 1][0]).toMatch(
      /^Gravity: stopped after 200 conversions: this API key may not read \/conversions \(403\)\..*The rows above are complete up to there\.$/,
    );
  });

  it('still fails outright when the first page fails', () => {
    const t = testRuntime(() => json({ detail: 'no' }, 403));
    expect(() => gravityConversions(t.runtime, 500, '', '')).toThrow(/\(403\)/);
  });

  it('stops before the time limit and says so in a last row', () => {
    let t: ReturnType<typeof testRuntime> | null = null;
    t = testRuntime(pagedApi(5000, 3000, () => t!));
    const values = gravityConversions(t.runtime, 3000, '', '') as unknown[][];
    // Pages end at 3, 6, … 21 s: the seventh ends past the 20 s paging budget, so no eighth starts.
    expect(t.http.requests).toHaveLength(7);
    expect(values).toHaveLength(1 + 700 + 1);
    const note = values[values.length - 1];
    expect(note[0]).toBe(
      "Gravity: stopped after 700 of 3,000 conversions to stay within Google's 30-second limit for formulas. " +
        'Ask for fewer rows (max_rows), or add a Conversions report tab (Extensions › Gravity › Add report) for the full history.',
    );
    expect(note.slice(1).every((v) => v === '')).toBe(true);
    expect(note).toHaveLength(values[0].length);
  });
});

describe('bad arguments: refused before the key is read or anything is sent', () => {
  type Call = (r: FormulaRuntime) => unknown;
  const cases: Array<[string, Call, string]> = [
    ['metrics 0', (r) => gravityMetrics(r, 0, '', ''), 'days_or_start must be a whole number'],
    ['metrics start without end', (r) => gravityMetrics(r, '2025-05-01', '', ''), 'end_date is required'],
    [
      'metrics range campaign',
      (r) => gravityMetrics(r, 7, '', [['a', 'b']]),
      'campaign_id must be a single value',
    ],
    [
      'total no metric',
      (r) => gravityTotal(r, '', 7, '', ''),
      'metric is required: use one of "impressions"',
    ],
    ['total unknown metric', (r) => gravityTotal(r, 'profit', 7, '', ''), 'metric "profit" is not known'],
    ['total bad days', (r) => gravityTotal(r, 'spend', 366, '', ''), 'not 366'],
    ['campaign no id', (r) => gravityCampaign(r, '', ''), 'campaign_id is required'],
    ['campaign bad field', (r) => gravityCampaign(r, 'x', 'nope'), 'field "nope" is not known'],
    ['campaigns range', (r) => gravityCampaigns(r, [['a'], ['b']]), 'status must be a single value'],
    [
      'conversions 0',
      (r) => gravityConversions(r, 0, '', ''),
      'max_rows must be a whole number from 1 to 3,000',
    ],
    ['conversions 5001', (r) => gravityConversions(r, 5001, '', ''), 'not 5001'],
    ['conversions text', (r) => gravityConversions(r, 'many', '', ''), 'not "many"'],
    ['billing field', (r) => gravityBilling(r, 'balance'), 'field "balance" is not known'],
    ['events no view', (r) => gravityEvents(r, '', 7, '', '', ''), 'view is required: use one of "domains"'],
    ['events bad view', (r) => gravityEvents(r, 'hours', 7, '', '', ''), 'view "hours" is not known'],
    [
      'events bad date',
      (r) => gravityEvents(r, 'types', '2025-02-30', '2025-03-01', '', ''),
      'not a real date',
    ],
    ['stats bad view', (r) => gravityConversionStats(r, 'sum', 7, '', ''), 'view "sum" is not known'],
    [
      'stats end before start',
      (r) => gravityConversionStats(r, 'total', '2025-05-02', '2025-05-01', ''),
      'swap them',
    ],
  ];

  it.each(cases)('%s', (_name, call, message) => {
    const t = testRuntime(byPath(API));
    expect(() => call(t.runtime)).toThrow(`Gravity: `);
    expect(() => call(t.runtime)).toThrow(message);
    expect(t.keyReads()).toBe(0);
    expect(t.http.requests).toHaveLength(0);
  });
});

describe('finding GRAVITY formulas to refresh', () => {
  it('finds calls of any GRAVITY_* function, in any case, nested or not, 1-based', () => {
    const grid = [
      ['=GRAVITY_METRICS(7)', '', 'text GRAVITY_X('],
      ['=SUM(A1:A3)', '=ROUND(gravity_total("spend"), 2)', '=MYGRAVITY_X(1)'],
      ['', '', '=IFERROR(GRAVITY_INFO("name"),"")'],
    ];
    expect(gravityFormulaCells(grid)).toEqual([
      { row: 1, column: 1, formula: '=GRAVITY_METRICS(7)' },
      { row: 2, column: 2, formula: '=ROUND(gravity_total("spend"), 2)' },
      { row: 3, column: 3, formula: '=IFERROR(GRAVITY_INFO("name"),"")' },
    ]);
  });
});
