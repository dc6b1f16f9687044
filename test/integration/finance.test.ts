import { AppsScriptEmulator } from '../../dev/emulator';
import { createDataset } from '../../dev/mock-api/dataset';
import { startMockApi, type MockApiHandle } from '../../dev/mock-api/process';
import { DIST } from '../support/bundle';

/**
 * Billing reconciliation from the BUILT bundle under the emulator, against the mock API in its own process:
 * Add report › Billing reconciliation, then the mock's data changed underneath, then refreshed again.
 */

const TODAY = '2025-12-04';
const USER = 'finance@example.com';
const BILLED_PLUS_UNBILLED = 'Billed + unbilled = total spend';

let api: MockApiHandle;

beforeAll(async () => {
  api = await startMockApi({ today: TODAY });
});
afterAll(async () => {
  await api.stop();
});
beforeEach(async () => {
  await api.reset();
});

function world() {
  const emu = new AppsScriptEmulator({ now: Date.parse(`${TODAY}T12:00:00Z`) });
  emu.loadBundle(DIST);
  emu.scriptProperties.set('GRAVITY_BASE_URL', api.baseUrl);
  emu.userProperties(USER).set('GRAVITY_API_KEY', api.apiKey);
  const spreadsheet = emu.createSpreadsheet({ owner: USER, timeZone: 'America/New_York' });
  const tab = (name: string) => {
    const sheet = spreadsheet.sheet(name);
    if (!sheet) throw new Error(`no tab ${name}; tabs: ${spreadsheet.sheetNames().join(', ')}`);
    return sheet;
  };
  return {
    emu,
    spreadsheet,
    tab,
    setUp() {
      emu.run('addReconciliationReports', [], { kind: 'full', user: USER, spreadsheetId: spreadsheet.id });
    },
    /** The reconciliation tab as check → [expected, actual, difference, status, detail]. */
    checks(): Map<string, unknown[]> {
      const [header, ...rows] = tab('Reconciliation').values();
      expect(header).toEqual(['check', 'expected', 'actual', 'difference', 'status', 'detail']);
      return new Map(rows.filter((r) => r[0] !== '').map((r) => [String(r[0]), r.slice(1)]));
    },
  };
}

function statusesOf(checks: Map<string, unknown[]>): Record<string, unknown> {
  return Object.fromEntries([...checks].map(([check, row]) => [check, row[3]]));
}

describe('Add report › Billing reconciliation', () => {
  it('sets up billing history, monthly spend and reconciliation, and every check agrees on consistent data', () => {
    const w = world();
    w.setUp();
    const config = w.tab('Gravity Reports').values();
    expect(config.slice(1).map((r) => [r[0], r[1], r[9], r[12]])).toEqual([
      ['Billing History', 'billing', 'append', 'OK'],
      ['Monthly Spend', 'monthly_spend', 'replace', 'OK'],
      ['Reconciliation', 'reconciliation', 'replace', 'OK'],
    ]);
    expect(w.tab('Billing History').values()).toHaveLength(2);

    const statuses = statusesOf(w.checks());
    const notOk = Object.entries(statuses).filter(([, status]) => status !== 'OK');
    expect(notOk).toEqual([
      ['Campaign cmp-1001 (Always-on Brand): lifetime spend = its daily metrics', 'INFO'],
      ['Change in billed vs change in spend since the previous snapshot', 'INFO'],
    ]);
    expect(statuses[BILLED_PLUS_UNBILLED]).toBe('OK');
    expect(statuses['Billing total spend = sum of campaigns’ lifetime spend']).toBe('OK');
    expect(Object.keys(statuses).filter((c) => c.startsWith('Campaign '))).toHaveLength(6);
  });

  it('totals monthly spend over the whole history to the cent of the billing total', () => {
    const w = world();
    w.setUp();
    const [header, ...rows] = w.tab('Monthly Spend').values();
    const spend = header.indexOf('spend');
    const coverage = header.indexOf('coverage');
    const total = rows[rows.length - 1];
    expect(total[0]).toBe('Total');
    expect(total[spend]).toBe(createDataset({ today: TODAY }).billing.total_spend_dollars);
    const monthCents = rows.slice(0, -1).reduce((sum, r) => sum + Math.round((r[spend] as number) * 100), 0);
    expect(monthCents).toBe(Math.round((total[spend] as number) * 100));
    expect(rows[rows.length - 2][coverage]).toBe('partial (4 of 31 days)');
    expect(w.tab('Monthly Spend').cell('H2').format).toBe('#,##0.00');
  });

  it('turns exactly billed + unbilled to MISMATCH, showing 5.00, when the billing is off by $5', async () => {
    const w = world();
    w.setUp();
    const unbilled = createDataset({ today: TODAY }).billing.unbilled_dollars;
    await api.mutate({ billing: { unbilled_dollars: Math.round(unbilled * 100 + 500) / 100 } });
    w.emu.clock.advance(3_600_000);
    w.setUp();

    const checks = w.checks();
    const mismatched = [...checks].filter(([, row]) => row[3] === 'MISMATCH').map(([check]) => check);
    expect(mismatched).toEqual([BILLED_PLUS_UNBILLED]);
    const row = checks.get(BILLED_PLUS_UNBILLED)!;
    expect(row[2]).toBe(5);
    expect(
      w.tab('Reconciliation').cell(`D${[...checks.keys()].indexOf(BILLED_PLUS_UNBILLED) + 2}`).display,
    ).toBe('5.00');
    expect(String(row[4])).toContain('differ by $5.00');
    // The second run compared with the first run's snapshot, and the history grew by one row.
    expect(checks.get('Change in billed vs change in spend since the previous snapshot')![3]).toBe('OK');
    expect(w.tab('Billing History').values()).toHaveLength(3);
  });

  it('turns exactly that campaign’s row to MISMATCH when its lifetime spend disagrees with its days', async () => {
    const w = world();
    await api.mutate({ campaignSpendDelta: { campaign_id: '0042', dollars: 12.34 } });
    w.setUp();
    const mismatched = [...w.checks()].filter(([, row]) => row[3] === 'MISMATCH');
    expect(mismatched.map(([check]) => check)).toEqual([
      'Campaign 0042 (Retargeting – Q2): lifetime spend = its daily metrics',
    ]);
    expect(mismatched[0][1][2]).toBe(-12.34);
  });

  it('draws one spend vs revenue chart on the dashboard tab and replaces it on every refresh', () => {
    const w = world();
    w.setUp();
    w.setUp();
    const dashboard = w.tab('Reconciliation Dashboard');
    expect(dashboard.charts).toHaveLength(1);
    const [chart] = dashboard.charts;
    expect(chart.chartType).toBe('LINE');
    expect(chart.ranges).toEqual(["'Reconciliation Dashboard'!A1:D91"]);
    expect(String(chart.options.title)).toMatch(
      /^Gravity: daily spend vs revenue, 2025-09-06 to 2025-12-04$/,
    );
    const [header, first] = dashboard.values();
    expect(header).toEqual(['date', 'spend', 'revenue', 'roas']);
    expect(first[0]).toBeInstanceOf(Date);
    expect(dashboard.values()).toHaveLength(91);
  });
});
