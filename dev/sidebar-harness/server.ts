/**
 * A local stand-in for the sidebar's host: serves the BUILT sidebar page with a google.script.run stand-in
 * injected, and answers each call by running the server function (normally in the Apps Script emulator, see
 * `emulatorCall` in index.ts). Listens on 127.0.0.1 only. Server calls are handled one at a time and synchronously,
 * which is how the emulator runs them.
 */
import { readFileSync } from 'node:fs';
import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { refusedAsForeign } from './local-only';

/** Runs one server function with plain-data arguments; throws what the function throws. */
export type ServerCall = (fn: string, args: unknown[]) => unknown;

export interface SidebarHarnessOptions {
  /** The page to serve: the built HTML, read again on every page load so a rebuild shows on reload. */
  page: () => string;
  /** Top-level functions of the bundle google.script.run offers (see `serverFunctionNames`). */
  functions: readonly string[];
  call: ServerCall;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface HarnessCall {
  fn: string;
  ok: boolean;
  /** The error message when the call failed. Arguments are not kept: one of them may be an API key. */
  error?: string;
  ms: number;
}

export interface SidebarHarness {
  /** The sidebar page, e.g. http://127.0.0.1:43123/ */
  url: string;
  /** Every server call so far, oldest first. */
  calls: HarnessCall[];
  close(): Promise<void>;
}

export const RUN_ENDPOINT = '/script-run/';
const MAX_BODY_BYTES = 1_000_000;

/** The page-side stand-in with its function list and endpoint filled in. */
export function scriptRunStandIn(functions: readonly string[]): string {
  const source = readFileSync(join(__dirname, 'script-run.js'), 'utf8');
  const call = '(__FUNCTION_NAMES__, __ENDPOINT__);';
  if (!source.includes(call)) throw new Error(`script-run.js must end with ${call}`);
  return source.replace(call, () => `(${jsonForScript(functions)}, ${jsonForScript(RUN_ENDPOINT)});`);
}

/** Puts the stand-in first in <head>, before any script of the page, as Apps Script's iframe has it. */
export function injectStandIn(html: string, functions: readonly string[]): string {
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('the sidebar page has no <head>');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n<script>${scriptRunStandIn(functions)}</script>${html.slice(at)}`;
}

/**
 * The public top-level functions of a built Code.js: what google.script.run exposes. Names ending in "_"
 * are private in Apps Script and not callable from the page.
 */
export function serverFunctionNames(codeJs: string): string[] {
  return [...codeJs.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)]
    .map((match) => match[1])
    .filter((name) => !name.endsWith('_'));
}

export async function startSidebarHarness(options: SidebarHarnessOptions): Promise<SidebarHarness> {
  const calls: HarnessCall[] = [];
  const server = createServer((request, response) => {
    handle(request, response, options, calls).catch((error: unknown) => {
      send(response, 500, 'text/plain', String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: SidebarHarnessOptions,
  calls: HarnessCall[],
): Promise<void> {
  const refused = refusedAsForeign(request);
  if (refused) {
    send(response, 400, 'text/plain', refused);
    return;
  }
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (request.method === 'GET' && (path === '/' || path === '/sidebar.html')) {
    send(response, 200, 'text/html; charset=utf-8', injectStandIn(options.page(), options.functions));
    return;
  }
  if (path === '/favicon.ico') {
    send(response, 204, 'text/plain', '');
    return;
  }
  if (request.method === 'POST' && path.startsWith(RUN_ENDPOINT)) {
    const fn = decodeURIComponent(path.slice(RUN_ENDPOINT.length));
    const body = await readBody(request);
    sendJson(response, runCall(fn, body, options, calls));
    return;
  }
  send(response, 404, 'text/plain', 'not found');
}

type Answer = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };

function runCall(fn: string, body: string, options: SidebarHarnessOptions, calls: HarnessCall[]): Answer {
  const started = Date.now();
  let answer: Answer;
  try {
    if (!options.functions.includes(fn)) throw new Error(`Script function not found: ${fn}`);
    const parsed: unknown = JSON.parse(body);
    const args = (parsed as { args?: unknown }).args;
    if (!Array.isArray(args)) throw new Error('the call carried no argument list');
    const result = options.call(fn, args);
    const problem = notPlainData(result, 'the result');
    // Apps Script cannot carry a Date or a function back to the page either (reference/run, "Return").
    if (problem) throw new Error(`${fn} returned something google.script.run cannot carry: ${problem}`);
    const value: unknown = JSON.parse(JSON.stringify(result) ?? 'null');
    answer = { ok: true, value };
  } catch (error) {
    answer = { ok: false, error: describeError(error) };
  }
  calls.push({
    fn,
    ok: answer.ok,
    ...(answer.ok ? {} : { error: answer.error.message }),
    ms: Date.now() - started,
  });
  return answer;
}

/** Why a value is not plain data (tested by tag: values from the emulator's vm context are of another realm). */
function notPlainData(value: unknown, where: string): string | null {
  if (value === null || value === undefined) return null;
  if (['string', 'number', 'boolean'].includes(typeof value)) return null;
  if (typeof value !== 'object') return `${where} is a ${typeof value}`;
  const tag = Object.prototype.toString.call(value);
  if (tag !== '[object Object]' && tag !== '[object Array]') return `${where} is a ${tag.slice(8, -1)}`;
  for (const [key, item] of Object.entries(value)) {
    const problem = notPlainData(item, `${where}.${key}`);
    if (problem) return problem;
  }
  return null;
}

/** Errors from the emulator's vm context are not `instanceof Error` here: read their fields. */
function describeError(error: unknown): { name: string; message: string } {
  if (error && typeof error === 'object' && 'message' in error) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return { name: typeof name === 'string' ? name : 'Error', message: String(message) };
  }
  return { name: 'Error', message: String(error) };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, answer: Answer): void {
  send(response, 200, 'application/json; charset=utf-8', JSON.stringify(answer));
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/** JSON that is safe inside an inline <script>. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
