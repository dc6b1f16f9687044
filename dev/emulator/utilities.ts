import { createHash, createHmac, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Blob, RAW_BYTES, encode, fromBytes, isBlob, toSignedBytes } from './blob';
import type { Execution } from './context';
import { formatJavaDate, parseJavaDate } from './date-format';
import { AppsScriptException } from './errors';

/** developers.google.com/apps-script/reference/utilities/utilities#sleep(Integer): "max 300000". */
export const SLEEP_MAX_MS = 300_000;

const enumOf = (...names: string[]): Readonly<Record<string, string>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

function charsetOf(charset: unknown): string | undefined {
  return charset === undefined ? undefined : String(charset).replace('_', '-');
}

/** Strings are encoded with the charset; byte arrays (signed or not) are taken as they are. */
function bytesOf(value: unknown, charset?: unknown): Buffer {
  if (Array.isArray(value)) return fromBytes(value as number[]);
  if (isBlob(value)) return Buffer.from(value[RAW_BYTES]());
  return encode(String(value), charsetOf(charset));
}

/** Java's String.format, for the conversions scripts use (%s %d %f %x %%, width, zero pad, precision). */
function javaFormat(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(-)?(0)?(\d+)?(?:\.(\d+))?([sSdfxXb%n])/g,
    (_m, left?: string, zero?: string, width?: string, precision?: string, conv?: string) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      const arg = args[next++];
      let out: string;
      switch (conv) {
        case 'd':
          out = String(Math.trunc(Number(arg)));
          break;
        case 'f':
          out = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'x':
        case 'X':
          out = Math.trunc(Number(arg)).toString(16);
          if (conv === 'X') out = out.toUpperCase();
          break;
        case 'b':
          out = String(arg !== null && arg !== undefined && arg !== false);
          break;
        default:
          out = String(arg);
          if (precision !== undefined) out = out.slice(0, Number(precision));
          if (conv === 'S') out = out.toUpperCase();
      }
      const w = width === undefined ? 0 : Number(width);
      if (out.length >= w) return out;
      if (left) return out.padEnd(w);
      if (zero && conv !== 's' && conv !== 'S') {
        const negative = out.startsWith('-');
        return (negative ? '-' : '') + out.slice(negative ? 1 : 0).padStart(w - (negative ? 1 : 0), '0');
      }
      return out.padStart(w);
    },
  );
}

/** RFC 4180 CSV, as Utilities.parseCsv reads it. */
function parseCsv(csv: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function asDate(value: unknown): number {
  if (Object.prototype.toString.call(value) !== '[object Date]')
    throw new AppsScriptException('Invalid argument: date');
  const t = (value as Date).getTime();
  if (Number.isNaN(t)) throw new AppsScriptException('Invalid argument: date');
  return t;
}

/** `Utilities` for one execution. */
export function createUtilities(execution: Execution): object {
  const check = (method: string): void => execution.check('Utilities', method);
  const blob = (bytes: Buffer, contentType?: unknown, name?: unknown): Blob =>
    new Blob(
      execution,
      bytes,
      contentType === undefined ? null : String(contentType),
      name === undefined ? null : String(name),
    );
  return {
    Charset: enumOf('US_ASCII', 'UTF_8'),
    DigestAlgorithm: enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'),
    MacAlgorithm: enumOf('HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'),
    RsaAlgorithm: enumOf('RSA_SHA_1', 'RSA_SHA_256'),

    sleep(milliseconds: number): void {
      check('sleep');
      const ms = Number(milliseconds);
      // Wording not confirmed by a primary source; the 300000 ms maximum is documented.
      if (!(ms >= 0) || ms > SLEEP_MAX_MS) throw new AppsScriptException('Invalid argument: milliseconds');
      execution.clock.advance(ms);
    },
    formatDate(date: Date, timeZone: string, format: string): string {
      check('formatDate');
      return formatJavaDate(asDate(date), String(timeZone), String(format));
    },
    parseDate(text: string, timeZone: string, format: string): Date {
      check('parseDate');
      const instant = parseJavaDate(String(text), String(timeZone), String(format));
      if (instant === null) throw new AppsScriptException(`Unparseable date: "${text}"`);
      return new Date(instant);
    },
    formatString(template: string, ...args: unknown[]): string {
      check('formatString');
      return javaFormat(template, args);
    },
    getUuid(): string {
      check('getUuid');
      return randomUUID();
    },
    computeDigest(algorithm: string, value: unknown, charset?: unknown): number[] {
      check('computeDigest');
      const alg = DIGESTS[String(algorithm)];
      if (!alg) throw new AppsScriptException(`Invalid argument: algorithm`);
      return toSignedBytes(createHash(alg).update(bytesOf(value, charset)).digest());
    },
    computeHmacSignature(algorithm: string, value: unknown, key: unknown, charset?: unknown): number[] {
      check('computeHmacSignature');
      const alg = MACS[String(algorithm)];
      if (!alg) throw new AppsScriptException(`Invalid argument: algorithm`);
      return toSignedBytes(createHmac(alg, bytesOf(key, charset)).update(bytesOf(value, charset)).digest());
    },
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
      check('computeHmacSha256Signature');
      return toSignedBytes(
        createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest(),
      );
    },
    base64Encode(data: unknown, charset?: unknown): string {
      check('base64Encode');
      return bytesOf(data, charset).toString('base64');
    },
    base64EncodeWebSafe(data: unknown, charset?: unknown): string {
      check('base64EncodeWebSafe');
      // Java's URL-safe encoder keeps the '=' padding.
      return bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: string): number[] {
      check('base64Decode');
      return toSignedBytes(Buffer.from(String(encoded), 'base64'));
    },
    base64DecodeWebSafe(encoded: string): number[] {
      check('base64DecodeWebSafe');
      return toSignedBytes(Buffer.from(String(encoded), 'base64url'));
    },
    newBlob(data: unknown, contentType?: unknown, name?: unknown): Blob {
      check('newBlob');
      return blob(bytesOf(data), contentType, name);
    },
    parseCsv(csv: string, delimiter?: string): string[][] {
      check('parseCsv');
      return parseCsv(String(csv), delimiter === undefined ? ',' : String(delimiter));
    },
    gzip(source: unknown, name?: string): Blob {
      check('gzip');
      return blob(gzipSync(bytesOf(source)), 'application/x-gzip', name);
    },
    ungzip(source: unknown): Blob {
      check('ungzip');
      return blob(gunzipSync(bytesOf(source)));
    },
  };
}
