import { Figure, vsFloor } from '../figures';
import { BenchWorld, Measured } from '../world';

/**
 * Scenario 1: a sheet of formula cells using 10 distinct API queries, entered cold (empty cache), then entered
 * again within the cache period (warm). Variants of a query (another INFO field, another TOTAL metric) ask
 * the API the same question, so they must share its one request.
 */

const INFO_FIELDS = ['advertiser_id', 'name', 'email'];
const TOTALS = [
  'spend',
  'clicks',
  'impressions',
  'conversions',
  'revenue',
  'ctr',
  'cpc',
  'cpm',
  'roas',
  'cpa',
];

/** The 10 distinct queries; each gives the formula of its n-th cell. */
export const FORMULA_QUERIES: ReadonlyArray<(n: number) => string> = [
  (n) => `=GRAVITY_INFO("${INFO_FIELDS[n % INFO_FIELDS.length]}")`,
  () => '=GRAVITY_CAMPAIGNS()',
  () => '=GRAVITY_METRICS(30)',
  (n) => `=GRAVITY_TOTAL("${TOTALS[n % TOTALS.length]}", 7)`,
  () => '=GRAVITY_BILLING()',
  () => '=GRAVITY_EVENTS("types", 30)',
  () => '=GRAVITY_EVENTS("domains", 7)',
  () => '=GRAVITY_CONVERSION_STATS("timeseries", 30)',
  () => '=GRAVITY_INTEGRATIONS()',
  () => '=GRAVITY_CONVERSIONS(50)',
];

export interface FormulaScenarioResult {
  cells: number;
  queries: number;
  cold: Measured;
  warm: Measured;
  /** Formula cells that showed an error (each must show its table). */
  errors: number;
}

/** Enters `cells` formulas, each in A1 of its own tab so no two spills collide. */
function enterAll(world: BenchWorld, prefix: string, cells: number): void {
  for (let i = 0; i < cells; i++) {
    const query = FORMULA_QUERIES[i % FORMULA_QUERIES.length];
    world.enterFormula(`${prefix}${i + 1}`, 'A1', query(Math.floor(i / FORMULA_QUERIES.length)));
  }
}

function countErrors(world: BenchWorld, prefix: string, cells: number): number {
  let errors = 0;
  for (let i = 0; i < cells; i++) {
    const cell = world.spreadsheet.sheet(`${prefix}${i + 1}`)?.cell('A1');
    if (!cell || cell.error !== null || cell.display === '') errors++;
  }
  return errors;
}

export function runFormulaScenario(world: BenchWorld, cells = 100): FormulaScenarioResult {
  const cold = world.measure(() => enterAll(world, 'Cold ', cells));
  world.emu.clock.advance(60_000); // a minute later: well inside the 10-minute cache period
  const warm = world.measure(() => enterAll(world, 'Warm ', cells));
  const errors = countErrors(world, 'Cold ', cells) + countErrors(world, 'Warm ', cells);
  return { cells, queries: Math.min(cells, FORMULA_QUERIES.length), cold, warm, errors };
}

export function formulaFigures(result: FormulaScenarioResult): Figure[] {
  const s = `1. ${result.cells} formula cells, ${result.queries} distinct queries`;
  const { cold, warm, cells, queries } = result;
  return [
    vsFloor(s, 'HTTP requests, cold', cold.counters.urlFetchRequests, 'requests', queries),
    vsFloor(s, 'HTTP requests, warm', warm.counters.urlFetchRequests, 'requests', 0),
    vsFloor(s, 'cache reads, cold', cold.counters.cacheReads, 'calls', cells, {
      target: false,
      note: 'floor: one getAll per cell',
    }),
    vsFloor(s, 'cache writes, cold', cold.counters.cacheWrites, 'calls', queries, {
      target: false,
      note: 'floor: one putAll per distinct query',
    }),
    vsFloor(s, 'cache reads, warm', warm.counters.cacheReads, 'calls', cells, { target: false }),
    vsFloor(s, 'cache writes, warm', warm.counters.cacheWrites, 'calls', 0, { target: false }),
    vsFloor(s, 'spreadsheet calls per cell', cold.counters.spreadsheetCalls / cells, 'calls', 1, {
      target: false,
      note: 'floor: the spreadsheet id for the allowed-spreadsheet check',
    }),
    vsFloor(s, 'cells showing an error', result.errors, 'cells', 0),
  ];
}
