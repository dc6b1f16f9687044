/** The script-facing `Spreadsheet` (developers.google.com/apps-script/reference/spreadsheet/spreadsheet). */
import { splitSheetPrefix } from './a1';
import { type ApiContext, facade, signatureError } from './api-context';
import { isValidTimeZone } from './dates';
import { SheetsError } from './errors';
import { createSheetFacade, rangeFromA1, sheetModelOf } from './sheet';
import type { FakeSpreadsheet } from './store';

export function createSpreadsheetFacade(ctx: ApiContext, spreadsheet: FakeSpreadsheet): object {
  const sheetOf = (v: unknown, method: string) => {
    const sheet = sheetModelOf(v);
    if (!sheet || sheet.spreadsheet !== spreadsheet)
      throw signatureError(ctx, `SpreadsheetApp.Spreadsheet.${method}`, [v]);
    return sheet;
  };

  const self: Record<string, (...args: never[]) => unknown> = facade(ctx, 'Spreadsheet', {
    getId: () => spreadsheet.id,
    getName: () => spreadsheet.name,
    rename: (name: string) => {
      spreadsheet.name = String(name);
    },
    getUrl: () => spreadsheet.url,
    getSpreadsheetTimeZone: () => spreadsheet.timeZone,
    setSpreadsheetTimeZone: (timeZone: string) => {
      if (!isValidTimeZone(timeZone))
        throw signatureError(ctx, 'SpreadsheetApp.Spreadsheet.setSpreadsheetTimeZone', [timeZone]);
      spreadsheet.timeZone = timeZone;
    },
    getOwner: () => facade(ctx, 'User', { getEmail: () => spreadsheet.owner }),
    getSheets: () => ctx.list(spreadsheet.sheets.map((s) => createSheetFacade(ctx, s))),
    getNumSheets: () => spreadsheet.sheets.length,
    getSheetByName: (name: string) => {
      const sheet = spreadsheet.sheet(String(name));
      return sheet ? createSheetFacade(ctx, sheet) : null;
    },
    getSheetById: (id: number) => {
      const sheet = spreadsheet.sheets.find((s) => s.sheetId === id);
      return sheet ? createSheetFacade(ctx, sheet) : null;
    },
    /** insertSheet() | insertSheet(index) | insertSheet(name) | insertSheet(name, index); the new sheet becomes active. */
    insertSheet: (...args: unknown[]) => {
      let name: string | undefined;
      let index: number | undefined;
      if (typeof args[0] === 'string') {
        name = args[0];
        if (args[1] !== undefined) index = args[1] as number;
      } else if (typeof args[0] === 'number') index = args[0];
      else if (args.length > 0) throw signatureError(ctx, 'SpreadsheetApp.Spreadsheet.insertSheet', args);
      if (
        index !== undefined &&
        (typeof index !== 'number' || index < 0 || index > spreadsheet.sheets.length)
      ) {
        throw signatureError(ctx, 'SpreadsheetApp.Spreadsheet.insertSheet', args);
      }
      const sheet = spreadsheet.addSheet(name ?? spreadsheet.defaultSheetName(), index);
      spreadsheet.activeSheetName = sheet.name;
      return createSheetFacade(ctx, sheet);
    },
    deleteSheet: (sheetObject: unknown) => {
      const sheet = sheetOf(sheetObject, 'deleteSheet');
      // Wording as Sheets shows it when the last tab would go.
      if (spreadsheet.sheets.length === 1)
        throw new SheetsError("You can't remove all the sheets in a document.");
      spreadsheet.removeSheet(sheet);
    },
    getActiveSheet: () => createSheetFacade(ctx, spreadsheet.activeSheet()),
    setActiveSheet: (sheetObject: unknown) => {
      const sheet = sheetOf(sheetObject, 'setActiveSheet');
      spreadsheet.activeSheetName = sheet.name;
      return createSheetFacade(ctx, sheet);
    },
    /** A1 notation with an optional sheet name; without one, the active sheet. */
    getRange: (a1: string) => {
      if (typeof a1 !== 'string') throw signatureError(ctx, 'SpreadsheetApp.Spreadsheet.getRange', [a1]);
      const { sheetName } = splitSheetPrefix(a1);
      const sheet = sheetName === null ? spreadsheet.activeSheet() : spreadsheet.sheet(sheetName);
      if (!sheet) throw ctx.error('Range not found');
      return rangeFromA1(ctx, sheet, a1);
    },
    /** The toast shows `timeoutSeconds` (default 5; negative = until dismissed). */
    toast: (message: unknown, title?: unknown, timeoutSeconds?: number) => {
      spreadsheet.ui.toasts.push({
        message: String(message ?? ''),
        title: title === undefined || title === null ? '' : String(title),
        timeoutSeconds: timeoutSeconds ?? 5,
      });
    },
  });
  return self;
}
