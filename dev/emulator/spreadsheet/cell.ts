/** What one grid cell holds. Dates are serial numbers under a date format, as in Sheets itself. */
import type { DataValidationRule } from './data-validation';
import { isAutomaticFormat, isDateTimeFormat } from './number-format';
import { serialToInstant } from './dates';

/** A stored value; `''` is an empty cell. */
export type CellValue = number | boolean | string;

export interface Cell {
  value: CellValue;
  /** The formula text (`=...`), or '' for a plain value. */
  formula: string;
  /** The number format set on the cell ('' = automatic). */
  format: string;
  /** Format a formula result brings (a date result shows as a date) while the cell's own format is automatic. */
  resultFormat: string;
  note: string;
  bold: boolean;
  background: string;
  horizontalAlignment: string | null;
  wrap: boolean;
  validation: DataValidationRule | null;
  /** The message behind `#ERROR!` / `#REF!` / `#NAME?` (the cell's tooltip in Sheets). */
  error: string | null;
  /** For a cell filled by another cell's array result: that anchor cell. */
  spilledFrom: { row: number; column: number } | null;
  /** For an anchor whose array result spilled: the size it covers. */
  spill: { rows: number; columns: number } | null;
}

export function emptyCell(): Cell {
  return {
    value: '',
    formula: '',
    format: '',
    resultFormat: '',
    note: '',
    bold: false,
    background: '#ffffff',
    horizontalAlignment: null,
    wrap: false,
    validation: null,
    error: null,
    spilledFrom: null,
    spill: null,
  };
}

/** A value or formula (what `getLastRow()` and spill collisions look at); formatting alone is not content. */
export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.value !== '' || cell.formula !== '');
}

/** The format that decides how the value shows. */
export function effectiveFormat(cell: Cell): string {
  return isAutomaticFormat(cell.format) && cell.resultFormat ? cell.resultFormat : cell.format;
}

/** The value as Apps Script returns it: a `Date` for a number under a date/time format. */
export function cellValueToScript(
  cell: Cell | undefined,
  timeZone: string,
  makeDate: (ms: number) => Date,
): unknown {
  if (!cell) return '';
  const v = cell.value;
  if (typeof v === 'number' && isDateTimeFormat(effectiveFormat(cell)))
    return makeDate(serialToInstant(v, timeZone));
  return v;
}

export function resetContent(cell: Cell): void {
  cell.value = '';
  cell.formula = '';
  cell.resultFormat = '';
  cell.error = null;
  cell.spill = null;
  cell.spilledFrom = null;
}

export function resetFormat(cell: Cell): void {
  const blank = emptyCell();
  cell.format = blank.format;
  cell.bold = blank.bold;
  cell.background = blank.background;
  cell.horizontalAlignment = blank.horizontalAlignment;
  cell.wrap = blank.wrap;
}
