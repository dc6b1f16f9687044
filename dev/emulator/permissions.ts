import type { ExecutionKind } from './context';
import { permissionDenied } from './errors';

/**
 * Which calls of the core services each kind of execution may make. Services name a call
 * `(class, method)` with the class names of the reference docs (`UrlFetchApp.fetch`, `Properties.setProperty`).
 * The Spreadsheet service (SpreadsheetApp, Range, Ui, Menu...) applies its own rules
 * (spreadsheet/permissions.ts); its calls pass here only for the deadline.
 *
 * Sources:
 * - developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services: custom functions
 *   may use Cache, HTML (not display), Lock, Properties, URL Fetch, Utilities; not ScriptApp triggers.
 * - developers.google.com/apps-script/guides/triggers#restrictions: simple triggers (onOpen, also under
 *   AuthMode.LIMITED) "cannot access services that require authorization".
 * - developers.google.com/apps-script/reference/script/auth-mode: NONE allows no service that needs
 *   authorization; the docs' own sample reads no properties under NONE.
 * - Message shape as Apps Script prints it: "You do not have permission to call UrlFetchApp.fetch. Required
 *   permissions: https://www.googleapis.com/auth/script.external_request".
 */

/** Scopes of the core services that need authorization. */
const SCOPES: Record<string, string> = {
  UrlFetchApp: 'https://www.googleapis.com/auth/script.external_request',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  TriggerBuilder: 'https://www.googleapis.com/auth/script.scriptapp',
  ClockTriggerBuilder: 'https://www.googleapis.com/auth/script.scriptapp',
  Trigger: 'https://www.googleapis.com/auth/script.scriptapp',
};

/** The classes of the core emulator; any other class belongs to the Spreadsheet service. */
const CORE_SERVICES = new Set([
  'PropertiesService',
  'Properties',
  'CacheService',
  'Cache',
  'UrlFetchApp',
  'HTTPResponse',
  'ScriptApp',
  'Trigger',
  'TriggerBuilder',
  'ClockTriggerBuilder',
  'LockService',
  'Lock',
  'Utilities',
  'Blob',
  'Session',
  'User',
  'HtmlService',
  'HtmlOutput',
  'HtmlTemplate',
  'Logger',
  'console',
]);

/** ScriptApp methods made to be called before the user authorized anything. */
const SCRIPT_APP_UNAUTHORIZED = new Set(['getAuthorizationInfo', 'getScriptId', 'getInstallationSource']);

function scopeOf(service: string, method: string): string | undefined {
  if (service === 'ScriptApp' && SCRIPT_APP_UNAUTHORIZED.has(method)) return undefined;
  return SCOPES[service];
}

/** The error Apps Script throws for this core-service call in this kind of execution, or null. */
export function deniedCall(kind: ExecutionKind, service: string, method: string): Error | null {
  if (!CORE_SERVICES.has(service)) return null;
  const scope = scopeOf(service, method);
  switch (kind) {
    case 'full':
    case 'timeTrigger':
      return null;
    case 'authNone':
      if (service === 'Logger' || service === 'console') return null;
      return permissionDenied(`${service}.${method}`, scope);
    case 'authLimited':
      return scope ? permissionDenied(`${service}.${method}`, scope) : null;
    case 'customFunction':
      // UrlFetchApp needs authorization too, but custom functions are explicitly allowed to use it.
      return scope && service !== 'UrlFetchApp' ? permissionDenied(`${service}.${method}`, scope) : null;
  }
}
