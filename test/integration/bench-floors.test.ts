import { BenchResults, BenchSize, runBench } from '../../bench/bench';
import { MAX_CALLS_PER_REPORT } from '../../bench/scenarios/workbook';
import { startMockApi, type MockApiHandle } from '../../dev/mock-api/process';
import { TODAY } from '../support/harness';

/**
 * The bench's scenarios at a reduced size, asserting COUNTS (requests, fetch calls, spreadsheet calls) against
 * their floors, so CI notices when a change costs more round trips. Times are measured by `npm run bench`
 * only, never here.
 */

const SMALL: BenchSize = {
  mockConversions: 300,
  formulaCells: 20,
  workbook: { metricsDays: 30, newConversions: 5 },
  largestFormulaRows: 300,
  evaluationRuns: 3,
  tableConversions: 500,
  formulaOpensPerDay: 20,
};

/**
 * A known cost above the floor, as a ceiling so it cannot grow (see the README's "Costs and quotas"):
 * reconciliation also reads the billing history tab and writes a second table and a chart on its dashboard tab
 * (src/finance/reports.ts, history-tab.ts, dashboard.ts). Lower it when that changes.
 */
const RECONCILIATION_CALLS_CEILING = 34;

let api: MockApiHandle;
let results: BenchResults;

beforeAll(async () => {
  api = await startMockApi({ today: TODAY, conversions: SMALL.mockConversions });
  results = await runBench(api, SMALL);
});
afterAll(async () => {
  await api.stop();
});

test('formula cells: one request per distinct query cold, none warm, and every cell shows its table', () => {
  const { formulas } = results;
  expect(formulas.cold.counters.urlFetchRequests).toBe(formulas.queries);
  expect(formulas.warm.counters.urlFetchRequests).toBe(0);
  expect(formulas.errors).toBe(0);
});

test('the largest formula asks one request per page of 100 rows', () => {
  expect(results.largestFormula.measured.counters.urlFetchRequests).toBe(SMALL.largestFormulaRows / 100);
});

test('every workbook report refreshes, and a steady-state conversion sync costs at most 2 requests', () => {
  expect(results.workbook.failed).toEqual([]);
  expect(results.workbook.steadyConversionRequests).toBeGreaterThanOrEqual(1);
  expect(results.workbook.steadyConversionRequests).toBeLessThanOrEqual(2);
});

test('a workbook refresh never asks the same question twice', () => {
  for (const run of [results.workbook.firstSync, results.workbook.steady]) expect(run.repeated).toBe(0);
});

test(`each report costs at most ${MAX_CALLS_PER_REPORT} spreadsheet calls, whatever its rows`, () => {
  const over = results.workbook.perReport
    .filter((r) => r.report !== 'reconciliation')
    .filter((r) => r.spreadsheetCalls > MAX_CALLS_PER_REPORT)
    .map((r) => `${r.report}: ${r.spreadsheetCalls} (${r.methods})`);
  expect(over).toEqual([]);
  const reconciliation = results.workbook.perReport.find((r) => r.report === 'reconciliation');
  expect(reconciliation?.spreadsheetCalls).toBeLessThanOrEqual(RECONCILIATION_CALLS_CEILING);
  for (const check of results.workbook.sizeChecks) {
    expect(check.small.spreadsheetCalls).toBeLessThanOrEqual(MAX_CALLS_PER_REPORT);
    expect(check.full.spreadsheetCalls).toBeLessThanOrEqual(MAX_CALLS_PER_REPORT);
  }
});
