/**
 * The sidebar served locally against the Apps Script emulator. Each page load runs the bundle's `showSidebar`
 * (the menu's `Open sidebar`) and serves the HTML it showed, with a google.script.run stand-in; each call runs
 * the built bundle as one 'full' execution for the given user and spreadsheet, as a sidebar call does in
 * Sheets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppsScriptEmulator } from '../emulator';
import { ServerCall, SidebarHarness, serverFunctionNames, startSidebarHarness } from './server';

export type { HarnessCall, ServerCall, SidebarHarness, SidebarHarnessOptions } from './server';
export { injectStandIn, serverFunctionNames, startSidebarHarness } from './server';

export interface EmulatedSidebarOptions {
  /** An emulator with the bundle loaded (`emu.loadBundle(distDir)`). */
  emu: AppsScriptEmulator;
  /** The folder `npm run build` writes (and `emu.loadBundle` read): Code.js lists the server functions. */
  distDir: string;
  /** Who has the sidebar open, and in which spreadsheet. */
  user: string;
  spreadsheetId: string;
  port?: number;
}

/** Each sidebar call as Apps Script runs it: a new execution of the bundle, AuthMode.FULL. */
export function emulatorCall(
  emu: AppsScriptEmulator,
  as: { user: string; spreadsheetId: string },
): ServerCall {
  return (fn, args) => emu.run(fn, args, { kind: 'full', user: as.user, spreadsheetId: as.spreadsheetId });
}

/** Opens the sidebar the way the menu does and returns the HTML Sheets would show. */
export function openSidebarPage(
  emu: AppsScriptEmulator,
  as: { user: string; spreadsheetId: string },
  handler = SHOW_SIDEBAR,
): string {
  const spreadsheet = emu.spreadsheets.get(as.spreadsheetId);
  if (!spreadsheet) throw new Error(`no emulated spreadsheet ${as.spreadsheetId}`);
  emu.run(handler, [], { kind: 'full', user: as.user, spreadsheetId: as.spreadsheetId });
  const shown = spreadsheet.ui.sidebars[spreadsheet.ui.sidebars.length - 1];
  if (!shown) throw new Error(`${handler} showed no sidebar`);
  return shown.html;
}

export const SHOW_SIDEBAR = 'showSidebar';

export function serveEmulatedSidebar(options: EmulatedSidebarOptions): Promise<SidebarHarness> {
  const { emu, distDir, user, spreadsheetId, port } = options;
  return startSidebarHarness({
    page: () => openSidebarPage(emu, { user, spreadsheetId }),
    functions: serverFunctionNames(readFileSync(join(distDir, 'Code.js'), 'utf8')),
    call: emulatorCall(emu, { user, spreadsheetId }),
    port,
  });
}
