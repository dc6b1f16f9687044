/** How written and typed values become stored values: the table Sheets' own parsing follows. */
import { type Script, setup } from './emulator-spreadsheet-helpers';

const NY = 'America/New_York';

/** [input written with setValue, expected getValue(), expected display, expected getNumberFormat()] */
const WRITTEN: Array<[unknown, unknown, string, string]> = [
  ['00123', 123, '123', '0.###############'],
  ['1e5', 100000, '1.00E+05', '0.00E+00'],
  ['+1', 1, '1', '0.###############'],
  ['-2', -2, '-2', '0.###############'],
  ['1,234.5', 1234.5, '1,234.50', '#,##0.00'],
  ['1,234', 1234, '1,234', '#,##0'],
  ['5%', 0.05, '5%', '0%'],
  ['$12.50', 12.5, '$12.50', '$#,##0.00'],
  ['-$3', -3, '-$3.00', '$#,##0.00'],
  ['TRUE', true, 'TRUE', '0.###############'],
  ['false', false, 'FALSE', '0.###############'],
  ["'00123", '00123', '00123', '0.###############'],
  ['\'=IMPORTDATA("x")', '=IMPORTDATA("x")', '=IMPORTDATA("x")', '0.###############'],
  ["'TRUE", 'TRUE', 'TRUE', '0.###############'],
  ['@x', '@x', '@x', '0.###############'],
  ['hello', 'hello', 'hello', '0.###############'],
  ['1,2', '1,2', '1,2', '0.###############'],
  ['2025-02-30', '2025-02-30', '2025-02-30', '0.###############'],
  ['2025-05-20T14:30:00Z', '2025-05-20T14:30:00Z', '2025-05-20T14:30:00Z', '0.###############'],
  ['', '', '', '0.###############'],
  [null, '', '', '0.###############'],
  [undefined, '', '', '0.###############'],
  [42, 42, '42', '0.###############'],
  [0.1 + 0.2, 0.1 + 0.2, '0.3', '0.###############'],
  [1 / 3, 1 / 3, '0.3333333333', '0.###############'],
  [true, true, 'TRUE', '0.###############'],
  [{ a: 1 }, '[object Object]', '[object Object]', '0.###############'],
];

/** [input, expected instant (ISO), display, format] for date-like text in New York. */
const DATES: Array<[unknown, string, string, string]> = [
  ['2025-05-20', '2025-05-20T04:00:00.000Z', '2025-05-20', 'yyyy-mm-dd'],
  ['5/20/2025', '2025-05-20T04:00:00.000Z', '5/20/2025', 'M/d/yyyy'],
  ['2025-05-20 14:30:00', '2025-05-20T18:30:00.000Z', '2025-05-20 14:30:00', 'yyyy-mm-dd hh:mm:ss'],
  ['1/15/2025', '2025-01-15T05:00:00.000Z', '1/15/2025', 'M/d/yyyy'],
  ['May 20, 2025', '2025-05-20T04:00:00.000Z', 'May 20, 2025', 'mmm d, yyyy'],
  [new Date('2025-05-20T04:00:00Z'), '2025-05-20T04:00:00.000Z', '5/20/2025', 'M/d/yyyy'],
  [new Date('2025-05-20T18:30:05Z'), '2025-05-20T18:30:05.000Z', '5/20/2025 14:30:05', 'M/d/yyyy H:mm:ss'],
];

function cellA1(app: Script) {
  return app.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1');
}

describe('setValue parses like typed input', () => {
  test.each(WRITTEN)('%p', (input, value, display, format) => {
    const { app, sheet } = setup();
    cellA1(app).setValue(input);
    expect(sheet.cell('A1').value).toEqual(value);
    expect(sheet.cell('A1').display).toBe(display);
    expect(sheet.cell('A1').format).toBe(format);
    expect(cellA1(app).getValue()).toEqual(value);
  });

  test.each(DATES)('date %p', (input, instant, display, format) => {
    const { app, sheet } = setup({ timeZone: NY });
    cellA1(app).setValue(input);
    const got = cellA1(app).getValue();
    expect(got).toBeInstanceOf(Date);
    expect((got as Date).toISOString()).toBe(instant);
    expect(sheet.cell('A1').display).toBe(display);
    expect(sheet.cell('A1').format).toBe(format);
  });

  test('a formula string becomes a formula', () => {
    const { app, sheet } = setup();
    cellA1(app).setValue('=SUM(B1:B3)');
    expect(sheet.cell('A1').formula).toBe('=SUM(B1:B3)');
    expect(cellA1(app).getFormula()).toBe('=SUM(B1:B3)');
  });

  test('plain-text format (@) keeps strings as text, apostrophe included, but "=" still starts a formula', () => {
    const { app, sheet } = setup();
    const range = app.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1:G1');
    range.setNumberFormat('@');
    range.setValues([['00123', '1e5', 'TRUE', '2025-05-20', '+1', "'7", '=X()']]);
    expect(sheet.values()[0].slice(0, 6)).toEqual(['00123', '1e5', 'TRUE', '2025-05-20', '+1', "'7"]);
    expect(sheet.cell('G1').formula).toBe('=X()');
  });

  test('numbers and booleans written as JS values keep their type under @', () => {
    const { app, sheet } = setup();
    const range = app.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1:B1');
    range.setNumberFormat('@');
    range.setValues([[5, false]]);
    expect(sheet.values()).toEqual([[5, false]]);
  });

  test('dates display in the spreadsheet time zone', () => {
    const { app, sheet } = setup({ timeZone: 'Asia/Tokyo' });
    cellA1(app).setValue(new Date('2025-05-20T20:00:00Z'));
    expect(sheet.cell('A1').display).toBe('5/21/2025 5:00:00');
    cellA1(app).setNumberFormat('yyyy-mm-dd');
    expect(cellA1(app).getDisplayValue()).toBe('2025-05-21');
  });

  test('a date cell read back is the same instant; a non-date format turns it back into a serial', () => {
    const { app } = setup({ timeZone: NY });
    const d = new Date('2025-05-20T18:30:00Z');
    cellA1(app).setValue(d);
    expect((cellA1(app).getValue() as Date).getTime()).toBe(d.getTime());
    cellA1(app).setNumberFormat('0.00');
    expect(cellA1(app).getValue()).toBeCloseTo(45797.6041667, 6);
  });

  test('typeValues parses as a user typing', () => {
    const { sheet } = setup();
    sheet.typeValues('B2', [['00123', "'00123", 'TRUE']]);
    expect(sheet.values()).toEqual([
      ['', '', '', ''],
      ['', 123, '00123', true],
    ]);
  });

  test('text longer than 50,000 characters is refused and nothing is written', () => {
    const { app, sheet } = setup();
    const range = app.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1:B1');
    expect(() => range.setValues([['ok', 'x'.repeat(50_001)]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(sheet.lastRow).toBe(0);
  });
});
