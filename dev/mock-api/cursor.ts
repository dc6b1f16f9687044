/**
 * Opaque pagination cursors of /conversions. A cursor names the last conversion returned by its position
 * counted from the oldest one; conversions only ever arrive at the newest end, so a cursor keeps pointing at
 * the same place while new conversions come in, and a walk never repeats or skips an item.
 */
import { ApiError } from './api-error';

const VERSION = 'v1:';

export function encodeCursor(positionFromOldest: number): string {
  return Buffer.from(`${VERSION}${positionFromOldest}`).toString('base64url');
}

/** The position a cursor names; 400 for anything this server did not issue for the current list. */
export function decodeCursor(cursor: string, conversionCount: number): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^v1:(0|[1-9]\d*)$/.exec(text);
  const position = match ? Number(match[1]) : NaN;
  // Re-encoding must give the same cursor back: Node's base64 decoder silently skips junk characters.
  if (!(position < conversionCount) || encodeCursor(position) !== cursor) {
    throw new ApiError(400, 'invalid cursor');
  }
  return position;
}
