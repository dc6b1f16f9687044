/** Values and errors handed to the script are built with the script realm's constructors when given. */
import * as vm from 'node:vm';
import { SpreadsheetStore, createSpreadsheetApp } from '../../dev/emulator/spreadsheet';
import { type Script, makeExecution } from './emulator-spreadsheet-helpers';

test('arrays, dates and errors come from the realm in hooks.realm', () => {
  const context = vm.createContext({});
  const realm = vm.runInContext('({ Date, Array, Error })', context);
  const store = new SpreadsheetStore();
  store.create({ id: 'ss1', owner: 'o@example.com', timeZone: 'UTC' });
  const app: Script = createSpreadsheetApp(makeExecution({}), store, {
    queueRecalculation: () => undefined,
    realm,
  });
  const range = app.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1:B1');
  range.setValues([['2025-05-20', 1]]);
  const values = range.getValues();
  expect(values).toBeInstanceOf(realm.Array);
  expect(values[0]).toBeInstanceOf(realm.Array);
  expect(values[0][0]).toBeInstanceOf(realm.Date);
  expect(values[0][0].getTime()).toBe(Date.UTC(2025, 4, 20));
  let caught: unknown;
  try {
    range.setValues([[1]]);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(realm.Error);
  expect(caught).not.toBeInstanceOf(Error);
  expect((caught as Error).name).toBe('Exception');
});
