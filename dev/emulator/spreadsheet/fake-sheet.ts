/**
 * One sheet's grid and properties. This is the model behind the script-facing `Sheet`/`Range` objects and the
 * test-facing view (`values()`, `cell('B2')`, `typeValues(...)`), which has no counters and no permission checks.
 */
import { cellA1, parseA1 } from './a1';
import { callsCustomFunction } from './builtin-functions';
import {
  type Cell,
  cellValueToScript,
  effectiveFormat,
  emptyCell,
  hasContent,
  resetContent,
  resetFormat,
} from './cell';
import type { ChartRecord } from './charts';
import { type DataValidationRule, satisfiesRule, validationViolationMessage } from './data-validation';
import { SheetsError } from './errors';
import {
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  MAX_CELLS_PER_SPREADSHEET,
  MAX_CHARS_PER_CELL,
  TOO_MANY_CELLS_MESSAGE,
  TOO_MANY_CHARS_MESSAGE,
} from './limits';
import { AUTOMATIC_FORMAT_REPORTED, formatCellValue, isAutomaticFormat } from './number-format';
import type { FakeSpreadsheet } from './store';
import { type CellContent, parseTypedText } from './value-parsing';

/** What a formula cell shows while its custom function has not returned yet. */
export const LOADING_VALUE = 'Loading...';

export interface CellView {
  /** As `getValue()` returns it (a Date for date cells). */
  value: unknown;
  display: string;
  formula: string;
  /** As `getNumberFormat()` reports it. */
  format: string;
  note: string;
  bold: boolean;
  validation: DataValidationRule | null;
  /** Message behind an error value (#ERROR!, #REF!, #NAME?), else null. */
  error: string | null;
}

export class FakeSheet {
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  readonly columnWidths = new Map<number, number>();
  readonly charts: ChartRecord[] = [];
  private readonly grid = new Map<number, Map<number, Cell>>();

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly sheetId: number,
  ) {}

  getCell(row: number, column: number): Cell | undefined {
    return this.grid.get(row)?.get(column);
  }

  ensureCell(row: number, column: number): Cell {
    let line = this.grid.get(row);
    if (!line) {
      line = new Map();
      this.grid.set(row, line);
    }
    let cell = line.get(column);
    if (!cell) {
      cell = emptyCell();
      line.set(column, cell);
    }
    return cell;
  }

  /** Every stored cell (content or formatting), in no particular order. */
  *cells(): Generator<{ row: number; column: number; cell: Cell }> {
    for (const [row, line] of this.grid) for (const [column, cell] of line) yield { row, column, cell };
  }

  /** The last row with a value or formula: scans rows from the bottom, stopping at the first with content. */
  get lastRow(): number {
    const rows = [...this.grid.keys()].sort((a, b) => b - a);
    for (const row of rows) {
      for (const cell of this.grid.get(row)!.values()) if (hasContent(cell)) return row;
    }
    return 0;
  }

  get lastColumn(): number {
    let last = 0;
    for (const line of this.grid.values()) {
      for (const [column, cell] of line) if (column > last && hasContent(cell)) last = column;
    }
    return last;
  }

  get cellCount(): number {
    return this.maxRows * this.maxColumns;
  }

  /** Grows the grid to hold (rows, columns), as Sheets does when a script writes past the edge. */
  ensureSize(rows: number, columns: number): void {
    const newRows = Math.max(this.maxRows, rows);
    const newColumns = Math.max(this.maxColumns, columns);
    if (newRows === this.maxRows && newColumns === this.maxColumns) return;
    const others = this.spreadsheet.totalCells() - this.cellCount;
    if (others + newRows * newColumns > MAX_CELLS_PER_SPREADSHEET)
      throw new SheetsError(TOO_MANY_CELLS_MESSAGE);
    this.maxRows = newRows;
    this.maxColumns = newColumns;
  }

  /** Throws what Sheets throws if `content` cannot go into (row, column); call before writing anything. */
  assertWritable(row: number, column: number, content: CellContent): void {
    const text = content.formula || (typeof content.value === 'string' ? content.value : '');
    if (text.length > MAX_CHARS_PER_CELL) throw new SheetsError(TOO_MANY_CHARS_MESSAGE);
    const rule = this.getCell(row, column)?.validation;
    if (rule && !rule.allowInvalid && !content.formula && !satisfiesRule(rule, content.value)) {
      throw new SheetsError(validationViolationMessage(cellA1(row, column)));
    }
  }

  /**
   * Stores content in one cell. Returns true when the cell now holds a custom-function formula that the core
   * must evaluate. Writing over part of another cell's array result makes that result `#REF!`.
   */
  writeContent(row: number, column: number, content: CellContent): boolean {
    const cell = this.ensureCell(row, column);
    // Sheets recalculates a custom function only when its formula changes: writing the same formula again
    // keeps the cell as it is (developers.google.com/apps-script/guides/sheets/functions).
    if (content.formula && content.formula === cell.formula) return false;
    const isEmpty = content.value === '' && content.formula === '';
    if (cell.spilledFrom) {
      // Clearing a cell that only shows part of an array result changes nothing.
      if (isEmpty) return false;
      this.blockSpill(cell.spilledFrom.row, cell.spilledFrom.column, row, column);
    }
    if (cell.spill) this.clearSpill(row, column);
    resetContent(cell);
    cell.value = content.value;
    cell.formula = content.formula;
    if (content.format !== undefined) cell.format = content.format;
    if (content.formula && callsCustomFunction(content.formula)) {
      cell.value = LOADING_VALUE;
      return true;
    }
    return false;
  }

  /** Empties the cells an anchor's array result filled (not the anchor itself). */
  clearSpill(anchorRow: number, anchorColumn: number): void {
    const anchor = this.getCell(anchorRow, anchorColumn);
    if (!anchor?.spill) return;
    for (let r = 0; r < anchor.spill.rows; r++) {
      for (let c = 0; c < anchor.spill.columns; c++) {
        if (r === 0 && c === 0) continue;
        const cell = this.getCell(anchorRow + r, anchorColumn + c);
        if (cell?.spilledFrom?.row === anchorRow && cell.spilledFrom.column === anchorColumn)
          resetContent(cell);
      }
    }
    anchor.spill = null;
  }

  private blockSpill(anchorRow: number, anchorColumn: number, row: number, column: number): void {
    this.clearSpill(anchorRow, anchorColumn);
    const anchor = this.ensureCell(anchorRow, anchorColumn);
    anchor.value = '#REF!';
    anchor.resultFormat = '';
    anchor.error = `Array result was not expanded because it would overwrite data in ${cellA1(row, column)}.`;
  }

  /** Removes `count` rows from `start`, shifting the rows below up (and the grid shrinks). */
  deleteRows(start: number, count: number): void {
    this.moveCells((row, column) => [row < start ? row : row >= start + count ? row - count : null, column]);
    this.maxRows -= count;
  }

  /** Inserts `count` empty rows before `before`. */
  insertRows(before: number, count: number): void {
    this.ensureSize(this.maxRows + count, this.maxColumns);
    this.moveCells((row, column) => [row >= before ? row + count : row, column]);
  }

  deleteColumns(start: number, count: number): void {
    this.moveCells((row, column) => [
      row,
      column < start ? column : column >= start + count ? column - count : null,
    ]);
    this.maxColumns -= count;
  }

  insertColumns(before: number, count: number): void {
    this.ensureSize(this.maxRows, this.maxColumns + count);
    this.moveCells((row, column) => [row, column >= before ? column + count : column]);
  }

  /**
   * Moves every cell to where `to` says (null = deleted). Cells showing part of an array result follow
   * their formula cell; when that cell was deleted they are emptied, as its result goes with it.
   */
  private moveCells(to: (row: number, column: number) => [number | null, number | null]): void {
    const moved: Array<[number, number, Cell]> = [];
    for (const { row, column, cell } of this.cells()) {
      const [r, c] = to(row, column);
      if (r !== null && c !== null) moved.push([r, c, cell]);
    }
    this.grid.clear();
    for (const [r, c, cell] of moved) {
      if (cell.spilledFrom) {
        const [ar, ac] = to(cell.spilledFrom.row, cell.spilledFrom.column);
        if (ar === null || ac === null) resetContent(cell);
        else cell.spilledFrom = { row: ar, column: ac };
      }
      let line = this.grid.get(r);
      if (!line) this.grid.set(r, (line = new Map()));
      line.set(c, cell);
    }
  }

  /** Clears every cell's content and/or formatting (notes and validation rules stay, as in Sheets). */
  clearAll(contents: boolean, formats: boolean): void {
    for (const { cell } of this.cells()) {
      if (contents) resetContent(cell);
      if (formats) resetFormat(cell);
    }
  }

  // ---- Test-facing view ----

  private dataBounds(): { rows: number; columns: number } {
    return { rows: this.lastRow, columns: this.lastColumn };
  }

  private mapData<T>(fn: (cell: Cell | undefined) => T): T[][] {
    const { rows, columns } = this.dataBounds();
    const out: T[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: T[] = [];
      for (let c = 1; c <= columns; c++) line.push(fn(this.getCell(r, c)));
      out.push(line);
    }
    return out;
  }

  displayOf(cell: Cell | undefined): string {
    return cell ? formatCellValue(cell.value, effectiveFormat(cell)) : '';
  }

  scriptValueOf(cell: Cell | undefined, makeDate: (ms: number) => Date = (ms) => new Date(ms)): unknown {
    return cellValueToScript(cell, this.spreadsheet.timeZone, makeDate);
  }

  reportedFormat(cell: Cell | undefined): string {
    return !cell || isAutomaticFormat(cell.format) ? AUTOMATIC_FORMAT_REPORTED : cell.format;
  }

  /** The data range's values as `getDataRange().getValues()` returns them. */
  values(): unknown[][] {
    return this.mapData((cell) => this.scriptValueOf(cell));
  }

  displayValues(): string[][] {
    return this.mapData((cell) => this.displayOf(cell));
  }

  formulas(): string[][] {
    return this.mapData((cell) => cell?.formula ?? '');
  }

  numberFormats(): string[][] {
    return this.mapData((cell) => this.reportedFormat(cell));
  }

  cell(a1: string): CellView {
    const ref = parseA1(a1);
    if (!ref) throw new Error(`Bad cell reference: ${a1}`);
    const cell = this.getCell(ref.startRow, ref.startColumn);
    return {
      value: this.scriptValueOf(cell),
      display: this.displayOf(cell),
      formula: cell?.formula ?? '',
      format: this.reportedFormat(cell),
      note: cell?.note ?? '',
      bold: cell?.bold ?? false,
      validation: cell?.validation ?? null,
      error: cell?.error ?? null,
    };
  }

  /**
   * Writes rows starting at `a1` the way a user types them: each value is turned into text first and parsed
   * as Sheets parses typed input. Typed custom-function formulas show "Loading..." until the core evaluates them.
   */
  typeValues(a1: string, rows: unknown[][]): void {
    const ref = parseA1(a1);
    if (!ref) throw new Error(`Bad cell reference: ${a1}`);
    const year = new Date().getUTCFullYear();
    const contents = rows.map((line, r) =>
      line.map((v, c) => {
        const cell = this.getCell(ref.startRow + r, ref.startColumn + c);
        const text = v === null || v === undefined ? '' : String(v);
        return parseTypedText(text, {
          currentFormat: cell?.format ?? '',
          timeZone: this.spreadsheet.timeZone,
          currentYear: year,
        });
      }),
    );
    contents.forEach((line, r) =>
      line.forEach((content, c) => this.assertWritable(ref.startRow + r, ref.startColumn + c, content)),
    );
    const width = Math.max(0, ...contents.map((line) => line.length));
    this.ensureSize(ref.startRow + contents.length - 1, ref.startColumn + width - 1);
    contents.forEach((line, r) =>
      line.forEach((content, c) => this.writeContent(ref.startRow + r, ref.startColumn + c, content)),
    );
  }
}
