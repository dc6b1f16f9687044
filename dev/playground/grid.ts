/**
 * What the page draws for one tab: the emulated sheet's cells as Sheets would show them (number formats
 * applied by the emulator's display rules), frozen rows, column widths and charts. Reads the test-facing
 * model only; nothing here runs the add-on.
 */
import { parseA1 } from '../emulator/spreadsheet/a1';
import type { Cell } from '../emulator/spreadsheet/cell';
import { checkboxValues } from '../emulator/spreadsheet/data-validation';
import type { FakeSheet, FakeSpreadsheet } from '../emulator/spreadsheet';
import { parseTypedText } from '../emulator/spreadsheet/value-parsing';
import type { ChartView, GridCell, GridView } from './protocol';

/** Drawing more rows than this makes the page slow; the rest is in the CSV/xlsx export. */
export const MAX_ROWS_SHOWN = 1000;
/** Empty rows and columns drawn past the data, as Sheets shows an empty grid around it. */
const ROW_MARGIN = 30;
const MIN_ROWS = 60;
const MIN_COLUMNS = 26;
const COLUMN_MARGIN = 2;
const MAX_POINTS = 400;

export function gridView(spreadsheet: FakeSpreadsheet, sheet: FakeSheet): GridView {
  const dataRows = sheet.lastRow;
  const rows = Math.min(sheet.maxRows, MAX_ROWS_SHOWN, Math.max(MIN_ROWS, dataRows + ROW_MARGIN));
  const columns = Math.min(sheet.maxColumns, Math.max(MIN_COLUMNS, sheet.lastColumn + COLUMN_MARGIN));
  const cells: GridCell[] = [];
  for (const { row, column, cell } of sheet.cells()) {
    if (row > rows || column > columns) continue;
    const shown = gridCell(sheet, row, column, cell);
    if (shown) cells.push(shown);
  }
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  return {
    name: sheet.name,
    rows,
    columns,
    dataRows,
    frozenRows: sheet.frozenRows,
    columnWidths: Object.fromEntries(sheet.columnWidths),
    cells,
    charts: sheet.charts.map((chart) => chartView(spreadsheet, chart)),
  };
}

function gridCell(sheet: FakeSheet, row: number, column: number, cell: Cell): GridCell | null {
  const rule = cell.validation;
  const isCheckbox = rule?.criteriaType === 'CHECKBOX';
  const styled = cell.bold || cell.background !== '#ffffff';
  if (cell.value === '' && cell.formula === '' && !isCheckbox && !styled) return null;
  const text = sheet.displayOf(cell);
  const shown: GridCell = {
    row,
    column,
    text,
    input: cell.formula || typedInput(sheet, cell, text),
    align: alignment(cell),
  };
  if (cell.bold) shown.bold = true;
  if (cell.background !== '#ffffff') shown.background = cell.background;
  if (isCheckbox && rule) shown.checkbox = cell.value === checkboxValues(rule).checked;
  if (cell.error) shown.error = cell.error;
  return shown;
}

/**
 * What the formula bar shows for a plain value: text that would turn into something else if typed again
 * (`00123`, `=x`, `TRUE`, `2025-01-01`) gets the leading apostrophe that keeps it text.
 */
function typedInput(sheet: FakeSheet, cell: Cell, text: string): string {
  if (typeof cell.value !== 'string') return text;
  const retyped = parseTypedText(cell.value, {
    currentFormat: cell.format,
    timeZone: sheet.spreadsheet.timeZone,
    currentYear: new Date().getUTCFullYear(),
  });
  return retyped.formula === '' && retyped.value === cell.value ? cell.value : `'${cell.value}`;
}

/** Sheets' default alignment: numbers (and dates) right, booleans and errors centred, text left. */
function alignment(cell: Cell): GridCell['align'] {
  const set = cell.horizontalAlignment?.toLowerCase();
  if (set === 'left' || set === 'center' || set === 'right') return set;
  if (cell.error) return 'center';
  if (typeof cell.value === 'number') return 'right';
  if (typeof cell.value === 'boolean') return 'center';
  return 'left';
}

/** A line chart's data as the page draws it: first column the labels, other columns one series each. */
function chartView(spreadsheet: FakeSpreadsheet, chart: FakeSheet['charts'][number]): ChartView {
  const view: ChartView = {
    anchorRow: chart.position.anchorRow,
    anchorColumn: chart.position.anchorColumn,
    title: typeof chart.options.title === 'string' ? chart.options.title : '',
    type: chart.chartType ?? 'LINE',
    ranges: [...chart.ranges],
    series: [],
    labels: [],
  };
  const first = chart.ranges[0] ? parseA1(chart.ranges[0]) : null;
  const sheet = first?.sheetName ? spreadsheet.sheet(first.sheetName) : undefined;
  if (!first || !sheet) return view;
  const lastRow = Math.min(first.endRow ?? sheet.lastRow, first.startRow + MAX_POINTS);
  const lastColumn = first.endColumn ?? sheet.lastColumn;
  const header = (column: number): string => sheet.displayOf(sheet.getCell(first.startRow, column));
  for (let row = first.startRow + 1; row <= lastRow; row++)
    view.labels.push(sheet.displayOf(sheet.getCell(row, first.startColumn)));
  const right = rightAxisSeries(chart.options);
  for (let column = first.startColumn + 1; column <= lastColumn; column++) {
    const points: Array<number | null> = [];
    for (let row = first.startRow + 1; row <= lastRow; row++) {
      const value = sheet.getCell(row, column)?.value;
      points.push(typeof value === 'number' ? value : null);
    }
    const index = column - first.startColumn - 1;
    view.series.push({ name: header(column), points, rightAxis: right.has(index) });
  }
  return view;
}

/** Series drawn against the right axis: Google Charts' `series: {n: {targetAxisIndex: 1}}` option. */
function rightAxisSeries(options: Record<string, unknown>): Set<number> {
  const series = options.series;
  const right = new Set<number>();
  if (!series || typeof series !== 'object') return right;
  for (const [index, setting] of Object.entries(series)) {
    const axis = (setting as { targetAxisIndex?: unknown } | null)?.targetAxisIndex;
    if (axis === 1) right.add(Number(index));
  }
  return right;
}
