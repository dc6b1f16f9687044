import { createHash } from 'node:crypto';
import { emulatorWith, OWNER } from './emulator-bundle';

const CODE = `
  function format(ms, tz, pattern) { return Utilities.formatDate(new Date(ms), tz, pattern); }
  function parse(text, tz, pattern) { return Utilities.parseDate(text, tz, pattern).getTime(); }
  function digest(text) { return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text); }
  function hmac(text, key) { return Utilities.computeHmacSha256Signature(text, key); }
  function b64(text) { return [Utilities.base64Encode(text), Utilities.base64EncodeWebSafe('??>'), Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode(text))).getDataAsString()]; }
  function sleep(ms) { var t = Date.now(); try { Utilities.sleep(ms); } catch (e) { return e.message; } return Date.now() - t; }
  function misc() { return [Utilities.formatString('%s has %d rows, %.2f%%', 'Tab', 12, 3.14159), Utilities.parseCsv('a,"b,c"\\n1,"say ""hi"""'), Utilities.getUuid().length]; }
`;
const full = { kind: 'full' as const, user: OWNER, spreadsheetId: null };
// 2025-05-20T02:03:04.005Z: still May 19th in New York.
const INSTANT = Date.UTC(2025, 4, 20, 2, 3, 4, 5);

describe('Utilities', () => {
  const emu = emulatorWith(CODE);

  it('formats dates with Java SimpleDateFormat patterns in any IANA zone', () => {
    expect(emu.run('format', [INSTANT, 'America/New_York', 'yyyy-MM-dd HH:mm:ss.SSS'], full)).toBe(
      '2025-05-19 22:03:04.005',
    );
    expect(emu.run('format', [INSTANT, 'UTC', "EEE, d MMM yyyy h:mm a 'UTC' Z"], full)).toBe(
      'Tue, 20 May 2025 2:03 AM UTC +0000',
    );
    expect(emu.run('format', [INSTANT, 'Asia/Kolkata', "yyyy-MM-dd'T'HH:mm:ssXXX"], full)).toBe(
      '2025-05-20T07:33:04+05:30',
    );
    expect(emu.run('format', [INSTANT, 'America/New_York', 'MMMM d, yy z'], full)).toBe('May 19, 25 EDT');
    expect(emu.run('format', [INSTANT, 'GMT+2', 'HH:mm'], full)).toBe('04:03');
  });

  it('parses dates with the same patterns', () => {
    expect(emu.run('parse', ['2025-05-19 22:03:04', 'America/New_York', 'yyyy-MM-dd HH:mm:ss'], full)).toBe(
      INSTANT - 5,
    );
  });

  it('returns digests and signatures as signed bytes', () => {
    const expected = Array.from(createHash('sha256').update('abc').digest(), (b) => (b > 127 ? b - 256 : b));
    const bytes = emu.run<number[]>('digest', ['abc'], full);
    expect(bytes).toEqual(expected);
    expect(Math.min(...bytes)).toBeLessThan(0);
    expect(emu.run<number[]>('hmac', ['abc', 'key'], full)).toHaveLength(32);
  });

  it('encodes base64 (web-safe keeps the padding)', () => {
    expect(emu.run('b64', ['héllo'], full)).toEqual(['aMOpbGxv', 'Pz8-', 'héllo']);
  });

  it('sleeps on the virtual clock, at most 5 minutes', () => {
    const advance = jest.spyOn(emu.clock, 'advance');
    expect(emu.run<number>('sleep', [120_000], full)).toBeGreaterThanOrEqual(120_000);
    // The sleep moved the virtual clock instead of waiting.
    expect(advance).toHaveBeenCalledWith(120_000);
    advance.mockRestore();
    expect(emu.run('sleep', [300_001], full)).toBe('Invalid argument: milliseconds');
  });

  it('formats strings, parses CSV and makes UUIDs', () => {
    expect(emu.run('misc', [], full)).toEqual([
      'Tab has 12 rows, 3.14%',
      [
        ['a', 'b,c'],
        ['1', 'say "hi"'],
      ],
      36,
    ]);
  });
});
