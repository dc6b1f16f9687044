import { emulatorWith, OWNER } from './emulator-bundle';

const CODE = `
  function put(k, v, s) { CacheService.getScriptCache().put(k, v, s); }
  function get(k) { return CacheService.getScriptCache().get(k); }
  function putMany(n) { var c = CacheService.getScriptCache(); for (var i = 0; i < n; i++) c.put('k' + i, 'v' + i); }
  function bulk() {
    var c = CacheService.getUserCache();
    c.putAll({ a: '1', b: '2', c: '3' }, 60);
    var all = c.getAll(['a', 'b', 'x']);
    c.removeAll(['a']);
    c.remove('b');
    return [all, c.get('a'), c.get('b'), c.get('c')];
  }
  function documentCache() { return CacheService.getDocumentCache() === null; }
  function tooLarge(what) {
    try {
      if (what === 'key') put(new Array(252).join('k'), 'v');
      if (what === 'value') put('k', new Array(100 * 1024 + 2).join('v'));
      if (what === 'expiry') put('k', 'v', 21601);
      return 'stored';
    } catch (e) { return e.message; }
  }
`;
const full = { kind: 'full' as const, user: OWNER, spreadsheetId: null };

describe('CacheService', () => {
  it('refuses keys over 250 characters, values over 100 KB and expirations over 6 hours', () => {
    const emu = emulatorWith(CODE);
    expect(emu.run('tooLarge', ['key'], full)).toBe('Argument too large: key');
    expect(emu.run('tooLarge', ['value'], full)).toBe('Argument too large: value');
    expect(emu.run('tooLarge', ['expiry'], full)).toBe('Argument too large: expirationInSeconds');
    emu.run('put', ['k'.repeat(250), 'v'.repeat(100 * 1024)], full);
    expect(emu.scriptCache.get('k'.repeat(250))).toHaveLength(100 * 1024);
  });

  it('expires entries on the virtual clock (default 10 minutes)', () => {
    const emu = emulatorWith(CODE);
    emu.run('put', ['short', 'x', 5], full);
    emu.run('put', ['default', 'y'], full);
    emu.clock.advance(6_000);
    expect(emu.run('get', ['short'], full)).toBeNull();
    expect(emu.run('get', ['default'], full)).toBe('y');
    emu.clock.advance(600_000);
    expect(emu.run('get', ['default'], full)).toBeNull();
  });

  it('evicts the oldest entries beyond 1,000 items', () => {
    const emu = emulatorWith(CODE);
    emu.run('putMany', [1001], full);
    const keys = emu.scriptCache.keys();
    expect(keys.length).toBeLessThanOrEqual(1000);
    expect(keys).not.toContain('k0');
    expect(keys).toContain('k1000');
  });

  it('has putAll, getAll and removeAll; user caches are per user', () => {
    const emu = emulatorWith(CODE);
    expect(emu.run('bulk', [], full)).toEqual([{ a: '1', b: '2' }, null, null, '3']);
    expect(emu.userCache(OWNER).get('c')).toBe('3');
    expect(emu.userCache('other@example.com').get('c')).toBeNull();
    expect(emu.lastExecutionCounters.cacheWrites).toBe(3);
    expect(emu.lastExecutionCounters.cacheReads).toBe(4);
  });

  it('has no document cache outside a document', () => {
    const emu = emulatorWith(CODE);
    const ss = emu.createSpreadsheet({ owner: OWNER });
    expect(emu.run('documentCache', [], full)).toBe(true);
    expect(emu.run('documentCache', [], { ...full, spreadsheetId: ss.id })).toBe(false);
  });
});
