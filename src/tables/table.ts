/**
 * A table as the API gave it, with a type per column: the one model that formulas, report tabs and finance
 * tables are built in. Turning it into cells (formula results or sheet writes) happens in cells.ts, so the
 * value rules of the spec live in one place.
 */

/** How a column's values are written and formatted. */
export type ColumnType =
  /** Text exactly as the API sent it: never parsed into a number, date, boolean or formula. */
  | 'text'
  /** Whole counts (impressions, clicks): thousands separators. */
  | 'count'
  /** Dollars: two decimals. */
  | 'money'
  /** Rates and ratios (ctr %, roas): two decimals, as plain numbers (0.52 means 0.52 %). */
  | 'decimal'
  /** Any other number, shown as Sheets shows it. */
  | 'number'
  /** A calendar date (YYYY-MM-DD): shown as that same date in the spreadsheet's time zone. */
  | 'date'
  /** A timestamp without zone (treated as UTC): a date-time value of that instant. */
  | 'datetime'
  | 'boolean'
  /** Whatever the API sends (field/value tables): each value typed by its own shape. */
  | 'auto';

export interface Column {
  name: string;
  type: ColumnType;
}

/** A value as the API sent it (lists and objects already flattened to text). */
export type RawValue = string | number | boolean | null;

export interface Table {
  columns: Column[];
  rows: RawValue[][];
  /** For tables whose 'auto' column varies by row (field/value tables): the type of each row's value. */
  rowTypes?: ColumnType[];
}

export function column(name: string, type: ColumnType): Column {
  return { name, type };
}
