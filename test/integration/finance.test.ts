import { createDataset } from '../../dev/mock-api/dataset';
import { addon, TODAY, useMockApi } from '../support/harness';

/**
 * Billing reconciliation from the BUILT bundle under the emulator, against the mock API in its own process:
 * Add report › Billing reconciliation, the mock's data changed underneath, refreshed again (by hand and on
 * schedule).
 */

const api = useMockApi();
const BILLED_PLUS_UNBILLED = 'Billed + unbilled = total spend';
const SINCE_SNAPSHOT = 'Change in billed vs change in spend since the previous snapshot';
const HOUR = 3_600_000;
const mockBilling = () => createDataset({ today: TODAY }).billing;

function finance() {
  const a = addon(api());
  const tab = (name: string) => {
    const sheet = a.spreadsheet.sheet(name);
    if (!sheet) throw new Error(`no tab ${name}; tabs: ${a.spreadsheet.sheetNames().join(', ')}`);
    return sheet;
  };
  return {
    ...a,
    tab,
    setUp: () => a.run('addReconciliationReports'),
    /** The reconciliation tab as check → [expected, actual, difference, status, detail]. */
    checks(): Map<string, unknown[]> {
      const [header, ...rows] = tab('Reconciliation').values();
      expect(header).toEqual(['check', 'expected', 'actual', 'difference', 'status', 'detail']);
      return new Map(rows.filter((r) => r[0] !== '').map((r) => [String(r[0]), r.slice(1)]));
    },
  };
}

const notOk = (checks: Map<string, unknown[]>) =>
  [...checks].filter(([, row]) => row[3] !== 'OK').map(([check, row]) => [check, row[3]]);

describe('Add report › Billing reconciliation', () => {
  it('sets up billing history, monthly spend and reconciliation, and every check agrees on consistent data', () => {
    const f = finance();
    f.setUp();
    const config = f.tab('Gravity Reports').values();
    expect(config.slice(1).map((r) => [r[0], r[1], r[2], r[9], r[12]])).toEqual([
      ['Billing history', 'billing', '', 'append', 'OK'],
      ['Monthly spend', 'monthly_spend', '', 'replace', 'OK'],
      ['Reconciliation', 'reconciliation', 90, 'replace', 'OK'],
    ]);
    expect(f.tab('Billing history').values()).toHaveLength(2);
    expect(f.spreadsheet.sheetNames().slice(-5, -1)).toEqual([
      'Billing history',
      'Monthly spend',
      'Reconciliation',
      'Reconciliation dashboard',
    ]);

    const checks = f.checks();
    expect(notOk(checks)).toEqual([
      ['Campaign cmp-1001 (Always-on Brand): lifetime spend = its daily metrics', 'INFO'],
      [SINCE_SNAPSHOT, 'INFO'],
    ]);
    expect(checks.get(BILLED_PLUS_UNBILLED)![3]).toBe('OK');
    expect([...checks.keys()].filter((c) => c.startsWith('Campaign '))).toHaveLength(6);
    expect(String(checks.get(BILLED_PLUS_UNBILLED)![4])).toContain(
      `total_spend_dollars $${mockBilling().total_spend_dollars.toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
  });

  it('totals monthly spend over the whole history to the cent of the billing total', () => {
    const f = finance();
    f.setUp();
    const [header, ...rows] = f.tab('Monthly spend').values();
    const spend = header.indexOf('spend');
    const coverage = header.indexOf('coverage');
    const total = rows[rows.length - 1];
    expect(total[0]).toBe('Total');
    expect(total[spend]).toBe(mockBilling().total_spend_dollars);
    const monthCents = rows.slice(0, -1).reduce((sum, r) => sum + Math.round((r[spend] as number) * 100), 0);
    expect(monthCents).toBe(Math.round((total[spend] as number) * 100));
    expect(rows[rows.length - 2][coverage]).toBe('partial (20 of 31 days)');
    expect(rows[0][coverage]).toMatch(/^partial \(\d+ of 3[01] days\)$/);
    expect(f.tab('Monthly spend').cell('H2').format).toBe('#,##0.00');
  });

  it('turns exactly billed + unbilled to MISMATCH, showing 5.00, when the billing is off by $5', async () => {
    const f = finance();
    f.setUp();
    const unbilled = mockBilling().unbilled_dollars;
    await api().mutate({ billing: { unbilled_dollars: Math.round(unbilled * 100 + 500) / 100 } });
    f.emu.clock.advance(HOUR);
    f.setUp();

    const checks = f.checks();
    expect(notOk(checks).filter(([, status]) => status === 'MISMATCH')).toEqual([
      [BILLED_PLUS_UNBILLED, 'MISMATCH'],
    ]);
    const row = checks.get(BILLED_PLUS_UNBILLED)!;
    expect(row[2]).toBe(5);
    const sheetRow = [...checks.keys()].indexOf(BILLED_PLUS_UNBILLED) + 2;
    expect(f.tab('Reconciliation').cell(`D${sheetRow}`).display).toBe('5.00');
    expect(String(row[4])).toContain('differ by $5.00');
    // The second run compared with the first run's snapshot, and the history grew by one row.
    expect(checks.get(SINCE_SNAPSHOT)![3]).toBe('OK');
    expect(f.tab('Billing history').values()).toHaveLength(3);
  });

  it('turns exactly that campaign’s row to MISMATCH when its lifetime spend disagrees with its days', async () => {
    const f = finance();
    await api().mutate({ campaignSpendDelta: { campaign_id: '0042', dollars: 12.34 } });
    f.setUp();
    const checks = f.checks();
    const mismatched = [...checks].filter(([, row]) => row[3] === 'MISMATCH');
    expect(mismatched.map(([check]) => check)).toEqual([
      'Campaign 0042 (Retargeting – Q2): lifetime spend = its daily metrics',
    ]);
    expect(mismatched[0][1][2]).toBe(-12.34);
  });

  it('draws one spend vs revenue chart on the dashboard tab and replaces it on every refresh', () => {
    const f = finance();
    f.setUp();
    f.setUp();
    const dashboard = f.tab('Reconciliation dashboard');
    expect(dashboard.charts).toHaveLength(1);
    const [chart] = dashboard.charts;
    expect(chart.chartType).toBe('LINE');
    expect(chart.ranges).toEqual(["'Reconciliation dashboard'!A1:D91"]);
    expect(chart.options.title).toBe('Gravity: daily spend vs revenue, 2025-02-20 to 2025-05-20');
    const [header, first] = dashboard.values();
    expect(header).toEqual(['date', 'spend', 'revenue', 'roas']);
    expect(first[0]).toBeInstanceOf(Date);
    expect(dashboard.cell('A2').display).toBe('2025-02-20');
    expect(dashboard.values()).toHaveLength(91);
  });

  it('leaves the reconciliation and its dashboard exactly as they were when a request fails', async () => {
    const f = finance();
    f.setUp();
    // A user's mark on the dashboard: a redraw would overwrite it.
    f.tab('Reconciliation dashboard').typeValues('B2', [['checked by AP']]);
    const before = {
      values: f.tab('Reconciliation').values(),
      display: f.tab('Reconciliation').displayValues(),
      dashboard: f.tab('Reconciliation dashboard').values(),
      charts: JSON.stringify(f.tab('Reconciliation dashboard').charts),
    };
    // New figures that a rewrite would show, and a campaign list the API now refuses.
    await api().mutate({ billing: { credits_dollars: 99, last_spend_sync_at: null } });
    await api().fault({ path: '/campaigns', status: 503, times: -1 });
    f.emu.clock.advance(HOUR);
    f.setUp();

    expect(f.tab('Reconciliation').values()).toEqual(before.values);
    expect(f.tab('Reconciliation').displayValues()).toEqual(before.display);
    expect(f.tab('Reconciliation dashboard').values()).toEqual(before.dashboard);
    expect(f.tab('Reconciliation dashboard').cell('B2').value).toBe('checked by AP');
    expect(JSON.stringify(f.tab('Reconciliation dashboard').charts)).toBe(before.charts);
    const config = f.tab('Gravity Reports').values();
    expect(config.slice(1).map((r) => [r[0], String(r[12]).slice(0, 8)])).toEqual([
      ['Billing history', 'OK'],
      ['Monthly spend', 'OK'],
      ['Reconciliation', 'Gravity:'],
    ]);
    expect(f.tab('Gravity Log').values().slice(-1)[0].slice(2, 4)).toEqual(['Reconciliation', 'Error']);
  });

  it('does the same in a scheduled run, which has no active spreadsheet', () => {
    const f = finance();
    f.setUp();
    f.run('scheduleDaily');
    expect(f.emu.triggers).toHaveLength(1);
    f.emu.clock.advance(24 * HOUR);
    f.emu.fireTrigger(f.emu.triggers[0].uid);

    expect(f.tab('Billing history').values()).toHaveLength(3);
    const checks = f.checks();
    expect(checks.get(SINCE_SNAPSHOT)![3]).toBe('OK');
    expect(String(checks.get(SINCE_SNAPSHOT)![4])).toContain('"Billing history"');
    expect(f.tab('Reconciliation dashboard').charts).toHaveLength(1);
    // The mock's spend sync stays where it was, now a day and 7 minutes old: past the 24 hours allowed.
    expect(checks.get('Spend sync is recent (last_spend_sync_at)')![3]).toBe('WARN');
    const log = f.tab('Gravity Log').values();
    expect(log.slice(-3).map((r) => [r[1], r[2], r[3]])).toEqual([
      ['scheduled', 'Billing history', 'OK'],
      ['scheduled', 'Monthly spend', 'OK'],
      ['scheduled', 'Reconciliation', 'OK'],
    ]);
  });
});
