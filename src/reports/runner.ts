import { GravityClient, requestKey } from '../api/client';
import { ApiRequest } from '../api/endpoints';
import { GravityError } from '../api/errors';
import { userMessage } from '../formulas/custom-function';
import { Clock } from '../gas/ports';
import { Table } from '../tables/table';
import { ZoneClock } from '../tables/timezone';
import { ReportDefinition, ReportPlan, ReportSpec } from './definition';
import { reportDefinition } from './registry';
import { readTab, TabState, writeAppend, writeReplace } from './writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * How many reports' requests go out together in one fetchAll. A typical workbook (a dozen reports) fits in one
 * batch; the cap keeps a very large config tab from planning (and reading append tabs for) everything at once.
 */
export const BATCH_SIZE = 20;

export interface RunEnvironment {
  spreadsheet: Spreadsheet;
  /** `Gravity Reports` as the run read it (header included). */
  config?: unknown[][];
  zone: ZoneClock;
  clock: Clock;
  /** The run's start, ISO (billing snapshots' `fetched_at`). */
  fetchedAt: string;
  /** No new batch of reports starts after this clock time; the rest waits for the next run. */
  startBy: number;
  /** Paging (conversions) requests no further page after this clock time. */
  pagingStopBy: number;
  /** The client for this run; throws (e.g. no API key) and then every report fails with that message. */
  client: () => GravityClient;
  /** Called before each report starts, for progress toasts. */
  onStart?: (spec: ReportSpec, index: number, total: number) => void;
}

export interface ReportOutcome {
  spec: ReportSpec;
  status: 'ok' | 'error' | 'deferred';
  /** "OK", the error message, or why it was deferred. */
  message: string;
  /** Data rows the tab holds after the refresh; null when it did not run or failed. */
  rows: number | null;
  durationMs: number;
  /** Clock time the report finished (or was deferred). */
  finishedAt: number;
}

interface Prepared {
  spec: ReportSpec;
  definition: ReportDefinition;
  state: TabState | null;
  plan: ReportPlan;
}

function messageOf(error: unknown): string {
  return error instanceof GravityError ? error.message : userMessage(error);
}

/**
 * Refreshes reports in the order given. Each batch reads what append tabs hold, plans every report, sends all
 * their independent requests in one fetchAll, then builds and writes each report: a report is written only
 * once its whole table is built, and one report's failure is only its own.
 */
export function runReports(env: RunEnvironment, specs: ReportSpec[]): ReportOutcome[] {
  const outcomes: ReportOutcome[] = [];
  let client: GravityClient | null = null;
  let clientError: unknown = null;
  const connect = (): GravityClient => {
    if (client) return client;
    if (clientError) throw clientError;
    try {
      client = env.client();
      return client;
    } catch (error) {
      clientError = error;
      throw error;
    }
  };
  const finish = (
    spec: ReportSpec,
    started: number,
    result: Omit<ReportOutcome, 'spec' | 'durationMs' | 'finishedAt'>,
  ) => {
    const now = env.clock.now();
    outcomes.push({ spec, ...result, durationMs: now - started, finishedAt: now });
  };
  const defer = (spec: ReportSpec) =>
    finish(spec, env.clock.now(), {
      status: 'deferred',
      message: 'Not started: the run had used its time. The next run refreshes it first.',
      rows: null,
    });

  const written = new Set<string>();
  let index = 0;
  for (let at = 0; at < specs.length; at += BATCH_SIZE) {
    const batch = specs.slice(at, at + BATCH_SIZE);
    if (env.clock.now() >= env.startBy) {
      specs.slice(at).forEach(defer);
      break;
    }
    const batchStart = env.clock.now();
    const prepared: Array<Prepared | { spec: ReportSpec; error: unknown }> = batch.map((spec) => {
      try {
        const definition = reportDefinition(spec.report);
        if (!definition) throw new GravityError('invalid_argument', `"${spec.report}" is not a report type.`);
        const state = spec.mode === 'append' ? readTab(env.spreadsheet, spec.tab) : null;
        const plan = definition.plan(spec, {
          zone: env.zone,
          fetchedAt: env.fetchedAt,
          existing: state,
          spreadsheet: env.spreadsheet,
          config: env.config,
        });
        return { spec, definition, state, plan };
      } catch (error) {
        return { spec, error };
      }
    });

    const fetched = fetchBatch(connect, prepared);
    prepared.forEach((item, i) => {
      // The batch's shared fetch counts in its first report's duration.
      const started = i === 0 ? batchStart : env.clock.now();
      env.onStart?.(item.spec, index++, specs.length);
      if ('error' in item) {
        finish(item.spec, started, { status: 'error', message: messageOf(item.error), rows: null });
        return;
      }
      if (item.plan.kind === 'sequential' && env.clock.now() >= env.startBy) {
        defer(item.spec);
        return;
      }
      try {
        const table = build(item.plan, fetched, connect, env);
        const rows = write(env, item, table, written);
        finish(item.spec, started, { status: 'ok', message: 'OK', rows });
      } catch (error) {
        finish(item.spec, started, { status: 'error', message: messageOf(error), rows: null });
      }
    });
  }
  return outcomes;
}

/**
 * Every batch plan's requests and every sequential plan's prefetch, deduplicated, in one getAll; each result by
 * request key (a prefetch's answer reaches its plan through the run's memo).
 */
function fetchBatch(
  connect: () => GravityClient,
  prepared: Array<Prepared | { spec: ReportSpec; error: unknown }>,
): Map<string, unknown> {
  const requests = new Map<string, ApiRequest<unknown>>();
  for (const item of prepared) {
    if (!('plan' in item)) continue;
    const planned = item.plan.kind === 'batch' ? item.plan.requests : (item.plan.prefetch ?? []);
    for (const request of planned) requests.set(requestKey(request), request);
  }
  const results = new Map<string, unknown>();
  if (requests.size === 0) return results;
  let client: GravityClient;
  try {
    client = connect();
  } catch (error) {
    for (const key of requests.keys()) results.set(key, error);
    return results;
  }
  const keys = [...requests.keys()];
  const values = client.getAll([...requests.values()]);
  keys.forEach((key, i) => results.set(key, values[i]));
  return results;
}

function build(
  plan: ReportPlan,
  fetched: Map<string, unknown>,
  connect: () => GravityClient,
  env: RunEnvironment,
): Table {
  if (plan.kind === 'sequential') return plan.run(connect(), env.clock, env.pagingStopBy);
  const values = plan.requests.map((request) => {
    const value = fetched.get(requestKey(request));
    if (value instanceof Error) throw value;
    return value;
  });
  return plan.build(values);
}

/**
 * Several append reports may share one tab (filtered metrics, keyed by campaign_id): a tab already written in
 * this run is read again, so a report upserts into what the previous one wrote, not into what was there before.
 */
function write(env: RunEnvironment, item: Prepared, table: Table, written: Set<string>): number {
  const { spec, definition } = item;
  const state =
    spec.mode === 'append' && written.has(spec.tab) ? readTab(env.spreadsheet, spec.tab) : item.state;
  written.add(spec.tab);
  if (spec.mode === 'append' && state) {
    const keys = definition.appendKeys(spec);
    if (!keys)
      throw new GravityError(
        'invalid_argument',
        `${spec.report} reports cannot append; set Mode to replace.`,
      );
    return writeAppend(env.spreadsheet, spec.tab, state, table, keys, env.zone).dataRows;
  }
  return writeReplace(env.spreadsheet, spec.tab, table, env.zone).dataRows;
}
