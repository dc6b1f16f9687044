/** What the playground page is sent for a tab, the menu lookup, and when `npm start` rebuilds. */
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpreadsheetStore } from '../../dev/emulator/spreadsheet';
import { DataValidationCriteria } from '../../dev/emulator/spreadsheet/data-validation';
import { needsBuild } from '../../dev/playground/build-if-needed';
import { MAX_ROWS_SHOWN, gridView } from '../../dev/playground/grid';
import type { GridCell } from '../../dev/playground/protocol';
import { menuPath } from '../../dev/playground/session';

function spreadsheet() {
  const store = new SpreadsheetStore();
  return store.create({ owner: 'owner@example.com', timeZone: 'UTC' });
}

describe('gridView', () => {
  it('sends each cell as Sheets shows it: display text, alignment, bold, and what the formula bar shows', () => {
    const ss = spreadsheet();
    const sheet = ss.sheets[0];
    sheet.typeValues('A1', [
      ['name', 'spend', 'active'],
      ["'00123", '1234.5', 'TRUE'],
      ["'=not a formula", '', ''],
    ]);
    sheet.ensureCell(1, 1).bold = true;
    sheet.ensureCell(2, 2).format = '#,##0.00';
    sheet.frozenRows = 1;
    const view = gridView(ss, sheet);
    const at = (row: number, column: number): GridCell | undefined =>
      view.cells.find((c) => c.row === row && c.column === column);
    expect(at(1, 1)).toEqual({ row: 1, column: 1, text: 'name', input: 'name', align: 'left', bold: true });
    expect(at(2, 1)).toMatchObject({ text: '00123', input: "'00123", align: 'left' });
    expect(at(2, 2)).toMatchObject({ text: '1,234.50', input: '1,234.50', align: 'right' });
    expect(at(2, 3)).toMatchObject({ text: 'TRUE', align: 'center' });
    expect(at(3, 1)).toMatchObject({ text: '=not a formula', input: "'=not a formula" });
    expect(at(3, 2)).toBeUndefined();
    expect(view).toMatchObject({ name: 'Sheet1', frozenRows: 1, dataRows: 3, columns: 26, rows: 60 });
  });

  it('shows checkboxes ticked or not, and the message behind an error value', () => {
    const ss = spreadsheet();
    const sheet = ss.sheets[0];
    const rule = {
      criteriaType: DataValidationCriteria.CHECKBOX,
      criteriaValues: [],
      allowInvalid: false,
      helpText: '',
    };
    sheet.typeValues('A1', [['TRUE'], ['FALSE']]);
    sheet.ensureCell(1, 1).validation = rule;
    sheet.ensureCell(2, 1).validation = rule;
    sheet.ensureCell(3, 1).validation = rule;
    Object.assign(sheet.ensureCell(1, 2), { value: '#ERROR!', error: 'Gravity: no API key' });
    const cells = gridView(ss, sheet).cells;
    expect(cells.filter((c) => c.column === 1).map((c) => c.checkbox)).toEqual([true, false, false]);
    expect(cells.find((c) => c.column === 2)).toMatchObject({
      text: '#ERROR!',
      error: 'Gravity: no API key',
      align: 'center',
    });
  });

  it(`draws at most ${MAX_ROWS_SHOWN} rows and says how many there are`, () => {
    const ss = spreadsheet();
    const sheet = ss.sheets[0];
    sheet.typeValues(
      'A1',
      Array.from({ length: 1500 }, (_, i) => [String(i + 1)]),
    );
    const view = gridView(ss, sheet);
    expect(view.rows).toBe(MAX_ROWS_SHOWN);
    expect(view.dataRows).toBe(1500);
    expect(Math.max(...view.cells.map((c) => c.row))).toBe(MAX_ROWS_SHOWN);
  });

  it("reads a chart's series from its range, with the right-axis series marked", () => {
    const ss = spreadsheet();
    const sheet = ss.sheets[0];
    sheet.typeValues('A1', [
      ['date', 'spend', 'roas'],
      ['2025-05-01', '10', '2.5'],
      ['2025-05-02', '', '3'],
    ]);
    sheet.charts.push({
      chartId: 1,
      chartType: 'LINE',
      ranges: ['Sheet1!A1:C3'],
      position: { anchorRow: 2, anchorColumn: 5, offsetX: 0, offsetY: 0 },
      options: { title: 'Spend', series: { 1: { targetAxisIndex: 1 } } },
    });
    expect(gridView(ss, sheet).charts).toEqual([
      {
        anchorRow: 2,
        anchorColumn: 5,
        title: 'Spend',
        type: 'LINE',
        ranges: ['Sheet1!A1:C3'],
        labels: ['2025-05-01', '2025-05-02'],
        series: [
          { name: 'spend', points: [10, null], rightAxis: false },
          { name: 'roas', points: [2.5, 3], rightAxis: true },
        ],
      },
    ]);
  });
});

describe('menuPath', () => {
  const menu = [
    { type: 'item' as const, caption: 'Open sidebar', functionName: 'showSidebar' },
    { type: 'separator' as const },
    {
      type: 'submenu' as const,
      caption: 'Add report',
      items: [{ type: 'item' as const, caption: 'Campaigns', functionName: 'addCampaignsReport' }],
    },
  ];

  it('finds the captions that lead to a handler, and nothing for a function the menu does not offer', () => {
    expect(menuPath(menu, 'addCampaignsReport')).toEqual(['Add report', 'Campaigns']);
    expect(menuPath(menu, 'showSidebar')).toEqual(['Open sidebar']);
    expect(menuPath(menu, 'sidebarSaveKey')).toBeNull();
  });
});

describe('needsBuild', () => {
  function project(): { root: string; dist: string; touch(path: string, seconds: number): void } {
    const root = mkdtempSync(join(tmpdir(), 'playground-build-'));
    const dist = join(root, 'dist');
    mkdirSync(join(root, 'src', 'ui'), { recursive: true });
    const touch = (path: string, seconds: number): void => {
      writeFileSync(join(root, path), '');
      utimesSync(join(root, path), seconds, seconds);
    };
    return { root, dist, touch };
  }

  it('builds when dist/ is missing, or older than anything the build reads', () => {
    const { root, dist, touch } = project();
    touch('src/ui/menu.ts', 1_000);
    touch('appsscript.json', 1_000);
    // A folder's time counts too: it changes when a source file is deleted.
    for (const folder of ['src', 'src/ui']) utimesSync(join(root, folder), 1_000, 1_000);
    expect(needsBuild(root, dist)).toBe(true);
    mkdirSync(dist);
    touch('dist/Code.js', 2_000);
    touch('dist/appsscript.json', 2_000);
    expect(needsBuild(root, dist)).toBe(false);
    touch('src/ui/menu.ts', 3_000);
    expect(needsBuild(root, dist)).toBe(true);
  });
});
