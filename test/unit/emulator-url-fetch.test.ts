import { spawn, type ChildProcess } from 'node:child_process';
import { emulatorWith, OWNER } from './emulator-bundle';

/**
 * A tiny HTTP server in a child process: the emulated UrlFetchApp blocks this thread while it waits, so the
 * server must not live here.
 */
const SERVER = `
  const http = require('node:http');
  let inFlight = 0;
  http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      const delay = Number(url.searchParams.get('delay') || 0);
      // How many requests were open when this one arrived: proves concurrency without timing anything.
      const open = ++inFlight;
      setTimeout(() => {
        inFlight--;
        if (url.pathname === '/echo') {
          res.setHeader('Content-Type', 'application/json');
          res.setHeader('Set-Cookie', ['a=1', 'b=2']);
          res.end(JSON.stringify({ method: req.method, path: req.url, headers: req.headers, body, open }));
        } else if (url.pathname === '/redirect') {
          res.writeHead(302, { Location: '/echo?from=redirect' });
          res.end();
        } else if (url.pathname === '/missing') {
          res.writeHead(404, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ error: 'not_found', detail: 'x'.repeat(300) }));
        } else {
          res.end('ok');
        }
      }, delay);
    });
  }).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });
`;

let server: ChildProcess;
let base = '';

beforeAll(async () => {
  server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) =>
    server.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  server.kill();
});

const CODE = `
  function get(url, params) {
    var r = UrlFetchApp.fetch(url, params || {});
    return { code: r.getResponseCode(), json: JSON.parse(r.getContentText()), type: r.getHeaders()['Content-Type'],
      cookies: r.getAllHeaders()['Set-Cookie'], blob: r.getBlob().getDataAsString() === r.getContentText() };
  }
  function status(url, params) { var r = UrlFetchApp.fetch(url, params); return [r.getResponseCode(), r.getContentText().length]; }
  function message(url, params) { try { UrlFetchApp.fetch(url, params || {}); return 'no error'; } catch (e) { return e.message; } }
  function all(urls) {
    var answers = UrlFetchApp.fetchAll(urls).map(function (r) { return JSON.parse(r.getContentText()); });
    return [answers.map(function (a) { return a.path; }), Math.max.apply(null, answers.map(function (a) { return a.open; }))];
  }
  function many(url, n) { for (var i = 0; i < n; i++) UrlFetchApp.fetch(url); }
`;
const full = { kind: 'full' as const, user: OWNER, spreadsheetId: null };

describe('UrlFetchApp over real sockets', () => {
  it('fetches synchronously: status, text, headers, blob', () => {
    const emu = emulatorWith(CODE);
    const r = emu.run<{
      code: number;
      json: { method: string; headers: Record<string, string> };
      type: string;
      cookies: string[];
      blob: boolean;
    }>('get', [`${base}/echo`, { headers: { Authorization: 'Bearer secret' } }], full);
    expect(r.code).toBe(200);
    expect(r.json.method).toBe('GET');
    expect(r.json.headers.authorization).toBe('Bearer secret');
    expect(r.type).toBe('application/json');
    expect(r.cookies).toEqual(['a=1', 'b=2']);
    expect(r.blob).toBe(true);
    expect(emu.lastExecutionCounters).toMatchObject({ urlFetchCalls: 1, urlFetchRequests: 1 });
  });

  it('sends payloads: strings with their content type, objects as forms', () => {
    const emu = emulatorWith(CODE);
    const json = emu.run<{ json: { method: string; body: string; headers: Record<string, string> } }>(
      'get',
      [`${base}/echo`, { method: 'post', contentType: 'application/json', payload: '{"a":1}' }],
      full,
    ).json;
    expect([json.method, json.body, json.headers['content-type']]).toEqual([
      'POST',
      '{"a":1}',
      'application/json',
    ]);
    const form = emu.run<{ json: { body: string; headers: Record<string, string> } }>(
      'get',
      [`${base}/echo`, { method: 'put', payload: { q: 'a b', n: 2 } }],
      full,
    ).json;
    expect([form.body, form.headers['content-type']]).toEqual([
      'q=a%20b&n=2',
      'application/x-www-form-urlencoded',
    ]);
  });

  it('throws on a status >= 400 unless muteHttpExceptions, naming only the origin', () => {
    const emu = emulatorWith(CODE);
    const msg = emu.run<string>('message', [`${base}/missing?key=secret`], full);
    expect(msg).toMatch(
      new RegExp(
        `^Request failed for ${base} returned code 404\\. Truncated server response: \\{"error":"not_found".{100,}\\.\\.\\. \\(use muteHttpExceptions option to examine full response\\)$`,
      ),
    );
    expect(msg).not.toContain('secret');
    expect(emu.run('status', [`${base}/missing`, { muteHttpExceptions: true }], full)).toEqual([404, 333]);
  });

  it('follows redirects unless told not to', () => {
    const emu = emulatorWith(CODE);
    expect(emu.run<{ json: { path: string } }>('get', [`${base}/redirect`], full).json.path).toBe(
      '/echo?from=redirect',
    );
    expect(emu.run('status', [`${base}/redirect`, { followRedirects: false }], full)).toEqual([302, 0]);
  });

  it('fetchAll sends the requests concurrently and answers in order', () => {
    const emu = emulatorWith(CODE);
    const urls = [`${base}/echo?delay=300&n=1`, `${base}/echo?delay=100&n=2`, `${base}/echo?delay=200&n=3`];
    const [paths, mostOpen] = emu.run<[string[], number]>('all', [urls], full);
    expect(paths).toEqual(['/echo?delay=300&n=1', '/echo?delay=100&n=2', '/echo?delay=200&n=3']);
    expect(mostOpen).toBe(3); // sent one after another, each would have found only itself open
    expect(emu.lastExecutionCounters).toMatchObject({ urlFetchCalls: 1, urlFetchRequests: 3 });
  });

  it('reaches only loopback hosts', () => {
    const emu = emulatorWith(CODE);
    expect(emu.run('message', ['https://platform.trygravity.ai/api/v1/info'], full)).toMatch(
      /^Address unavailable: https:\/\/platform\.trygravity\.ai\/api\/v1\/info/,
    );
    expect(emu.run('message', ['http://localhost:1/'], full)).toMatch(/^Address unavailable/);
    expect(emu.run('message', ['ftp://127.0.0.1/'], full)).toBe('Invalid argument: ftp://127.0.0.1/');
  });

  it('refuses URLs over 2 KB', () => {
    const emu = emulatorWith(CODE);
    expect(emu.run('message', [`${base}/echo?q=${'x'.repeat(2048)}`], full)).toBe(
      'Limit Exceeded: URLFetch URL Length.',
    );
  });

  it('enforces the daily quota per user, counted on the virtual clock', () => {
    const emu = emulatorWith(CODE, { urlFetchDailyQuota: 3 });
    emu.run('many', [`${base}/`, 3], full);
    expect(emu.run('message', [`${base}/`], full)).toBe(
      'Service invoked too many times for one day: urlfetch.',
    );
    emu.clock.advance(86_400_000);
    expect(emu.run('message', [`${base}/`], full)).toBe('no error');
  });
});
