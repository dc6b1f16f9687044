/**
 * The little formula engine the core needs for custom functions: read `=NAME(args)` and put a result into
 * the grid the way Sheets does (developers.google.com/apps-script/guides/sheets/functions):
 * - a range argument arrives as a 2D array, a single cell as its value, a date cell as a Date, an empty cell as "";
 * - a 2D array result spills right and down; if a cell it needs is not empty the formula shows #REF!
 *   ("Array result was not expanded because it would overwrite data in B3."); past the sheet's edge it shows
 *   #REF! asking for more rows/columns;
 * - a thrown Error shows #ERROR! with the message as the cell's tooltip;
 * - results keep their JS types: a string is text even when it looks like a number, date or formula.
 */
import { cellA1, parseA1 } from './a1';
import { type Cell, type CellValue, hasContent } from './cell';
import { instantToSerial } from './dates';
import type { FakeSheet } from './fake-sheet';
import { DATE_FORMAT, DATE_TIME_FORMAT } from './number-format';
import { isJsDate } from './value-parsing';

/** A Sheets error value other than #ERROR! (e.g. `#NAME?` for an unknown function), with its tooltip. */
export class SheetsErrorValue {
  constructor(
    readonly code: '#NAME?' | '#N/A' | '#REF!' | '#VALUE!' | '#ERROR!' | '#NUM!' | '#DIV/0!',
    readonly message: string,
  ) {}
}

/** What Sheets shows for a formula naming a function that does not exist. */
export function unknownFunctionError(name: string): SheetsErrorValue {
  return new SheetsErrorValue('#NAME?', `Unknown function: '${name}'.`);
}

type Token =
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'ref'; text: string }
  | { kind: 'punct'; text: string };

function tokenize(body: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= body.length) return null;
        if (body[i] === '"') {
          if (body[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += body[i++];
      }
      tokens.push({ kind: 'str', value });
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: 'punct', text: ch });
      i++;
    } else {
      const m = /^(?:'(?:[^']|'')+'|[A-Za-z0-9_.$:!+-]+)+/.exec(body.slice(i));
      if (!m) return null;
      const text = m[0];
      i += text.length;
      if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text))
        tokens.push({ kind: 'num', value: Number(text) });
      else tokens.push({ kind: 'ref', text });
    }
  }
  return tokens;
}

function readReference(text: string, sheet: FakeSheet, makeDate: (ms: number) => Date): unknown {
  const upper = text.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  const ref = parseA1(text);
  if (!ref) return undefined;
  const target = ref.sheetName === null ? sheet : sheet.spreadsheet.sheet(ref.sheetName);
  if (!target) return undefined;
  const endRow = ref.endRow ?? Math.max(target.lastRow, ref.startRow);
  const endColumn = ref.endColumn ?? Math.max(target.lastColumn, ref.startColumn);
  const single = endRow === ref.startRow && endColumn === ref.startColumn && !text.includes(':');
  const read = (r: number, c: number) => target.scriptValueOf(target.getCell(r, c), makeDate);
  if (single) return read(ref.startRow, ref.startColumn);
  const rows: unknown[][] = [];
  for (let r = ref.startRow; r <= endRow; r++) {
    const line: unknown[] = [];
    for (let c = ref.startColumn; c <= endColumn; c++) line.push(read(r, c));
    rows.push(line);
  }
  return rows;
}

/**
 * Parses `=NAME(arg, ...)` whose arguments are numbers, "strings", TRUE/FALSE, empty, cell references (their
 * value) or ranges (a 2D array), optionally on another sheet. Returns null for anything more complex.
 * The name is upper-cased (Sheets matches function names case-insensitively). Dates in cells arrive as
 * `Date` objects built with `makeDate` (pass the script realm's Date).
 */
export function parseFormulaCall(
  formula: string,
  sheet: FakeSheet,
  makeDate: (ms: number) => Date = (ms) => new Date(ms),
): { name: string; args: unknown[] } | null {
  const m = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(([\s\S]*)\)\s*$/.exec(formula);
  if (!m) return null;
  const tokens = tokenize(m[2]);
  if (!tokens) return null;
  const args: unknown[] = [];
  let expectValue = true;
  for (const t of tokens) {
    if (t.kind === 'punct') {
      if (t.text !== ',') return null;
      if (expectValue) args.push('');
      expectValue = true;
      continue;
    }
    if (!expectValue) return null;
    expectValue = false;
    if (t.kind === 'num' || t.kind === 'str') args.push(t.value);
    else {
      const value = readReference(t.text, sheet, makeDate);
      if (value === undefined) return null;
      args.push(value);
    }
  }
  if (expectValue && tokens.length > 0) args.push('');
  return { name: m[1].toUpperCase(), args };
}

function isErrorLike(v: unknown): v is Error {
  return Object.prototype.toString.call(v) === '[object Error]' || v instanceof Error;
}

/** One returned value as a cell value; strings stay text, Dates become serials shown as dates. */
function resultValue(v: unknown, timeZone: string): { value: CellValue; format: string } {
  if (v === null || v === undefined) return { value: '', format: '' };
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string')
    return { value: v, format: '' };
  if (isJsDate(v)) {
    const serial = instantToSerial(v.getTime(), timeZone);
    const midnight = Math.abs(serial - Math.round(serial)) < 1e-9;
    return { value: serial, format: midnight ? DATE_FORMAT : DATE_TIME_FORMAT };
  }
  return { value: String(v), format: '' };
}

/** A result as a rectangle: a 1D array is one column, short rows are padded with empty cells. */
function toGrid(result: unknown): unknown[][] {
  if (!Array.isArray(result)) return [[result]];
  const rows = result.map((row) => (Array.isArray(row) ? row : [row]));
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array(width - r.length).fill('')] : r));
}

function setError(cell: Cell, code: string, message: string): void {
  cell.value = code;
  cell.resultFormat = '';
  cell.error = message;
}

/** Puts a custom function's result (or the Error it threw) into the formula cell at (row, column). */
export function writeFormulaResult(sheet: FakeSheet, row: number, column: number, result: unknown): void {
  sheet.clearSpill(row, column);
  const anchor = sheet.ensureCell(row, column);
  anchor.error = null;
  anchor.spill = null;
  if (result instanceof SheetsErrorValue) return setError(anchor, result.code, result.message);
  if (isErrorLike(result)) return setError(anchor, '#ERROR!', result.message);
  const grid = toGrid(result);
  const rows = grid.length;
  const columns = rows ? grid[0].length : 0;
  if (rows === 0 || columns === 0) {
    Object.assign(anchor, { value: '', resultFormat: '' });
    return;
  }
  if (row + rows - 1 > sheet.maxRows) {
    return setError(
      anchor,
      '#REF!',
      `Result was not automatically expanded, please insert more rows (${row + rows - 1 - sheet.maxRows}).`,
    );
  }
  if (column + columns - 1 > sheet.maxColumns) {
    return setError(
      anchor,
      '#REF!',
      `Result was not automatically expanded, please insert more columns (${column + columns - 1 - sheet.maxColumns}).`,
    );
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (r === 0 && c === 0) continue;
      const cell = sheet.getCell(row + r, column + c);
      if (hasContent(cell)) {
        const blocker = cellA1(row + r, column + c);
        return setError(
          anchor,
          '#REF!',
          `Array result was not expanded because it would overwrite data in ${blocker}.`,
        );
      }
    }
  }
  const timeZone = sheet.spreadsheet.timeZone;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const { value, format } = resultValue(grid[r][c], timeZone);
      const cell = sheet.ensureCell(row + r, column + c);
      cell.value = value;
      cell.resultFormat = format;
      if (r > 0 || c > 0) cell.spilledFrom = { row, column };
    }
  }
  if (rows > 1 || columns > 1) anchor.spill = { rows, columns };
}
