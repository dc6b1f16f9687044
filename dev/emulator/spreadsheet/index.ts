/** The emulated SpreadsheetApp: the store of spreadsheets, the per-execution global and the formula helpers. */
export { createSpreadsheetApp } from './spreadsheet-app';
export type { SpreadsheetHooks, ScriptRealm } from './api-context';
export { SpreadsheetStore, FakeSpreadsheet, type CreateSpreadsheetOptions } from './store';
export { FakeSheet, type CellView, LOADING_VALUE } from './fake-sheet';
export type { UiRecord, MenuRecord, MenuEntry, ToastRecord } from './ui';
export type { ChartRecord } from './charts';
export type { DataValidationRule } from './data-validation';
export { parseFormulaCall, writeFormulaResult, SheetsErrorValue, unknownFunctionError } from './formula';
export { spreadsheetPermissionError } from './permissions';
