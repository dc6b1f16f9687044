import { CellValue, escapeText } from '../tables/cells';
import { COL, CONFIG_HEADERS, CONFIG_SHEET, reportChoices } from './config';
import { REPORT_MODES } from './contract';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Plain text columns: a typed id such as 00123 or a status such as TRUE stays exactly what was typed. */
const TEXT_COLUMNS = [COL.tab, COL.campaignId, COL.status, COL.eventType, COL.domain];
const COLUMN_FORMATS: Array<[number, string]> = [
  ...TEXT_COLUMNS.map((c): [number, string] => [c, '@']),
  [COL.startDate, 'yyyy-mm-dd'],
  [COL.endDate, 'yyyy-mm-dd'],
  [COL.lastRun, 'yyyy-mm-dd hh:mm:ss'],
  [COL.rows, '#,##0'],
];

/** The config tab, or null when it does not exist (nothing is created just to look). */
export function findConfigSheet(spreadsheet: Spreadsheet): Sheet | null {
  return spreadsheet.getSheetByName(CONFIG_SHEET);
}

/**
 * The config tab, created on first use as the first tab: the spec's header row (bold, frozen), dropdowns for
 * Report and Mode, a checkbox for Enabled, and column formats. Report allows other values with a warning
 * (the row's Result explains), so a type added to the registry later is never refused by an older tab.
 */
export function ensureConfigSheet(spreadsheet: Spreadsheet): Sheet {
  const existing = findConfigSheet(spreadsheet);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(CONFIG_SHEET, 0);
  const header = sheet.getRange(1, 1, 1, CONFIG_HEADERS.length);
  header.setValues([[...CONFIG_HEADERS]]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
  const rows = sheet.getMaxRows() - 1;
  const column = (c: number) => sheet.getRange(2, c + 1, rows, 1);
  for (const [c, format] of COLUMN_FORMATS) column(c).setNumberFormat(format);
  column(COL.report).setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList(reportChoices(), true)
      .setAllowInvalid(true)
      .setHelpText('The report type: see Extensions › Gravity › Open sidebar for what each one holds.')
      .build(),
  );
  column(COL.mode).setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...REPORT_MODES], true)
      .setAllowInvalid(false)
      .setHelpText('replace rewrites the tab; append keeps its rows and adds or updates by key.')
      .build(),
  );
  column(COL.enabled).setDataValidation(
    SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build(),
  );
  return sheet;
}

/** The config tab's values (header included): one read. */
export function readConfigValues(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

export interface RowResult {
  row: number;
  /** The row's Tab and Report when the run read them: how the row is found again if rows moved meanwhile. */
  tab: string;
  report: string;
  /** null keeps what the cell held (a row that could not run did not refresh its tab). */
  lastRun: Date | null;
  result: string;
  /** null keeps what the cell held (a failed refresh left the tab's rows as they were). */
  rows: number | null;
}

const identity = (tab: unknown, report: unknown) =>
  `${String(tab ?? '').trim()}\u0000${String(report ?? '')
    .trim()
    .toLowerCase()}`;

/**
 * Writes Last run / Result / Rows of the rows that ran, in one write over all report rows. The tab is read
 * again first: a run takes minutes, and meanwhile a user may have edited, inserted or sorted rows, so each
 * result goes to the row that now holds its Tab and Report, and rows that did not run get back what they hold
 * now, not what they held when the run started.
 */
export function writeResults(sheet: Sheet, results: RowResult[]): void {
  if (results.length === 0) return;
  const values = readConfigValues(sheet);
  const rowOf = new Map<string, number>();
  values.forEach((cells, i) => {
    const key = identity(cells[COL.tab], cells[COL.report]);
    if (i > 0 && !rowOf.has(key)) rowOf.set(key, i + 1);
  });
  const placed = results
    .map((r) => {
      const unmoved = identity(values[r.row - 1]?.[COL.tab], values[r.row - 1]?.[COL.report]);
      const key = identity(r.tab, r.report);
      return { ...r, row: unmoved === key ? r.row : (rowOf.get(key) ?? 0) };
    })
    .filter((r) => r.row > 1);
  if (placed.length === 0) return;
  const lastRow = Math.max(values.length, ...placed.map((r) => r.row));
  const byRow = new Map(placed.map((r) => [r.row, r] as const));
  const block: CellValue[][] = [];
  for (let row = 2; row <= lastRow; row++) {
    const result = byRow.get(row);
    const old = values[row - 1] ?? [];
    if (result) {
      const enabled = old[COL.enabled];
      block.push([
        // A blank Enabled means on, but its checkbox looks off: tick it, so the sheet shows what runs.
        enabled === '' || enabled === null || enabled === undefined ? true : keep(enabled),
        result.lastRun ?? keep(old[COL.lastRun]),
        escapeText(result.result),
        result.rows ?? keep(old[COL.rows]),
      ]);
    } else {
      block.push([COL.enabled, COL.lastRun, COL.result, COL.rows].map((c) => keep(old[c])));
    }
  }
  // Enabled, Last run, Result and Rows are neighbours (product-spec.md's header order).
  sheet.getRange(2, COL.enabled + 1, block.length, 4).setValues(block);
}

function keep(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return escapeText(value);
  return value as CellValue;
}

/** The number format of each config column (General where none is set). */
const ROW_FORMATS: string[] = CONFIG_HEADERS.map(
  (_, c) => COLUMN_FORMATS.find(([column]) => column === c)?.[1] ?? 'General',
);

/**
 * A new report row below the last one. Its formats are set in the same write as its values, so the text
 * columns are plain text even in a `Gravity Reports` tab a user made by hand (an id like 00123 stays text);
 * other strings are escaped so Sheets keeps them as text. (Values starting with = are refused before this:
 * Sheets reads them as formulas even in a plain-text cell.)
 */
export function appendConfigRow(sheet: Sheet, cells: CellValue[]): number {
  const row = sheet.getLastRow() + 1;
  const maxRows = sheet.getMaxRows();
  if (row > maxRows) sheet.insertRowsAfter(maxRows, 100);
  const written = cells.map((value, c) => (TEXT_COLUMNS.includes(c as never) ? value : escapeText(value)));
  const range = sheet.getRange(row, 1, 1, written.length);
  range.setNumberFormats([ROW_FORMATS.slice(0, written.length)]);
  range.setValues([written]);
  return row;
}
