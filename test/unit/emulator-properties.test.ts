import { emulatorWith, OWNER } from './emulator-bundle';

const QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';
const CODE = `
  function set(k, v) { try { PropertiesService.getScriptProperties().setProperty(k, v); return 'ok'; } catch (e) { return e.message; } }
  function fill(n) {
    var p = PropertiesService.getScriptProperties();
    for (var i = 0; i < n; i++) {
      try { p.setProperty('key' + i, new Array(9 * 1024 - 10).join('x')); } catch (e) { return [i, e.message]; }
    }
    return [n, 'ok'];
  }
  function bulk() {
    var p = PropertiesService.getUserProperties();
    p.setProperties({ a: 1, b: true, c: 'x' });
    p.deleteProperty('a');
    var keys = p.getKeys().sort();
    p.setProperties({ z: 'only' }, true);
    return [keys, p.getProperties()];
  }
  function documentProps() { return PropertiesService.getDocumentProperties() === null; }
`;
const full = { kind: 'full' as const, user: OWNER, spreadsheetId: null };

describe('PropertiesService', () => {
  it('refuses a value over 9 KB with the quota message and keeps the old value', () => {
    const emu = emulatorWith(CODE);
    expect(emu.run('set', ['k', 'v'.repeat(9 * 1024)], full)).toBe('ok');
    expect(emu.run('set', ['k', 'v'.repeat(9 * 1024 + 1)], full)).toBe(QUOTA);
    expect(emu.scriptProperties.get('k')).toHaveLength(9 * 1024);
  });

  it('refuses to grow a store past 500 KB', () => {
    const emu = emulatorWith(CODE);
    const [stored, message] = emu.run<[number, string]>('fill', [100], full);
    expect(message).toBe(QUOTA);
    expect(stored).toBe(55); // 55 values of ~9 KB fit in 500 KB
    expect(emu.scriptProperties.bytes()).toBeLessThanOrEqual(500 * 1024);
  });

  it('stores strings, sets and deletes in bulk, and counts reads and writes', () => {
    const emu = emulatorWith(CODE);
    expect(emu.run('bulk', [], full)).toEqual([['b', 'c'], { z: 'only' }]);
    expect(emu.userProperties(OWNER).all()).toEqual({ z: 'only' });
    expect(emu.lastExecutionCounters.propertyWrites).toBe(3);
    expect(emu.lastExecutionCounters.propertyReads).toBe(2);
  });

  it('has document properties only inside a document', () => {
    const emu = emulatorWith(CODE);
    const ss = emu.createSpreadsheet({ owner: OWNER });
    expect(emu.run('documentProps', [], full)).toBe(true);
    expect(emu.run('documentProps', [], { ...full, spreadsheetId: ss.id })).toBe(false);
  });
});
