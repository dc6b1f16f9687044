/** A1 notation: column letters, cell and range references, optional `'Sheet name'!` prefix. */

export function columnToLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, column: number): string {
  return `${columnToLetters(column)}${row}`;
}

export function rangeA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = cellA1(row, column);
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${cellA1(row + numRows - 1, column + numColumns - 1)}`;
}

/** A parsed reference; a missing end row/column means "to the end of the sheet" (`A:B`, `1:3`, `A2:B`). */
export interface A1Reference {
  sheetName: string | null;
  startRow: number;
  startColumn: number;
  endRow: number | null;
  endColumn: number | null;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parsePart(part: string): { column: number | null; row: number | null } | null {
  const m = PART.exec(part);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const column = m[1] ? lettersToColumn(m[1]) : null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { column, row };
}

/** Splits `'My sheet'!A1:B2` / `Sheet1!A1` into sheet name and the reference. */
export function splitSheetPrefix(a1: string): { sheetName: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2)
    name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

/** Parses A1 notation; returns null when the text is not a valid reference. */
export function parseA1(a1: string): A1Reference | null {
  const { sheetName, ref } = splitSheetPrefix(a1.trim());
  const pieces = ref.split(':');
  if (pieces.length > 2) return null;
  const first = parsePart(pieces[0]);
  if (!first) return null;
  if (pieces.length === 1) {
    if (first.column === null || first.row === null) return null;
    return {
      sheetName,
      startRow: first.row,
      startColumn: first.column,
      endRow: first.row,
      endColumn: first.column,
    };
  }
  const second = parsePart(pieces[1]);
  if (!second) return null;
  // Whole columns (A:B), whole rows (1:3), or a cell to an open end (A2:B).
  if (first.column === null && second.column !== null) return null;
  if (first.row === null && second.row !== null && first.column === null) return null;
  const startColumn = first.column ?? 1;
  const startRow = first.row ?? 1;
  const endColumn = first.column === null ? null : second.column;
  const endRow = second.row;
  if (endColumn === null && first.column !== null && second.column === null) return null;
  const r1 = endRow === null ? startRow : Math.min(startRow, endRow);
  const r2 = endRow === null ? null : Math.max(startRow, endRow);
  const c1 = endColumn === null ? startColumn : Math.min(startColumn, endColumn);
  const c2 = endColumn === null ? null : Math.max(startColumn, endColumn);
  return { sheetName, startRow: r1, startColumn: c1, endRow: r2, endColumn: c2 };
}

/** Quotes a sheet name for an A1 prefix when Sheets would (anything but letters, digits, underscore). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
