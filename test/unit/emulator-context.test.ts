import { emulatorWith, OWNER, START } from './emulator-bundle';

const full = { kind: 'full' as const, user: OWNER, spreadsheetId: null };

describe('script context', () => {
  it('loads the bundle afresh for every execution: module-level state does not survive', () => {
    const emu = emulatorWith(`
      var calls = 0;
      var cache = {};
      function bump() { calls++; cache.seen = (cache.seen || 0) + 1; return [calls, cache.seen]; }
    `);
    expect(emu.run('bump', [], full)).toEqual([1, 1]);
    expect(emu.run('bump', [], full)).toEqual([1, 1]);
  });

  it('is bare: none of the Node or browser globals Apps Script lacks', () => {
    const emu = emulatorWith(`
      function globalsSeen() {
        return ['require', 'module', 'exports', 'process', 'Buffer', 'fetch', 'setTimeout', 'setInterval',
          'TextEncoder', 'URL', 'structuredClone', 'window'].filter(function (n) { return typeof globalThis[n] !== 'undefined'; });
      }
    `);
    expect(emu.run('globalsSeen', [], full)).toEqual([]);
  });

  it('gives the script a Date on the virtual clock', () => {
    const emu = emulatorWith(`
      function times() { return [Date.now(), new Date().getTime(), typeof Date(), new Date(0).getTime()]; }
      function sleepThenNow() { var t = Date.now(); Utilities.sleep(60000); return Date.now() - t; }
    `);
    emu.clock.advance(3_600_000);
    const [now, newDate, asFunction, epoch] = emu.run<[number, number, string, number]>('times', [], full);
    expect(now).toBeGreaterThanOrEqual(START + 3_600_000);
    // Far from the real date (START is in 2025): the script's clock is the virtual one.
    expect(now).toBeLessThan(START + 2 * 3_600_000);
    expect(Math.abs(newDate - now)).toBeLessThan(1_000);
    expect(asFunction).toBe('string');
    expect(epoch).toBe(0);
    expect(emu.run<number>('sleepThenNow', [], full)).toBeGreaterThanOrEqual(60_000);
  });

  it('runs in the project time zone, as Apps Script does', () => {
    const emu = emulatorWith(
      `function localHour() { return new Date(Date.UTC(2025, 0, 15, 12)).getHours(); }`,
    );
    expect(emu.run('localHour', [], full)).toBe(7); // America/New_York in January: UTC-5
  });

  it('makes service errors Errors of the script named "Exception"', () => {
    const emu = emulatorWith(`
      function caught() {
        try { CacheService.getScriptCache().put(new Array(300).join('k'), 'v'); }
        catch (e) { return [e instanceof Error, e.name, e.message, String(e)]; }
      }
    `);
    expect(emu.run('caught', [], full)).toEqual([
      true,
      'Exception',
      'Argument too large: key',
      'Exception: Argument too large: key',
    ]);
  });

  it('fails like V8 on a method the real service lacks, and hides service internals', () => {
    const emu = emulatorWith(`
      function unknownMethod() { return UrlFetchApp.fetchJson('http://127.0.0.1/'); }
      function internals() {
        var c = CacheService.getScriptCache();
        return [typeof c.store, typeof c.execution, typeof c.get, Object.keys(c).length];
      }
    `);
    expect(() => emu.run('unknownMethod', [], full)).toThrow('UrlFetchApp.fetchJson is not a function');
    expect(emu.run('internals', [], full)).toEqual(['undefined', 'undefined', 'function', 0]);
  });

  it('returns arrays and records of the script realm from services', () => {
    const emu = emulatorWith(`
      function realms() {
        var p = PropertiesService.getScriptProperties();
        p.setProperty('a', '1');
        var all = p.getProperties();
        var keys = p.getKeys();
        return [keys instanceof Array, all.constructor === Object, Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'x') instanceof Array];
      }
    `);
    expect(emu.run('realms', [], full)).toEqual([true, true, true]);
  });

  it('refuses unknown and private functions', () => {
    const emu = emulatorWith(`function helper_() { return 1; }`);
    expect(() => emu.run('nothing', [], full)).toThrow('Script function not found: nothing');
    expect(() => emu.run('helper_', [], full)).toThrow('Script function not found: helper_');
  });

  it('passes an event object with the authMode of the kind', () => {
    const emu = emulatorWith(
      `function onOpen(e) { return [e.authMode === ScriptApp.AuthMode.NONE, e.authMode]; }`,
    );
    expect(emu.run('onOpen', [], { kind: 'authNone', user: OWNER, spreadsheetId: null, event: {} })).toEqual([
      true,
      'NONE',
    ]);
  });

  it('fails loading a bundle whose top-level code touches a service (it runs under AuthMode.NONE too)', () => {
    expect(() => emulatorWith(`var KEY = PropertiesService.getScriptProperties().getProperty('k');`)).toThrow(
      'You do not have permission to call PropertiesService.getScriptProperties',
    );
  });

  it('writes Logger and console lines to the logs', () => {
    const emu = emulatorWith(
      `function logs() { Logger.log('a %s', 'b'); console.log('c', 1); console.error({ d: 2 }); }`,
    );
    emu.run('logs', [], full);
    expect(emu.logs).toEqual(['Logger: a b', 'log: c 1', 'error: { d: 2 }']);
  });
});

describe('execution time limit', () => {
  it('throws "Exceeded maximum execution time" on the first service call past the deadline', () => {
    const emu = emulatorWith(`
      function slow() { Utilities.sleep(300000); Utilities.sleep(59000); Utilities.sleep(2000); return 'done'; }
    `);
    expect(() => emu.run('slow', [], full)).toThrow('Exceeded maximum execution time');
  });

  it('still fails a run that caught the error and returned late', () => {
    const emu = emulatorWith(`
      function stubborn() {
        Utilities.sleep(30000);
        try { PropertiesService.getScriptProperties(); } catch (e) { return 'swallowed'; }
        return 'no error';
      }
    `);
    const customFunction = { kind: 'customFunction' as const, user: OWNER, spreadsheetId: null };
    expect(() => emu.run('stubborn', [], customFunction)).toThrow('Exceeded maximum execution time');
  });

  it('stops a script that loops without calling any service', () => {
    const emu = emulatorWith(`function spin() { Utilities.sleep(29990); for (;;) {} }`);
    const customFunction = { kind: 'customFunction' as const, user: OWNER, spreadsheetId: null };
    expect(() => emu.run('spin', [], customFunction)).toThrow('Exceeded maximum execution time');
  });
});
