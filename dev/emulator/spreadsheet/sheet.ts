/** The script-facing `Sheet` (developers.google.com/apps-script/reference/spreadsheet/sheet). */
import { parseA1 } from './a1';
import { type ApiContext, facade, signatureError } from './api-context';
import {
  type ChartRecord,
  chartRecordOf,
  createChartBuilder,
  createChartFacade,
  newChartRecord,
} from './charts';
import { SheetsError } from './errors';
import type { FakeSheet } from './fake-sheet';
import { assertRangeBounds, createRange, rangeA1WithSheet, rangeModelOf } from './range';
import { createSpreadsheetFacade } from './spreadsheet';
import { scriptValueToContent } from './value-parsing';

const SHEETS = new WeakMap<object, FakeSheet>();

/** The sheet behind a script-facing Sheet, if it is one. */
export function sheetModelOf(v: unknown): FakeSheet | undefined {
  return v && typeof v === 'object' ? SHEETS.get(v) : undefined;
}

const DEFAULT_COLUMN_WIDTH = 100;

/** `getRange(a1)` on a sheet, with whole-column/row references running to the grid's edge. */
export function rangeFromA1(ctx: ApiContext, sheet: FakeSheet, a1: string): object {
  const ref = parseA1(a1);
  if (!ref || (ref.sheetName !== null && ref.sheetName !== sheet.name)) throw ctx.error('Range not found');
  const endRow = ref.endRow ?? sheet.maxRows;
  const endColumn = ref.endColumn ?? sheet.maxColumns;
  const numRows = endRow - ref.startRow + 1;
  const numColumns = endColumn - ref.startColumn + 1;
  assertRangeBounds(sheet, ref.startRow, ref.startColumn, numRows, numColumns);
  return createRange(ctx, { sheet, row: ref.startRow, column: ref.startColumn, numRows, numColumns });
}

export function createSheetFacade(ctx: ApiContext, sheet: FakeSheet): object {
  const spreadsheet = sheet.spreadsheet;
  const resolveRange = (r: unknown) => {
    const m = rangeModelOf(r);
    return m ? { a1WithSheet: () => rangeA1WithSheet(m) } : undefined;
  };
  const assertRows = (start: number, count: number) => {
    if (start < 1 || count < 1 || start + count - 1 > sheet.maxRows)
      throw new SheetsError('Those rows are out of bounds.');
  };
  const assertColumns = (start: number, count: number) => {
    if (start < 1 || count < 1 || start + count - 1 > sheet.maxColumns) {
      throw new SheetsError('Those columns are out of bounds.');
    }
  };
  const deleteRows = (start: number, count: number) => {
    assertRows(start, count);
    if (sheet.maxRows - count <= sheet.frozenRows) {
      throw new SheetsError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    sheet.deleteRows(start, count);
    return self;
  };
  const deleteColumns = (start: number, count: number) => {
    assertColumns(start, count);
    if (sheet.maxColumns - count <= sheet.frozenColumns) {
      throw new SheetsError('Sorry, it is not possible to delete all non-frozen columns.');
    }
    sheet.deleteColumns(start, count);
    return self;
  };
  const insertRows = (before: number, count: number) => {
    if (before < 1 || before > sheet.maxRows + 1 || count < 1)
      throw new SheetsError('Those rows are out of bounds.');
    sheet.insertRows(before, count);
    return self;
  };
  const insertColumns = (before: number, count: number) => {
    if (before < 1 || before > sheet.maxColumns + 1 || count < 1) {
      throw new SheetsError('Those columns are out of bounds.');
    }
    sheet.insertColumns(before, count);
    return self;
  };
  const findChart = (chart: unknown): { record: ChartRecord; index: number } => {
    const record = chartRecordOf(chart);
    if (!record) throw signatureError(ctx, 'SpreadsheetApp.Sheet.updateChart', [chart]);
    const index = sheet.charts.findIndex((c) => c.chartId === record.chartId);
    if (index < 0) throw new SheetsError('The chart does not exist on this sheet.');
    return { record, index };
  };

  const self: Record<string, (...args: never[]) => unknown> = facade(ctx, 'Sheet', {
    getName: () => sheet.name,
    setName: (name: string) => {
      if (typeof name !== 'string') throw signatureError(ctx, 'SpreadsheetApp.Sheet.setName', [name]);
      spreadsheet.assertSheetNameFree(name, sheet);
      if (spreadsheet.activeSheetName === sheet.name) spreadsheet.activeSheetName = name;
      sheet.name = name;
      return self;
    },
    getSheetId: () => sheet.sheetId,
    getIndex: () => spreadsheet.sheets.indexOf(sheet) + 1,
    getParent: () => createSpreadsheetFacade(ctx, spreadsheet),
    getRange: (...args: unknown[]) => {
      if (args.length === 1 && typeof args[0] === 'string') return rangeFromA1(ctx, sheet, args[0]);
      if (args.length < 2 || args.length > 4 || !args.every((a) => typeof a === 'number')) {
        throw signatureError(ctx, 'SpreadsheetApp.Sheet.getRange', args);
      }
      const [row, column, numRows = 1, numColumns = 1] = args as number[];
      assertRangeBounds(sheet, row, column, numRows, numColumns);
      return createRange(ctx, { sheet, row, column, numRows, numColumns });
    },
    getDataRange: () =>
      createRange(ctx, {
        sheet,
        row: 1,
        column: 1,
        numRows: Math.max(1, sheet.lastRow),
        numColumns: Math.max(1, sheet.lastColumn),
      }),
    getLastRow: () => sheet.lastRow,
    getLastColumn: () => sheet.lastColumn,
    getMaxRows: () => sheet.maxRows,
    getMaxColumns: () => sheet.maxColumns,
    getFrozenRows: () => sheet.frozenRows,
    setFrozenRows: (rows: number) => {
      if (typeof rows !== 'number' || rows < 0 || rows >= sheet.maxRows) {
        throw new SheetsError('Sorry, it is not possible to freeze all rows.');
      }
      sheet.frozenRows = rows;
    },
    getFrozenColumns: () => sheet.frozenColumns,
    setFrozenColumns: (columns: number) => {
      if (typeof columns !== 'number' || columns < 0 || columns >= sheet.maxColumns) {
        throw new SheetsError('Sorry, it is not possible to freeze all columns.');
      }
      sheet.frozenColumns = columns;
    },
    /** clear() removes content and formatting; options narrow it. */
    clear: (options?: { contentsOnly?: boolean; formatOnly?: boolean }) => {
      const only = options?.contentsOnly || options?.formatOnly;
      sheet.clearAll(!only || !!options?.contentsOnly, !only || !!options?.formatOnly);
      return self;
    },
    clearContents: () => {
      sheet.clearAll(true, false);
      return self;
    },
    clearFormats: () => {
      sheet.clearAll(false, true);
      return self;
    },
    deleteRow: (row: number) => deleteRows(row, 1),
    deleteRows: (start: number, count: number) => deleteRows(start, count),
    deleteColumn: (column: number) => deleteColumns(column, 1),
    deleteColumns: (start: number, count: number) => deleteColumns(start, count),
    insertRowBefore: (before: number) => insertRows(before, 1),
    insertRowAfter: (after: number) => insertRows(after + 1, 1),
    insertRowsBefore: (before: number, count: number) => insertRows(before, count),
    insertRowsAfter: (after: number, count: number) => insertRows(after + 1, count),
    insertRows: (before: number, count?: number) => insertRows(before, count ?? 1),
    insertColumnBefore: (before: number) => insertColumns(before, 1),
    insertColumnAfter: (after: number) => insertColumns(after + 1, 1),
    insertColumnsBefore: (before: number, count: number) => insertColumns(before, count),
    insertColumnsAfter: (after: number, count: number) => insertColumns(after + 1, count),
    /** Writes one row below the last row with content, growing the grid if needed (parsed like setValues). */
    appendRow: (rowContents: unknown) => {
      if (!Array.isArray(rowContents))
        throw signatureError(ctx, 'SpreadsheetApp.Sheet.appendRow', [rowContents]);
      const row = sheet.lastRow + 1;
      const year = ctx.currentYear(spreadsheet.timeZone);
      const contents = rowContents.map((v, i) =>
        scriptValueToContent(v, {
          currentFormat: sheet.getCell(row, i + 1)?.format ?? '',
          timeZone: spreadsheet.timeZone,
          currentYear: year,
        }),
      );
      contents.forEach((content, i) => sheet.assertWritable(row, i + 1, content));
      sheet.ensureSize(row, contents.length);
      contents.forEach((content, i) => {
        if (sheet.writeContent(row, i + 1, content))
          ctx.hooks.queueRecalculation(spreadsheet.id, sheet.name, row, i + 1);
      });
      ctx.countWrites(contents.length);
      return self;
    },
    activate: () => {
      spreadsheet.activeSheetName = sheet.name;
      return self;
    },
    hideSheet: () => {
      const visible = spreadsheet.sheets.filter((s) => !s.hidden && s !== sheet);
      // Wording unconfirmed: Sheets always keeps one visible tab.
      if (visible.length === 0) throw new SheetsError("You can't hide all the sheets in a document.");
      sheet.hidden = true;
      return self;
    },
    showSheet: () => {
      sheet.hidden = false;
      return self;
    },
    isSheetHidden: () => sheet.hidden,
    setColumnWidth: (column: number, width: number) => {
      sheet.columnWidths.set(column, width);
      return self;
    },
    setColumnWidths: (start: number, count: number, width: number) => {
      for (let c = start; c < start + count; c++) sheet.columnWidths.set(c, width);
      return self;
    },
    getColumnWidth: (column: number) => sheet.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH,
    /** Fits columns to their longest display value (about 7 px a character plus padding). */
    autoResizeColumns: (start: number, count: number) => {
      assertColumns(start, count);
      for (let c = start; c < start + count; c++) {
        let longest = 0;
        for (let r = 1; r <= sheet.lastRow; r++)
          longest = Math.max(longest, sheet.displayOf(sheet.getCell(r, c)).length);
        sheet.columnWidths.set(c, Math.max(DEFAULT_COLUMN_WIDTH / 2, longest * 7 + 10));
      }
      return self;
    },
    autoResizeColumn: (column: number) => {
      assertColumns(column, 1);
      let longest = 0;
      for (let r = 1; r <= sheet.lastRow; r++)
        longest = Math.max(longest, sheet.displayOf(sheet.getCell(r, column)).length);
      sheet.columnWidths.set(column, Math.max(DEFAULT_COLUMN_WIDTH / 2, longest * 7 + 10));
      return self;
    },
    newChart: () => createChartBuilder(ctx, resolveRange, newChartRecord()),
    insertChart: (chart: unknown) => {
      const record = chartRecordOf(chart);
      if (!record) throw signatureError(ctx, 'SpreadsheetApp.Sheet.insertChart', [chart]);
      record.chartId = spreadsheet.nextChartId();
      sheet.charts.push({
        ...record,
        ranges: [...record.ranges],
        position: { ...record.position },
        options: { ...record.options },
      });
    },
    getCharts: () =>
      ctx.list(
        sheet.charts.map((c) =>
          createChartFacade(ctx, resolveRange, {
            ...c,
            ranges: [...c.ranges],
            position: { ...c.position },
            options: { ...c.options },
          }),
        ),
      ),
    updateChart: (chart: unknown) => {
      const { record, index } = findChart(chart);
      sheet.charts[index] = {
        ...record,
        ranges: [...record.ranges],
        position: { ...record.position },
        options: { ...record.options },
      };
    },
    removeChart: (chart: unknown) => {
      const { index } = findChart(chart);
      sheet.charts.splice(index, 1);
    },
  });
  SHEETS.set(self, sheet);
  return self;
}
