import { GravityError } from '../api/errors';
import { Table } from '../tables/table';
import { ZoneClock } from '../tables/timezone';
import { ExistingTab } from './definition';
import { appendBlock, replaceBlock, WriteBlock } from './upsert';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * Report tabs on the sheet side. Every Spreadsheet call is a round trip to Google, so a write costs a fixed
 * handful of calls whatever the table's size: one setValues, one setNumberFormats, and header formatting.
 * Callers fetch and build the whole table first, so a failed refresh never touches the tab.
 */

/** A tab as read before a refresh: the sheet (null when it does not exist yet) and its values. */
export interface TabState extends ExistingTab {
  sheet: Sheet | null;
  /** getFormulas() of the same range ("" where a cell holds no formula). */
  formulas: string[][];
}

export interface WriteOutcome {
  /** Data rows the tab holds after the write. */
  dataRows: number;
  added: number;
  updated: number;
}

/** Extra rows added when a tab grows past its grid, so a daily append does not grow it on every run. */
const GROWTH_HEADROOM_ROWS = 200;
/** Rows of a sheet insertSheet() just made (Sheets' default grid; rangeFor still copes if it differs). */
const NEW_SHEET_ROWS = 1000;

function blank(row: unknown[]): boolean {
  return row.every((v) => v === '' || v === null || v === undefined);
}

/** A tab's values for reading only ([] when it does not exist or is empty): 3 calls, 1 without the tab. */
export function readValues(spreadsheet: Spreadsheet, name: string): unknown[][] {
  const values = spreadsheet.getSheetByName(name)?.getDataRange().getValues() ?? [];
  return values.length === 1 && blank(values[0]) ? [] : values;
}

/** The tab's sheet, values and formulas, before an append (4 calls; 1 when the tab does not exist). */
export function readTab(spreadsheet: Spreadsheet, name: string): TabState {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) return { sheet: null, values: [], formulas: [] };
  const range = sheet.getDataRange();
  const values = range.getValues();
  if (values.length === 1 && blank(values[0])) return { sheet, values: [], formulas: [] };
  // Columns a user added may hold formulas: an append that rewrites their rows must write them back.
  return { sheet, values, formulas: range.getFormulas() };
}

/**
 * The range to write, growing the grid first when it reaches past it: getRange refuses coordinates outside
 * the sheet ("The coordinates of the range are outside the dimensions of the sheet",
 * developers.google.com/apps-script/reference/spreadsheet/sheet#getrangerow,-column,-numrows,-numcolumns).
 * Asking for the grid size only when that happens keeps the usual write to one call.
 */
function rangeFor(sheet: Sheet, row: number, numRows: number, numColumns: number): Range {
  try {
    return sheet.getRange(row, 1, numRows, numColumns);
  } catch {
    const lastRow = row + numRows - 1;
    const maxRows = sheet.getMaxRows();
    if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows + GROWTH_HEADROOM_ROWS);
    const maxColumns = sheet.getMaxColumns();
    if (numColumns > maxColumns) sheet.insertColumnsAfter(maxColumns, numColumns - maxColumns);
    return sheet.getRange(row, 1, numRows, numColumns);
  }
}

/**
 * A new tab for a block ending at `lastRow`. Its grid is known, so a long table grows it at once: one call
 * instead of the failed getRange and two size reads rangeFor would spend (5,000 conversions: 11 calls → 8).
 */
function insertSheetFor(spreadsheet: Spreadsheet, name: string, lastRow: number): Sheet {
  const sheet = spreadsheet.insertSheet(name);
  if (lastRow > NEW_SHEET_ROWS)
    sheet.insertRowsAfter(NEW_SHEET_ROWS, lastRow - NEW_SHEET_ROWS + GROWTH_HEADROOM_ROWS);
  return sheet;
}

/**
 * Writes a block: formats first, so a text cell is never in a plain-text format when its escaped value
 * lands (there the apostrophe would be kept as a character), then all values in one call.
 */
export function writeBlock(sheet: Sheet, block: WriteBlock): void {
  const width = block.values[0]?.length ?? 0;
  if (width === 0 || block.values.length === 0) return;
  const range = rangeFor(sheet, block.row, block.values.length, width);
  range.setNumberFormats(block.formats);
  range.setValues(block.values);
  if (block.weights) {
    range.setFontWeights(block.weights);
    sheet.setFrozenRows(1);
  }
}

/**
 * A replace rewrites a whole tab, so a Tab name typed by mistake ("Sheet1") must not wipe a user's own data.
 * A tab that holds data is taken for a report tab when its A1 is this report's first header, or when its
 * header row is frozen as Gravity leaves every tab it writes (a row whose report type changed). A stored
 * marker would be surer, but a scheduled run has no document properties. Throws before any write.
 */
function requireReportTab(sheet: Sheet, name: string, table: Table): void {
  const first = table.columns[0]?.name ?? '';
  if (String(sheet.getRange(1, 1).getValue()) === first || sheet.getFrozenRows() === 1) return;
  throw new GravityError(
    'invalid_argument',
    `tab "${name}" already holds data that does not look like a Gravity report (A1 is not "${first}" and ` +
      'no header row is frozen), and a replace would overwrite it. Give the report another Tab name, or clear ' +
      'that tab if its contents can go.',
  );
}

/**
 * `replace`: the new table from A1 in one write that also blanks whatever the tab held beyond it, so the tab
 * is never half old and half new. Calls: getSheetByName, getLastRow, getLastColumn, getRange + getValue of A1
 * (or insertSheet), getRange,
 * setNumberFormats, setValues (+ setFontWeights, setFrozenRows when the tab is new or its header grew).
 */
export function writeReplace(
  spreadsheet: Spreadsheet,
  name: string,
  table: Table,
  zone: ZoneClock,
): WriteOutcome {
  const existing = spreadsheet.getSheetByName(name);
  let previous = { rows: 0, columns: 0 };
  if (existing) {
    const rows = existing.getLastRow();
    previous = { rows, columns: rows > 0 ? existing.getLastColumn() : 0 };
    if (rows > 0) requireReportTab(existing, name, table);
  }
  const block = replaceBlock(table, zone, previous);
  const sheet = existing ?? insertSheetFor(spreadsheet, name, block.row + block.values.length - 1);
  writeBlock(sheet, block);
  return { dataRows: block.dataRows, added: block.added, updated: block.updated };
}

/**
 * `append`: upserts the table into the tab read by readTab (by `keys`), writing only from the first changed
 * row down; never deletes. Nothing changed → no write at all.
 */
export function writeAppend(
  spreadsheet: Spreadsheet,
  name: string,
  state: TabState,
  table: Table,
  keys: string[],
  zone: ZoneClock,
): WriteOutcome {
  const block = appendBlock(state.values, table, keys, zone, state.formulas);
  if (!block) return { dataRows: Math.max(0, state.values.length - 1), added: 0, updated: 0 };
  writeBlock(state.sheet ?? insertSheetFor(spreadsheet, name, block.row + block.values.length - 1), block);
  return { dataRows: block.dataRows, added: block.added, updated: block.updated };
}

export type WriteMode = { mode: 'replace' } | { mode: 'append'; keys: string[] };

/**
 * One call for any report-like tab (finance's tables too): `replace` rewrites it, `append` upserts by `keys`.
 * Build the table completely before calling, so a failure never leaves the tab half written.
 */
export function writeTable(
  spreadsheet: Spreadsheet,
  name: string,
  table: Table,
  zone: ZoneClock,
  how: WriteMode,
): WriteOutcome {
  if (how.mode === 'replace') return writeReplace(spreadsheet, name, table, zone);
  return writeAppend(spreadsheet, name, readTab(spreadsheet, name), table, how.keys, zone);
}
