import { zoneClock } from '../../../src/tables/timezone';
import { appendBlock, cellKey, existingKeys, replaceBlock } from '../../../src/reports/upsert';
import { column, Table } from '../../../src/tables/table';

// New York in May: UTC-4.
const zone = zoneClock('America/New_York', () => '-0400');
const day = (iso: string) => zone.midnight(iso);

const metrics = (rows: Array<[string, number]>): Table => ({
  columns: [column('date', 'date'), column('clicks', 'count')],
  rows,
});

describe('replaceBlock', () => {
  test('pads the one write over what the tab held, so leftovers are blanked in the same call', () => {
    const block = replaceBlock(metrics([['2025-05-20', 5]]), zone, { rows: 4, columns: 3 });
    expect(block.row).toBe(1);
    expect(block.values).toEqual([
      ['date', 'clicks', ''].map((v) => (v ? `'${v}` : v)),
      [day('2025-05-20'), 5, ''],
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(block.formats[1]).toEqual(['yyyy-mm-dd', '#,##0', 'General']);
    expect(block.weights).toBeNull();
    expect(block.dataRows).toBe(1);
  });

  test('writes the bold header only when the tab is new or its header grew', () => {
    const table = metrics([['2025-05-20', 5]]);
    expect(replaceBlock(table, zone, { rows: 0, columns: 0 }).weights?.map((r) => r[0])).toEqual([
      'bold',
      'normal',
    ]);
    expect(replaceBlock(table, zone, { rows: 3, columns: 1 }).weights?.map((r) => r[1])).toEqual([
      'bold',
      'normal',
      'normal',
    ]);
    expect(replaceBlock(table, zone, { rows: 3, columns: 2 }).weights).toBeNull();
  });
});

describe('cellKey', () => {
  test('a date read back from the sheet and the API date give the same key', () => {
    expect(cellKey(day('2025-05-20'), 'date', zone)).toBe('2025-05-20');
    expect(cellKey('2025-05-20', 'date', zone)).toBe('2025-05-20');
  });

  test('date-times compare to the second, whatever the cell rounding', () => {
    const written = new Date('2025-05-20T14:30:00.000Z');
    // A date-time cell is a fraction of a day: what comes back may be off by a few milliseconds.
    const readBack = new Date('2025-05-20T14:29:59.997Z');
    expect(cellKey(readBack, 'datetime', zone)).toBe(cellKey(written, 'datetime', zone));
    expect(cellKey('2025-05-20T14:30:00', 'datetime', zone)).toBe('2025-05-20T14:30:00.000Z');
  });
});

describe('appendBlock', () => {
  const existing = [
    ['date', 'clicks', 'note'],
    [day('2025-05-18'), 1, 'kept'],
    [day('2025-05-19'), 2, '=not a formula'],
  ];

  test('updates rows in place by key, adds new ones below, and writes only from the first change down', () => {
    const block = appendBlock(
      existing,
      metrics([
        ['2025-05-19', 3],
        ['2025-05-20', 4],
      ]),
      ['date'],
      zone,
    );
    expect(block).not.toBeNull();
    expect(block?.row).toBe(3);
    // Only the table's columns are written; the user's "note" column beyond them is left alone.
    expect(block?.values).toEqual([
      [day('2025-05-19'), 3],
      [day('2025-05-20'), 4],
    ]);
    expect(block?.weights).toBeNull();
    expect([block?.added, block?.updated, block?.dataRows]).toEqual([1, 1, 3]);
  });

  test('re-escapes text read back from the tab when it rewrites a row', () => {
    const tab = [
      ['conversion_id', 'order_id'],
      ['c1', '00123'],
      ['c2', 'x'],
    ];
    const table: Table = {
      columns: [column('conversion_id', 'text'), column('order_id', 'text')],
      rows: [
        ['c1', '00124'],
        ['c2', '=x'],
      ],
    };
    const block = appendBlock(tab, table, ['conversion_id'], zone);
    expect(block?.values).toEqual([
      ["'c1", "'00124"],
      ["'c2", "'=x"],
    ]);
  });

  test("a user's formula column is written back as formulas when its rows are rewritten", () => {
    const tab = [
      ['date', 'mine', 'clicks'],
      [day('2025-05-18'), 2, 1],
      [day('2025-05-19'), 4, 2],
    ];
    const formulas = [
      ['', '', ''],
      ['', '=C2*2', ''],
      ['', '=C3*2', ''],
    ];
    const block = appendBlock(tab, metrics([['2025-05-18', 5]]), ['date'], zone, formulas);
    expect(block?.row).toBe(2);
    expect(block?.values).toEqual([
      [day('2025-05-18'), '=C2*2', 5],
      [day('2025-05-19'), '=C3*2', 2],
    ]);
  });

  test('nothing new: no write at all', () => {
    expect(appendBlock(existing, metrics([['2025-05-18', 1]]), ['date'], zone)).toBeNull();
  });

  test('an empty tab gets the header (bold) and every row', () => {
    const block = appendBlock([], metrics([['2025-05-20', 4]]), ['date'], zone);
    expect(block?.row).toBe(1);
    expect(block?.values[0]).toEqual(["'date", "'clicks"]);
    expect(block?.weights?.[0]).toEqual(['bold', 'bold']);
  });

  test('a tab whose header lost the key column is refused with what to do', () => {
    const broken = [
      ['day', 'clicks'],
      [day('2025-05-18'), 1],
    ];
    expect(() => appendBlock(broken, metrics([['2025-05-20', 4]]), ['date'], zone)).toThrow(
      /header has no "date" column.*delete everything in the tab to start it over/,
    );
  });

  test('a new API column extends the header, rewritten with the rows', () => {
    const wider: Table = {
      columns: [...metrics([]).columns, column('spend', 'money')],
      rows: [['2025-05-20', 4, 1.5]],
    };
    const block = appendBlock(existing, wider, ['date'], zone);
    expect(block?.row).toBe(1);
    expect(block?.values[0]).toEqual(["'date", "'clicks", "'note", "'spend"]);
    expect(block?.values[1]).toEqual([day('2025-05-18'), 1, "'kept", '']);
  });
});

test('existingKeys reads one column by its header name', () => {
  expect(
    existingKeys(
      [
        ['x', 'conversion_id'],
        [1, 'a'],
        [2, ''],
        [3, 'b'],
      ],
      'conversion_id',
    ),
  ).toEqual(new Set(['a', 'b']));
  expect(existingKeys([], 'conversion_id').size).toBe(0);
});
