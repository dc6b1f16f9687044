import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { Conversion } from '../../src/api/types';
import { sheetRows } from '../../src/tables/cells';
import { conversionsTable } from '../../src/tables/conversions';
import { OffsetLookup, zoneClock } from '../../src/tables/timezone';
import { createDataset } from '../../dev/mock-api/dataset';
import { Figure, info, vsLimit } from '../figures';
import { DIST, TODAY } from '../world';

/**
 * Scenario 4: what every execution pays before doing anything (loading the bundle), and the JavaScript cost
 * of the largest table we build.
 */

export const BUNDLE_LIMIT_BYTES = 150 * 1024;
export const EVALUATION_LIMIT_MS = 50;

export interface BundleResult {
  files: Record<string, number>;
  totalBytes: number;
  codeBytes: number;
  evaluationRuns: number;
  /** Median ms to compile and run Code.js's top level in a fresh bare context. */
  evaluationMedianMs: number;
  conversions: number;
  /** Node CPU ms for conversionsTable + sheetRows. */
  tableCpuMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Compiles and runs the bundle's top level in a fresh context, as each Apps Script execution does. */
export function bundleEvaluationMs(code: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = vm.createContext({});
    const started = process.hrtime.bigint();
    // A unique tail defeats V8's in-process compilation cache: Apps Script compiles each execution afresh.
    new vm.Script(`${code}\n// run ${i}`, { filename: 'Code.js' }).runInContext(context);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

/** Node's zone offsets in the form Utilities.formatDate(…, 'Z') gives them. */
const nodeOffset: OffsetLookup = (instant, timeZone) => {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice(3);
};

export function tableCpuMs(conversions: Conversion[]): number {
  const zone = zoneClock('America/New_York', nodeOffset);
  const started = process.cpuUsage();
  sheetRows(conversionsTable(conversions), zone);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

export function runBundleScenario(
  options: { evaluationRuns?: number; conversions?: number } = {},
): BundleResult {
  const files: Record<string, number> = {};
  for (const name of readdirSync(DIST)) files[name] = statSync(join(DIST, name)).size;
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  const evaluationRuns = options.evaluationRuns ?? 50;
  const count = options.conversions ?? 100_000;
  const conversions = createDataset({ today: TODAY, conversions: count })
    .conversions as unknown as Conversion[];
  return {
    files,
    totalBytes: Object.values(files).reduce((a, b) => a + b, 0),
    codeBytes: files['Code.js'] ?? 0,
    evaluationRuns,
    evaluationMedianMs: bundleEvaluationMs(code, evaluationRuns),
    conversions: count,
    tableCpuMs: tableCpuMs(conversions),
  };
}

export function bundleFigures(result: BundleResult): Figure[] {
  const s = '4. bundle and JavaScript cost';
  return [
    vsLimit(s, 'dist/ size', result.totalBytes, 'bytes', BUNDLE_LIMIT_BYTES, {
      note: Object.entries(result.files)
        .map(([name, bytes]) => `${name} ${bytes.toLocaleString('en-US')}`)
        .join(', '),
    }),
    vsLimit(s, 'Code.js size (every execution loads it)', result.codeBytes, 'bytes', BUNDLE_LIMIT_BYTES),
    vsLimit(
      s,
      `evaluate Code.js in a fresh context (median of ${result.evaluationRuns})`,
      result.evaluationMedianMs,
      'ms',
      EVALUATION_LIMIT_MS,
      {
        maxRatio: 0.5,
        targetText: `≤ ${EVALUATION_LIMIT_MS / 2} ms`,
      },
    ),
    info(
      s,
      `CPU to turn ${result.conversions.toLocaleString('en-US')} conversions into sheet rows`,
      result.tableCpuMs,
      'ms',
    ),
  ];
}
