import { GravityError } from '../api/errors';
import {
  CellValue,
  escapeText,
  numberFormat,
  parseTimestamp,
  sheetFormats,
  sheetRows,
  toCell,
} from '../tables/cells';
import { ColumnType, Table } from '../tables/table';
import { ZoneClock } from '../tables/timezone';

/**
 * The pure half of writing a report tab: from the table (and, for append, what the tab holds now) to the one
 * block of cells to write. The sheet half (writer.ts) then needs a fixed handful of calls whatever the size.
 */

export interface WriteBlock {
  /** First sheet row written (1 = header). */
  row: number;
  /** Rows for Range.setValues, strings escaped so Sheets keeps them as text. */
  values: CellValue[][];
  formats: string[][];
  /** Font weights for the block, or null to leave them (the header is not in the block). */
  weights: FontWeight[][] | null;
  /** Data rows the tab holds after the write. */
  dataRows: number;
  added: number;
  updated: number;
}

export type FontWeight = 'bold' | 'normal';

const HEADER_FORMAT = 'General';
const BLANK_FORMAT = 'General';

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Whole seconds: a date-time read back from a cell may differ from the written instant by rounding. */
function isoSeconds(date: Date): string {
  return new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
}

/**
 * One cell as a comparable string, whether it comes from the API (typed first with toCell) or back from the
 * sheet (getValues: dates as Date, text as string): the same day, instant, number or text gives the same key.
 */
export function cellKey(value: unknown, type: ColumnType, zone: ZoneClock): string {
  if (value === null || value === undefined || value === '') return '';
  if (isDate(value)) return type === 'date' ? zone.calendarDate(value) : isoSeconds(value);
  if (typeof value === 'string' && (type === 'date' || type === 'datetime')) {
    const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : parseTimestamp(value);
    if (instant) return type === 'date' ? zone.calendarDate(instant) : isoSeconds(instant);
  }
  return typeof value === 'string' ? value : String(value);
}

function apiKey(value: unknown, type: ColumnType, zone: ZoneClock): string {
  return cellKey(toCell(value as Parameters<typeof toCell>[0], type, zone), type, zone);
}

function blankRow(row: unknown[]): boolean {
  return row.every((v) => v === '' || v === null || v === undefined);
}

/** The header names of a tab's values, or [] for an empty tab. */
export function headerOf(values: unknown[][]): string[] {
  if (values.length === 0 || blankRow(values[0])) return [];
  return values[0].map((v) => (isDate(v) ? '' : String(v).trim()));
}

/** The values of one column of an existing tab (its header names it), e.g. the conversion ids it holds. */
export function existingKeys(values: unknown[][], columnName: string): Set<string> {
  const index = headerOf(values).indexOf(columnName);
  const keys = new Set<string>();
  if (index < 0) return keys;
  for (const row of values.slice(1)) {
    const value = row[index];
    if (value !== '' && value !== null && value !== undefined) keys.add(String(value));
  }
  return keys;
}

/**
 * `replace`: header and rows from A1, padded with blanks over what the tab held before (`previous` rows and
 * columns), so the same single write also clears leftovers: no moment where the tab is half old, half new.
 * Font weights (bold header) are written only when the tab is new or its header grew: otherwise row 1 is
 * already bold, and rewriting a weight for every cell of every refresh would cost as much as the values.
 */
export function replaceBlock(
  table: Table,
  zone: ZoneClock,
  previous: { rows: number; columns: number },
): WriteBlock {
  const width = Math.max(table.columns.length, previous.columns, 1);
  const height = Math.max(table.rows.length + 1, previous.rows);
  const pad = <T>(row: T[], fill: T): T[] => [...row, ...new Array<T>(width - row.length).fill(fill)];
  const header = table.columns.map((c) => escapeText(c.name));
  const rows = sheetRows(table, zone);
  const formats = sheetFormats(table);
  const values: CellValue[][] = [pad(header, ''), ...rows.map((r) => pad(r, ''))];
  const allFormats: string[][] = [
    pad(
      table.columns.map(() => HEADER_FORMAT),
      BLANK_FORMAT,
    ),
    ...formats.map((r) => pad(r, BLANK_FORMAT)),
  ];
  while (values.length < height) {
    values.push(new Array<CellValue>(width).fill(''));
    allFormats.push(new Array<string>(width).fill(BLANK_FORMAT));
  }
  const headerGrew = previous.rows === 0 || table.columns.length > previous.columns;
  const weights = headerGrew
    ? values.map((_, r) => new Array<FontWeight>(width).fill(r === 0 ? 'bold' : 'normal'))
    : null;
  return {
    row: 1,
    values,
    formats: allFormats,
    weights,
    dataRows: table.rows.length,
    added: table.rows.length,
    updated: 0,
  };
}

/** A value read from the tab, as setValues must receive it to store the same thing again. */
function rewrite(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (isDate(value) || typeof value === 'number' || typeof value === 'boolean') return value;
  return escapeText(String(value));
}

/**
 * `append`: upserts the table into the tab's rows by `keys`. Rows already there stay where they are (their
 * other columns too); a row whose key exists is updated in place, new keys go below the last row. Nothing is
 * ever deleted. Returns null when nothing changed (no write at all). Only the rows from the first changed
 * one down are written, so untouched history is never rewritten.
 */
export function appendBlock(
  existing: unknown[][],
  table: Table,
  keys: string[],
  zone: ZoneClock,
  /** getFormulas() of the same range: a user's formula column is written back as the formula, not its value. */
  existingFormulas: string[][] = [],
): WriteBlock | null {
  const oldHeader = headerOf(existing);
  const oldRows = oldHeader.length ? existing.slice(1) : [];
  for (const key of keys) {
    if (!table.columns.some((c) => c.name === key)) throw new Error(`append key "${key}" is not a column`);
    if (oldRows.length > 0 && !oldHeader.includes(key)) {
      throw new GravityError(
        'invalid_argument',
        `the tab's header has no "${key}" column, so its rows cannot be matched. Put the header back, or ` +
          'delete everything in the tab to start it over.',
      );
    }
  }
  const header = [...oldHeader];
  for (const c of table.columns) if (!header.includes(c.name)) header.push(c.name);
  const headerChanged = header.length !== oldHeader.length;
  const place = table.columns.map((c) => header.indexOf(c.name));
  const width = Math.max(...place) + 1;
  const types = new Map(table.columns.map((c) => [c.name, c.type] as const));
  const typeAt = (index: number): ColumnType => types.get(header[index]) ?? 'text';

  const keyIndexes = keys.map((k) => header.indexOf(k));
  const keyOfOld = (row: unknown[]) => keyIndexes.map((i) => cellKey(row[i], typeAt(i), zone)).join('\u0000');
  const rowOfKey = new Map<string, number>();
  oldRows.forEach((row, i) => {
    const key = keyOfOld(row);
    if (!rowOfKey.has(key) && !blankRow(row)) rowOfKey.set(key, i);
  });

  // Work on full-width copies: old rows as they are, new rows blank.
  const merged: unknown[][] = oldRows.map((row) => [
    ...row,
    ...new Array<unknown>(Math.max(0, width - row.length)).fill(''),
  ]);
  const cells = sheetRows(table, zone);
  const changed = new Set<number>();
  /** Cells taken from the table ("row:column"): already escaped, unlike cells read back from the tab. */
  const fresh = new Set<string>();
  let added = 0;
  table.rows.forEach((raw, r) => {
    const key = keys
      .map((k) => {
        const c = table.columns.findIndex((col) => col.name === k);
        return apiKey(raw[c], table.columns[c].type, zone);
      })
      .join('\u0000');
    let index = rowOfKey.get(key);
    if (index === undefined) {
      index = merged.length;
      merged.push(new Array<unknown>(width).fill(''));
      rowOfKey.set(key, index);
      added++;
    }
    const target = merged[index];
    table.columns.forEach((col, c) => {
      const at = place[c];
      if (cellKey(target[at], col.type, zone) !== apiKey(raw[c], col.type, zone)) {
        target[at] = cells[r][c];
        fresh.add(`${index}:${at}`);
        changed.add(index);
      }
    });
  });
  if (changed.size === 0 && !headerChanged) return null;

  const firstData = changed.size ? Math.min(...changed) : merged.length;
  const startData = headerChanged ? 0 : firstData;
  const formatsOf = (): string[] =>
    Array.from({ length: width }, (_, c) => (types.has(header[c]) ? numberFormat(typeAt(c)) : BLANK_FORMAT));
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  if (headerChanged) {
    values.push(header.slice(0, width).map((name) => escapeText(name)));
    while (values[0].length < width) values[0].push('');
    formats.push(new Array<string>(width).fill(HEADER_FORMAT));
  }
  for (let i = startData; i < merged.length; i++) {
    // New cells are already escaped (from sheetRows); cells read back from the tab are escaped here, and
    // cells that held a formula get the formula back (merged row i is the tab's row i + 1 under the header).
    values.push(
      merged[i].slice(0, width).map((v, c) => {
        if (fresh.has(`${i}:${c}`)) return v as CellValue;
        return existingFormulas[i + 1]?.[c] || rewrite(v);
      }),
    );
    formats.push(formatsOf());
  }
  const weights = headerChanged
    ? values.map((_, r) => new Array<FontWeight>(width).fill(r === 0 ? 'bold' : 'normal'))
    : null;
  return {
    row: headerChanged ? 1 : startData + 2,
    values,
    formats,
    weights,
    dataRows: merged.length,
    added,
    updated: [...changed].filter((i) => i < oldRows.length).length,
  };
}
