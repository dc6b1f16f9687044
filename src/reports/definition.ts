import { GravityClient } from '../api/client';
import { ApiRequest } from '../api/endpoints';
import { DateRange } from '../api/params';
import { Clock } from '../gas/ports';
import { Table } from '../tables/table';
import { ZoneClock } from '../tables/timezone';
import { ReportMode, ReportType } from './contract';

/**
 * What one report type is: which columns of `Gravity Reports` it reads, how it fetches, what table it builds
 * and how `append` finds a row's key. Adding a report type is one module that exports a ReportDefinition and
 * one line in registry.ts.
 */

/** Optional inputs of a config row; `range` stands for Days / Start date / End date. */
export type ReportInput = 'range' | 'campaignId' | 'status' | 'eventType' | 'domain';

/** A validated row of `Gravity Reports`. */
export interface ReportSpec {
  /** Sheet row in `Gravity Reports` (2 = first report); 0 for a report run outside the config tab. */
  row: number;
  tab: string;
  report: ReportType;
  mode: ReportMode;
  /** Set when the report reads `range`: the row's dates, or its days (30 when blank). */
  range: DateRange | null;
  campaignId?: string;
  status?: string;
  eventType?: string;
  domain?: string;
}

/** The tab's current content, read before fetching (append needs it to upsert, conversions to sync). */
export interface ExistingTab {
  /** The data range's values (row 0 is the header); [] when the tab does not exist or is empty. */
  values: unknown[][];
}

export interface PlanContext {
  zone: ZoneClock;
  /** The run's start, ISO: billing snapshots carry it as `fetched_at`. */
  fetchedAt: string;
  /** The tab's content in append mode, else null. */
  existing: ExistingTab | null;
  /** The spreadsheet refreshed, for reports that read other tabs or draw charts (finance); absent in unit tests. */
  spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** `Gravity Reports` as the run read it (header included), so a report need not read it again. */
  config?: unknown[][];
}

/** Independent requests (sent together with other reports' in one fetchAll) and the table built from them. */
export interface BatchPlan {
  kind: 'batch';
  requests: ApiRequest<unknown>[];
  /** Receives each request's value, in order (a failed request fails the report before this runs). */
  build(values: unknown[]): Table;
}

/** A report whose requests depend on each other (paging): it runs alone. */
export interface SequentialPlan {
  kind: 'sequential';
  /**
   * Requests `run` will make first, whatever the answers: they go out in the batch's fetchAll with the other
   * reports' requests, and `run` then finds them in the run's memo instead of waiting for them alone.
   */
  prefetch?: ApiRequest<unknown>[];
  run(client: GravityClient, clock: Clock, stopBy: number): Table;
}

export type ReportPlan = BatchPlan | SequentialPlan;

export interface ReportDefinition {
  type: ReportType;
  /** Default tab name for a new report of this type. */
  title: string;
  /** The optional inputs it reads; any other filled input is a mistake the row's Result points out. */
  inputs: readonly ReportInput[];
  /** Inputs without which the row cannot run. */
  required?: readonly ReportInput[];
  /** Whether a Start/End date period longer than 365 days is fine (it fetches in windows); else refused. */
  splitsLongRanges?: boolean;
  /**
   * The columns that identify a row in `append` mode (upsert key), or null when this report cannot append.
   * A key column the API does not send (e.g. `campaign_id` of a filtered metrics report) is added by plan().
   */
  appendKeys(spec: ReportSpec): string[] | null;
  plan(spec: ReportSpec, context: PlanContext): ReportPlan;
}

/** A report of one request: keeps the request's type between the request and the builder. */
export function singleRequest<T>(request: ApiRequest<T>, build: (value: T) => Table): BatchPlan {
  return { kind: 'batch', requests: [request], build: (values) => build(values[0] as T) };
}
