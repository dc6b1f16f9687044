/** Sheets limits (support.google.com/drive/answer/37603) and the messages Apps Script throws for them. */

export const MAX_CELLS_PER_SPREADSHEET = 10_000_000;
export const MAX_CHARS_PER_CELL = 50_000;
export const MAX_SHEET_NAME_LENGTH = 100;
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export const TOO_MANY_CELLS_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS_PER_SPREADSHEET} cells.`;
export const TOO_MANY_CHARS_MESSAGE = `Your input contains more than the maximum of ${MAX_CHARS_PER_CELL} characters in a single cell.`;
