/** The sidebar wired to Apps Script: the menu's `Open sidebar`, and the handlers its page calls. */
import { appsScriptClock } from '../gas/clock';
import { connectGravity } from '../gas/gravity';
import { userProperties } from '../gas/properties';
import { reportService } from '../reports/service';
import { SidebarHandlers, sidebarHandlers } from './sidebar-server';

/** dist/sidebar.html, built from src/sidebar/ (dev/build/sidebar.ts). */
export const SIDEBAR_FILE = 'sidebar';
export const SIDEBAR_TITLE = 'Gravity';

/** A person is waiting on every sidebar call: give up retrying after 30 s rather than the run's 5 minutes. */
export const SIDEBAR_RETRY_BUDGET_MS = 30_000;

export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(page);
}

/** The handlers for one google.script.run call (each call is a fresh execution). */
export function liveSidebar(): SidebarHandlers {
  const startedAt = appsScriptClock().now();
  return sidebarHandlers({
    user: userProperties(),
    spreadsheetId: SpreadsheetApp.getActiveSpreadsheet().getId(),
    connect: (apiKey) => connectGravity({ apiKey, deadline: startedAt + SIDEBAR_RETRY_BUDGET_MS }),
    reports: reportService(),
  });
}
