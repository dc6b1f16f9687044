/**
 * Every spreadsheet the emulator knows, shared by all executions. `FakeSpreadsheet`/`FakeSheet` are the
 * test-facing views: reading them costs nothing and checks nothing.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { SheetsError } from './errors';
import { FakeSheet } from './fake-sheet';
import { MAX_CELLS_PER_SPREADSHEET, MAX_SHEET_NAME_LENGTH, TOO_MANY_CELLS_MESSAGE } from './limits';
import { type UiRecord, emptyUiRecord } from './ui';
import { isValidTimeZone } from './dates';

export interface CreateSpreadsheetOptions {
  id?: string;
  name?: string;
  owner: string;
  timeZone?: string;
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  /** The tab the user has open (what getActiveSheet() returns). */
  activeSheetName: string;
  readonly ui: UiRecord = emptyUiRecord();
  private chartIds = 0;

  constructor(
    readonly id: string,
    public name: string,
    readonly owner: string,
    public timeZone: string,
  ) {
    // New spreadsheets start with one tab called "Sheet1" and sheet id (gid) 0.
    this.sheets.push(new FakeSheet(this, 'Sheet1', 0));
    this.activeSheetName = 'Sheet1';
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.cellCount, 0);
  }

  nextChartId(): number {
    this.chartIds += 1;
    return this.chartIds;
  }

  /** Sheets compares tab names case-insensitively. */
  assertSheetNameFree(name: string, except?: FakeSheet): void {
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
      throw new SheetsError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (name.length > MAX_SHEET_NAME_LENGTH) {
      // Wording unconfirmed; the limit is Sheets' 100-character tab name.
      throw new SheetsError(`The sheet name cannot be longer than ${MAX_SHEET_NAME_LENGTH} characters.`);
    }
  }

  /** A new tab (1000 rows × 26 columns) at `index` (0-based; default last). */
  addSheet(name: string, index?: number): FakeSheet {
    this.assertSheetNameFree(name);
    const sheet = new FakeSheet(this, name, randomInt(1, 2 ** 31 - 1));
    if (this.totalCells() + sheet.cellCount > MAX_CELLS_PER_SPREADSHEET)
      throw new SheetsError(TOO_MANY_CELLS_MESSAGE);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  /** The first free "SheetN" name, as insertSheet() without a name picks. */
  defaultSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      const name = `Sheet${n}`;
      if (!this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) return name;
    }
  }

  removeSheet(sheet: FakeSheet): void {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) return;
    this.sheets.splice(i, 1);
    if (this.activeSheetName === sheet.name) this.activeSheetName = this.sheets[0]?.name ?? '';
  }

  activeSheet(): FakeSheet {
    return this.sheet(this.activeSheetName) ?? this.sheets[0];
  }
}

export class SpreadsheetStore {
  private readonly spreadsheets = new Map<string, FakeSpreadsheet>();

  create(opts: CreateSpreadsheetOptions): FakeSpreadsheet {
    const id = opts.id ?? randomBytes(33).toString('base64url');
    if (this.spreadsheets.has(id)) throw new Error(`Spreadsheet ${id} already exists`);
    const timeZone = opts.timeZone ?? 'America/New_York';
    if (!isValidTimeZone(timeZone)) throw new Error(`Unknown time zone ${timeZone}`);
    const spreadsheet = new FakeSpreadsheet(id, opts.name ?? 'Untitled spreadsheet', opts.owner, timeZone);
    this.spreadsheets.set(id, spreadsheet);
    return spreadsheet;
  }

  get(id: string): FakeSpreadsheet | undefined {
    return this.spreadsheets.get(id);
  }

  all(): FakeSpreadsheet[] {
    return [...this.spreadsheets.values()];
  }
}
