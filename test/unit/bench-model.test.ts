import { COST_MODEL, estimate, fetchCallMs } from '../../bench/cost-model';
import { TracedCall } from '../../bench/fetch-trace';
import { pagesWithinBudget } from '../../bench/scenarios/largest-formula';
import { quotaBudget } from '../../bench/scenarios/quota';
import { emptyCounters } from '../../dev/emulator/context';

function fetchCall(requests: number): TracedCall {
  return {
    method: requests > 1 ? 'fetchAll' : 'fetch',
    requests: Array.from({ length: requests }, (_, i) => ({
      key: `/r${i}`,
      path: `/r${i}`,
      query: new URLSearchParams(),
      body: '',
    })),
  };
}

test('a fetchAll costs one fetch plus a little per further request; service calls and cells add up', () => {
  expect(fetchCallMs(0)).toBe(0);
  expect(fetchCallMs(1)).toBe(COST_MODEL.FETCH_MS);
  expect(fetchCallMs(3)).toBe(COST_MODEL.FETCH_MS + 2 * COST_MODEL.FETCH_ALL_EXTRA_MS);
  const counters = {
    ...emptyCounters(),
    spreadsheetCalls: 10,
    cellsWritten: 1_000,
    cacheReads: 2,
    propertyReads: 3,
  };
  const e = estimate([fetchCall(1), fetchCall(3)], counters, 4, 2);
  expect(e.fetchMs).toBe(2 * COST_MODEL.FETCH_MS + 2 * COST_MODEL.FETCH_ALL_EXTRA_MS);
  expect(e.sheetMs).toBe(10 * COST_MODEL.SHEET_CALL_MS);
  expect(e.cellsMs).toBeCloseTo(1_000 * COST_MODEL.CELL_WRITE_MS);
  expect(e.serviceMs).toBe(5 * COST_MODEL.SERVICE_CALL_MS);
  expect(e.loadMs).toBe(8);
  expect(e.totalMs).toBeCloseTo(e.fetchMs + e.sheetMs + e.cellsMs + e.serviceMs + e.loadMs);
});

test('paging stops at the formula budget: 20 s of 0.6 s pages is 34 pages, never fewer than one', () => {
  expect(pagesWithinBudget(0, 50)).toBe(34);
  expect(pagesWithinBudget(0, 5)).toBe(5);
  expect(pagesWithinBudget(25_000, 50)).toBe(1);
});

test('the daily budget counts formula opens against fetches only, and the tighter quota decides', () => {
  const lines = quotaBudget({
    refreshRequests: 20,
    refreshMs: 30_000,
    formulaSheetRequests: 10,
    formulaOpensPerDay: 20,
  });
  const hourlyConsumer = lines.find((l) => l.schedule === 'hourly' && l.quota === 'consumer');
  expect(hourlyConsumer).toMatchObject({ fetchesPerDay: 680, triggerMsPerDay: 720_000 });
  // 90 min / 12 min = 7.5 workbooks by trigger time; 20,000 / 680 = 29 by fetches.
  expect(hourlyConsumer?.workbooksPerAccount).toBe(7);
  const dailyWorkspace = lines.find((l) => l.schedule === 'daily' && l.quota === 'Workspace');
  // 100,000 / 220 = 454 by fetches; 6 h / 30 s = 720 by trigger time.
  expect(dailyWorkspace?.workbooksPerAccount).toBe(454);
});
