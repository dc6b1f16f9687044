import { appsScriptClock } from '../gas/clock';
import { documentCache } from '../gas/cache';
import { newGeneration } from './response-cache';

/** A call of any GRAVITY_* function inside a formula (Sheets function names are case-insensitive). */
const GRAVITY_CALL = /(^|[^A-Za-z0-9_.])GRAVITY_[A-Za-z0-9_]*\s*\(/i;

/** A formula cell, 1-based as Sheets counts. */
export interface FormulaCell {
  row: number;
  column: number;
  formula: string;
}

/** The cells of a getFormulas() grid (read from A1) that call a GRAVITY_* function. */
export function gravityFormulaCells(formulas: string[][]): FormulaCell[] {
  const cells: FormulaCell[] = [];
  formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      if (formula.startsWith('=') && GRAVITY_CALL.test(formula))
        cells.push({ row: r + 1, column: c + 1, formula });
    }),
  );
  return cells;
}

/**
 * Menu action "Refresh GRAVITY formulas": starts a new cache generation, so no cell can be answered from
 * what was cached before, then makes Sheets recalculate every GRAVITY_* formula. Sheets recalculates a custom
 * function only when its formula or arguments change, so each formula is cleared, the change flushed
 * (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush), and the same formula
 * written back. Other cells are never written. Returns how many formulas were refreshed.
 */
export function refreshFormulas(): number {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const cache = documentCache();
  if (cache) newGeneration(cache, appsScriptClock().now());

  const found = spreadsheet
    .getSheets()
    .map((sheet) => ({ sheet, cells: gravityFormulaCells(sheet.getDataRange().getFormulas()) }))
    .filter(({ cells }) => cells.length > 0);
  for (const { sheet, cells } of found)
    for (const cell of cells) sheet.getRange(cell.row, cell.column).clearContent();
  SpreadsheetApp.flush();
  for (const { sheet, cells } of found)
    for (const cell of cells) sheet.getRange(cell.row, cell.column).setFormula(cell.formula);
  SpreadsheetApp.flush();

  const count = found.reduce((sum, { cells }) => sum + cells.length, 0);
  spreadsheet.toast(
    count === 0
      ? 'No GRAVITY formulas found in this spreadsheet.'
      : `Refreshed ${count} GRAVITY ${count === 1 ? 'formula' : 'formulas'} with fresh data.`,
    'Gravity',
  );
  return count;
}
