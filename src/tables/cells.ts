import { ColumnType, RawValue, Table } from './table';
import { ZoneClock } from './timezone';

/**
 * The value rules of the spec, in one place: API calendar dates become dates that show the same day in the
 * spreadsheet's zone, timestamps become date-times of that UTC instant, numbers stay numbers, booleans stay
 * booleans, null becomes blank, and text stays exactly the text the API sent.
 */

export type CellValue = string | number | boolean | Date;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A zone-less timestamp is UTC (gravity-api.md); one with a zone keeps it. */
export function parseTimestamp(text: string): Date | null {
  if (!ISO_TIMESTAMP.test(text)) return null;
  const normalized = text.replace(' ', 'T');
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(normalized) ? normalized : `${normalized}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : new Date(ms);
}

function toNumber(value: RawValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
}

/** One value as the cell should hold it. */
export function toCell(value: RawValue, type: ColumnType, zone: ZoneClock): CellValue {
  if (value === null) return '';
  switch (type) {
    case 'date': {
      if (typeof value === 'string' && ISO_DATE.test(value)) return zone.midnight(value);
      const instant = typeof value === 'string' ? parseTimestamp(value) : null;
      return instant ? zone.midnight(instant.toISOString().slice(0, 10)) : value;
    }
    case 'datetime': {
      const instant = typeof value === 'string' ? parseTimestamp(value) : null;
      if (instant) return instant;
      return typeof value === 'string' && ISO_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : value;
    }
    case 'count':
    case 'money':
    case 'decimal':
    case 'number': {
      const number = toNumber(value);
      return number === null ? value : number;
    }
    case 'boolean':
    case 'text':
    case 'auto':
      return typeof value === 'number' && !Number.isFinite(value) ? '' : value;
  }
}

/** The type of one cell: the column's, or for 'auto' columns the row's (field/value tables). */
export function cellType(table: Table, row: number, col: number): ColumnType {
  const type = table.columns[col].type;
  if (type !== 'auto') return type;
  return table.rowTypes?.[row] ?? 'auto';
}

/** Header row plus typed rows: what a custom function returns (Sheets does not parse returned strings). */
export function formulaValues(table: Table, zone: ZoneClock): CellValue[][] {
  const header: CellValue[] = table.columns.map((c) => c.name);
  return [
    header,
    ...table.rows.map((row, r) => row.map((value, c) => toCell(value, cellType(table, r, c), zone))),
  ];
}

/**
 * A string written with setValues is parsed by Sheets ("=…" becomes a formula, "00123" a number, "TRUE" a
 * boolean, "2025-05-20" a date). A leading apostrophe makes Sheets keep the rest as text and is not stored
 * (support.google.com/docs/answer/3094225 — "To keep leading zeros, prefix with an apostrophe").
 */
export function escapeText(value: CellValue): CellValue {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

/** Rows ready for Range.setValues: typed values with every string escaped. */
export function sheetRows(table: Table, zone: ZoneClock): CellValue[][] {
  return table.rows.map((row, r) =>
    row.map((value, c) => escapeText(toCell(value, cellType(table, r, c), zone))),
  );
}

// Text columns keep the default format: the apostrophe already keeps them text, and in a plain-text ("@")
// cell an apostrophe would no longer be an escape.
const FORMATS: Record<ColumnType, string> = {
  text: 'General',
  count: '#,##0',
  money: '#,##0.00',
  decimal: '#,##0.00',
  number: 'General',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  boolean: 'General',
  auto: 'General',
};

export function numberFormat(type: ColumnType): string {
  return FORMATS[type];
}

/** Number formats for the data rows, cell by cell (field/value tables vary by row). */
export function sheetFormats(table: Table): string[][] {
  return table.rows.map((row, r) => row.map((_, c) => numberFormat(cellType(table, r, c))));
}
