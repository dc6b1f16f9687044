import { addon, useMockApi } from '../support/harness';
import {
  apiGet,
  COL,
  CONFIG,
  configRow,
  header,
  LOG,
  logRows,
  records,
  resultOf,
  sheet,
  snapshot,
  typeReports,
} from './reports-support';

/** Report tabs from the BUILT bundle in the emulator, against the mock API. */

const mock = useMockApi();

const EVERY_TYPE: Array<[string, string, ...unknown[]]> = [
  ['Info', 'info'],
  ['Campaigns', 'campaigns'],
  ['Campaign', 'campaign', '', '', '', '0042'],
  ['Metrics', 'metrics', 30],
  ['Conversions', 'conversions'],
  ['Billing', 'billing'],
  ['Domains', 'events_domains', 7],
  ['Hourly events', 'events_timeseries', 2],
  ['Event types', 'events_types', 7],
  ['Daily conversions', 'conversion_stats_timeseries', 30],
  ['Conversion types', 'conversion_stats_types', 30],
  ['Integrations', 'integrations'],
];

const FIRST_COLUMNS: Record<string, string[]> = {
  Info: ['field', 'value'],
  Campaigns: ['campaign_id', 'name', 'status'],
  Campaign: ['field', 'value'],
  Metrics: ['date', 'impressions', 'clicks', 'spend'],
  Conversions: ['conversion_id', 'event_type', 'value_cents', 'value'],
  Billing: ['field', 'value'],
  Domains: ['domain', 'events'],
  'Hourly events': ['date', 'events'],
  'Event types': ['event_type', 'total', 'last_received'],
  'Daily conversions': ['date', 'conversions'],
  'Conversion types': ['event_type', 'total'],
  Integrations: ['type', 'id', 'shop_domain'],
};

describe('the Gravity Reports tab', () => {
  test('is created on first use with the spec header, bold and frozen, and dropdowns and a checkbox', () => {
    const a = addon(mock());
    a.run('refreshAllReports');
    const config = sheet(a, CONFIG);
    expect(header(config)).toEqual([
      'Tab',
      'Report',
      'Days',
      'Start date',
      'End date',
      'Campaign ID',
      'Status',
      'Event type',
      'Domain',
      'Mode',
      'Enabled',
      'Last run',
      'Result',
      'Rows',
    ]);
    expect(config.frozenRows).toBe(1);
    expect(config.cell('A1').bold).toBe(true);
    expect(config.cell('B2').validation?.criteriaValues[0]).toEqual(
      expect.arrayContaining(['metrics', 'billing']),
    );
    expect(config.cell('J2').validation?.criteriaValues[0]).toEqual(['replace', 'append']);
    expect(config.cell('K2').validation?.criteriaType).toBe('CHECKBOX');
    expect(a.spreadsheet.ui.toasts.at(-1)?.message).toMatch(/No enabled reports: add one/);
  });

  test('a bad row gets a Result saying what to fix, and the other rows still run', () => {
    const a = addon(mock());
    typeReports(a, [
      ['Bad days', 'metrics', 400],
      ['Nope', 'sales'],
      ['No id', 'campaign'],
      ['Both', 'metrics', 7, '2025-05-01', '2025-05-10'],
      ['Backwards', 'metrics', '', '2025-05-10', '2025-05-01'],
      ['Not here', 'billing', 7],
      ['Info append', 'info', '', '', '', '', '', '', '', 'append'],
      ['Good', 'metrics', 7],
      ['Good', 'campaigns'],
    ]);
    a.run('refreshAllReports');
    expect(resultOf(a, 'Bad days')).toMatch(/Days must be a whole number from 1 to 365, not "400"/);
    expect(resultOf(a, 'Nope')).toMatch(/"sales" is not a report type; use one of: info, campaigns/);
    expect(resultOf(a, 'No id')).toMatch(/Campaign ID is required/);
    expect(resultOf(a, 'Both')).toMatch(/either Days or Start date and End date/);
    expect(resultOf(a, 'Backwards')).toMatch(
      /End date 2025-05-01 is before Start date 2025-05-10; swap them/,
    );
    expect(resultOf(a, 'Not here')).toMatch(/Days, Start date and End date do not apply to billing reports/);
    expect(resultOf(a, 'Info append')).toMatch(/info reports cannot append.*set Mode to replace/);
    const rows = sheet(a, CONFIG).values();
    const good = rows.filter((r) => r[COL.tab] === 'Good');
    expect(good[0][COL.result]).toBe('OK');
    expect(good[1][COL.result]).toMatch(/already written by row/);
    expect(sheet(a, 'Good').values()).toHaveLength(8);
    for (const tab of ['Bad days', 'Nope', 'No id', 'Both', 'Backwards', 'Not here', 'Info append']) {
      expect(a.spreadsheet.sheet(tab)).toBeUndefined();
    }
  });
});

describe('report tabs', () => {
  test('every report type lands in its own tab: header bold and frozen, Result OK, Rows counted', () => {
    const a = addon(mock());
    typeReports(a, EVERY_TYPE);
    a.run('refreshAllReports');
    for (const [tab] of EVERY_TYPE) {
      const written = sheet(a, tab);
      expect([tab, resultOf(a, tab)]).toEqual([tab, 'OK']);
      expect(header(written).slice(0, FIRST_COLUMNS[tab].length)).toEqual(FIRST_COLUMNS[tab]);
      expect(written.frozenRows).toBe(1);
      expect(written.cell('A1').bold).toBe(true);
      expect(written.cell('A2').bold).toBe(false);
      expect(configRow(a, tab)[COL.rows]).toBe(written.values().length - 1);
      expect(written.values().length).toBeGreaterThan(1);
    }
    expect(sheet(a, 'Metrics').values()).toHaveLength(31);
    const log = logRows(a);
    expect(log).toHaveLength(EVERY_TYPE.length);
    expect(log.every((r) => r[1] === 'manual' && r[3] === 'OK')).toBe(true);
  });

  test('columns get number formats: dates, counts with separators, money with 2 decimals', () => {
    const a = addon(mock());
    typeReports(a, [
      ['Metrics', 'metrics', 7],
      ['Campaigns', 'campaigns'],
    ]);
    a.run('refreshAllReports');
    const metrics = sheet(a, 'Metrics');
    expect(metrics.cell('A2').format).toBe('yyyy-mm-dd');
    expect(metrics.cell('A8').display).toBe('2025-05-20');
    expect(metrics.cell('B2').format).toBe('#,##0');
    expect(metrics.cell('D2').format).toBe('#,##0.00');
    const campaigns = sheet(a, 'Campaigns');
    expect(campaigns.cell('H2').format).toBe('yyyy-mm-dd hh:mm:ss');
    expect(typeof campaigns.cell('H2').value).toBe('object');
  });

  test("a Tab name typed by mistake never overwrites a user's own data", () => {
    const a = addon(mock());
    const own = a.spreadsheet.sheet('Sheet1')!;
    own.typeValues('A1', [
      ['Budget', 'Q1'],
      ['Ads', '1200'],
    ]);
    const before = snapshot(own);
    typeReports(a, [['Sheet1', 'metrics', 3]]);
    a.run('refreshAllReports');
    expect(snapshot(own)).toEqual(before);
    expect(resultOf(a, 'Sheet1')).toMatch(
      /^Gravity: tab "Sheet1" already holds data that does not look like a Gravity report .*Give the report another Tab name/,
    );
    // An empty tab is fine: the report takes it.
    own.typeValues('A1', [
      ['', ''],
      ['', ''],
    ]);
    a.run('refreshAllReports');
    expect(resultOf(a, 'Sheet1')).toBe('OK');
    expect(own.cell('A1').value).toBe('date');
  });

  test('replace with fewer rows or columns leaves nothing stale behind', () => {
    const a = addon(mock());
    typeReports(a, [['Metrics', 'metrics', 30]]);
    a.run('refreshAllReports');
    expect(sheet(a, 'Metrics').values()).toHaveLength(31);
    sheet(a, CONFIG).typeValues('C2', [[5]]);
    a.run('refreshAllReports');
    const metrics = sheet(a, 'Metrics');
    expect(metrics.lastRow).toBe(6);
    expect(metrics.displayValues().map((r) => r[0])).toEqual([
      'date',
      '2025-05-16',
      '2025-05-17',
      '2025-05-18',
      '2025-05-19',
      '2025-05-20',
    ]);
    // Same tab, narrower table: the 12 metric columns become the 2 of a field/value table.
    sheet(a, CONFIG).typeValues('B2', [['billing', '']]);
    a.run('refreshAllReports');
    expect(resultOf(a, 'Metrics')).toBe('OK');
    expect(metrics.lastColumn).toBe(2);
    expect(metrics.lastRow).toBe(8);
    expect(
      metrics
        .numberFormats()
        .slice(1)
        .every((r) => r.length === 2),
    ).toBe(true);
  });

  test('text stays text, cell by cell: ids, formula-like names, TRUE, dates', async () => {
    const a = addon(mock());
    typeReports(a, [
      ['Campaigns', 'campaigns'],
      ['Info', 'info'],
      ['Domains', 'events_domains', 90],
      ['Detail', 'campaign', '', '', '', '1e5'],
    ]);
    a.run('refreshAllReports');
    const api = await apiGet<{ campaigns: Array<Record<string, unknown>> }>(a, '/campaigns');
    const tab = sheet(a, 'Campaigns');
    const names = header(tab).map(String);
    const textColumns = ['campaign_id', 'name', 'status', 'landing_page', 'campaign_objective'];
    api.campaigns.forEach((campaign, i) => {
      for (const column of textColumns) {
        const a1 = `${String.fromCharCode(65 + names.indexOf(column))}${i + 2}`;
        const cell = tab.cell(a1);
        expect([a1, cell.value, cell.formula]).toEqual([a1, campaign[column], '']);
      }
    });
    expect(
      tab
        .formulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    expect(records(tab).map((r) => r.campaign_id)).toEqual(expect.arrayContaining(['0042', '1e5']));
    expect(records(tab).map((r) => r.name)).toEqual(
      expect.arrayContaining(['=IMPORTDATA("http://example.com")', '2025-05-20']),
    );
    expect(sheet(a, 'Info').cell('B2').value).toBe('00123');
    expect(records(sheet(a, 'Domains')).map((r) => r.domain)).toEqual(
      expect.arrayContaining(['TRUE', '2025-05-20']),
    );
    const detail = records(sheet(a, 'Detail'));
    expect(detail.find((r) => r.field === 'utm_params.utm_term')?.value).toBe('@x');
    expect(detail.find((r) => r.field === 'name')?.value).toBe('=IMPORTDATA("http://example.com")');
    expect(
      sheet(a, 'Detail')
        .formulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
  });

  test('a failed refresh (5xx, 401, HTML) leaves its tab exactly as it was; the others still refresh', async () => {
    const a = addon(mock());
    typeReports(a, [
      ['Metrics', 'metrics', 14],
      ['Campaigns', 'campaigns'],
      ['Info', 'info'],
      ['Integrations', 'integrations'],
    ]);
    a.run('refreshAllReports');
    const before = Object.fromEntries(
      ['Metrics', 'Campaigns', 'Info'].map((t) => [t, snapshot(sheet(a, t))]),
    );
    await a.api.fault(
      { path: '/metrics', status: 503, times: -1 },
      { path: '/campaigns', status: 401, times: -1 },
      { path: '/info', body: 'html', times: -1 },
    );
    a.emu.clock.advance(3_600_000);
    a.run('refreshAllReports');
    for (const tab of ['Metrics', 'Campaigns', 'Info']) expect(snapshot(sheet(a, tab))).toEqual(before[tab]);
    expect(resultOf(a, 'Metrics')).toMatch(
      /^Gravity: the Gravity API had a server error \(503\).*gave up after 4 tries/,
    );
    expect(resultOf(a, 'Campaigns')).toMatch(
      /^Gravity: the API key was rejected \(401\)\. Open Extensions › Gravity/,
    );
    expect(resultOf(a, 'Info')).toMatch(
      /^Gravity: the API answered \/info with an HTML page instead of data/,
    );
    expect(resultOf(a, 'Integrations')).toBe('OK');
    // Rows still counts what the failed tabs hold.
    expect(configRow(a, 'Metrics')[COL.rows]).toBe(14);
    const secondRun = logRows(a).slice(4);
    expect(secondRun.map((r) => [r[2], r[3]])).toEqual(
      expect.arrayContaining([
        ['Metrics', 'Error'],
        ['Campaigns', 'Error'],
        ['Info', 'Error'],
        ['Integrations', 'OK'],
      ]),
    );
    expect(secondRun.find((r) => r[2] === 'Campaigns')?.[6]).toMatch(/401/);
    expect(a.spreadsheet.ui.toasts.at(-1)?.message).toMatch(/^3 of 4 failed: see the Result column/);
    expect(a.logText()).not.toContain(a.api.apiKey);
  });
});

describe('append', () => {
  test('conversions sync incrementally: new conversions arrive as exactly the new rows, in at most 2 requests', async () => {
    const a = addon(mock());
    a.run('addConversionsReport');
    const tab = sheet(a, 'Conversions');
    const first = records(tab).map((r) => r.conversion_id);
    expect(resultOf(a, 'Conversions')).toBe('OK');
    // The user is shown the tab the menu item just filled.
    expect(a.spreadsheet.activeSheetName).toBe('Conversions');
    expect(new Set(first).size).toBe(first.length);

    await a.api.clearRequests();
    a.run('refreshAllReports');
    expect((await a.requests()).filter((r) => r.startsWith('/conversions'))).toHaveLength(1);
    expect(records(tab).map((r) => r.conversion_id)).toEqual(first);

    await a.api.mutate({ addConversions: 3 });
    await a.api.clearRequests();
    const before = tab.values();
    a.run('refreshAllReports');
    const requests = (await a.requests()).filter((r) => r.startsWith('/conversions'));
    expect(requests.length).toBeLessThanOrEqual(2);
    const after = tab.values();
    expect(after.slice(0, before.length)).toEqual(before);
    const newest = await apiGet<{ conversions: Array<{ conversion_id: string }> }>(a, '/conversions?limit=3');
    expect(after.slice(before.length).map((r) => r[0])).toEqual(
      newest.conversions.map((c) => c.conversion_id).reverse(),
    );
    const ids = after.slice(1).map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(configRow(a, 'Conversions')[COL.rows]).toBe(first.length + 3);
  });

  test('a cleared conversions tab gets a full re-sync', async () => {
    const a = addon(mock());
    a.run('addConversionsReport');
    const count = sheet(a, 'Conversions').values().length;
    const tab = sheet(a, 'Conversions');
    tab.typeValues(
      'A1',
      tab.values().map((r) => r.map(() => '')),
    );
    expect(tab.lastRow).toBe(0);
    a.run('refreshAllReports');
    expect(tab.values()).toHaveLength(count);
  });

  test('metrics append twice: no duplicate dates; filtered by campaign, keyed by date and campaign_id', () => {
    const a = addon(mock());
    typeReports(a, [
      ['History', 'metrics', 7, '', '', '', '', '', '', 'append'],
      ['By campaign', 'metrics', 3, '', '', 'cmp-1001', '', '', '', 'append'],
      ['By campaign', 'metrics', 3, '', '', '0042', '', '', '', 'append'],
    ]);
    a.run('refreshAllReports');
    expect(records(sheet(a, 'By campaign'))).toHaveLength(6);
    a.run('refreshAllReports');
    const dates = records(sheet(a, 'History')).map((r) => (r.date as Date).toISOString());
    expect(dates).toHaveLength(7);
    expect(new Set(dates).size).toBe(7);
    const byCampaign = records(sheet(a, 'By campaign'));
    expect(byCampaign).toHaveLength(6);
    expect(header(sheet(a, 'By campaign')).slice(0, 2)).toEqual(['date', 'campaign_id']);
    expect(byCampaign.map((r) => r.campaign_id)).toEqual([
      'cmp-1001',
      'cmp-1001',
      'cmp-1001',
      '0042',
      '0042',
      '0042',
    ]);
  });

  test('billing history grows by one snapshot row per run, with fetched_at', async () => {
    const a = addon(mock());
    a.run('addBillingReport');
    a.emu.clock.advance(3_600_000);
    await a.api.mutate({ billing: { total_billed_dollars: 61_000 } });
    a.run('refreshAllReports');
    a.emu.clock.advance(3_600_000);
    a.run('refreshAllReports');
    const history = records(sheet(a, 'Billing history'));
    expect(history).toHaveLength(3);
    expect(header(sheet(a, 'Billing history'))[0]).toBe('fetched_at');
    const times = history.map((r) => (r.fetched_at as Date).getTime());
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(3_600_000);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(3_600_000);
    expect(history[0].total_billed_dollars).not.toBe(61_000);
    expect(history[1].total_billed_dollars).toBe(61_000);
  });
});

describe('economy', () => {
  function callsOfRefresh(reports: unknown[][]): number {
    const a = addon(mock());
    typeReports(a, reports);
    a.run('refreshAllReports');
    a.run('refreshAllReports');
    return a.emu.lastExecutionCounters.spreadsheetCalls;
  }

  test('a report costs the same few spreadsheet calls whatever its size (at most 8)', () => {
    const small = callsOfRefresh([['M', 'metrics', 3]]);
    const large = callsOfRefresh([['M', 'metrics', 365]]);
    const two = callsOfRefresh([
      ['M', 'metrics', 3],
      ['C', 'campaigns'],
    ]);
    const withAppend = callsOfRefresh([
      ['M', 'metrics', 3],
      ['V', 'conversions', '', '', '', '', '', '', '', 'append'],
      ['B', 'billing', '', '', '', '', '', '', '', 'append'],
    ]);
    expect(large).toBe(small);
    expect(two - small).toBeLessThanOrEqual(8);
    expect(withAppend - small).toBeLessThanOrEqual(2 * 8);
  });

  test('independent requests of all reports go out in one fetchAll', () => {
    const a = addon(mock());
    typeReports(a, [
      ['M', 'metrics', 3],
      ['C', 'campaigns'],
      ['B', 'billing'],
      ['I', 'integrations'],
      ['D', 'events_domains', 7],
      ['T', 'events_types', 7],
    ]);
    a.run('refreshAllReports');
    a.run('refreshAllReports');
    // The two events reports share one /events/analytics request.
    expect(a.emu.lastExecutionCounters.urlFetchRequests).toBe(5);
    expect(a.emu.lastExecutionCounters.urlFetchCalls).toBe(1);
  });
});

test('the log keeps the newest 500 rows', () => {
  const a = addon(mock());
  typeReports(
    a,
    Array.from({ length: 40 }, (_, i) => [`I${i}`, 'integrations']),
  );
  for (let run = 0; run < 13; run++) a.run('refreshAllReports');
  const log = sheet(a, LOG);
  expect(log.lastRow).toBe(501);
  expect(log.cell('A1').value).toBe('Time');
});
