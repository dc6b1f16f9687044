import { GravityClient } from '../../../src/api/client';
import { Billing, DailyMetric, MetricsResponse } from '../../../src/api/types';
import { previousSnapshot } from '../../../src/finance/billing-history';
import { fetchReconciliationData } from '../../../src/finance/reconciliation-data';
import { BillingSnapshot, Check, reconcile, reconciliationTable } from '../../../src/finance/reconciliation';
import { spendRevenueTable } from '../../../src/finance/spend-revenue';
import { FakeClock, FakeHttp, json } from '../../support/fake-ports';
import { awkwardDays, FakeCampaign, FakeGravity } from './fake-gravity';

const NOW = Date.UTC(2025, 11, 4, 12, 0, 0);
const TODAY = '2025-12-04';
const stampAgo = (ms: number) => new Date(NOW - ms).toISOString().slice(0, 19);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function campaigns(): FakeCampaign[] {
  return [
    // 552 days old: too long for one /metrics request.
    {
      campaign_id: 'cmp-long',
      name: 'Always on',
      created_at: '2024-06-01T09:00:00',
      start_time: null,
      days: awkwardDays(TODAY, 400, 3),
    },
    {
      campaign_id: '0042',
      name: 'Retargeting',
      created_at: '2025-09-01T09:14:27',
      start_time: '2025-09-02T00:00:00',
      days: awkwardDays(TODAY, 95, 5),
    },
    {
      campaign_id: 'c-new',
      name: 'New',
      created_at: '2025-11-21T10:00:00',
      start_time: '2025-11-20T00:00:00',
      days: awkwardDays(TODAY, 15, 7),
    },
    { campaign_id: 'c-draft', name: 'Draft', created_at: '2025-12-01T08:00:00', start_time: null, days: [] },
  ];
}

function setup(
  change: (api: FakeGravity) => void = () => undefined,
  history: { tab: string; previous: BillingSnapshot | null } | null = null,
) {
  const api = new FakeGravity(campaigns(), {
    billedCents: 12_345,
    last_spend_sync_at: stampAgo(7 * 60_000),
    last_billed_at: stampAgo(3 * DAY),
  });
  change(api);
  const http = new FakeHttp(api.respond);
  const clock = new FakeClock(NOW);
  const client = new GravityClient({ http, clock, apiKey: 'k', deadline: NOW + 60_000 });
  const data = fetchReconciliationData(client, { days: 90 }, NOW);
  const checks = reconcile({ ...data.input, history });
  return { api, http, data, checks, table: reconciliationTable(checks) };
}

const BILLED_PLUS_UNBILLED = 'Billed + unbilled = total spend';
const byName = (checks: Check[], prefix: string) => {
  const found = checks.filter((c) => c.check.startsWith(prefix));
  expect(found).toHaveLength(1);
  return found[0];
};
const statuses = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.check, c.status]));

describe('reconciliation against consistent data', () => {
  it('finds every billing and spend check OK, and says why a too-long campaign life is not compared', () => {
    const { checks } = setup();
    expect(statuses(checks)).toEqual({
      [BILLED_PLUS_UNBILLED]: 'OK',
      'Billing total spend = sum of campaigns’ lifetime spend': 'OK',
      'Daily spend = metrics total, 2025-09-06 to 2025-12-04': 'OK',
      'Campaign cmp-long (Always on): lifetime spend = its daily metrics': 'INFO',
      'Campaign 0042 (Retargeting): lifetime spend = its daily metrics': 'OK',
      'Campaign c-new (New): lifetime spend = its daily metrics': 'OK',
      'Campaign c-draft (Draft): lifetime spend = its daily metrics': 'OK',
      'Spend sync is recent (last_spend_sync_at)': 'OK',
      'Last invoice is recent (last_billed_at)': 'OK',
    });
    expect(byName(checks, 'Campaign cmp-long').detail).toContain('2024-06-01 to 2025-12-04');
    expect(byName(checks, 'Campaign cmp-long').detail).toContain('at most 365 days');
  });

  it('asks billing, campaigns and the period together, then every fitting campaign life together', () => {
    const { http, api } = setup();
    expect(http.batches).toEqual([3, 3]);
    // A life starts at the earlier of created_at and start_time.
    expect(api.paths).toContain('/metrics?campaign_id=c-new&end_date=2025-12-04&start_date=2025-11-20');
    expect(api.paths).toContain('/metrics?campaign_id=0042&end_date=2025-12-04&start_date=2025-09-01');
  });

  it('says in words what was compared and over which dates, with the API figures', () => {
    const { checks } = setup();
    const billing = byName(checks, BILLED_PLUS_UNBILLED);
    expect(billing.detail).toContain('total_billed_dollars $123.45');
    expect(billing.detail).toContain('2025-12-04 12:00 UTC');
    expect(byName(checks, 'Campaign 0042').detail).toContain('for 2025-09-01 to 2025-12-04');
    expect(byName(checks, 'Daily spend').detail).toContain('its 90 daily spend values');
  });
});

describe('reconciliation finds what disagrees', () => {
  it('turns exactly the billed + unbilled check to MISMATCH when they differ from the total by $5', () => {
    const { checks, table } = setup((api) => (api.billing.unbilledShiftCents = 500));
    const mismatches = checks.filter((c) => c.status === 'MISMATCH');
    expect(mismatches.map((c) => c.check)).toEqual([BILLED_PLUS_UNBILLED]);
    const row = table.rows[checks.indexOf(mismatches[0])];
    expect(row[3]).toBe(5);
    expect(row[4]).toBe('MISMATCH');
    expect(mismatches[0].detail).toContain('differ by $5.00');
  });

  it('turns exactly that campaign’s row to MISMATCH when its lifetime spend disagrees with its days', () => {
    const { checks, table } = setup((api) => (api.campaigns[1].spendShiftCents = 7));
    const mismatches = checks.filter((c) => c.status === 'MISMATCH');
    expect(mismatches.map((c) => c.check)).toEqual([
      'Campaign 0042 (Retargeting): lifetime spend = its daily metrics',
    ]);
    expect(table.rows[checks.indexOf(mismatches[0])][3]).toBe(-0.07);
  });

  it('accepts a one-cent difference (the tolerance) and nothing more', () => {
    expect(
      byName(setup((api) => (api.campaigns[1].spendShiftCents = 1)).checks, 'Campaign 0042').status,
    ).toBe('OK');
    expect(
      byName(setup((api) => (api.campaigns[1].spendShiftCents = 2)).checks, 'Campaign 0042').status,
    ).toBe('MISMATCH');
  });

  it('warns about a stale spend sync and an old invoice, and about missing timestamps', () => {
    const stale = setup((api) => {
      api.billing.last_spend_sync_at = stampAgo(30 * HOUR);
      api.billing.last_billed_at = stampAgo(40 * DAY);
    }).checks;
    const sync = byName(stale, 'Spend sync');
    expect(sync).toMatchObject({ status: 'WARN', expected: 24, actual: 30, unit: 'hours' });
    expect(byName(stale, 'Last invoice')).toMatchObject({ status: 'WARN', expected: 35, actual: 40 });
    const missing = setup((api) => (api.billing.last_spend_sync_at = null)).checks;
    expect(byName(missing, 'Spend sync')).toMatchObject({ status: 'WARN', actual: null });
    expect(byName(missing, 'Spend sync').detail).toContain('no last_spend_sync_at');
  });

  it('flags a metrics response whose daily spend does not add up to its total', () => {
    const base = setup().data.input;
    const broken: MetricsResponse = { ...base.period[0].response, total_spend: 1_000_000 };
    const checks = reconcile({ ...base, period: [{ ...base.period[0], response: broken }], history: null });
    expect(byName(checks, 'Daily spend').status).toBe('MISMATCH');
  });
});

describe('billing snapshots', () => {
  const snapshot = (hoursAgo: number, spend: number, billed: number, unbilled: number): BillingSnapshot => ({
    fetchedAt: NOW - hoursAgo * HOUR,
    totalSpendCents: spend,
    billedCents: billed,
    unbilledCents: unbilled,
  });

  function billingNow() {
    const { data } = setup();
    const billing = data.input.billing as Billing;
    return {
      spend: Math.round(billing.total_spend_dollars! * 100),
      billed: Math.round(billing.total_billed_dollars! * 100),
    };
  }

  it('says there is no earlier snapshot yet, and adds no row without a history tab', () => {
    expect(
      byName(setup(undefined, { tab: 'Billing history', previous: null }).checks, 'Change in billed').status,
    ).toBe('INFO');
    expect(setup().checks.some((c) => c.check.startsWith('Change in billed'))).toBe(false);
  });

  it('is OK when the billed increase fits within what was unbilled plus the new spend', () => {
    const now = billingNow();
    const previous = snapshot(24, now.spend - 1_000, now.billed - 5_000, 6_000);
    const check = byName(setup(undefined, { tab: 'Billing history', previous }).checks, 'Change in billed');
    expect(check).toMatchObject({ status: 'OK', expected: 1_000, actual: 5_000 });
    expect(check.detail).toContain('"Billing history"');
  });

  it('is a MISMATCH when more was billed than had been spent', () => {
    const now = billingNow();
    const previous = snapshot(24, now.spend - 1_000, now.billed - 5_000, 100);
    expect(byName(setup(undefined, { tab: 'H', previous }).checks, 'Change in billed').status).toBe(
      'MISMATCH',
    );
  });

  it('warns when total spend went down', () => {
    const now = billingNow();
    const previous = snapshot(24, now.spend + 500, now.billed, 0);
    expect(byName(setup(undefined, { tab: 'H', previous }).checks, 'Change in billed').status).toBe('WARN');
  });

  it('reads the newest snapshot taken before this run from the history tab', () => {
    const header = ['fetched_at', 'total_spend_dollars', 'total_billed_dollars', 'unbilled_dollars'];
    const grid = [
      header,
      [new Date(NOW - 48 * HOUR), 10.1, 10, 0.1],
      [new Date(NOW - 24 * HOUR), 20.2, 20, 0.2],
      [new Date(NOW), 30.3, 30, 0.3],
      ['', '', '', ''],
    ];
    expect(previousSnapshot(grid, NOW)).toEqual({
      fetchedAt: NOW - 24 * HOUR,
      totalSpendCents: 2_020,
      billedCents: 2_000,
      unbilledCents: 20,
    });
    expect(previousSnapshot([header], NOW)).toBeNull();
    expect(previousSnapshot([['time'], [new Date(NOW - HOUR)]], NOW)).toBeNull();
  });
});

describe('spend vs revenue chart data', () => {
  it('has one row per day of the period, with roas blank where nothing was spent', () => {
    const { data } = setup();
    const table = spendRevenueTable(data.period.days);
    expect(table.rows).toHaveLength(90);
    expect(table.columns.map((c) => c.name)).toEqual(['date', 'spend', 'revenue', 'roas']);
    expect(table.rows[0][0]).toBe('2025-09-06');
    const quiet = { date: '2025-01-01', spend: 0, revenue: 0 } as unknown as DailyMetric;
    const busy = { date: '2025-01-02', spend: 0.1, revenue: 0.2 } as unknown as DailyMetric;
    expect(spendRevenueTable([quiet, busy]).rows).toEqual([
      ['2025-01-01', 0, 0, null],
      ['2025-01-02', 0.1, 0.2, 2],
    ]);
  });
});

describe('what the API leaves out', () => {
  const base = () => setup().data.input;

  it('warns, naming the fields, when billing leaves out an amount', () => {
    const input = base();
    const billing = { ...input.billing, unbilled_dollars: null };
    const check = byName(reconcile({ ...input, billing, history: null }), BILLED_PLUS_UNBILLED);
    expect(check.status).toBe('WARN');
    expect(check.detail).toContain('did not give unbilled_dollars');
  });

  it('expects no invoice when billing is off or nothing was billed yet', () => {
    const input = base();
    const off = { ...input.billing, billing_enabled: false };
    expect(byName(reconcile({ ...input, billing: off, history: null }), 'Last invoice').status).toBe('INFO');
    const none = { ...input.billing, last_billed_at: null, total_billed_dollars: 0 };
    expect(byName(reconcile({ ...input, billing: none, history: null }), 'Last invoice').status).toBe('INFO');
    const missing = { ...input.billing, last_billed_at: null };
    expect(byName(reconcile({ ...input, billing: missing, history: null }), 'Last invoice').status).toBe(
      'WARN',
    );
  });

  it('does not compare a campaign whose life is unknown, and says why', () => {
    const { data, http } = setup((api) => {
      api.campaigns[2].created_at = null;
      api.campaigns[2].start_time = null;
    });
    const check = byName(reconcile({ ...data.input, history: null }), 'Campaign c-new');
    expect(check.status).toBe('INFO');
    expect(check.detail).toContain('neither created_at nor start_time');
    expect(http.batches).toEqual([3, 2]);
  });
});

describe('a campaign whose daily metrics cannot be fetched', () => {
  it('gets its own WARN row saying why; every other check still runs', () => {
    const api = new FakeGravity(campaigns(), {
      billedCents: 12_345,
      last_spend_sync_at: stampAgo(7 * 60_000),
      last_billed_at: stampAgo(3 * DAY),
    });
    const http = new FakeHttp((request) =>
      request.url.includes('campaign_id=c-new')
        ? json({ detail: 'Campaign not found' }, 404)
        : api.respond(request),
    );
    const clock = new FakeClock(NOW);
    const client = new GravityClient({ http, clock, apiKey: 'k', deadline: NOW + 60_000 });
    const checks = reconcile({ ...fetchReconciliationData(client, { days: 90 }, NOW).input, history: null });
    const failed = byName(checks, 'Campaign c-new (New)');
    expect(failed.status).toBe('WARN');
    expect(failed.detail).toMatch(
      /^Not compared: its daily metrics could not be fetched \(\/metrics was not found \(404\)/,
    );
    expect(byName(checks, 'Campaign 0042 (Retargeting)').status).toBe('OK');
    expect(byName(checks, BILLED_PLUS_UNBILLED).status).toBe('OK');
  });
});
