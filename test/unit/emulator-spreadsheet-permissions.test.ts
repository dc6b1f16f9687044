/** What each kind of execution may do with SpreadsheetApp, with Apps Script's own error messages. */
import { spreadsheetPermissionError } from '../../dev/emulator/spreadsheet';
import { type Script, setup } from './emulator-spreadsheet-helpers';

describe('custom functions get read-only SpreadsheetApp', () => {
  test('reads work', () => {
    const { app, sheet } = setup({ kind: 'customFunction' });
    sheet.typeValues('A1', [['5']]);
    const sh = app.getActiveSpreadsheet().getSheetByName('Sheet1');
    expect(sh.getRange('A1').getValue()).toBe(5);
    expect(app.getActiveSpreadsheet().getSpreadsheetTimeZone()).toBe('America/New_York');
  });

  test.each([
    ['setValue', (sh: Script) => sh.getRange('A1').setValue(1)],
    ['setValues', (sh: Script) => sh.getRange('A1').setValues([[1]])],
    ['setNumberFormat', (sh: Script) => sh.getRange('A1').setNumberFormat('0')],
    ['clearContent', (sh: Script) => sh.getRange('A1').clearContent()],
    ['insertCheckboxes', (sh: Script) => sh.getRange('A1').insertCheckboxes()],
    ['deleteRows', (sh: Script) => sh.deleteRows(1, 1)],
    ['appendRow', (sh: Script) => sh.appendRow([1])],
    ['insertSheet', (sh: Script) => sh.getParent().insertSheet('X')],
    ['toast', (sh: Script) => sh.getParent().toast('hi')],
  ])('%s is refused', (method, call) => {
    const { app, sheet } = setup({ kind: 'customFunction' });
    const sh = app.getActiveSpreadsheet().getSheetByName('Sheet1');
    expect(() => call(sh)).toThrow(`You do not have permission to call ${method}`);
    expect(sheet.lastRow).toBe(0);
  });

  test('openById and getUi are refused with their own messages', () => {
    const { app } = setup({ kind: 'customFunction' });
    expect(() => app.openById('ss1')).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('other kinds', () => {
  test('AuthMode.NONE may build the add-on menu and nothing else', () => {
    const { app, spreadsheet } = setup({ kind: 'authNone' });
    app.getUi().createAddonMenu().addItem('Open sidebar', 'showSidebar').addToUi();
    expect(spreadsheet.ui.addonMenu?.items).toEqual([
      { type: 'item', caption: 'Open sidebar', functionName: 'showSidebar' },
    ]);
    expect(() => app.getActiveSpreadsheet()).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
  });

  test('AuthMode.LIMITED reads and writes the document but shows no sidebar', () => {
    const { app, sheet } = setup({ kind: 'authLimited' });
    app.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1').setValue(1);
    expect(sheet.cell('A1').value).toBe(1);
    const html = { getTitle: () => 'Gravity', getContent: () => '<p>x</p>' };
    expect(() => app.getUi().showSidebar(html)).toThrow(
      'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });

  test('a time-driven trigger has no active spreadsheet and no UI, but may open by id', () => {
    const { app } = setup({ kind: 'timeTrigger', activeSpreadsheetId: null });
    expect(app.getActiveSpreadsheet()).toBeNull();
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(app.openById('ss1').getName()).toBe('Budget');
  });

  test('openById of an unknown id fails like Apps Script', () => {
    const { app } = setup();
    expect(() => app.openById('nope')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  test('spreadsheetPermissionError is reusable by the core', () => {
    expect(spreadsheetPermissionError('full', 'Range.setValues')).toBeNull();
    expect(spreadsheetPermissionError('customFunction', 'Range.getValues')).toBeNull();
    expect(spreadsheetPermissionError('customFunction', 'Range.setValues')).toBe(
      'You do not have permission to call setValues',
    );
    expect(spreadsheetPermissionError('customFunction', 'DataValidationBuilder.setAllowInvalid')).toBeNull();
  });
});
