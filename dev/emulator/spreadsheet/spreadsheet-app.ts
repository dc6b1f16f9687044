/**
 * The `SpreadsheetApp` global for one execution (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app).
 */
import type { Execution } from '../context';
import { ApiContext, type SpreadsheetHooks, facade } from './api-context';
import { createDataValidationBuilder } from './data-validation-builder';
import { DataValidationCriteria } from './data-validation';
import { createSheetFacade, sheetModelOf } from './sheet';
import { createSpreadsheetFacade } from './spreadsheet';
import type { SpreadsheetStore } from './store';
import { createUi } from './ui';

const SPREADSHEET_URL = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/;

export function createSpreadsheetApp(
  execution: Execution,
  store: SpreadsheetStore,
  hooks: SpreadsheetHooks,
): object {
  const ctx = new ApiContext(execution, store, hooks);
  const active = () =>
    execution.activeSpreadsheetId === null ? undefined : store.get(execution.activeSpreadsheetId);
  // A missing or inaccessible id fails with this generic message rather than "not found".
  const openError = (method: string) =>
    ctx.error(`Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`);

  const app = facade(ctx, 'SpreadsheetApp', {
    getActiveSpreadsheet: () => {
      const s = active();
      return s ? createSpreadsheetFacade(ctx, s) : null;
    },
    getActive: () => {
      const s = active();
      return s ? createSpreadsheetFacade(ctx, s) : null;
    },
    getActiveSheet: () => {
      const s = active();
      return s ? createSheetFacade(ctx, s.activeSheet()) : null;
    },
    setActiveSheet: (sheetObject: unknown) => {
      const sheet = sheetModelOf(sheetObject);
      if (!sheet)
        throw ctx.error(
          "The parameters (Object) don't match the method signature for SpreadsheetApp.setActiveSheet.",
        );
      sheet.spreadsheet.activeSheetName = sheet.name;
      return createSheetFacade(ctx, sheet);
    },
    openById: (id: string) => {
      const s = typeof id === 'string' ? store.get(id) : undefined;
      if (!s) throw openError('openById');
      return createSpreadsheetFacade(ctx, s);
    },
    openByUrl: (url: string) => {
      const id = typeof url === 'string' ? SPREADSHEET_URL.exec(url)?.[1] : undefined;
      const s = id ? store.get(id) : undefined;
      if (!s) throw openError('openByUrl');
      return createSpreadsheetFacade(ctx, s);
    },
    create: (name: string) =>
      createSpreadsheetFacade(ctx, store.create({ name: String(name), owner: execution.user })),
    getUi: () => {
      const s = active();
      if (!s) throw ctx.error('Cannot call SpreadsheetApp.getUi() from this context.');
      return createUi(ctx, s);
    },
    flush: () => undefined,
    newDataValidation: () => createDataValidationBuilder(ctx),
  });
  return Object.assign(app, { DataValidationCriteria: { ...DataValidationCriteria } });
}
