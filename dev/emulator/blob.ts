import type { Execution } from './context';
import { AppsScriptException } from './errors';

/** Apps Script byte arrays are Java bytes: signed, -128..127. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

export function fromBytes(bytes: ArrayLike<number>): Buffer {
  return Buffer.from(Array.from(bytes, (b) => b & 0xff));
}

/** Lets services read a Blob's bytes without the script seeing a method for it. */
export const RAW_BYTES: unique symbol = Symbol('rawBytes');

/** `Blob`: bytes with a content type and a name. */
export class Blob {
  constructor(
    private readonly execution: Execution,
    private bytes: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}

  private check(method: string): void {
    this.execution.check('Blob', method);
  }

  copyBlob(): Blob {
    this.check('copyBlob');
    return new Blob(this.execution, Buffer.from(this.bytes), this.contentType, this.name);
  }

  getAs(contentType: string): Blob {
    this.check('getAs');
    if (contentType !== this.contentType) {
      throw new AppsScriptException(
        `Converting from ${this.contentType} to ${contentType} is not supported.`,
      );
    }
    return this.copyBlob();
  }

  getBytes(): number[] {
    this.check('getBytes');
    return toSignedBytes(this.bytes);
  }

  getContentType(): string | null {
    this.check('getContentType');
    return this.contentType;
  }

  getDataAsString(charset?: string): string {
    this.check('getDataAsString');
    return decode(this.bytes, charset);
  }

  getName(): string | null {
    this.check('getName');
    return this.name;
  }

  isGoogleType(): boolean {
    this.check('isGoogleType');
    return false;
  }

  setBytes(data: number[]): Blob {
    this.check('setBytes');
    this.bytes = fromBytes(data);
    return this;
  }

  setContentType(contentType: string | null): Blob {
    this.check('setContentType');
    this.contentType = contentType;
    return this;
  }

  setDataFromString(value: string, charset?: string): Blob {
    this.check('setDataFromString');
    this.bytes = encode(String(value), charset);
    return this;
  }

  setName(name: string): Blob {
    this.check('setName');
    this.name = name;
    return this;
  }

  /** Host-side access for the other fake services. */
  [RAW_BYTES](): Buffer {
    return this.bytes;
  }
}

export function isBlob(v: unknown): v is Blob {
  return v instanceof Blob;
}

function encodingOf(charset: string | undefined): BufferEncoding {
  if (charset === undefined) return 'utf8';
  const c = String(charset).toUpperCase().replace(/[-_]/g, '');
  if (c === 'UTF8') return 'utf8';
  if (c === 'USASCII' || c === 'ASCII') return 'ascii';
  if (c === 'ISO88591' || c === 'LATIN1') return 'latin1';
  if (c === 'UTF16LE') return 'utf16le';
  throw new AppsScriptException(`Invalid argument: ${charset}`);
}

export function decode(bytes: Buffer, charset?: string): string {
  return bytes.toString(encodingOf(charset));
}

export function encode(text: string, charset?: string): Buffer {
  return Buffer.from(text, encodingOf(charset));
}
