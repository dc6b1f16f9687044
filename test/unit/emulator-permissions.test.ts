import type { ExecutionKind } from '../../dev/emulator';
import { EDITOR, emulatorWith, OWNER } from './emulator-bundle';

const CODE = `
  function props() { return PropertiesService.getUserProperties().getProperty('k'); }
  function cache() { return CacheService.getScriptCache().get('k'); }
  function fetch() { return UrlFetchApp.fetch('http://127.0.0.1:9/'); }
  function triggers() { return ScriptApp.getProjectTriggers().length; }
  function email() { return Session.getActiveUser().getEmail(); }
  function utilities() { return Utilities.getUuid().length; }
  function lock() { return LockService.getScriptLock().tryLock(10); }
  function log() { Logger.log('x'); console.log('y'); return 'ok'; }
  function authorization() { return ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus(); }
  function menu() { SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'log').addToUi(); return 'ok'; }
`;

function outcome(kind: ExecutionKind, fn: string, spreadsheetId: string | null): unknown {
  const emu = emulatorWith(CODE);
  const ss = emu.createSpreadsheet({ id: 'doc', owner: OWNER });
  try {
    return emu.run(fn, [], { kind, user: OWNER, spreadsheetId: spreadsheetId === null ? null : ss.id });
  } catch (e) {
    return `threw: ${(e as Error).message}`;
  }
}

describe('permissions by kind of execution', () => {
  it('AuthMode.NONE: only the menu and logging', () => {
    expect(outcome('authNone', 'menu', 'doc')).toBe('ok');
    expect(outcome('authNone', 'log', 'doc')).toBe('ok');
    expect(outcome('authNone', 'props', 'doc')).toBe(
      'threw: You do not have permission to call PropertiesService.getUserProperties',
    );
    expect(outcome('authNone', 'cache', 'doc')).toBe(
      'threw: You do not have permission to call CacheService.getScriptCache',
    );
    expect(outcome('authNone', 'fetch', 'doc')).toBe(
      'threw: You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
    expect(outcome('authNone', 'triggers', 'doc')).toBe(
      'threw: You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    expect(outcome('authNone', 'email', 'doc')).toBe(
      'threw: You do not have permission to call Session.getActiveUser',
    );
    expect(outcome('authNone', 'utilities', 'doc')).toBe(
      'threw: You do not have permission to call Utilities.getUuid',
    );
  });

  it('AuthMode.LIMITED (simple trigger): no service that needs authorization, no email', () => {
    expect(outcome('authLimited', 'props', 'doc')).toBeNull();
    expect(outcome('authLimited', 'cache', 'doc')).toBeNull();
    expect(outcome('authLimited', 'lock', 'doc')).toBe(true);
    expect(outcome('authLimited', 'email', 'doc')).toBe('');
    expect(outcome('authLimited', 'authorization', 'doc')).toBe('NOT_REQUIRED');
    expect(outcome('authLimited', 'fetch', 'doc')).toMatch(
      /^threw: You do not have permission to call UrlFetchApp.fetch/,
    );
    expect(outcome('authLimited', 'triggers', 'doc')).toMatch(
      /^threw: You do not have permission to call ScriptApp.getProjectTriggers/,
    );
  });

  it('custom functions: fetch, cache, lock, properties and utilities, but no triggers and no email', () => {
    expect(outcome('customFunction', 'props', 'doc')).toBeNull();
    expect(outcome('customFunction', 'cache', 'doc')).toBeNull();
    expect(outcome('customFunction', 'lock', 'doc')).toBe(true);
    expect(outcome('customFunction', 'utilities', 'doc')).toBe(36);
    expect(outcome('customFunction', 'email', 'doc')).toBe('');
    expect(outcome('customFunction', 'fetch', 'doc')).toMatch(/^threw: Address unavailable/); // allowed, nothing listens
    expect(outcome('customFunction', 'triggers', 'doc')).toMatch(
      /^threw: You do not have permission to call ScriptApp.getProjectTriggers/,
    );
    expect(outcome('customFunction', 'menu', 'doc')).toBe(
      'threw: Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });

  it('full and time-driven executions may use everything; the email is the running user', () => {
    expect(outcome('full', 'email', 'doc')).toBe(OWNER);
    expect(outcome('full', 'triggers', 'doc')).toBe(0);
    expect(outcome('timeTrigger', 'email', null)).toBe(OWNER);
    expect(outcome('timeTrigger', 'triggers', null)).toBe(0);
  });

  it("custom functions read the spreadsheet owner's user properties and cannot change them", () => {
    const emu = emulatorWith(`
      function readKey() { return PropertiesService.getUserProperties().getProperty('KEY'); }
      function writeKey() { PropertiesService.getUserProperties().setProperty('KEY', 'mine'); }
      function writeScript() { PropertiesService.getScriptProperties().setProperty('S', '1'); return 'ok'; }
    `);
    const ss = emu.createSpreadsheet({ owner: OWNER });
    emu.userProperties(OWNER).set('KEY', 'owner-key');
    emu.userProperties(EDITOR).set('KEY', 'editor-key');
    const asEditor = { kind: 'customFunction' as const, user: EDITOR, spreadsheetId: ss.id };
    expect(emu.run('readKey', [], asEditor)).toBe('owner-key');
    expect(() => emu.run('writeKey', [], asEditor)).toThrow(
      'You do not have permission to call Properties.setProperty',
    );
    expect(emu.userProperties(OWNER).get('KEY')).toBe('owner-key');
    expect(emu.run('writeScript', [], asEditor)).toBe('ok');
  });
});
