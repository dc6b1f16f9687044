import { MAX_PAGE_SIZE } from '../../src/api/params';
import { MAX_CONVERSION_ROWS } from '../../src/formulas/conversions';
import { FORMULA_PAGING_BUDGET_MS } from '../../src/formulas/runtime';
import { COST_MODEL, CostEstimate, estimate, fetchCallMs } from '../cost-model';
import { Figure, info, vsFloor, vsLimit } from '../figures';
import { BenchWorld, Measured } from '../world';

/**
 * Scenario 3: the largest formula, GRAVITY_CONVERSIONS at its maximum rows, cold: pages follow each other
 * (each needs the cursor of the one before), so its time is the sum of its fetches.
 */

export const CUSTOM_FUNCTION_LIMIT_MS = 30_000;

export interface LargestFormulaResult {
  rows: number;
  measured: Measured;
  estimate: CostEstimate;
  /** Rows the formula returns in the model before its own paging budget stops it. */
  rowsWithinBudget: number;
}

/** Pages fetched before the paging budget runs out, with each page taking the model's fetch time. */
export function pagesWithinBudget(beforeFirstPageMs: number, pages: number): number {
  let elapsed = beforeFirstPageMs;
  let fetched = 0;
  // collectConversions asks for another page only while the clock is short of its stop time.
  while (fetched < pages && (fetched === 0 || elapsed < FORMULA_PAGING_BUDGET_MS)) {
    elapsed += fetchCallMs(1);
    fetched++;
  }
  return fetched;
}

export function runLargestFormula(
  world: BenchWorld,
  bundleLoadMs: number,
  rows = MAX_CONVERSION_ROWS,
): LargestFormulaResult {
  const measured = world.measure(() => world.enterFormula('Largest', 'A1', `=GRAVITY_CONVERSIONS(${rows})`));
  const e = estimate(measured.calls, measured.counters, bundleLoadMs);
  const pages = measured.calls.length;
  const before = bundleLoadMs + COST_MODEL.SHEET_CALL_MS * 3 + COST_MODEL.SERVICE_CALL_MS * 3;
  const rowsWithinBudget = Math.min(rows, pagesWithinBudget(before, pages) * MAX_PAGE_SIZE);
  return { rows, measured, estimate: e, rowsWithinBudget };
}

export function largestFormulaFigures(result: LargestFormulaResult): Figure[] {
  const s = `3. GRAVITY_CONVERSIONS(${result.rows}), cold`;
  const requests = result.measured.counters.urlFetchRequests;
  return [
    vsFloor(s, 'HTTP requests', requests, 'requests', Math.ceil(result.rows / MAX_PAGE_SIZE), {
      note: `floor: ${result.rows} rows at ${MAX_PAGE_SIZE} a page`,
    }),
    vsLimit(
      s,
      'estimated time for every row',
      result.estimate.totalMs / 1000,
      's',
      CUSTOM_FUNCTION_LIMIT_MS / 1000,
      {
        note: `${requests} dependent pages × ${COST_MODEL.FETCH_MS} ms; the formula stops paging at ${FORMULA_PAGING_BUDGET_MS / 1000} s and says so in its last row`,
      },
    ),
    info(s, 'rows returned within the paging budget (model)', result.rowsWithinBudget, 'rows'),
    info(s, 'cache writes (chunked body)', result.measured.counters.cacheWrites, 'calls'),
  ];
}
