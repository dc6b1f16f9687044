/** Spreadsheet and Sheet: tabs, rows, growth, limits, frozen rows and charts. */
import { SpreadsheetStore } from '../../dev/emulator/spreadsheet';
import { setup } from './emulator-spreadsheet-helpers';

function active() {
  const env = setup();
  return { ...env, ss: env.app.getActiveSpreadsheet() };
}

describe('spreadsheet', () => {
  test('identity and owner', () => {
    const { ss } = active();
    expect([ss.getId(), ss.getName(), ss.getUrl(), ss.getOwner().getEmail()]).toEqual([
      'ss1',
      'Budget',
      'https://docs.google.com/spreadsheets/d/ss1/edit',
      'owner@example.com',
    ]);
  });

  test('insertSheet adds and activates a tab; a duplicate name (any case) is refused', () => {
    const { ss, spreadsheet } = active();
    const sheet = ss.insertSheet('Gravity Reports');
    expect(sheet.getName()).toBe('Gravity Reports');
    expect(ss.getActiveSheet().getName()).toBe('Gravity Reports');
    expect(() => ss.insertSheet('gravity reports')).toThrow(
      'A sheet with the name "gravity reports" already exists. Please enter another name.',
    );
    ss.insertSheet('First', 0);
    expect(spreadsheet.sheetNames()).toEqual(['First', 'Sheet1', 'Gravity Reports']);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
    expect(ss.getSheetByName('Missing')).toBeNull();
    expect(ss.getSheets().map((s: { getName(): string }) => s.getName())).toEqual([
      'First',
      'Sheet1',
      'Gravity Reports',
      'Sheet4',
    ]);
  });

  test('deleteSheet removes a tab but never the last one', () => {
    const { ss, spreadsheet } = active();
    const extra = ss.insertSheet('Extra');
    ss.deleteSheet(extra);
    expect(spreadsheet.sheetNames()).toEqual(['Sheet1']);
    expect(() => ss.deleteSheet(ss.getSheetByName('Sheet1'))).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  test('setName renames; a taken name is refused', () => {
    const { ss, spreadsheet } = active();
    ss.insertSheet('Log');
    ss.getSheetByName('Sheet1').setName('Data');
    expect(spreadsheet.sheetNames()).toEqual(['Data', 'Log']);
    expect(() => ss.getSheetByName('Data').setName('Log')).toThrow(
      'A sheet with the name "Log" already exists.',
    );
  });

  test('getRange with a sheet prefix', () => {
    const { ss, spreadsheet } = active();
    ss.insertSheet('My Tab').getRange('B2').setValue(3);
    expect(ss.getRange("'My Tab'!B2").getValue()).toBe(3);
    expect(spreadsheet.sheet('My Tab')?.cell('B2').value).toBe(3);
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
  });
});

describe('rows and grid size', () => {
  test('a new sheet is 1000 × 26', () => {
    const { ss } = active();
    const sh = ss.getSheetByName('Sheet1');
    expect([sh.getMaxRows(), sh.getMaxColumns()]).toEqual([1000, 26]);
  });

  test('appendRow writes below the data and grows the grid when full', () => {
    const { ss, sheet } = active();
    const sh = ss.getSheetByName('Sheet1');
    sh.getRange(1000, 1).setValue('last');
    sh.appendRow(['00123', 5]);
    expect(sh.getMaxRows()).toBe(1001);
    expect(sheet.cell('A1001').value).toBe(123);
    expect(sheet.cell('B1001').value).toBe(5);
  });

  test('insertRowsAfter grows the grid and shifts rows; deleteRows shifts back', () => {
    const { ss, sheet } = active();
    const sh = ss.getSheetByName('Sheet1');
    sh.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sh.insertRowsAfter(1, 2);
    expect(sheet.values().map((r) => r[0])).toEqual(['a', '', '', 'b', 'c']);
    expect(sh.getMaxRows()).toBe(1002);
    sh.deleteRows(2, 2);
    expect(sheet.values().map((r) => r[0])).toEqual(['a', 'b', 'c']);
    expect(sh.getMaxRows()).toBe(1000);
  });

  test('deleteRows out of bounds, and never all non-frozen rows', () => {
    const { ss } = active();
    const sh = ss.getSheetByName('Sheet1');
    expect(() => sh.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    sh.setFrozenRows(1);
    expect(sh.getFrozenRows()).toBe(1);
    expect(() => sh.deleteRows(2, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
  });

  test('clear empties the sheet; clearContents keeps formats', () => {
    const { ss, sheet } = active();
    const sh = ss.getSheetByName('Sheet1');
    sh.getRange('A1').setValue(1).setNumberFormat('0.00');
    sh.clearContents();
    expect(sheet.cell('A1')).toMatchObject({ value: '', format: '0.00' });
    sh.getRange('A1').setValue(1);
    sh.clear();
    expect(sheet.cell('A1')).toMatchObject({ value: '', format: '0.###############' });
    expect(sh.getLastRow()).toBe(0);
  });

  test('10,000,000 cells per spreadsheet', () => {
    const store = new SpreadsheetStore();
    const spreadsheet = store.create({ owner: 'o@example.com' });
    const sheet = spreadsheet.sheets[0];
    sheet.ensureSize(100_000, 100);
    expect(() => sheet.ensureSize(100_001, 100)).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(() => spreadsheet.addSheet('More')).toThrow('above the limit of 10000000 cells');
  });
});

describe('charts', () => {
  test('build, insert, read back, update and remove', () => {
    const { ss, sheet } = active();
    const sh = ss.getSheetByName('Sheet1');
    const chart = sh
      .newChart()
      .setChartType('LINE')
      .addRange(sh.getRange('A1:B10'))
      .setPosition(2, 5, 0, 0)
      .setOption('title', 'Spend')
      .build();
    expect(chart.getChartId()).toBeNull();
    sh.insertChart(chart);
    expect(sheet.charts).toEqual([
      {
        chartId: 1,
        chartType: 'LINE',
        ranges: ['Sheet1!A1:B10'],
        position: { anchorRow: 2, anchorColumn: 5, offsetX: 0, offsetY: 0 },
        options: { title: 'Spend' },
      },
    ]);
    const [stored] = sh.getCharts();
    expect(stored.getOptions().get('title')).toBe('Spend');
    sh.updateChart(stored.modify().setChartType('COMBO').build());
    expect(sheet.charts[0].chartType).toBe('COMBO');
    sh.removeChart(sh.getCharts()[0]);
    expect(sheet.charts).toEqual([]);
  });
});

describe('columns', () => {
  test('autoResizeColumns widens columns to their content; setColumnWidth sets one', () => {
    const { ss } = active();
    const sh = ss.getSheetByName('Sheet1');
    sh.getRange('A1').setValue('a rather long header text');
    sh.autoResizeColumns(1, 2);
    expect(sh.getColumnWidth(1)).toBeGreaterThan(sh.getColumnWidth(2));
    sh.setColumnWidth(3, 240);
    expect(sh.getColumnWidth(3)).toBe(240);
  });
});
