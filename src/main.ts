/**
 * The add-on's entry points: the only place that exposes functions to Apps Script. The build turns every
 * export of this file into a top-level function of the bundle, carrying the JSDoc written here (Sheets reads
 * `@customfunction` and the `@param` lines for autocomplete). Entry points only delegate.
 */
import { customFunction } from './formulas/custom-function';
import { gravityInfo } from './formulas/info';
import { formulaRuntime } from './formulas/runtime';
import { buildMenu } from './ui/menu';

type CellResult = ReturnType<typeof gravityInfo>;

// ── Menu and install ────────────────────────────────────────────────────────────────────────────────────

/**
 * Builds the Extensions › Gravity menu. Runs under every auth mode; under NONE it touches nothing else.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} _e The open event.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

/**
 * Runs when the add-on is installed: shows the menu at once.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e The install event.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

// ── Custom functions (src/formulas) ─────────────────────────────────────────────────────────────────────

/**
 * The Gravity advertiser behind the saved API key: a field/value table of advertiser_id, name and email.
 *
 * @param {string} field Optional: "advertiser_id", "name" or "email" to return just that value.
 * @return The advertiser's details, or the one field asked for.
 * @customfunction
 */
export function GRAVITY_INFO(field?: unknown): CellResult {
  return customFunction(() => gravityInfo(formulaRuntime(), field));
}

// ── Sidebar and settings (src/ui, src/settings) ────────────────────────────────────────────────────────

// ── Report tabs, menu actions and schedule (src/reports) ───────────────────────────────────────────────

// ── Finance (src/finance) ───────────────────────────────────────────────────────────────────────────────
