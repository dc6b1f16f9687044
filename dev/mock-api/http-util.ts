/** Reading and writing JSON over node:http. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(body), { ...headers, 'Content-Type': 'application/json' });
}

export function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string>,
): void {
  if (res.destroyed || res.headersSent) return; // e.g. the client gave up during an injected delay
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

const MAX_BODY_BYTES = 1_000_000;

/** The request body parsed as JSON; an empty body is `{}`. Bad JSON is a 400. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'request body too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'request body is not valid JSON');
  }
}
