import { MAX_CONVERSION_ROWS } from '../src/formulas/conversions';
import type { MockApiHandle } from '../dev/mock-api/process';
import { Figure } from './figures';
import { bundleFigures, BundleResult, runBundleScenario } from './scenarios/bundle';
import { formulaFigures, FormulaScenarioResult, runFormulaScenario } from './scenarios/formulas';
import { largestFormulaFigures, LargestFormulaResult, runLargestFormula } from './scenarios/largest-formula';
import { QuotaLine, quotaBudget, quotaFigures, QuotaInput } from './scenarios/quota';
import {
  FULL_WORKBOOK,
  runPerReport,
  runWorkbookRefresh,
  WorkbookResult,
  workbookFigures,
  WorkbookSize,
} from './scenarios/workbook';
import { BenchWorld } from './world';

/** How big each scenario is: the sizes, or smaller for the CI test of the floors. */
export interface BenchSize {
  /** Conversions the mock API holds (the workbook's first sync fetches them all). */
  mockConversions: number;
  formulaCells: number;
  workbook: WorkbookSize;
  largestFormulaRows: number;
  evaluationRuns: number;
  tableConversions: number;
  formulaOpensPerDay: number;
}

export const FULL_SIZE: BenchSize = {
  mockConversions: 5_000,
  formulaCells: 100,
  workbook: FULL_WORKBOOK,
  largestFormulaRows: MAX_CONVERSION_ROWS,
  evaluationRuns: 50,
  tableConversions: 100_000,
  formulaOpensPerDay: 20,
};

export interface BenchResults {
  size: BenchSize;
  bundle: BundleResult;
  formulas: FormulaScenarioResult;
  workbook: WorkbookResult;
  largestFormula: LargestFormulaResult;
  quota: { input: QuotaInput; lines: QuotaLine[] };
  figures: Figure[];
}

async function inWorld<T>(api: MockApiHandle, body: (world: BenchWorld) => T | Promise<T>): Promise<T> {
  const world = await BenchWorld.open(api);
  try {
    return await body(world);
  } finally {
    world.close();
  }
}

/** Every scenario against a running mock API (started with `size.mockConversions` conversions). */
export async function runBench(api: MockApiHandle, size: BenchSize = FULL_SIZE): Promise<BenchResults> {
  const bundle = runBundleScenario({
    evaluationRuns: size.evaluationRuns,
    conversions: size.tableConversions,
  });
  const loadMs = bundle.evaluationMedianMs;
  const formulas = await inWorld(api, (world) => runFormulaScenario(world, size.formulaCells));
  const refresh = await inWorld(api, (world) => runWorkbookRefresh(world, size.workbook, loadMs));
  const perReport = await inWorld(api, (world) => runPerReport(world, size.workbook));
  const workbook: WorkbookResult = { size: size.workbook, ...refresh, ...perReport };
  const largestFormula = await inWorld(api, (world) =>
    runLargestFormula(world, loadMs, size.largestFormulaRows),
  );
  const quotaInput: QuotaInput = {
    refreshRequests: workbook.steady.counters.urlFetchRequests,
    refreshMs: workbook.steady.estimate.totalMs,
    formulaSheetRequests: formulas.cold.counters.urlFetchRequests,
    formulaOpensPerDay: size.formulaOpensPerDay,
  };
  const lines = quotaBudget(quotaInput);
  const figures = [
    ...formulaFigures(formulas),
    ...workbookFigures(workbook),
    ...largestFormulaFigures(largestFormula),
    ...bundleFigures(bundle),
    ...quotaFigures(lines, quotaInput),
  ];
  return { size, bundle, formulas, workbook, largestFormula, quota: { input: quotaInput, lines }, figures };
}
