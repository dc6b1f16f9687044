import { emulatorWith, OWNER, EDITOR } from './emulator-bundle';

const CODE = `
  function schedule(hours) {
    ScriptApp.newTrigger('refresh').timeBased().everyHours(hours).create();
    return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).map(function (t) { return t.getHandlerFunction(); });
  }
  function everyFiveMinutes() { ScriptApp.newTrigger('refresh').timeBased().everyMinutes(5).create(); }
  function daily() { return ScriptApp.newTrigger('refresh').timeBased().everyDays(1).atHour(6).create().getUniqueId(); }
  function unschedule() {
    ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).forEach(function (t) { ScriptApp.deleteTrigger(t); });
    return ScriptApp.getProjectTriggers().length;
  }
  function refresh(e) {
    return [e.authMode, e.triggerUid, SpreadsheetApp.getActiveSpreadsheet() === null, LockService.getDocumentLock() === null,
      Session.getEffectiveUser().getEmail()];
  }
  function message(fn, arg) { try { return this[fn](arg); } catch (e) { return e.message; } }
`;

describe('ScriptApp time-driven triggers of an add-on', () => {
  function setUp() {
    const emu = emulatorWith(CODE);
    const ss = emu.createSpreadsheet({ owner: OWNER });
    return { emu, ss, asOwner: { kind: 'full' as const, user: OWNER, spreadsheetId: ss.id } };
  }

  it('allows one time-driven trigger per user per document', () => {
    const { emu, ss, asOwner } = setUp();
    expect(emu.run('schedule', [1], asOwner)).toEqual(['refresh']);
    expect(emu.run('message', ['daily'], asOwner)).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    // Another user, or the same user in another document, may have their own.
    expect(emu.run('schedule', [2], { ...asOwner, user: EDITOR })).toEqual(['refresh']);
    const other = emu.createSpreadsheet({ owner: OWNER });
    expect(emu.run('schedule', [4], { ...asOwner, spreadsheetId: other.id })).toEqual(['refresh']);
    expect(emu.triggers.map((t) => [t.user, t.spreadsheetId, t.everyHours])).toEqual([
      [OWNER, ss.id, 1],
      [EDITOR, ss.id, 2],
      [OWNER, other.id, 4],
    ]);
  });

  it('accepts only the hour intervals Apps Script offers and runs add-on triggers at most hourly', () => {
    const { emu, asOwner } = setUp();
    expect(emu.run('message', ['schedule', 3], asOwner)).toBe('Invalid argument: hours');
    expect(emu.run('message', ['everyFiveMinutes'], asOwner)).toMatch(/at most once per hour/);
    expect(emu.triggers).toHaveLength(0);
  });

  it('deletes the user’s triggers', () => {
    const { emu, asOwner } = setUp();
    emu.run('daily', [], asOwner);
    expect(emu.run('unschedule', [], asOwner)).toBe(0);
    expect(emu.triggers).toHaveLength(0);
  });

  it('fires as the creator, with no active spreadsheet and no document lock', () => {
    const { emu, asOwner } = setUp();
    const uid = emu.run<string>('daily', [], asOwner);
    expect(emu.fireTrigger(uid)).toEqual(['FULL', uid, true, true, OWNER]);
  });
});
