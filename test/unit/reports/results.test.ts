import { writeResults } from '../../../src/reports/config-sheet';
import { COL, CONFIG_HEADERS } from '../../../src/reports/config';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Just enough of a Sheet: the config values as they are now, and the one block writeResults writes. */
function fakeSheet(values: unknown[][]) {
  const written: { row: number; column: number; values: unknown[][] }[] = [];
  const sheet = {
    getDataRange: () => ({ getValues: () => values }),
    getRange: (row: number, column: number) => ({
      setValues: (block: unknown[][]) => written.push({ row, column, values: block }),
    }),
  };
  return { sheet: sheet as unknown as Sheet, written };
}

function configRow(tab: string, report: string, result = ''): unknown[] {
  const cells: unknown[] = CONFIG_HEADERS.map(() => '');
  cells[COL.tab] = tab;
  cells[COL.report] = report;
  cells[COL.result] = result;
  return cells;
}

test('a result goes to the row that holds its report now, even if a user inserted a row during the run', () => {
  // When the run started, "Metrics" was row 2; a user then inserted "New" above it.
  const now = [
    [...CONFIG_HEADERS],
    configRow('New', 'info', 'typed by the user'),
    configRow('Metrics', 'Metrics'),
  ];
  const { sheet, written } = fakeSheet(now);
  const lastRun = new Date('2025-05-20T12:00:00Z');
  writeResults(sheet, [{ row: 2, tab: 'Metrics', report: 'metrics', lastRun, result: 'OK', rows: 7 }]);
  expect(written).toEqual([
    {
      row: 2,
      column: COL.enabled + 1,
      values: [
        ['', '', "'typed by the user", ''],
        // Blank Enabled means on: its checkbox is ticked so the sheet shows it.
        [true, lastRun, "'OK", 7],
      ],
    },
  ]);
});

test('a result whose row was deleted during the run is dropped, not written over another report', () => {
  const { sheet, written } = fakeSheet([[...CONFIG_HEADERS], configRow('Other', 'info', 'kept')]);
  writeResults(sheet, [{ row: 2, tab: 'Gone', report: 'metrics', lastRun: null, result: 'OK', rows: 1 }]);
  expect(written).toEqual([]);
});
