/**
 * The playground's web server (127.0.0.1 only): the page, its JSON API over a `PlaygroundSession`, the
 * exports, and the real sidebar served by the sidebar harness on a second port (the page shows it in an
 * iframe, as Sheets does).
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SidebarHarness, serverFunctionNames, startSidebarHarness } from '../sidebar-harness';
import { sheetCsv } from './export/csv';
import { spreadsheetXlsx } from './export/xlsx';
import { CellEdit, FAULT_LABELS, FaultName } from './protocol';
import { refusedAsForeign } from '../sidebar-harness/local-only';
import { PlaygroundInputError, PlaygroundSession, SessionOptions, messageOf } from './session';

export interface PlaygroundOptions extends SessionOptions {
  /** 0 picks a free port. When the port is taken, `fallBackToFreePort` decides what happens. */
  port: number;
  fallBackToFreePort?: boolean;
}

export interface Playground {
  url: string;
  session: PlaygroundSession;
  sidebar: SidebarHarness;
  close(): Promise<void>;
}

const PAGE_DIR = join(__dirname, 'page');
const MAX_BODY_BYTES = 100_000;
const A1_CELL = /^[A-Z]{1,3}[1-9]\d{0,6}$/;
const NEW_CONVERSIONS = 5;

class BadRequest extends PlaygroundInputError {}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const session = await PlaygroundSession.start(options);
  let sidebar: SidebarHarness | undefined;
  try {
    sidebar = await startSidebarHarness({
      page: () => session.sidebarPage(),
      functions: serverFunctionNames(readFileSync(join(options.distDir, 'Code.js'), 'utf8')),
      call: session.sidebarCall(),
    });
    const script = await pageScript();
    const harness = sidebar;
    const server = createServer((request, response) => {
      handle(request, response, session, harness, script).catch((error: unknown) => {
        const status = error instanceof PlaygroundInputError ? 400 : 500;
        send(response, status, 'application/json', JSON.stringify({ error: messageOf(error) }));
      });
    });
    const port = await listen(server, options.port, options.fallBackToFreePort ?? false);
    return {
      url: `http://127.0.0.1:${port}/`,
      session,
      sidebar: harness,
      close: async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await harness.close();
        await session.close();
      },
    };
  } catch (error) {
    await sidebar?.close();
    await session.close();
    throw error;
  }
}

function listen(server: Server, port: number, fallBack: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      if (error.code === 'EADDRINUSE' && fallBack && port !== 0) {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
      } else reject(error);
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The page's script, bundled from page/app.ts once at startup. */
async function pageScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(PAGE_DIR, 'app.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  session: PlaygroundSession,
  sidebar: SidebarHarness,
  script: string,
): Promise<void> {
  const refused = refusedAsForeign(request);
  if (refused) throw new BadRequest(refused);
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  if (request.method === 'GET') {
    if (path === '/') return sendPage(response, sidebar);
    if (path === '/app.js') return send(response, 200, 'text/javascript; charset=utf-8', script);
    if (path === '/style.css')
      return send(response, 200, 'text/css; charset=utf-8', readFileSync(join(PAGE_DIR, 'style.css')));
    if (path === '/favicon.ico') return send(response, 204, 'text/plain', '');
    if (path === '/api/version') return sendJson(response, { version: session.version });
    if (path === '/api/state') return sendJson(response, session.state(sidebar.url));
    if (path === '/export/tab.csv') return sendCsv(response, session, url.searchParams.get('tab') ?? '');
    if (path === '/export/spreadsheet.xlsx') {
      const file = spreadsheetXlsx(session.spreadsheet);
      return sendFile(response, file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', [
        session.spreadsheet.name,
        'xlsx',
      ]);
    }
    return send(response, 404, 'text/plain', 'not found');
  }
  if (request.method !== 'POST') return send(response, 405, 'text/plain', 'method not allowed');
  const body = await readJson(request);
  switch (path) {
    case '/api/cell':
      session.editCell(cellEdit(body));
      break;
    case '/api/tab':
      session.selectTab(text(body, 'name', 100));
      break;
    case '/api/menu':
      session.runMenuItem(text(body, 'handler', 100));
      break;
    case '/api/schedule/run':
      session.fireSchedule();
      break;
    case '/api/mock/fault':
      await session.injectFault(faultName(body));
      break;
    case '/api/mock/conversions':
      await session.newConversions(NEW_CONVERSIONS);
      break;
    case '/api/mock/reset':
      await session.resetMock();
      break;
    default:
      return send(response, 404, 'text/plain', 'not found');
  }
  sendJson(response, session.state(sidebar.url));
}

function sendPage(response: ServerResponse, sidebar: SidebarHarness): void {
  const sidebarOrigin = new URL(sidebar.url).origin;
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; ` +
      `frame-src ${sidebarOrigin}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    'x-content-type-options': 'nosniff',
  });
  response.end(readFileSync(join(PAGE_DIR, 'index.html')));
}

function sendCsv(response: ServerResponse, session: PlaygroundSession, tab: string): void {
  const sheet = session.spreadsheet.sheet(tab);
  if (!sheet) throw new BadRequest(`There is no tab called "${tab}".`);
  // A byte-order mark so that spreadsheet programs read the file as UTF-8.
  const csv = Buffer.from(`\uFEFF${sheetCsv(sheet)}`, 'utf8');
  sendFile(response, csv, 'text/csv; charset=utf-8', [`${session.spreadsheet.name} - ${tab}`, 'csv']);
}

function sendFile(response: ServerResponse, data: Buffer, type: string, [name, ext]: [string, string]): void {
  const ascii = name.replace(/[^\w .()-]/g, '_');
  response.writeHead(200, {
    'content-type': type,
    'cache-control': 'no-store',
    'content-disposition': `attachment; filename="${ascii}.${ext}"; filename*=UTF-8''${encodeURIComponent(
      `${name}.${ext}`,
    )}`,
  });
  response.end(data);
}

function cellEdit(body: Record<string, unknown>): CellEdit {
  const a1 = text(body, 'a1', 12).toUpperCase();
  if (!A1_CELL.test(a1)) throw new BadRequest(`"${a1}" is not a cell like A1.`);
  return { tab: text(body, 'tab', 100), a1, text: text(body, 'text', 50_000) };
}

function faultName(body: Record<string, unknown>): FaultName {
  const name = text(body, 'name', 40);
  if (!Object.hasOwn(FAULT_LABELS, name)) throw new BadRequest(`unknown fault ${name}`);
  return name as FaultName;
}

function text(body: Record<string, unknown>, key: string, max: number): string {
  const value = body[key];
  if (typeof value !== 'string' || value.length > max)
    throw new BadRequest(`${key} must be a string of at most ${max} characters`);
  return value;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('request body too large');
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  let parsed: unknown;
  try {
    parsed = raw === '' ? {} : JSON.parse(raw);
  } catch {
    throw new BadRequest('the body is not JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new BadRequest('send an object');
  return parsed as Record<string, unknown>;
}

function sendJson(response: ServerResponse, value: unknown): void {
  send(response, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}
