/**
 * The script-facing `Range` (developers.google.com/apps-script/reference/spreadsheet/range). Every call is a
 * counted round trip; writes are parsed as Sheets parses them and checked before anything changes, so a failed
 * `setValues` leaves the sheet as it was.
 */
import { quoteSheetName, rangeA1 } from './a1';
import { type ApiContext, facade, signatureError } from './api-context';
import { type Cell, hasContent, resetContent, resetFormat } from './cell';
import { createDataValidationFacade, ruleOf } from './data-validation-builder';
import { type DataValidationRule, DataValidationCriteria, checkboxValues } from './data-validation';
import { SheetsError } from './errors';
import type { FakeSheet } from './fake-sheet';
import { createSheetFacade } from './sheet';
import { type CellContent, scriptValueToContent } from './value-parsing';

export interface RangeModel {
  sheet: FakeSheet;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

const RANGES = new WeakMap<object, RangeModel>();

/** The range behind a script-facing Range, if it is one. */
export function rangeModelOf(v: unknown): RangeModel | undefined {
  return v && typeof v === 'object' ? RANGES.get(v) : undefined;
}

export function rangeA1WithSheet(m: RangeModel): string {
  return `${quoteSheetName(m.sheet.name)}!${rangeA1(m.row, m.column, m.numRows, m.numColumns)}`;
}

/** Checks a range's coordinates the way `Sheet.getRange` does. */
export function assertRangeBounds(
  sheet: FakeSheet,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): void {
  if (row < 1) throw new SheetsError('The starting row of the range is too small.');
  if (column < 1) throw new SheetsError('The starting column of the range is too small.');
  if (numRows < 1) throw new SheetsError('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw new SheetsError('The number of columns in the range must be at least 1.');
  // Sheets does not grow the grid for getRange; scripts add rows first (insertRowsAfter) or use appendRow.
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw new SheetsError('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

type ClearOptions = {
  contentsOnly?: boolean;
  formatOnly?: boolean;
  commentsOnly?: boolean;
  validationsOnly?: boolean;
  skipFilteredRows?: boolean;
};

export function createRange(ctx: ApiContext, m: RangeModel): object {
  const { sheet, row, column, numRows, numColumns } = m;
  const spreadsheet = sheet.spreadsheet;
  const size = numRows * numColumns;

  const cellAt = (r: number, c: number): Cell | undefined => sheet.getCell(row + r, column + c);
  const read = <T>(fn: (cell: Cell | undefined) => T): T[][] => {
    const out: T[][] = [];
    for (let r = 0; r < numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < numColumns; c++) line.push(fn(cellAt(r, c)));
      out.push(line);
    }
    return out;
  };
  const eachCell = (fn: (cell: Cell, r: number, c: number) => void): void => {
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numColumns; c++) fn(sheet.ensureCell(row + r, column + c), r, c);
  };
  const scriptValue = (cell: Cell | undefined) => sheet.scriptValueOf(cell, (ms) => ctx.date(ms));

  /** "The number of rows in the data does not match the number of rows in the range. The data has 3 but the range has 2." */
  const assertShape = (data: unknown, method: string): unknown[][] => {
    if (!Array.isArray(data) || !data.every((line) => Array.isArray(line))) {
      throw signatureError(ctx, `SpreadsheetApp.Range.${method}`, [data]);
    }
    if (data.length !== numRows) {
      throw ctx.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
      );
    }
    for (const line of data as unknown[][]) {
      if (line.length !== numColumns) {
        throw ctx.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${numColumns}.`,
        );
      }
    }
    return data as unknown[][];
  };

  const parseOptions = (cell: Cell | undefined) => ({
    currentFormat: cell?.format ?? '',
    timeZone: spreadsheet.timeZone,
    currentYear: ctx.currentYear(spreadsheet.timeZone),
  });

  /** Checks every cell first, then writes, then queues custom-function recalculation. */
  const writeContents = (contents: CellContent[][]): void => {
    contents.forEach((line, r) =>
      line.forEach((content, c) => sheet.assertWritable(row + r, column + c, content)),
    );
    const queued: Array<[number, number]> = [];
    contents.forEach((line, r) =>
      line.forEach((content, c) => {
        if (sheet.writeContent(row + r, column + c, content)) queued.push([row + r, column + c]);
      }),
    );
    ctx.countWrites(size);
    for (const [r, c] of queued) ctx.hooks.queueRecalculation(spreadsheet.id, sheet.name, r, c);
  };
  const contentsFrom = (
    fn: (cell: Cell | undefined, r: number, c: number) => CellContent,
  ): CellContent[][] => {
    const out: CellContent[][] = [];
    for (let r = 0; r < numRows; r++) {
      const line: CellContent[] = [];
      for (let c = 0; c < numColumns; c++) line.push(fn(cellAt(r, c), r, c));
      out.push(line);
    }
    return out;
  };
  const formulaContent = (formula: unknown, cell: Cell | undefined): CellContent => {
    const text = formula === null || formula === undefined ? '' : String(formula);
    // A "formula" without "=" is written as a value (as typed).
    return text.startsWith('=')
      ? { value: '', formula: text }
      : scriptValueToContent(text, parseOptions(cell));
  };
  const setFormat = (fn: (cell: Cell, r: number, c: number) => void): void => {
    eachCell(fn);
    ctx.countWrites(size);
  };

  const setCheckState = (checked: boolean) => {
    eachCell((cell) => {
      const rule = cell.validation;
      if (rule?.criteriaType !== DataValidationCriteria.CHECKBOX) return;
      const values = checkboxValues(rule);
      // Cells holding neither the checked nor the unchecked value are left alone.
      if (cell.value !== values.checked && cell.value !== values.unchecked) return;
      cell.value = checked ? values.checked : values.unchecked;
    });
    ctx.countWrites(size);
  };

  const self: Record<string, (...args: never[]) => unknown> = facade(ctx, 'Range', {
    getRow: () => row,
    getColumn: () => column,
    getLastRow: () => row + numRows - 1,
    getLastColumn: () => column + numColumns - 1,
    getNumRows: () => numRows,
    getNumColumns: () => numColumns,
    getHeight: () => numRows,
    getWidth: () => numColumns,
    getA1Notation: () => rangeA1(row, column, numRows, numColumns),
    getSheet: () => createSheetFacade(ctx, sheet),
    getGridId: () => sheet.sheetId,
    offset: (rowOffset: number, columnOffset: number, newRows?: number, newColumns?: number) => {
      const next = {
        sheet,
        row: row + rowOffset,
        column: column + columnOffset,
        numRows: newRows ?? numRows,
        numColumns: newColumns ?? numColumns,
      };
      assertRangeBounds(sheet, next.row, next.column, next.numRows, next.numColumns);
      return createRange(ctx, next);
    },
    isBlank: () => read((cell) => hasContent(cell)).every((line) => line.every((x) => !x)),

    getValue: () => scriptValue(cellAt(0, 0)),
    getValues: () => ctx.grid(read(scriptValue)),
    getDisplayValue: () => sheet.displayOf(cellAt(0, 0)),
    getDisplayValues: () => ctx.grid(read((cell) => sheet.displayOf(cell))),
    getFormula: () => cellAt(0, 0)?.formula ?? '',
    getFormulas: () => ctx.grid(read((cell) => cell?.formula ?? '')),
    getNumberFormat: () => sheet.reportedFormat(cellAt(0, 0)),
    getNumberFormats: () => ctx.grid(read((cell) => sheet.reportedFormat(cell))),
    getFontWeight: () => (cellAt(0, 0)?.bold ? 'bold' : 'normal'),
    getFontWeights: () => ctx.grid(read((cell) => (cell?.bold ? 'bold' : 'normal'))),
    getNote: () => cellAt(0, 0)?.note ?? '',
    getNotes: () => ctx.grid(read((cell) => cell?.note ?? '')),
    getBackground: () => cellAt(0, 0)?.background ?? '#ffffff',
    getHorizontalAlignment: () => cellAt(0, 0)?.horizontalAlignment ?? 'general',
    getWrap: () => cellAt(0, 0)?.wrap ?? false,
    getDataValidation: () => {
      const rule = cellAt(0, 0)?.validation;
      return rule ? createDataValidationFacade(ctx, rule) : null;
    },
    getDataValidations: () =>
      ctx.grid(read((cell) => (cell?.validation ? createDataValidationFacade(ctx, cell.validation) : null))),

    setValue: (value: unknown) => {
      writeContents(contentsFrom((cell) => scriptValueToContent(value, parseOptions(cell))));
      return self;
    },
    setValues: (values: unknown) => {
      const data = assertShape(values, 'setValues');
      writeContents(contentsFrom((cell, r, c) => scriptValueToContent(data[r][c], parseOptions(cell))));
      return self;
    },
    setFormula: (formula: string) => {
      if (typeof formula !== 'string')
        throw signatureError(ctx, 'SpreadsheetApp.Range.setFormula', [formula]);
      writeContents(contentsFrom((cell) => formulaContent(formula, cell)));
      return self;
    },
    setFormulas: (formulas: unknown) => {
      const data = assertShape(formulas, 'setFormulas');
      writeContents(contentsFrom((cell, r, c) => formulaContent(data[r][c], cell)));
      return self;
    },
    setNumberFormat: (format: string) => {
      if (typeof format !== 'string')
        throw signatureError(ctx, 'SpreadsheetApp.Range.setNumberFormat', [format]);
      setFormat((cell) => (cell.format = format));
      return self;
    },
    setNumberFormats: (formats: unknown) => {
      const data = assertShape(formats, 'setNumberFormats');
      setFormat((cell, r, c) => (cell.format = String(data[r][c] ?? '')));
      return self;
    },
    setFontWeight: (weight: string | null) => {
      setFormat((cell) => (cell.bold = weight === 'bold'));
      return self;
    },
    setFontWeights: (weights: unknown) => {
      const data = assertShape(weights, 'setFontWeights');
      setFormat((cell, r, c) => (cell.bold = data[r][c] === 'bold'));
      return self;
    },
    setBackground: (color: string | null) => {
      setFormat((cell) => (cell.background = color ?? '#ffffff'));
      return self;
    },
    setHorizontalAlignment: (alignment: string | null) => {
      setFormat((cell) => (cell.horizontalAlignment = alignment));
      return self;
    },
    setWrap: (wrap: boolean) => {
      setFormat((cell) => (cell.wrap = !!wrap));
      return self;
    },
    setNote: (note: string | null) => {
      setFormat((cell) => (cell.note = note === null || note === undefined ? '' : String(note)));
      return self;
    },
    setNotes: (notes: unknown) => {
      const data = assertShape(notes, 'setNotes');
      setFormat((cell, r, c) => (cell.note = String(data[r][c] ?? '')));
      return self;
    },
    clearNote: () => {
      setFormat((cell) => (cell.note = ''));
      return self;
    },
    setDataValidation: (rule: unknown) => {
      const model = rule === null ? null : ruleOf(rule);
      if (model === undefined) throw signatureError(ctx, 'SpreadsheetApp.Range.setDataValidation', [rule]);
      setFormat((cell) => (cell.validation = model));
      return self;
    },
    clearDataValidations: () => {
      setFormat((cell) => (cell.validation = null));
      return self;
    },

    // Checkboxes are checkbox validation plus the unchecked value in every cell
    // (developers.google.com/apps-script/reference/spreadsheet/range#insertcheckboxes).
    insertCheckboxes: (checkedValue?: unknown, uncheckedValue?: unknown) => {
      const criteriaValues =
        checkedValue === undefined
          ? []
          : uncheckedValue === undefined
            ? [checkedValue]
            : [checkedValue, uncheckedValue];
      const rule: DataValidationRule = {
        criteriaType: DataValidationCriteria.CHECKBOX,
        criteriaValues,
        allowInvalid: true,
        helpText: '',
      };
      const unchecked = checkboxValues(rule).unchecked;
      eachCell((cell) => (cell.validation = null));
      writeContents(contentsFrom(() => ({ value: unchecked, formula: '' })));
      eachCell((cell) => (cell.validation = rule));
      return self;
    },
    removeCheckboxes: () => {
      eachCell((cell) => {
        if (cell.validation?.criteriaType !== DataValidationCriteria.CHECKBOX) return;
        cell.validation = null;
        resetContent(cell);
      });
      ctx.countWrites(size);
      return self;
    },
    check: () => {
      setCheckState(true);
      return self;
    },
    uncheck: () => {
      setCheckState(false);
      return self;
    },
    /** true/false when every cell is a checked/unchecked checkbox; null when mixed or not all checkboxes. */
    isChecked: () => {
      let state: boolean | null | undefined;
      for (const line of read((cell) => cell)) {
        for (const cell of line) {
          const rule = cell?.validation;
          if (!cell || rule?.criteriaType !== DataValidationCriteria.CHECKBOX) return null;
          const checked = cell.value === checkboxValues(rule).checked;
          if (state === undefined) state = checked;
          else if (state !== checked) return null;
        }
      }
      return state ?? null;
    },

    clearContent: () => {
      writeContents(contentsFrom(() => ({ value: '', formula: '' })));
      return self;
    },
    clearFormat: () => {
      setFormat((cell) => resetFormat(cell));
      return self;
    },
    /** clear() empties contents and formats; options narrow it (range#clearoptions). */
    clear: (options?: ClearOptions) => {
      const o = options ?? {};
      const onlyOne = o.contentsOnly || o.formatOnly || o.commentsOnly || o.validationsOnly;
      if (!onlyOne || o.contentsOnly) writeContents(contentsFrom(() => ({ value: '', formula: '' })));
      if (!onlyOne || o.formatOnly) eachCell((cell) => resetFormat(cell));
      if (o.commentsOnly) eachCell((cell) => (cell.note = ''));
      if (o.validationsOnly) eachCell((cell) => (cell.validation = null));
      return self;
    },
    activate: () => {
      spreadsheet.activeSheetName = sheet.name;
      return self;
    },
  });
  RANGES.set(self, m);
  return self;
}
