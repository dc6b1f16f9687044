/** Range: shapes, bounds, counters, formatting, notes, validation and checkboxes. */
import { setup } from './emulator-spreadsheet-helpers';

function sheet1() {
  const env = setup();
  return { ...env, sh: env.app.getActiveSpreadsheet().getSheetByName('Sheet1') };
}

describe('setValues dimensions', () => {
  test('rows mismatch names both counts', () => {
    const { sh } = sheet1();
    expect(() => sh.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  test('columns mismatch names both counts, even for one ragged row, and writes nothing', () => {
    const { sh, sheet } = sheet1();
    expect(() =>
      sh.getRange(1, 1, 2, 2).setValues([
        [1, 2],
        [3, 4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(sheet.lastRow).toBe(0);
  });

  test('a non-2D argument is a signature error', () => {
    const { sh } = sheet1();
    expect(() => sh.getRange('A1:B1').setValues([1, 2])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  test('errors are Exceptions', () => {
    const { sh } = sheet1();
    let caught: unknown;
    try {
      sh.getRange(1, 1, 2, 2).setValues([]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).name).toBe('Exception');
  });
});

describe('getRange bounds', () => {
  test.each([
    [[0, 1], 'The starting row of the range is too small.'],
    [[1, 0], 'The starting column of the range is too small.'],
    [[1, 1, 0], 'The number of rows in the range must be at least 1.'],
    [[1, 1, 1, 0], 'The number of columns in the range must be at least 1.'],
    [[1000, 1, 2], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [[1, 27], 'The coordinates of the range are outside the dimensions of the sheet.'],
  ])('getRange(%p)', (args, message) => {
    const { sh } = sheet1();
    expect(() => sh.getRange(...args)).toThrow(message);
  });

  test('bad A1 notation is "Range not found"', () => {
    const { sh } = sheet1();
    expect(() => sh.getRange('A0')).toThrow('Range not found');
  });

  test('A1 notation, whole columns and offsets', () => {
    const { sh, app } = sheet1();
    const r = sh.getRange('B2:C4');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getA1Notation()]).toEqual([
      2,
      2,
      3,
      2,
      'B2:C4',
    ]);
    expect(sh.getRange('A:B').getNumRows()).toBe(1000);
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D5');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(app.getActiveSpreadsheet().getRange("'Sheet1'!C3").getA1Notation()).toBe('C3');
    expect(r.getSheet().getName()).toBe('Sheet1');
  });
});

describe('counters and checks', () => {
  test('every call counts one round trip and goes through execution.check; writes count cells', () => {
    const { app, execution } = setup();
    const sh = app.getActiveSpreadsheet().getSheetByName('Sheet1');
    const range = sh.getRange(1, 1, 3, 2);
    range.setValues([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    range.getValues();
    expect(execution.counters.spreadsheetCalls).toBe(5);
    expect(execution.counters.cellsWritten).toBe(6);
    expect(execution.checks).toEqual([
      'SpreadsheetApp:SpreadsheetApp.getActiveSpreadsheet',
      'SpreadsheetApp:Spreadsheet.getSheetByName',
      'SpreadsheetApp:Sheet.getRange',
      'SpreadsheetApp:Range.setValues',
      'SpreadsheetApp:Range.getValues',
    ]);
  });

  test('past the deadline every call throws', () => {
    const { app, execution } = setup();
    execution.clock.advance(400_000);
    expect(() => app.getActiveSpreadsheet()).toThrow('Exceeded maximum execution time');
  });
});

describe('reading', () => {
  test('getValues is exactly the range; empty cells are ""; getDataRange covers the data', () => {
    const { sh } = sheet1();
    sh.getRange('B2').setValue(7);
    expect(sh.getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      ['', 7],
    ]);
    expect(sh.getDataRange().getA1Notation()).toBe('A1:B2');
    expect([sh.getLastRow(), sh.getLastColumn()]).toEqual([2, 2]);
  });

  test('formatting alone does not move getLastRow', () => {
    const { sh } = sheet1();
    sh.getRange('A5').setNumberFormat('0.00').setFontWeight('bold');
    expect(sh.getLastRow()).toBe(0);
  });
});

describe('formats, fonts, notes', () => {
  test('setNumberFormats / getNumberFormats and display', () => {
    const { sh } = sheet1();
    const r = sh.getRange('A1:B1');
    r.setValues([[1234.5, 0.25]]);
    r.setNumberFormats([['#,##0.00', '0%']]);
    expect(r.getNumberFormats()).toEqual([['#,##0.00', '0%']]);
    expect(r.getDisplayValues()).toEqual([['1,234.50', '25%']]);
  });

  test('bold header and notes', () => {
    const { sh, sheet } = sheet1();
    sh.getRange('A1:C1').setFontWeight('bold');
    sh.getRange('A1').setNote('why');
    expect(sh.getRange('A1:C1').getFontWeights()).toEqual([['bold', 'bold', 'bold']]);
    expect(sheet.cell('B1').bold).toBe(true);
    expect(sh.getRange('A1').getNote()).toBe('why');
    sh.getRange('A1:C1').setFontWeight('normal');
    expect(sh.getRange('B1').getFontWeight()).toBe('normal');
  });

  test('clearContent keeps formats; clear() removes both', () => {
    const { sh, sheet } = sheet1();
    const r = sh.getRange('A1');
    r.setValue(5).setNumberFormat('0.00');
    r.clearContent();
    expect(sheet.cell('A1')).toMatchObject({ value: '', format: '0.00' });
    r.setValue(5);
    r.clear();
    expect(sheet.cell('A1')).toMatchObject({ value: '', format: '0.###############' });
  });
});

describe('data validation', () => {
  test('list rule with setAllowInvalid(false) rejects other values', () => {
    const { app, sh, sheet } = sheet1();
    const rule = app
      .newDataValidation()
      .requireValueInList(['replace', 'append'], true)
      .setAllowInvalid(false)
      .setHelpText('Mode')
      .build();
    sh.getRange('J2:J3').setDataValidation(rule);
    sh.getRange('J2').setValue('append');
    expect(() => sh.getRange('J3').setValue('upsert')).toThrow(
      'The data you entered in cell J3 violates the data validation rules set on this cell.',
    );
    const read = sh.getRange('J2').getDataValidation();
    expect(read.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(read.getCriteriaValues()).toEqual([['replace', 'append'], true]);
    expect(read.getHelpText()).toBe('Mode');
    expect(sheet.cell('J2').validation?.allowInvalid).toBe(false);
  });

  test('a new builder allows invalid input by default', () => {
    const { app, sh, sheet } = sheet1();
    sh.getRange('A1').setDataValidation(app.newDataValidation().requireValueInList(['a']).build());
    sh.getRange('A1').setValue('b');
    expect(sheet.cell('A1').value).toBe('b');
  });

  test('setDataValidation(null) clears; a non-rule is a signature error', () => {
    const { app, sh } = sheet1();
    sh.getRange('A1').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sh.getRange('A1').setDataValidation(null);
    expect(sh.getRange('A1').getDataValidation()).toBeNull();
    expect(() => sh.getRange('A1').setDataValidation({})).toThrow("don't match the method signature");
  });
});

describe('checkboxes', () => {
  test('insertCheckboxes puts FALSE and a checkbox rule in every cell', () => {
    const { app, sh, sheet } = sheet1();
    const r = sh.getRange('K2:K3');
    r.insertCheckboxes();
    expect(r.getValues()).toEqual([[false], [false]]);
    expect(sheet.cell('K2').validation?.criteriaType).toBe('CHECKBOX');
    expect(r.getDataValidation().getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    expect(r.isChecked()).toBe(false);
    sh.getRange('K2').check();
    expect(r.isChecked()).toBeNull();
    r.check();
    expect(r.isChecked()).toBe(true);
    expect(r.getValues()).toEqual([[true], [true]]);
    r.uncheck();
    expect(r.getDisplayValues()).toEqual([['FALSE'], ['FALSE']]);
    expect(sh.getRange('L2').isChecked()).toBeNull();
  });

  test('custom checked value leaves unchecked cells empty', () => {
    const { sh } = sheet1();
    const r = sh.getRange('A1');
    r.insertCheckboxes('yes');
    expect(r.getValue()).toBe('');
    r.check();
    expect(r.getValue()).toBe('yes');
  });
});
