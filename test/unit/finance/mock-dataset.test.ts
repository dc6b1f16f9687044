/**
 * Finance against the mock API's own dataset (500 days, six campaigns, cent amounts such as 0.07 and 0.1),
 * served in-process through the mock's response builders, with the mock's mutations applied.
 */
import { GravityClient } from '../../../src/api/client';
import { fetchDailyHistory } from '../../../src/finance/daily-history';
import { monthlySpend, monthlySpendTable } from '../../../src/finance/monthly-spend';
import { fetchReconciliationData } from '../../../src/finance/reconciliation-data';
import { reconcile, reconciliationTable } from '../../../src/finance/reconciliation';
import { HttpRequest } from '../../../src/gas/ports';
import { createDataset, Dataset } from '../../../dev/mock-api/dataset';
import { requireDay } from '../../../dev/mock-api/dates';
import { applyMutation, Mutation } from '../../../dev/mock-api/mutations';
import { parseDayRange } from '../../../dev/mock-api/params';
import { billingBody, campaignsBody, metricsBody } from '../../../dev/mock-api/responses';
import { FakeClock, FakeHttp, json } from '../../support/fake-ports';

const TODAY = '2025-12-04';
const NOW = Date.UTC(2025, 11, 4, 12, 0, 0);

function serve(dataset: Dataset) {
  return (request: HttpRequest) => {
    const url = new URL(request.url);
    const path = url.pathname.replace('/advertiser-dashboard', '');
    try {
      if (path === '/billing') return json(billingBody(dataset));
      if (path === '/campaigns') return json(campaignsBody(dataset, url.searchParams.get('status')));
      if (path === '/metrics') {
        const range = parseDayRange(url.searchParams, requireDay(dataset.today));
        return json(metricsBody(dataset, range, url.searchParams.get('campaign_id')));
      }
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      return json({ detail: String((error as Error).message) }, status);
    }
    return json({ detail: 'Not Found' }, 404);
  };
}

function clientFor(...mutations: Mutation[]) {
  const dataset = mutations.reduce(applyMutation, createDataset({ today: TODAY }));
  const http = new FakeHttp(serve(dataset));
  const clock = new FakeClock(NOW);
  return { dataset, http, client: new GravityClient({ http, clock, apiKey: 'k', deadline: NOW + 60_000 }) };
}

function run(...mutations: Mutation[]) {
  const { client, dataset } = clientFor(...mutations);
  const checks = reconcile({ ...fetchReconciliationData(client, { days: 90 }, NOW).input, history: null });
  return { checks, dataset, table: reconciliationTable(checks) };
}

describe('reconciliation of the mock dataset', () => {
  it('finds everything consistent: no MISMATCH, no WARN, and INFO only for the campaign older than 365 days', () => {
    const { checks } = run();
    expect(checks.filter((c) => c.status !== 'OK').map((c) => [c.check, c.status])).toEqual([
      ['Campaign cmp-1001 (Always-on Brand): lifetime spend = its daily metrics', 'INFO'],
    ]);
    expect(checks.filter((c) => c.check.startsWith('Campaign ')).length).toBe(6);
  });

  it('shows a $5 gap between billed + unbilled and the total on exactly that check', () => {
    const base = createDataset({ today: TODAY }).billing;
    const unbilled = Math.round(base.unbilled_dollars * 100 + 500) / 100;
    const { checks, table } = run({ billing: { unbilled_dollars: unbilled } });
    const bad = checks.filter((c) => c.status === 'MISMATCH');
    expect(bad.map((c) => c.check)).toEqual(['Billed + unbilled = total spend']);
    expect(table.rows[checks.indexOf(bad[0])].slice(3, 5)).toEqual([5, 'MISMATCH']);
  });

  it('shows a campaign whose lifetime spend disagrees with its daily rows on exactly its row', () => {
    const { checks } = run({ campaignSpendDelta: { campaign_id: '1e5', dollars: 0.1 } });
    expect(checks.filter((c) => c.status === 'MISMATCH').map((c) => c.check)).toEqual([
      'Campaign 1e5 (=IMPORTDATA("http://example.com")): lifetime spend = its daily metrics',
    ]);
  });
});

describe('monthly spend of the mock dataset', () => {
  it('covers the whole 500-day history and totals it to the cent', () => {
    const { client, http, dataset } = clientFor();
    const history = fetchDailyHistory(client, TODAY);
    expect(history.span).toEqual({ start: dataset.historyStart, end: TODAY });
    expect(http.batches).toEqual([2, 2]);
    const table = monthlySpendTable(monthlySpend(history.days, history.span));
    const spendCol = table.columns.findIndex((c) => c.name === 'spend');
    const total = table.rows[table.rows.length - 1][spendCol];
    expect(total).toBe(dataset.billing.total_spend_dollars);
  });
});
