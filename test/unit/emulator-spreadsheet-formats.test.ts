/** Display values under the common Sheets number formats. */
import {
  formatCellValue,
  formatAutomaticNumber,
  isDateTimeFormat,
} from '../../dev/emulator/spreadsheet/number-format';
import { wallClockToSerial } from '../../dev/emulator/spreadsheet/dates';

const SERIAL = wallClockToSerial({
  year: 2025,
  month: 5,
  day: 20,
  hour: 14,
  minute: 30,
  second: 5,
  millisecond: 0,
});
const MORNING = wallClockToSerial({
  year: 2025,
  month: 1,
  day: 3,
  hour: 9,
  minute: 5,
  second: 0,
  millisecond: 0,
});

const CASES: Array<[number | string | boolean, string, string]> = [
  [1234.567, '', '1234.567'],
  [1234.567, 'General', '1234.567'],
  [1234.567, '0', '1235'],
  [1234.567, '0.00', '1234.57'],
  [1234.567, '#,##0', '1,235'],
  [1234.567, '#,##0.00', '1,234.57'],
  [-1234.5, '#,##0.00', '-1,234.50'],
  [1234.5, '$#,##0.00', '$1,234.50'],
  [1234.5, '[$$]#,##0.00', '$1,234.50'],
  [1234.5, '[$€]#,##0.00', '€1,234.50'],
  [0.1234, '0.00%', '12.34%'],
  [0.5, '0%', '50%'],
  [1.005, '0.00', '1.01'],
  [0, '#,##0.00', '0.00'],
  [-0.001, '0.00', '0.00'],
  [-5, '#,##0.00;(#,##0.00)', '(5.00)'],
  [0, '0.00;-0.00;"zero"', 'zero'],
  [100000, '0.00E+00', '1.00E+05'],
  [1234567, '#,##0', '1,234,567'],
  [12, '@', '12'],
  ['abc', '0.00', 'abc'],
  [true, '0.00', 'TRUE'],
  [SERIAL, 'yyyy-mm-dd', '2025-05-20'],
  [SERIAL, 'yyyy-mm-dd hh:mm:ss', '2025-05-20 14:30:05'],
  [SERIAL, 'mm/dd/yyyy', '05/20/2025'],
  [SERIAL, 'M/d/yyyy', '5/20/2025'],
  [SERIAL, 'M/d/yyyy H:mm:ss', '5/20/2025 14:30:05'],
  [SERIAL, 'mmm d, yyyy', 'May 20, 2025'],
  [SERIAL, 'dddd, mmmm d', 'Tuesday, May 20'],
  [SERIAL, 'h:mm am/pm', '2:30 PM'],
  [MORNING, 'hh:mm', '09:05'],
  [MORNING, 'yy-m-d', '25-1-3'],
];

describe('formatCellValue', () => {
  test.each(CASES)('%p as %p → %p', (value, format, expected) => {
    expect(formatCellValue(value, format)).toBe(expected);
  });
});

describe('automatic number display', () => {
  test.each([
    [0, '0'],
    [42, '42'],
    [-3.5, '-3.5'],
    [0.1 + 0.2, '0.3'],
    [2 / 3, '0.6666666667'],
    [123456789012, '123456789012'],
    [1e20, '1E+20'],
    [1.5e-12, '1.5E-12'],
  ])('%p → %p', (n, expected) => {
    expect(formatAutomaticNumber(n)).toBe(expected);
  });
});

describe('isDateTimeFormat', () => {
  test.each([
    ['yyyy-mm-dd', true],
    ['M/d/yyyy H:mm:ss', true],
    ['h:mm', true],
    ['#,##0.00', false],
    ['$#,##0.00', false],
    ['0.00E+00', false],
    ['0 "days"', false],
    ['@', false],
    ['', false],
  ])('%p → %p', (format, expected) => {
    expect(isDateTimeFormat(format)).toBe(expected);
  });
});
