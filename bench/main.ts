import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMockApi } from '../dev/mock-api/process';
import { FULL_SIZE, runBench } from './bench';
import { COST_MODEL } from './cost-model';
import { formatTable } from './figures';
import { TODAY } from './world';

/**
 * `npm run bench`: builds nothing itself (the script builds first), runs every scenario on dist/ in the
 * emulator against the mock API, prints the table and writes bench-results.json.
 */
async function main(): Promise<void> {
  const api = await startMockApi({ today: TODAY, conversions: FULL_SIZE.mockConversions });
  try {
    const started = Date.now();
    const results = await runBench(api, FULL_SIZE);
    console.log(formatTable(results.figures));
    const notes = results.figures.filter((f) => f.note);
    if (notes.length) {
      console.log('\nNotes');
      for (const f of notes) console.log(`- ${f.figure}: ${f.note}`);
    }
    const misses = results.figures.filter((f) => f.ok === false);
    console.log(
      `\nCost model: ${Object.entries(COST_MODEL)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')} (README.md, "Costs and quotas").`,
    );
    console.log(
      `${misses.length} of ${results.figures.filter((f) => f.ok !== null).length} targets missed; bench took ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    const { workbook, formulas, largestFormula } = results;
    const slim = (m: {
      counters: object;
      calls: Array<{ method: string; requests: Array<{ key: string }> }>;
    }) => ({
      counters: m.counters,
      fetchCalls: m.calls.map((c) => ({ method: c.method, requests: c.requests.map((r) => r.key) })),
    });
    const json = {
      generatedAt: new Date().toISOString(),
      costModel: COST_MODEL,
      size: results.size,
      figures: results.figures,
      bundle: results.bundle,
      formulas: { cold: formulas.cold.counters, warm: formulas.warm.counters },
      workbook: {
        firstSync: {
          ...slim(workbook.firstSync),
          batching: workbook.firstSync.batching,
          estimate: workbook.firstSync.estimate,
        },
        steady: {
          ...slim(workbook.steady),
          batching: workbook.steady.batching,
          estimate: workbook.steady.estimate,
        },
        runOverheadCalls: workbook.runOverheadCalls,
        perReport: workbook.perReport,
      },
      largestFormula: {
        counters: largestFormula.measured.counters,
        estimate: largestFormula.estimate,
        rowsWithinBudget: largestFormula.rowsWithinBudget,
      },
      quota: results.quota,
    };
    writeFileSync(join(__dirname, '..', 'bench-results.json'), `${JSON.stringify(json, null, 2)}\n`);
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
