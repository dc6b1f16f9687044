import type { FakeSheet } from '../../dev/emulator/spreadsheet/fake-sheet';
import type { Addon } from '../support/harness';

/** Helpers for the report-tab tests: the config tab as a user edits it, and tabs as a user would inspect them. */

export const CONFIG = 'Gravity Reports';
export const LOG = 'Gravity Log';
export const COL = { tab: 0, report: 1, days: 2, mode: 9, lastRun: 11, result: 12, rows: 13 } as const;

export function sheet(a: Addon, name: string): FakeSheet {
  const found = a.spreadsheet.sheet(name);
  if (!found) throw new Error(`no tab "${name}" (tabs: ${a.spreadsheet.sheetNames().join(', ')})`);
  return found;
}

/** Creates `Gravity Reports` the way a first use does (a refresh with no reports), then types rows into it. */
export function typeReports(a: Addon, rows: unknown[][]): void {
  if (!a.spreadsheet.sheet(CONFIG)) a.run('refreshAllReports');
  const config = sheet(a, CONFIG);
  config.typeValues(`A${config.lastRow + 1}`, rows);
}

/** The config row of a tab, as getValues gives it. */
export function configRow(a: Addon, tab: string): unknown[] {
  const row = sheet(a, CONFIG)
    .values()
    .find((r) => r[COL.tab] === tab);
  if (!row) throw new Error(`no report row for tab "${tab}"`);
  return row;
}

export function resultOf(a: Addon, tab: string): string {
  return String(configRow(a, tab)[COL.result]);
}

/** Everything about a tab a user could notice: values, displayed text, formulas, formats, frozen rows. */
export function snapshot(tab: FakeSheet): unknown {
  return {
    values: tab.values(),
    display: tab.displayValues(),
    formulas: tab.formulas(),
    formats: tab.numberFormats(),
    frozenRows: tab.frozenRows,
    lastRow: tab.lastRow,
    lastColumn: tab.lastColumn,
  };
}

/** The log's rows (without header) as displayed. */
export function logRows(a: Addon): string[][] {
  return sheet(a, LOG).displayValues().slice(1);
}

/** GETs the mock API directly (not through the add-on), to compare cells with what the API sent. */
export async function apiGet<T>(a: Addon, path: string): Promise<T> {
  const response = await fetch(`${a.api.baseUrl}/advertiser-dashboard${path}`, {
    headers: { 'X-API-Key': a.api.apiKey },
  });
  return (await response.json()) as T;
}

export function header(tab: FakeSheet): unknown[] {
  return tab.values()[0];
}

/** Data rows of a tab as objects by header name. */
export function records(tab: FakeSheet): Array<Record<string, unknown>> {
  const [names, ...rows] = tab.values();
  return rows.map((row) => Object.fromEntries(names.map((n, i) => [String(n), row[i]])));
}
