/** Custom-function formulas: parsing calls, queuing recalculation, spilling results. */
import {
  SheetsErrorValue,
  parseFormulaCall,
  unknownFunctionError,
  writeFormulaResult,
} from '../../dev/emulator/spreadsheet';
import { setup } from './emulator-spreadsheet-helpers';

describe('parseFormulaCall', () => {
  test('numbers, strings, booleans, empty arguments, cells and ranges', () => {
    const { sheet, spreadsheet } = setup();
    sheet.typeValues('A1', [
      ['2025-05-01', '5%'],
      ['', 'x'],
    ]);
    const other = spreadsheet.addSheet('Other data');
    other.typeValues('A1', [['7']]);
    const parsed = parseFormulaCall(
      '=gravity_metrics(30, "say ""hi""", TRUE, , A1, B1, A1:B2, \'Other data\'!A1, -2.5)',
      sheet,
    );
    expect(parsed?.name).toBe('GRAVITY_METRICS');
    const args = parsed!.args;
    expect(args.slice(0, 4)).toEqual([30, 'say "hi"', true, '']);
    expect((args[4] as Date).toISOString()).toBe('2025-05-01T04:00:00.000Z');
    expect(args[5]).toBe(0.05);
    expect((args[6] as unknown[][])[1]).toEqual(['', 'x']);
    expect(args.slice(7)).toEqual([7, -2.5]);
  });

  test('no arguments, and formulas that are not a simple call', () => {
    const { sheet } = setup();
    expect(parseFormulaCall('=GRAVITY_INTEGRATIONS()', sheet)).toEqual({
      name: 'GRAVITY_INTEGRATIONS',
      args: [],
    });
    expect(parseFormulaCall('=GRAVITY_TOTAL("spend", TODAY()-7)', sheet)).toBeNull();
    expect(parseFormulaCall('=1+2', sheet)).toBeNull();
  });
});

describe('writing formulas', () => {
  test('a custom-function formula is queued and shows Loading... until evaluated; built-ins are not queued', () => {
    const { app, sheet, queued } = setup();
    const sh = app.getActiveSpreadsheet().getSheetByName('Sheet1');
    sh.getRange('B2').setFormula('=GRAVITY_TOTAL("spend", 7)');
    sh.getRange('C2').setValue('=SUM(A1:A3)');
    sh.getRange('D2:D3').setFormulas([['=GRAVITY_INFO()'], ['=IMPORTDATA("http://x")']]);
    expect(queued).toEqual([
      ['ss1', 'Sheet1', 2, 2],
      ['ss1', 'Sheet1', 2, 4],
    ]);
    expect(sheet.cell('B2')).toMatchObject({ value: 'Loading...', formula: '=GRAVITY_TOTAL("spend", 7)' });
    expect(sh.getRange('B2:D2').getFormulas()).toEqual([
      ['=GRAVITY_TOTAL("spend", 7)', '=SUM(A1:A3)', '=GRAVITY_INFO()'],
    ]);
  });
});

describe('rewriting a formula', () => {
  test('the same formula again does not recalculate; clearing first does', () => {
    const { app, sheet, queued } = setup();
    const cell = app.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1');
    cell.setFormula('=GRAVITY_TOTAL("spend")');
    writeFormulaResult(sheet, 1, 1, 12.5);
    cell.setFormula('=GRAVITY_TOTAL("spend")');
    expect(queued).toHaveLength(1);
    expect(sheet.cell('A1').value).toBe(12.5);
    cell.clearContent();
    app.flush();
    cell.setFormula('=GRAVITY_TOTAL("spend")');
    expect(queued).toHaveLength(2);
    expect(sheet.cell('A1').value).toBe('Loading...');
  });
});

describe('writeFormulaResult', () => {
  test('a 2D array spills right and down; strings stay text; dates show as dates', () => {
    const { sheet } = setup();
    sheet.typeValues('A1', [['=GRAVITY_METRICS(2)']]);
    writeFormulaResult(sheet, 1, 1, [
      ['date', 'spend', 'id'],
      [new Date('2025-05-20T04:00:00Z'), 12.5, '00123'],
      [new Date('2025-05-21T04:00:00Z'), null, '=IMPORTDATA(1)'],
    ]);
    expect(sheet.displayValues()).toEqual([
      ['date', 'spend', 'id'],
      ['5/20/2025', '12.5', '00123'],
      ['5/21/2025', '', '=IMPORTDATA(1)'],
    ]);
    expect(sheet.formulas()[0][0]).toBe('=GRAVITY_METRICS(2)');
    expect(sheet.formulas()[1]).toEqual(['', '', '']);
    expect(sheet.cell('A2').format).toBe('0.###############');
    expect(sheet.cell('A2').value).toBeInstanceOf(Date);
  });

  test('a scalar fills the cell; a 1D array is a column; ragged rows are padded', () => {
    const { sheet } = setup();
    writeFormulaResult(sheet, 1, 1, 42);
    expect(sheet.cell('A1').value).toBe(42);
    writeFormulaResult(sheet, 1, 2, ['a', 'b']);
    expect(sheet.values().map((r) => r[1])).toEqual(['a', 'b']);
    writeFormulaResult(sheet, 5, 1, [[1, 2, 3], [4]]);
    expect(sheet.values()[5]).toEqual([4, '', '']);
  });

  test('a blocked spill is #REF! naming the first blocking cell', () => {
    const { sheet } = setup();
    sheet.typeValues('B3', [['data']]);
    writeFormulaResult(sheet, 1, 1, [
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(sheet.cell('A1')).toMatchObject({
      value: '#REF!',
      display: '#REF!',
      error: 'Array result was not expanded because it would overwrite data in B3.',
    });
    expect(sheet.cell('A2').value).toBe('');
  });

  test('writing into a spilled area turns the anchor into #REF! and clears the rest', () => {
    const { app, sheet } = setup();
    writeFormulaResult(sheet, 1, 1, [
      [1, 2],
      [3, 4],
    ]);
    app.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('B2').setValue('mine');
    expect(sheet.values()).toEqual([
      ['#REF!', ''],
      ['', 'mine'],
    ]);
    expect(sheet.cell('A1').error).toBe(
      'Array result was not expanded because it would overwrite data in B2.',
    );
  });

  test('an array result follows its formula when rows move, and goes when the formula row is deleted', () => {
    const { app, sheet } = setup();
    const sh = app.getActiveSpreadsheet().getSheetByName('Sheet1');
    sheet.typeValues('A2', [['=GRAVITY_INFO()']]);
    writeFormulaResult(sheet, 2, 1, [['a'], ['b']]);
    sh.insertRowsBefore(1, 1);
    writeFormulaResult(sheet, 3, 1, [['c'], ['d'], ['e']]);
    expect(sheet.values().map((r) => r[0])).toEqual(['', '', 'c', 'd', 'e']);
    sh.deleteRow(3);
    expect(sheet.lastRow).toBe(0);
  });

  test('re-evaluating shrinks the old spill', () => {
    const { sheet } = setup();
    writeFormulaResult(sheet, 1, 1, [[1], [2], [3]]);
    writeFormulaResult(sheet, 1, 1, [[9]]);
    expect(sheet.values()).toEqual([[9]]);
  });

  test('a spill past the grid asks for more rows', () => {
    const { sheet } = setup();
    writeFormulaResult(sheet, 999, 1, [[1], [2], [3]]);
    expect(sheet.cell('A999')).toMatchObject({
      value: '#REF!',
      error: 'Result was not automatically expanded, please insert more rows (1).',
    });
  });

  test('an Error is #ERROR! with its message; Sheets error values keep theirs', () => {
    const { sheet } = setup();
    writeFormulaResult(sheet, 1, 1, new Error('Gravity: days must be 1-365'));
    expect(sheet.cell('A1')).toMatchObject({ value: '#ERROR!', error: 'Gravity: days must be 1-365' });
    writeFormulaResult(sheet, 1, 1, unknownFunctionError('GRAVITY_NOPE'));
    expect(sheet.cell('A1')).toMatchObject({ value: '#NAME?', error: "Unknown function: 'GRAVITY_NOPE'." });
    writeFormulaResult(sheet, 1, 1, new SheetsErrorValue('#N/A', 'No data'));
    expect(sheet.cell('A1').display).toBe('#N/A');
  });
});
