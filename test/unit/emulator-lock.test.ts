import { emulatorWith, OWNER } from './emulator-bundle';

const CODE = `
  function tryDocument(ms) {
    var lock = LockService.getDocumentLock();
    var t = Date.now();
    var got = lock.tryLock(ms);
    return [got, Date.now() - t, lock.hasLock()];
  }
  function waitDocument() { try { LockService.getDocumentLock().waitLock(10000); return 'locked'; } catch (e) { return e.message; } }
  function releaseAndRetake() {
    var lock = LockService.getScriptLock();
    lock.waitLock(1000);
    lock.releaseLock();
    return [lock.hasLock(), lock.tryLock(0)];
  }
`;

describe('LockService', () => {
  function setUp() {
    const emu = emulatorWith(CODE);
    const ss = emu.createSpreadsheet({ owner: OWNER });
    return { emu, ss, asOwner: { kind: 'full' as const, user: OWNER, spreadsheetId: ss.id } };
  }

  it('does not get a document lock another execution holds, after waiting the timeout', () => {
    const { emu, ss, asOwner } = setUp();
    const release = emu.holdDocumentLock(ss.id);
    const [got, waited, has] = emu.run<[boolean, number, boolean]>('tryDocument', [5000], asOwner);
    expect(got).toBe(false);
    expect(waited).toBeGreaterThanOrEqual(5000);
    expect(has).toBe(false);
    expect(emu.run('waitDocument', [], asOwner)).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
    release();
    expect(emu.run('waitDocument', [], asOwner)).toBe('locked');
  });

  it('releases an execution’s locks when it ends', () => {
    const { emu, asOwner } = setUp();
    expect(emu.run<[boolean]>('tryDocument', [0], asOwner)[0]).toBe(true);
    expect(emu.run<[boolean]>('tryDocument', [0], asOwner)[0]).toBe(true);
  });

  it('releases and retakes a lock', () => {
    const { emu, asOwner } = setUp();
    expect(emu.run('releaseAndRetake', [], asOwner)).toEqual([false, true]);
  });
});
