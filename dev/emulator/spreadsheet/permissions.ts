/**
 * Which SpreadsheetApp calls each kind of execution may make, and the error real Apps Script throws otherwise.
 * Methods are named `Class.method` (`Range.setValues`, `SpreadsheetApp.openById`, `Ui.showSidebar`).
 *
 * - Custom functions get read-only SpreadsheetApp: `get*()` works, anything that changes the document fails with
 *   "You do not have permission to call setValue" (developers.google.com/apps-script/guides/sheets/functions;
 *   wording as reported in support.google.com/docs/thread/202011707), `openById` needs a scope they never get,
 *   and there is no UI ("Cannot call SpreadsheetApp.getUi() from this context.").
 * - `AuthMode.NONE` (onOpen before the add-on is enabled) may only build the add-on menu
 *   (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 * - `AuthMode.LIMITED` (simple-trigger onOpen) may touch the bound document and menus, but not other
 *   spreadsheets or sidebars/dialogs ("You do not have permission to call Ui.showSidebar. Required
 *   permissions: https://www.googleapis.com/auth/script.container.ui").
 * - A time-driven trigger has no UI.
 */
import type { ExecutionKind } from '../context';

const SPREADSHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
const CURRENT_ONLY_SCOPES = `(https://www.googleapis.com/auth/spreadsheets.currentonly || ${SPREADSHEETS_SCOPE})`;
const CONTAINER_UI_SCOPE = 'https://www.googleapis.com/auth/script.container.ui';

const OPEN_OTHER = new Set(['SpreadsheetApp.openById', 'SpreadsheetApp.openByUrl', 'SpreadsheetApp.create']);
const UI_SURFACES = new Set([
  'Ui.showSidebar',
  'Ui.showModalDialog',
  'Ui.showModelessDialog',
  'Ui.alert',
  'Ui.prompt',
]);
/** Classes whose objects only exist in memory until used: building them needs no permission. */
const LOCAL_CLASSES = new Set([
  'DataValidationBuilder',
  'DataValidation',
  'EmbeddedChartBuilder',
  'Menu',
  'User',
]);
const DOCUMENT_CLASSES = new Set(['Spreadsheet', 'Sheet', 'Range', 'EmbeddedChart']);
const MENU_BUILDING = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Ui.createMenu']);

const UI_CONTEXT_ERROR = 'Cannot call SpreadsheetApp.getUi() from this context.';

function bare(method: string): string {
  return method.slice(method.indexOf('.') + 1);
}

function className(method: string): string {
  return method.slice(0, method.indexOf('.'));
}

function isReadOnly(method: string): boolean {
  return /^(get|is|has|toString$)/.test(bare(method));
}

/** The error message for a refused call, or null when `method` is allowed in this kind of execution. */
export function spreadsheetPermissionError(kind: ExecutionKind, method: string): string | null {
  const cls = className(method);
  if (LOCAL_CLASSES.has(cls)) return null;
  switch (kind) {
    case 'full':
      return null;
    case 'timeTrigger':
      return method === 'SpreadsheetApp.getUi' ? UI_CONTEXT_ERROR : null;
    case 'customFunction':
      if (method === 'SpreadsheetApp.getUi') return UI_CONTEXT_ERROR;
      if (OPEN_OTHER.has(method))
        return `You do not have permission to call ${method}. Required permissions: ${SPREADSHEETS_SCOPE}`;
      if (cls === 'SpreadsheetApp')
        return isReadOnly(method) || bare(method).startsWith('new') || method === 'SpreadsheetApp.flush'
          ? null
          : `You do not have permission to call ${bare(method)}`;
      if (DOCUMENT_CLASSES.has(cls) && !isReadOnly(method))
        return `You do not have permission to call ${bare(method)}`;
      return null;
    case 'authNone':
      if (MENU_BUILDING.has(method)) return null;
      if (UI_SURFACES.has(method))
        return `You do not have permission to call ${method}. Required permissions: ${CONTAINER_UI_SCOPE}`;
      if (OPEN_OTHER.has(method))
        return `You do not have permission to call ${method}. Required permissions: ${SPREADSHEETS_SCOPE}`;
      return `You do not have permission to call ${method}. Required permissions: ${CURRENT_ONLY_SCOPES}`;
    case 'authLimited':
      if (UI_SURFACES.has(method))
        return `You do not have permission to call ${method}. Required permissions: ${CONTAINER_UI_SCOPE}`;
      if (OPEN_OTHER.has(method))
        return `You do not have permission to call ${method}. Required permissions: ${SPREADSHEETS_SCOPE}`;
      return null;
  }
}
