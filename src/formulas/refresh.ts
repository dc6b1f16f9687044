import { appsScriptClock } from '../gas/clock';
import { documentCache } from '../gas/cache';
import { userMessage } from './custom-function';
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
 * written back. Other cells are never written, and a formula once cleared is always written back (a cell the
 * user may not edit, e.g. a protected range, is skipped, not lost). Returns how many formulas were refreshed.
 */
export function refreshFormulas(): number {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  try {
    const cache = documentCache();
    if (cache) newGeneration(cache, appsScriptClock().now());
    const { refreshed, skipped } = recalculate(spreadsheet);
    spreadsheet.toast(refreshMessage(refreshed, skipped), 'Gravity');
    return refreshed;
  } catch (error) {
    spreadsheet.toast(userMessage(error), 'Gravity', 15);
    return 0;
  }
}

function recalculate(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  refreshed: number;
  skipped: number;
} {
  const found = spreadsheet
    .getSheets()
    .map((sheet) => ({ sheet, cells: gravityFormulaCells(sheet.getDataRange().getFormulas()) }))
    .filter(({ cells }) => cells.length > 0);
  const cleared: Array<{ range: GoogleAppsScript.Spreadsheet.Range; formula: string }> = [];
  let skipped = 0;
  try {
    for (const { sheet, cells } of found) {
      for (const cell of cells) {
        const range = sheet.getRange(cell.row, cell.column);
        try {
          range.clearContent();
          cleared.push({ range, formula: cell.formula });
        } catch {
          skipped++;
        }
      }
    }
    SpreadsheetApp.flush();
  } finally {
    for (const { range, formula } of cleared) range.setFormula(formula);
    SpreadsheetApp.flush();
  }
  return { refreshed: cleared.length, skipped };
}

function refreshMessage(refreshed: number, skipped: number): string {
  const skippedNote =
    skipped > 0 ? ` ${skipped} could not be changed (protected cells?) and kept their last values.` : '';
  if (refreshed === 0 && skipped === 0) return 'No GRAVITY formulas found in this spreadsheet.';
  return `Refreshed ${refreshed} GRAVITY ${refreshed === 1 ? 'formula' : 'formulas'} with fresh data.${skippedNote}`;
}
