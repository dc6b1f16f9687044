/**
 * A tab as CSV, as Sheets' File › Download › CSV writes it: the displayed text of each cell (number formats
 * applied), fields quoted when they hold a comma, quote or line break (RFC 4180).
 */
import type { FakeSheet } from '../../emulator/spreadsheet';

export function sheetCsv(sheet: FakeSheet): string {
  return sheet
    .displayValues()
    .map((row) => row.map(csvField).join(','))
    .join('\r\n');
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
